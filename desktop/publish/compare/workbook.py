"""The comparison as an Excel workbook, for staff who work in Excel: one row per item with its
section, marks, both years' titles and amounts, the difference and %; sections' subtotals."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill

from db.changes import FieldChange
from db.compare import MARK_LABELS, Comparison

from ..output import atomic_output

FONT_NAME = "BIZ UDPゴシック"
AMOUNT = '#,##0;"△"#,##0'
PERCENT = '0.0%;"△"0.0%'
_BOLD = Font(name=FONT_NAME, bold=True)
_PLAIN = Font(name=FONT_NAME)
_HEAD_FILL = PatternFill("solid", fgColor="DDE6F0")
_SECTION_FILL = PatternFill("solid", fgColor="EEF2F7")
_FILLS = {"added": PatternFill("solid", fgColor="E3F4E1"),
          "discontinued": PatternFill("solid", fgColor="ECECEC"),
          "unlisted": PatternFill("solid", fgColor="ECECEC"),
          "renamed": PatternFill("solid", fgColor="FFF4CC")}
_WRAP = Alignment(wrap_text=True, vertical="top")


def _cell(sheet, value, *, font=_PLAIN, fill=None, number_format=None, wrap=False):
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = font
    if fill is not None:
        cell.fill = fill
    if number_format:
        cell.number_format = number_format
    if wrap:
        cell.alignment = _WRAP
    return cell


def write_comparison_workbook(c: Comparison, output: str | Path) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("新旧対照")
    for letter, width in zip("ABCDEFGHI", (34, 14, 44, 14, 44, 14, 14, 9, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    sheet.append([_cell(sheet, f"{c.plan_name} 新旧対照表 ({c.from_label} → {c.to_label})",
                        font=Font(name=FONT_NAME, bold=True, size=13))])
    sheet.append([_cell(sheet, title, font=_BOLD, fill=_HEAD_FILL) for title in (
        "区分", "変更", f"旧 {c.from_label} 取組名・事業名", f"旧 {c.from_label} 金額(千円)",
        f"新 {c.to_label} 取組名・事業名", f"新 {c.to_label} 金額(千円)", "増減(千円)", "増減率",
        "備考")])
    for section in c.sections:
        for row in section.rows:
            fill = next((_FILLS[m] for m in row.marks if m in _FILLS), None)
            percent = None if row.percent is None else row.percent / 100
            sheet.append([
                _cell(sheet, section.title), _cell(sheet, "・".join(MARK_LABELS[m]
                                                                    for m in row.marks), fill=fill),
                _cell(sheet, row.previous_title), _cell(sheet, row.previous, number_format=AMOUNT),
                _cell(sheet, None if {"discontinued", "unlisted"} & set(row.marks) else row.title,
                      fill=fill),
                _cell(sheet, row.amount, number_format=AMOUNT),
                _cell(sheet, row.difference, number_format=AMOUNT),
                _cell(sheet, percent, number_format=PERCENT), _cell(sheet, row.note)])
        percent = None if section.percent is None else section.percent / 100
        sheet.append([_cell(sheet, section.title, font=_BOLD, fill=_SECTION_FILL),
                      _cell(sheet, "小計", font=_BOLD, fill=_SECTION_FILL),
                      _cell(sheet, None, fill=_SECTION_FILL),
                      _cell(sheet, section.previous, font=_BOLD, fill=_SECTION_FILL,
                            number_format=AMOUNT),
                      _cell(sheet, None, fill=_SECTION_FILL),
                      _cell(sheet, section.amount, font=_BOLD, fill=_SECTION_FILL,
                            number_format=AMOUNT),
                      _cell(sheet, section.difference, font=_BOLD, fill=_SECTION_FILL,
                            number_format=AMOUNT),
                      _cell(sheet, percent, font=_BOLD, fill=_SECTION_FILL,
                            number_format=PERCENT)])
    with atomic_output(output, ".xlsx") as temp:
        book.save(temp)
    return Path(output)


def write_changes_workbook(changes: list[FieldChange], title: str, output: str | Path) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("変更点")
    for letter, width in zip("ABCD", (40, 16, 60, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A3"
    sheet.append([_cell(sheet, title, font=Font(name=FONT_NAME, bold=True, size=13))])
    sheet.append([_cell(sheet, t, font=_BOLD, fill=_HEAD_FILL)
                  for t in ("場所", "項目", "変更前", "変更後")])
    for change in changes:
        sheet.append([_cell(sheet, change.place, wrap=True), _cell(sheet, change.field),
                      _cell(sheet, "(なし)" if change.old is None else change.old, wrap=True),
                      _cell(sheet, "(削除)" if change.new is None else change.new, wrap=True)])
    with atomic_output(output, ".xlsx") as temp:
        book.save(temp)
    return Path(output)
