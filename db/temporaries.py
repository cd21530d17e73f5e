"""The temporary files a writer builds beside a plan file, and the ones killed writers left.

A new plan file (or a copy) is built under a unique name beside its target, then renamed into
place. A writer killed before the rename leaves that file behind. It is never adopted (its name
is random), but in a city's shared folder such litter would pile up, so every temporary has an
*owner lock*: a small file ``.NAME.KEY.lock``, created before the temporary ``.NAME.KEY.building``
(or ``.copy``) and held locked by the writer until the temporary is gone. The next writer to the
same target removes every temporary of that pattern whose lock nobody holds (its writer is dead).
A live writer's temporary is never touched, even from another computer on a file share: the
lock is held by the file server, and a lock that cannot be tested counts as held.

The lock is on a file of its own, never on the database being built: SQLite locks byte ranges of
that file itself, and on SMB shares a whole-file lock would bar SQLite's own reads and writes.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ORPHAN_AGE = 60.0  # seconds: a temporary without a lock file, younger than this, is left alone
_HELD: set[str] = set()  # owner locks this process holds (a test-lock here could release them)


def creation_mode() -> int:
    """The permissions a new file gets from the umask (what ``open()`` would give it)."""
    if sys.platform == "win32":
        return 0o666
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _pattern(name: str) -> re.Pattern:
    """Names of the temporaries of a target called ``name``: KEY is mkstemp's 8 characters."""
    return re.compile(rf"\.{re.escape(name)}\.(?P<key>[a-z0-9_]{{8}})"
                      rf"\.(?:lock|building|copy)(?:-wal|-shm|-journal)?")


def _lock(handle: int, wait: bool) -> bool:
    """An exclusive lock on the open file ``handle``; False when another holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _owner_lock(path: Path) -> tuple[int, Path]:
    """Create and lock a new owner lock beside ``path`` (its name is the temporary's key)."""
    import tempfile  # only here: opening a file to read it needs none (`planbook info`)

    while True:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".lock", dir=path.parent)
        if sys.platform != "win32":
            os.fchmod(handle, creation_mode())  # other users' writers must be able to test it
        _lock(handle, wait=True)
        try:  # a sweeper that locked it first (between mkstemp and here) has removed it
            mine = os.path.samestat(os.stat(name), os.fstat(handle))
        except FileNotFoundError:
            mine = False
        if mine:
            _HELD.add(os.path.abspath(name))
            return handle, Path(name)
        os.close(handle)


@contextmanager
def temporary_beside(path: Path, suffix: str) -> Iterator[Path]:
    """A new, empty file with a name nobody else uses beside ``path`` (the umask's
    permissions), owned by this process while the block runs and then removed with its
    -wal/-shm/-journal (once renamed into place it is gone already). Stale temporaries that
    dead writers left for ``path`` are removed first. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    handle, lock = _owner_lock(path)
    temporary = lock.with_name(lock.name.removesuffix(".lock") + suffix)
    try:
        os.close(os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except OSError:
        _let_go(handle, lock)
        raise
    try:
        yield temporary
    finally:
        try:
            remove_with_sidecars(temporary)
        finally:
            _let_go(handle, lock)


def _let_go(handle: int, lock: Path) -> None:
    _HELD.discard(os.path.abspath(lock))
    _drop_lock(handle, lock)


def _drop_lock(handle: int, lock: Path) -> None:
    """Remove an owner lock this process holds, then close it (on Windows the other way
    round: an open file cannot be removed there)."""
    if sys.platform == "win32":
        os.close(handle)
    try:
        lock.unlink(missing_ok=True)
    except OSError:
        pass  # left for the next writer's sweep
    finally:
        if sys.platform != "win32":
            os.close(handle)


def remove_stale_temporaries(path: Path) -> list[str]:
    """Remove the temporaries beside ``path`` whose writer is dead; returns their names."""
    folder = path.parent
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    pattern = _pattern(path.name)
    by_key: dict[str, list[str]] = {}
    for name in names:
        match = pattern.fullmatch(name)
        if match:
            by_key.setdefault(match["key"], []).append(name)
    removed = []
    for key, files in by_key.items():
        lock = folder / f".{path.name}.{key}.lock"
        if os.path.abspath(lock) in _HELD:
            continue
        try:
            handle = os.open(lock, os.O_RDWR)
        except FileNotFoundError:  # an old PlanBook's temporary (they had no lock): if old
            if all(_age(folder / name) > ORPHAN_AGE for name in files):
                removed += _remove(folder, files)
            continue
        except OSError:
            continue  # cannot be tested (another user's, …): counts as held
        if not _lock(handle, wait=False):
            os.close(handle)  # a live writer's
            continue
        removed += _remove(folder, [name for name in files if not name.endswith(".lock")])
        _drop_lock(handle, lock)
        removed.append(lock.name)
    return removed


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")


def _remove(folder: Path, names: list[str]) -> list[str]:
    removed = []
    for name in names:
        try:
            (folder / name).unlink()
            removed.append(name)
        except FileNotFoundError:
            pass
        except OSError:
            break  # in use (Windows) or not ours to remove: the rest stays with it
    return removed
