"""Reading an edited workbook back: every cell checked, every problem listed, or the rows."""

from __future__ import annotations

import json
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from db.era import era_label
from db.errors import ValidationError
from db.money import AmountError, format_amount, parse_amount

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
    META_SHEET,
    STATUS_INPUT,
    TOTAL_MARK,
)


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

    def cell(self, key: str, row: int) -> str:
        return f"{self.sheet}!{LETTER[key]}{row}"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _cell_amount(value: Any) -> int | None:
    """Excel's value of an amount cell → 千円, or AmountError with the user's words."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise AmountError(f"「{value}」 is not an amount")
    if isinstance(value, int):
        if value < 0:
            raise AmountError(f"「{format_amount(value)}」 is not allowed: the amount cannot be "
                              "negative")
        return value
    if isinstance(value, float):
        if not value.is_integer():
            raise AmountError(f"「{value:g}」 is not an amount: amounts are whole 千円, no "
                              "decimals")
        return _cell_amount(int(value))
    if isinstance(value, str):
        if value.strip().startswith("="):
            raise AmountError(f"「{value}」 is not an amount: type the figure, not a formula")
        return parse_amount(value, allow_negative=False)
    raise AmountError(f"「{value}」 is not an amount")


def _not_ward_sheet(path: Path, why: str) -> ValidationError:
    return ValidationError([f"{path.name}: not a PlanBook ward sheet ({why}); export the ward's "
                            "sheet with PlanBook, edit it, and import that file"],
                           "The workbook was refused; nothing was imported:")


def read_ward_workbook(path: str | Path) -> WardWorkbook:
    """Read and check an exported ward workbook; ValidationError lists every problem found."""
    path = Path(path)
    try:
        wb = load_workbook(path, data_only=False)
    except FileNotFoundError:
        raise ValidationError([f"{path}: no such file"], "Nothing was imported:") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise _not_ward_sheet(path, f"not an .xlsx workbook: {error}") from None
    except Exception as error:  # openpyxl raises assorted types for foreign files
        raise _not_ward_sheet(path, f"cannot be read: {type(error).__name__}") from None
    try:
        return _read(path, wb)
    finally:
        wb.close()


def _read(path: Path, wb) -> WardWorkbook:
    if META_SHEET not in wb.sheetnames:
        raise _not_ward_sheet(path, f"it has no {META_SHEET} sheet")
    meta = {_text(r[0]): r[1] for r in wb[META_SHEET].iter_rows(min_row=1, max_row=20,
                                                                 max_col=2, values_only=True)}
    if _text(meta.get("format")) != FORMAT:
        raise _not_ward_sheet(path, f"its {META_SHEET} sheet is not a ward sheet's")
    try:
        version = int(meta.get("format_version"))
        year = int(meta.get("fiscal_year"))
    except (TypeError, ValueError):
        raise _not_ward_sheet(path, "its format version or fiscal year is unreadable") from None
    if version > FORMAT_VERSION:
        raise ValidationError(
            [f"{path.name}: written by a newer PlanBook (ward sheet format {version}; this "
             f"PlanBook reads up to {FORMAT_VERSION}); install the newer PlanBook to import it"],
            "The workbook was refused; nothing was imported:")
    ward = _text(meta.get("ward"))
    sheet = _text(meta.get("sheet"))
    if not ward or sheet not in wb.sheetnames:
        raise _not_ward_sheet(path, f"the ward's sheet 「{sheet}」 is missing")
    ws = wb[sheet]
    book = WardWorkbook(path, ward, year, sheet, version, [])
    ids = _text(meta.get("project_ids"))
    if "project_ids" in meta:
        try:
            book.exported_ids = {int(i) for i in ids.split(",") if i}
        except ValueError:
            raise _not_ward_sheet(path, "its list of exported projects is unreadable") from None
    problems: list[str] = []
    headers = [_text(ws.cell(HEADER_ROW, COL[key]).value) for key, _, _ in COLUMNS]
    if headers != [header for _, header, _ in COLUMNS]:
        raise _not_ward_sheet(path, f"the header row {sheet}!{HEADER_ROW} was changed")

    total_row = None
    for row in range(FIRST_ROW, ws.max_row + 1):
        if _text(ws.cell(row, COL["id"]).value) == TOTAL_MARK:
            total_row = row
            break
        parsed = _read_row(book, ws, row, problems)
        if parsed is not None:
            book.rows.append(parsed)
    if total_row is None:
        problems.append(f"{sheet}: the total row (合計) is missing; PlanBook cannot tell where the "
                        "projects end")
    else:
        _check_totals(book, ws, total_row, problems)
    _check_duplicates(book, problems)
    if problems:
        raise ValidationError(problems, f"{path.name} was refused; nothing was imported. "
                                        f"Correct these cells and import it again:")
    return book


def _read_row(book: WardWorkbook, ws, row: int, problems: list[str]) -> WorkbookRow | None:
    raw = {key: ws.cell(row, COL[key]).value for key in COL}
    if all(_text(raw[key]) == "" for key in EDITABLE + ("id",)):
        return None
    where = {key: book.cell(key, row) for key in COL}
    before = len(problems)

    project_id = None
    if _text(raw["id"]):
        try:
            project_id = int(_text(raw["id"]))
        except ValueError:
            problems.append(f"{where['id']}: the hidden PlanBook ID 「{raw['id']}」 was changed; "
                            "export the sheet again")
    row_ward, row_year = _text(raw["ward"]), _text(raw["year"])
    if row_ward or row_year:
        if row_ward != book.ward or row_year != str(book.fiscal_year):
            other = f"{row_ward or '?'} {_year_label(row_year)}"
            problems.append(f"{where['ward']}: this row belongs to {other}, not to {book.ward} "
                            f"{era_label(book.fiscal_year)}; a {book.ward} file may change only "
                            f"{book.ward}'s projects for {era_label(book.fiscal_year)}")

    number = None
    if _text(raw["number"]):
        text = unicodedata.normalize("NFKC", _text(raw["number"]))
        if text.isdigit() and int(text) >= 1 and not isinstance(raw["number"], bool):
            number = int(text)
        else:
            problems.append(f"{where['number']}: 「{raw['number']}」 is not a project number "
                            "(a whole number from 1)")
    amounts: dict[str, int | None] = {}
    for key in AMOUNTS:
        try:
            amounts[key] = _cell_amount(raw[key])
        except AmountError as error:
            problems.append(f"{where[key]}: {error}")
    status = None
    if _text(raw["status"]):
        status = STATUS_INPUT.get(unicodedata.normalize("NFKC", _text(raw["status"])))
        if status is None:
            problems.append(f"{where['status']}: 「{raw['status']}」 is not a status: use 新規, "
                            "継続 or 拡充 (or leave it blank)")
    delete = False
    if _text(raw["delete"]):
        delete = _text(raw["delete"]) in DELETE_MARKS
        if not delete:
            problems.append(f"{where['delete']}: 「{raw['delete']}」: to remove the project choose "
                            "削除; otherwise leave the cell blank")
    name = _text(raw["name"])
    if not name and not delete:
        problems.append(f"{where['name']}: 事業名 is missing (every project needs a name; to "
                        "remove a project choose 削除 in its row)")
    if delete and project_id is None and len(problems) == before:
        return None  # a new row marked 削除: nothing to add
    # A row with problems is still returned, so duplicates across rows are found too; the
    # workbook is refused as a whole anyway.
    base = None
    if project_id is not None and _text(raw["base"]):
        try:
            values = json.loads(_text(raw["base"]))
            if not (isinstance(values, list) and len(values) == len(BASE_FIELDS)):
                raise ValueError
            base = dict(zip(BASE_FIELDS, values, strict=True))
        except ValueError:
            problems.append(f"{where['base']}: the hidden export values were changed; export the "
                            "sheet again")
    return WorkbookRow(row, project_id, number, name, _text(raw["description"]),
                       amounts.get("initial"), amounts.get("revised"), amounts.get("settled"),
                       _text(raw["group"]) or None, status, delete, base)


def _year_label(text: str) -> str:
    try:
        return era_label(int(text))
    except ValueError:
        return text or "?"


def _check_totals(book: WardWorkbook, ws, total_row: int, problems: list[str]) -> None:
    for key in AMOUNTS:
        value = ws.cell(total_row, COL[key]).value
        if not (isinstance(value, str) and value.startswith("=")):
            typed = "空欄" if value is None else f"「{value}」"
            book.warnings.append(
                f"{book.cell(key, total_row)}: 合計の数式が{typed}で上書きされていました。"
                "PlanBook はこの値を使わず、各行から合計します")
    for row in range(total_row + 4, ws.max_row + 1):
        for key in EDITABLE:
            if _text(ws.cell(row, COL[key]).value):
                problems.append(f"{book.cell(key, row)}: below the total row; insert new "
                                "projects above 合計")


def _check_duplicates(book: WardWorkbook, problems: list[str]) -> None:
    numbers: dict[int, int] = {}
    ids: dict[int, int] = {}
    for item in book.rows:
        if item.id is not None:
            if item.id in ids:
                problems.append(f"{book.cell('id', item.row)}: the same project appears twice "
                                f"(rows {ids[item.id]} and {item.row}); a copied row keeps the "
                                "original's hidden ID, so enter new projects in empty rows")
            ids.setdefault(item.id, item.row)
        if item.delete or item.number is None:
            continue
        if item.number in numbers:
            problems.append(f"{book.cell('number', item.row)}: No. {item.number} is used twice "
                            f"(rows {numbers[item.number]} and {item.row})")
        numbers.setdefault(item.number, item.row)
