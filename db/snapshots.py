"""Snapshots of an edition (what was printed, or sent out for review) and what changed since.

A snapshot's content is the edition in the interchange format, with each picture's image data
replaced by its SHA-256 and each initiative's printed 前年度 (derived) added, so "changes since"
compares what readers saw, field by field, wording included.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .change_log import now
from .history import insert_snapshot, snapshots, who
from .interchange import export_edition
from .records import EditionSnapshot
from .store import PlanStore


def edition_content(store: PlanStore, fiscal_year: int) -> dict:
    doc = store.load(fiscal_year)
    content = export_edition(store, doc, history=False)
    for item, out in zip(doc.initiatives, content["initiatives"], strict=True):
        out["previous"] = item.previous
        for picture in out["pictures"]:
            if picture["image"]:
                digest = hashlib.sha256(picture["image"].encode("ascii", "replace")).hexdigest()
                picture["image"] = f"sha256:{digest}"
    return content


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_snapshot(store: PlanStore, fiscal_year: int, kind: str, *, pdf: str | Path | None = None,
                    page_count: int | None = None, note: str = "", user: str | None = None
                    ) -> EditionSnapshot:
    """Record the edition as it is now (``kind``: printed or review), with the PDF's hash."""
    edition = store.edition(fiscal_year)
    if edition is None:
        raise KeyError(fiscal_year)
    snapshot = EditionSnapshot(kind, now(), who(store, user), page_count,
                               file_sha256(pdf) if pdf is not None else "", note,
                               edition_content(store, fiscal_year))
    insert_snapshot(store, edition.id, snapshot)
    return snapshot


def should_record(store: PlanStore, fiscal_year: int, requested: bool) -> str | None:
    """The snapshot kind a booklet export records: always for a final edition ("printed"),
    for a draft only when asked ("review"); None: no snapshot."""
    edition = store.edition(fiscal_year)
    if edition is not None and edition.status == "final":
        return "printed"
    return "review" if requested else None


def latest_snapshot(store: PlanStore, fiscal_year: int) -> EditionSnapshot | None:
    found = snapshots(store, fiscal_year)
    return found[-1] if found else None
