"""Daily safety copies of a plan file, so a bad day of edits can always be walked back.

The editor calls ``daily_backup`` each time it opens a file: the first open of a day writes a
consistent copy (SQLite's backup API) into the backups folder, and only the newest ``keep``
copies of that file are kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from .store import PlanStore


def backup_folder(root: Path, plan_path: Path) -> Path:
    """One folder per plan file: its name plus a short hash of its full path."""
    digest = hashlib.sha1(str(plan_path.resolve()).encode("utf-8")).hexdigest()[:8]
    safe = re.sub(r"[^\w.-]", "_", plan_path.stem) or "plan"
    return root / f"{safe}-{digest}"


def daily_backup(store: PlanStore, root: Path, *, keep: int = 14,
                 today: dt.date | None = None) -> Path | None:
    """Copy the plan into ``root`` once a day; returns the new copy, or None if today's exists."""
    if store.path is None:
        return None
    folder = backup_folder(root, Path(store.path))
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (today or dt.date.today()).strftime("%Y-%m-%d")
    target = folder / f"{stamp}.sqlite"
    if target.exists():
        return None
    store.save_copy(target)
    copies = sorted(folder.glob("????-??-??.sqlite"))
    for old in copies[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
