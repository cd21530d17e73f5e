"""Writing an output file all at once: a temporary file beside it, renamed over it at the end.

    with atomic_output("plan.pdf", ".pdf") as temp:
        canvas = Canvas(str(temp)); ...; canvas.save()

The booklet, the ward sheets (one PDF or one per ward) and the ward workbooks all write this
way, so a cancelled or failed export never leaves a partial file or replaces a good one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db.planfile import sync_folder
from db.temporaries import creation_mode


@contextmanager
def atomic_output(path: str | Path, suffix: str) -> Iterator[Path]:
    """Yield a temporary path in ``path``'s folder (created if missing) to write to.

    The file gets the permissions the umask gives new files. When the block succeeds it is
    flushed to disk and renamed over ``path``; when it
    raises anything (Cancelled, KeyboardInterrupt included) the temporary file is removed and
    ``path`` is left as it was."""
    path = Path(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.stem}.partial-", suffix=suffix, dir=folder)
    try:
        if os.name == "posix":  # mkstemp makes it 0600: colleagues on a share could not open it
            os.fchmod(handle, creation_mode())
    finally:
        os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    sync_folder(folder)

