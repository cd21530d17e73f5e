"""The 新旧対照表 PDF: two fiscal years side by side, changes highlighted (A4 landscape)."""

from __future__ import annotations

import time
from pathlib import Path

from reportlab.lib.colors import HexColor

from db.compare import CompareRow, CompareSection, Comparison

from ..booklet.style import GREY, PLAN, WARD, colour
from ..progress import Progress
from ..typeset import BuildReport, register_fonts
from .cells import amount_text, difference_text, marks_text, percent_text
from .table import Cell, Column, PagedTable, Row

ADDED = HexColor("#E3F4E1")
GONE = HexColor("#ECECEC")
CHANGED = HexColor("#FFF4CC")
DECREASE = HexColor("#C62828")


def _columns(c: Comparison) -> list[Column]:
    return [Column("区分", 72), Column("取組名・事業名", 213), Column("金額(千円)", 78, True),
            Column("取組名・事業名", 213), Column("金額(千円)", 78, True),
            Column("増減(千円)", 72, True), Column("増減率", 48, True)]


def _row(row: CompareRow) -> Row:
    gone = bool({"discontinued", "unlisted"} & set(row.marks))
    added = "added" in row.marks
    amount_changed = not gone and not added and (row.difference or 0) != 0
    difference = row.difference
    red = DECREASE if difference is not None and difference < 0 else None
    old_title = Cell("―", ADDED, GREY) if added else Cell(row.previous_title or "")
    old_amount = Cell("", ADDED) if added else Cell(amount_text(row.previous, missing="-"))
    if gone:
        new_title = Cell(f"({'廃止・終了' if 'discontinued' in row.marks else '掲載終了'})", GONE, GREY)
        new_amount = Cell("―", GONE, GREY)
    else:
        new_title = Cell(row.title, ADDED if added else CHANGED if "renamed" in row.marks else None)
        new_amount = Cell(amount_text(row.amount), ADDED if added else
                          CHANGED if amount_changed else None, GREY if row.amount is None else None)
    return Row([Cell(marks_text(row), bold=True, color=DECREASE if gone else None),
                old_title, old_amount, new_title, new_amount,
                Cell(difference_text(difference), color=red),
                Cell(percent_text(row.percent), color=red)])


def _total(label: str, amount: int | None, previous: int, percent: float | None) -> Row:
    difference = None if amount is None else amount - previous
    red = DECREASE if difference is not None and difference < 0 else None
    return Row([Cell(label, bold=True), Cell(""), Cell(amount_text(previous), bold=True),
                Cell(""), Cell(amount_text(amount), bold=True),
                Cell(difference_text(difference), bold=True, color=red),
                Cell(percent_text(percent), bold=True, color=red)], total=True)


def _band_colour(section: CompareSection):
    if section.kind in ("ward", "ward_projects"):
        return WARD
    return colour(section.colour, PLAN)


def comparison_rows(c: Comparison) -> list[Row]:
    rows: list[Row] = []
    for section in c.sections:
        rows.append(Row(band=section.title, colour=_band_colour(section)))
        rows.extend(_row(r) for r in section.rows)
        rows.append(_total("小計", section.amount, section.previous, section.percent))
    rows.append(Row(band="合計 (全取組)", colour=PLAN))
    percent = ((c.amount - c.previous) * 100.0 / c.previous
               if c.previous and c.amount is not None else None)
    rows.append(_total("合計", c.amount, c.previous, percent))
    return rows


def build_comparison_pdf(c: Comparison, output: str | Path, *,
                         progress: Progress | None = None) -> BuildReport:
    started = time.perf_counter()
    register_fonts()
    counts = c.counts()
    table = PagedTable(
        f"{c.plan_name} 新旧対照表 ({c.from_label} → {c.to_label})",
        f"新規 {counts['added']}件 / 廃止・終了 {counts['discontinued']}件 / 名称変更 "
        f"{counts['renamed']}件 / 移動 {counts['moved']}件 / 金額の増減 {counts['changed']}件",
        _columns(c), [(f"旧 {c.from_label}", 1, 2), (f"新 {c.to_label}", 3, 2)],
        author=c.plan_name)
    pages = table.render(comparison_rows(c), output, progress)
    return BuildReport(pages=pages, seconds=time.perf_counter() - started)
