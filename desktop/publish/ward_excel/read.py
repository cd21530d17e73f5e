"""Reading an edited workbook back: every cell checked, every problem listed, or the rows."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from db import limits
from db.era import era_label
from db.errors import ValidationError
from db.messages import msg, shown
from db.money import MAX_AMOUNT, AmountError, format_amount, parse_amount

from .cells import REFUSED, Grid, not_ward_sheet, open_workbook, read_grid
from .sheet_format import (
    AMOUNTS,
    BASE_FIELDS,
    COL,
    COLUMNS,
    DELETE_MARKS,
    EDITABLE,
    FIRST_ROW,
    FORMAT,
    FORMAT_VERSION,
    HEADER_ROW,
    LETTER,
    MAX_ROW,
    META_SHEET,
    STATUS_INPUT,
    TOTAL_MARK,
    UNDER_TOTAL_LABELS,
    V1_COLUMNS,
)

MAX_INTEGER = limits.MAX_INTEGER
EDITABLE_COLUMNS = {COL[key] for key in EDITABLE}


@dataclass
class WorkbookRow:
    """One project row as typed in the workbook (already parsed and checked)."""

    row: int
    id: int | None
    number: int | None
    name: str
    description: str
    initial: int | None
    revised: int | None
    settled: int | None
    group: str | None
    status: str | None
    delete: bool = False
    base: dict[str, Any] | None = None  # the row's values when it was exported
    tag: str | None = None  # the row identity's signature (see identity.py)
    base_text: str = ""

    @property
    def where(self) -> str:
        return f"row {self.row}"


@dataclass
class WardWorkbook:
    path: Path
    ward: str
    fiscal_year: int
    sheet: str
    format_version: int
    rows: list[WorkbookRow]
    warnings: list[str] = field(default_factory=list)
    exported_ids: set[int] | None = None  # the projects the workbook was exported with
    exported_text: str = ""
    signature: str | None = None  # the identity's signature (see identity.py)

    def cell(self, key: str, row: int) -> str:
        return f"{self.sheet}!{LETTER[key]}{row}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and value.bit_length() > 256:  # str() fails beyond 4,300 digits
        return f"({int(value.bit_length() * 0.30103):,}桁の数)"
    return str(value).strip()


def _cell_amount(value: Any) -> int | None:
    """Excel's value of an amount cell → 千円, or AmountError with the user's words."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError(msg("「%1」 is not an amount", value))
    if isinstance(value, int):
        if value < 0:
            raise AmountError(msg("「%1」 is not allowed: the amount cannot be negative",
                                  format_amount(max(value, -MAX_AMOUNT))))
        if value > MAX_AMOUNT:
            raise AmountError(msg("「%1」 is not an amount: the number is too large",
                                  _text(value)))
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise AmountError(msg("「%1」 is not an amount: amounts are whole 千円, no decimals",
                                  shown(f"{value:g}")))
        return _cell_amount(int(value))
    if isinstance(value, str):
        if value.strip().startswith("="):
            raise AmountError(msg("「%1」 is not an amount: type the figure, not a formula",
                                  shown(value)))
        if len(value) > 40:
            raise AmountError(msg("「%1」 is not an amount: the number is too large",
                                  shown(value)))
        return parse_amount(value, allow_negative=False)
    raise AmountError(msg("「%1」 is not an amount", shown(value)))


def read_ward_workbook(path: str | Path) -> WardWorkbook:
    """Read and check an exported ward workbook; ValidationError lists every problem found."""
    path = Path(path)
    wb = open_workbook(path)
    try:
        return _read(path, wb)
    finally:
        wb.close()


def _read(path: Path, wb) -> WardWorkbook:
    if META_SHEET not in wb.sheetnames:
        raise not_ward_sheet(path, msg("it has no %1 sheet", META_SHEET))
    meta_grid = read_grid(path, wb[META_SHEET], 20, 2)
    meta = {_text(meta_grid.value(r, 1)): meta_grid.value(r, 2) for r in range(1, 21)}
    if _text(meta.get("format")) != FORMAT:
        raise not_ward_sheet(path, msg("its %1 sheet is not a ward sheet's", META_SHEET))
    version, year = _small_int(meta.get("format_version")), _small_int(meta.get("fiscal_year"))
    if version is None or year is None or not 1989 <= year <= 2200:
        raise not_ward_sheet(path, msg("its format version or fiscal year is unreadable"))
    if version > FORMAT_VERSION:
        raise ValidationError(
            [msg("%1: written by a newer PlanBook (ward sheet format %2; this PlanBook reads up "
                 "to %3); install the newer PlanBook to import it", path.name, version,
                 FORMAT_VERSION)], msg(REFUSED))
    ward = _text(meta.get("ward"))
    sheet = _text(meta.get("sheet"))
    if not ward or sheet not in wb.sheetnames:
        raise not_ward_sheet(path, msg("the ward's sheet 「%1」 is missing", shown(sheet)))
    grid = read_grid(path, wb[sheet], MAX_ROW, len(COLUMNS))
    book = WardWorkbook(path, ward, year, sheet, version, [])
    book.signature = _text(meta.get("signature")) or None
    book.exported_text = _text(meta.get("project_ids"))
    if "project_ids" in meta:
        try:
            book.exported_ids = {int(i) for i in book.exported_text.split(",") if i}
        except ValueError:
            raise not_ward_sheet(path, msg("its list of exported projects is unreadable")) from None
    problems: list[str] = []
    columns = COLUMNS if version >= 2 else COLUMNS[:V1_COLUMNS]
    headers = [_text(grid.value(HEADER_ROW, COL[key])) for key, _, _ in columns]
    if headers != [header for _, header, _ in columns]:
        raise not_ward_sheet(path, msg("the header row %1!%2 was changed", sheet, HEADER_ROW))

    total_row = None
    for row in range(FIRST_ROW, grid.last_row + 1):
        if _text(grid.value(row, COL["id"])) == TOTAL_MARK:
            total_row = row
            break
        parsed = _read_row(book, grid, row, problems)
        if parsed is not None:
            book.rows.append(parsed)
    if total_row is None:
        problems.append(msg("%1: the total row (合計) is missing; PlanBook cannot tell where the "
                            "projects end", sheet))
    else:
        _check_totals(book, grid, total_row, problems)
    _check_beyond(book, grid, problems)
    _check_duplicates(book, problems)
    if problems:
        raise ValidationError(problems, msg("%1 was refused; nothing was imported. Correct these "
                                            "cells and import it again:", path.name))
    return book


def _small_int(value: Any) -> int | None:
    text = _text(value)
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None


def _read_row(book: WardWorkbook, grid: Grid, row: int, problems: list[str]) -> WorkbookRow | None:
    raw = {key: grid.value(row, COL[key]) for key in COL}
    if all(_text(raw[key]) == "" for key in EDITABLE + ("id",)):
        return None
    where = {key: book.cell(key, row) for key in COL}
    before = len(problems)

    for key in ("name", "description", "group", "number", "status", "delete"):
        if grid.is_formula(row, COL[key]):
            problems.append(msg("%1: holds a formula (%2); type the text itself", where[key],
                                shown(raw[key])))
            raw[key] = None
    project_id = None
    if _text(raw["id"]):
        project_id = _small_int(raw["id"])
        if project_id is None:
            problems.append(msg("%1: the hidden PlanBook ID 「%2」 was changed; export the sheet "
                                "again", where["id"], shown(_text(raw["id"]))))
    row_ward, row_year = _text(raw["ward"]), _text(raw["year"])
    if row_ward or row_year:
        if row_ward != book.ward or row_year != str(book.fiscal_year):
            other = f"{shown(row_ward or '?')} {_year_label(row_year)}"
            problems.append(msg("%1: this row belongs to %2, not to %3 %4; a %3 file may change "
                                "only %3's projects for %4", where["ward"], other, book.ward,
                                era_label(book.fiscal_year)))

    number = None
    if _text(raw["number"]):
        text = unicodedata.normalize("NFKC", _text(raw["number"]))
        if (text.isascii() and text.isdigit() and len(text) <= 18 and int(text) >= 1
                and not isinstance(raw["number"], bool)):
            number = int(text)
        else:
            problems.append(msg("%1: 「%2」 is not a project number (a whole number from 1)",
                                where["number"], shown(_text(raw["number"]))))
    amounts: dict[str, int | None] = {}
    for key in AMOUNTS:
        try:
            amounts[key] = _cell_amount(raw[key])
        except AmountError as error:
            problems.append(msg("%1: %2", where[key], error.args[0] if error.args else error))
    status = None
    if _text(raw["status"]):
        status = STATUS_INPUT.get(unicodedata.normalize("NFKC", _text(raw["status"])))
        if status is None:
            problems.append(msg("%1: 「%2」 is not a status: use 新規, 継続 or 拡充 (or leave it "
                                "blank)", where["status"], shown(_text(raw["status"]))))
    delete = False
    if _text(raw["delete"]):
        delete = _text(raw["delete"]) in DELETE_MARKS
        if not delete:
            problems.append(msg("%1: 「%2」: to remove the project choose 削除; otherwise leave "
                                "the cell blank", where["delete"], shown(_text(raw["delete"]))))
    name = _text(raw["name"])
    if not name and not delete:
        problems.append(msg("%1: 事業名 is missing (every project needs a name; to remove a "
                            "project choose 削除 in its row)", where["name"]))
    texts = {"name": name, "description": _text(raw["description"]),
             "group": _text(raw["group"])}
    for key, value in texts.items():
        problem = limits.text_problem("ward_project" if key != "group" else "ward_group",
                                      key if key != "group" else "title", value)
        if problem:
            problems.append(msg("%1: %2", where[key], problem))
            texts[key] = value[:limits.NAME]
    if delete and project_id is None and len(problems) == before:
        return None  # a new row marked 削除: nothing to add
    # A row with problems is still returned, so duplicates across rows are found too; the
    # workbook is refused as a whole anyway.
    base = None
    if project_id is not None and _text(raw["base"]):
        base = _base_values(_text(raw["base"]))
        if base is None:
            problems.append(msg("%1: the hidden export values were changed; export the sheet "
                                "again", where["base"]))
    return WorkbookRow(row, project_id, number, texts["name"], texts["description"],
                       amounts.get("initial"), amounts.get("revised"), amounts.get("settled"),
                       texts["group"] or None, status, delete, base,
                       tag=_text(raw["tag"]) or None, base_text=_text(raw["base"]))


def _base_values(text: str) -> dict[str, Any] | None:
    """The hidden export values: a flat JSON list of numbers, text and nulls, else None."""
    if len(text) > 4 * limits.PARAGRAPH or text[:1] != "[" or text.count("[") != 1:
        return None
    try:
        values = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not (isinstance(values, list) and len(values) == len(BASE_FIELDS)):
        return None
    for value in values:
        if isinstance(value, bool) or not (value is None or isinstance(value, str)
                                           or (isinstance(value, int) and abs(value) <= MAX_AMOUNT)):
            return None
    return dict(zip(BASE_FIELDS, values, strict=True))


def _year_label(text: str) -> str:
    year = _small_int(text)
    return era_label(year) if year is not None and 1989 <= year <= 2200 else shown(text or "?")


# The rows under 合計 hold the allocation, the remainder and the execution rate: their labels in
# 事業名 (merged over 事業内容) and a figure or formula in 当初予算. Nothing else belongs there.
_UNDER_TOTAL_ROWS = 3


def _check_totals(book: WardWorkbook, grid: Grid, total_row: int, problems: list[str]) -> None:
    for key in AMOUNTS:
        value = grid.value(total_row, COL[key])
        if not grid.is_formula(total_row, COL[key]):
            typed = "空欄" if value is None else f"「{shown(_text(value))}」"
            book.warnings.append(msg(
                "%1: 合計の数式が%2で上書きされていました。PlanBook はこの値を使わず、各行から合計します",
                book.cell(key, total_row), typed))
    for row in range(total_row + 1, grid.last_row + 1):
        for key in EDITABLE:
            value = _text(grid.value(row, COL[key]))
            if not value:
                continue
            if row <= total_row + _UNDER_TOTAL_ROWS and (
                    key == "initial" or (key == "name" and value in UNDER_TOTAL_LABELS)):
                continue
            problems.append(msg("%1: below the total row (合計), where PlanBook does not read "
                                "projects; insert new projects above 合計", book.cell(key, row)))


def _check_beyond(book: WardWorkbook, grid: Grid, problems: list[str]) -> None:
    """Anything past the rows and columns a ward sheet can have is named, not dropped."""
    for row, column in grid.beyond:
        letter = get_column_letter(column)
        if row > grid.max_row:
            problems.append(msg("%1!%2%3: far below the projects (a ward sheet has at most %4 "
                                "rows); delete it", book.sheet, letter, row, grid.max_row))
        elif column in EDITABLE_COLUMNS or column > len(COLUMNS):
            problems.append(msg("%1!%2%3: outside the table; delete it", book.sheet, letter, row))


def _check_duplicates(book: WardWorkbook, problems: list[str]) -> None:
    numbers: dict[int, int] = {}
    ids: dict[int, int] = {}
    for item in book.rows:
        if item.id is not None:
            if item.id in ids:
                problems.append(msg("%1: the same project appears twice (rows %2 and %3); a copied "
                                    "row keeps the original's hidden ID, so enter new projects in "
                                    "empty rows", book.cell("id", item.row), ids[item.id],
                                    item.row))
            ids.setdefault(item.id, item.row)
        if item.delete or item.number is None:
            continue
        if item.number in numbers:
            problems.append(msg("%1: No. %2 is used twice (rows %3 and %4)",
                                book.cell("number", item.row), item.number,
                                numbers[item.number], item.row))
        numbers.setdefault(item.number, item.row)
