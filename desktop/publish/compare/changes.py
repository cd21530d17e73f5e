"""Changes since a snapshot as a PDF list: where, what, before and after (A4 landscape)."""

from __future__ import annotations

import time
from pathlib import Path

from db.changes import FieldChange

from ..booklet.style import GREY
from ..progress import Progress
from ..typeset import BuildReport, register_fonts
from .table import Cell, Column, PagedTable, Row
from .years import ADDED, GONE

BEFORE = GONE
AFTER = ADDED


def change_rows(changes: list[FieldChange]) -> list[Row]:
    rows = []
    for change in changes:
        old = Cell("(なし)", color=GREY) if change.old is None else Cell(change.old, BEFORE)
        new = Cell("(削除)", color=GREY) if change.new is None else Cell(change.new, AFTER)
        rows.append(Row([Cell(change.place), Cell(change.field, bold=True), old, new]))
    if not rows:
        rows.append(Row([Cell("変更はありません"), Cell(""), Cell(""), Cell("")]))
    return rows


def build_changes_pdf(changes: list[FieldChange], title: str, subtitle: str,
                      output: str | Path, *, author: str = "",
                      progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    register_fonts()
    table = PagedTable(title, subtitle, [Column("場所", 190), Column("項目", 70),
                                         Column("変更前", 257), Column("変更後", 257)],
                       author=author)
    pages = table.render(change_rows(changes), output, progress)
    return BuildReport(pages=pages, seconds=time.perf_counter() - started)
