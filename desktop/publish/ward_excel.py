"""The Excel round trip for ward offices: export a ward's sheet, read it back, diff, apply.

A ward clerk edits the exported workbook in Excel; PlanBook reads it back, refuses it whole when
anything in it is wrong (every problem listed as ``中央区!E7: …``), and otherwise shows the diff
(added / changed old → new / removed) before applying it in one transaction.

Workbook layout (format version 1)::

    row 1   title                      令和4年度 中央区まちづくり推進経費
    row 2   unit and hint              (単位：千円) …
    row 3   header                     No. | 事業名 | 事業内容 | 当初予算 | 補正後 | 決算額 | 区分 | 新規・継続・拡充 | 削除
    row 4…  one row per project, then a few empty rows for new projects (all editable)
    合計    live SUM formulas (locked); then allocation, remaining and execution rate (locked)

Columns J–M are hidden and locked: the project id, the ward and the fiscal year of each row (so
rows are matched on import and a row copied from another ward's file is recognised), and the
row's values at export time (so a cell the clerk left alone never reverts an edit made in
PlanBook meanwhile). The hidden sheet ``PlanBook`` names the format, its version, the ward, the
year and the exported project ids (a project added in PlanBook after the export is not taken
for a deleted row). Sheets are protected without a password: only the project cells are
unlocked.
"""

from __future__ import annotations

import json
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from db.era import era_label
from db.errors import ValidationError
from db.money import AmountError, format_amount, parse_amount
from db.records import STATUS_LABELS, EditionDocument, WardPlan, WardProject
from db.store import PlanStore

from .output import atomic_output

FORMAT = "planbook-ward-sheet"
FORMAT_VERSION = 1
META_SHEET = "PlanBook"
GROUPS_NAME = "PlanBookGroups"
TOTAL_MARK = "TOTAL"
FONT_NAME = "BIZ UDPゴシック"

TITLE_ROW, HINT_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1
SPARE_ROWS = 10  # empty editable rows above the total, for new projects

# (key, header, width); the order is the sheet's column order.
COLUMNS = [
    ("number", "No.", 6),
    ("name", "事業名", 28),
    ("description", "事業内容", 60),
    ("initial", "当初予算", 12),
    ("revised", "補正後", 12),
    ("settled", "決算額", 12),
    ("group", "区分", 24),
    ("status", "新規・継続・拡充", 10),
    ("delete", "削除", 6),
    ("id", "PlanBook ID", 10),
    ("ward", "区", 8),
    ("year", "年度", 8),
    ("base", "書き出し時の値", 10),
]
COL = {key: index + 1 for index, (key, _, _) in enumerate(COLUMNS)}
LETTER = {key: get_column_letter(index) for key, index in COL.items()}
AMOUNTS = ("initial", "revised", "settled")
EDITABLE = ("number", "name", "description", "initial", "revised", "settled", "group", "status",
            "delete")
HIDDEN = ("id", "ward", "year", "base")
BASE_FIELDS = ("number", "name", "description", "initial", "revised", "settled", "group",
               "status")
FIELD_LABELS = {"number": "No.", "name": "事業名", "description": "事業内容", "initial": "当初予算",
                "revised": "補正後", "settled": "決算額", "group": "区分", "status": "新規・継続・拡充"}
STATUS_INPUT = {"新規": "new", "新": "new", "【新規】": "new", "継続": "continued",
                "拡充": "expanded"}
DELETE_MARKS = {"削除", "○", "〇", "◯", "x", "X", "×"}

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_EDIT_FILL = PatternFill("solid", fgColor="FFFDE7")
_TOTAL_FILL = PatternFill("solid", fgColor="EEEEEE")
_AMOUNT_FORMAT = '#,##0;"△"#,##0'


# -- export -------------------------------------------------------------------------------------

def _ward_plan(doc: EditionDocument, ward_name: str) -> WardPlan:
    plan = doc.ward_plan(ward_name)
    if plan is None:
        names = "、".join(p.ward.name for p in doc.ward_plans) or "none"
        raise ValidationError(
            [f"{ward_name}: no ward sheet for {era_label(doc.edition.fiscal_year)} "
             f"(wards that have one: {names})"], "Nothing was exported:")
    return plan


def sheet_title(ward_name: str) -> str:
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in ward_name).strip("'")
    return cleaned[:31] or "ward"


def export_ward_workbook(doc: EditionDocument, ward_name: str, output: str | Path) -> Path:
    """Write one ward's projects for ``doc``'s fiscal year as an editable workbook."""
    plan = _ward_plan(doc, ward_name)
    year = doc.edition.fiscal_year
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(ward_name)
    groups = {g.id: g.title for g in plan.groups}

    ws.cell(TITLE_ROW, 1, f"{era_label(year)} {ward_name}まちづくり推進経費").font = Font(
        name=FONT_NAME, size=14, bold=True)
    ws.cell(HINT_ROW, 1, "(単位：千円)  黄色のセルを編集できます。行を削除するときは「削除」欄に"
                         "「削除」を選んでください。新しい事業は空いている行に入力します。"
            ).font = Font(name=FONT_NAME, size=9)
    for key, header, width in COLUMNS:
        cell = ws.cell(HEADER_ROW, COL[key], header)
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(COL[key])].width = width
    ws.row_dimensions[HEADER_ROW].height = 30

    row = FIRST_ROW
    for project in plan.projects:
        values = {
            "number": project.number, "name": project.name, "description": project.description,
            "initial": project.initial, "revised": project.revised, "settled": project.settled,
            "group": groups.get(project.group_id), "status": STATUS_LABELS.get(project.status or ""),
            "delete": None, "id": project.id, "ward": ward_name, "year": year,
        }
        values["base"] = json.dumps(
            [project.number, project.name, project.description, project.initial,
             project.revised, project.settled, groups.get(project.group_id), project.status],
            ensure_ascii=False)
        _write_row(ws, row, values)
        ws.row_dimensions[row].height = _row_height(project)
        row += 1
    for _ in range(SPARE_ROWS):
        _write_row(ws, row, {})
        row += 1
    last = row - 1
    _write_totals(ws, row, last, plan)

    _add_validations(ws, last, bool(plan.groups))
    ws.freeze_panes = ws.cell(FIRST_ROW, COL["description"])
    for key in HIDDEN:
        ws.column_dimensions[LETTER[key]].hidden = True
    _print_setup(ws, ward_name, year)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widen columns
    ws.protection.formatRows = False  # allowed: change row heights
    ws.protection.insertRows = False  # allowed: insert rows for new projects
    ws.protection.deleteRows = False

    _write_meta(wb, plan, year, ws.title)
    wb.security = WorkbookProtection(lockStructure=True)
    with atomic_output(output, ".xlsx") as temp:
        wb.save(temp)
    return Path(output)


def _row_height(project: WardProject) -> float:
    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    lines = max(1, -(-width(project.description) // 56), -(-width(project.name) // 26))
    return 15.0 * lines + 3


def _write_row(ws, row: int, values: dict[str, Any]) -> None:
    for key, _, _ in COLUMNS:
        cell = ws.cell(row, COL[key], values.get(key))
        cell.font = Font(name=FONT_NAME)
        cell.border = _BORDER
        if key in EDITABLE:
            cell.protection = Protection(locked=False)
            cell.fill = _EDIT_FILL
        if key in AMOUNTS:
            cell.number_format = _AMOUNT_FORMAT
            cell.alignment = Alignment(horizontal="right", vertical="top")
        elif key in ("number", "status", "delete"):
            cell.alignment = Alignment(horizontal="center", vertical="top")
        else:
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def _write_totals(ws, row: int, last: int, plan: WardPlan) -> None:
    bold = Font(name=FONT_NAME, bold=True)
    for key, _, _ in COLUMNS:
        cell = ws.cell(row, COL[key])
        cell.fill = _TOTAL_FILL
        cell.border = _BORDER
        cell.font = bold
    ws.cell(row, COL["name"], "合計")
    ws.cell(row, COL["id"], TOTAL_MARK)
    for key in AMOUNTS:
        letter = LETTER[key]
        cell = ws.cell(row, COL[key], f"=SUM({letter}{FIRST_ROW}:{letter}{last})")
        cell.number_format = _AMOUNT_FORMAT
        cell.alignment = Alignment(horizontal="right")
    total = row
    init, rev, sett = (f"{LETTER[k]}{total}" for k in AMOUNTS)
    rev_range = f"{LETTER['revised']}{FIRST_ROW}:{LETTER['revised']}{last}"
    lines = [
        ("まちづくり推進経費 (配分額)", plan.allocation, _AMOUNT_FORMAT),
        ("残額 (配分額 − 補正後、補正後がなければ当初予算)",
         f'=IF({LETTER["initial"]}{total + 1}="","",{LETTER["initial"]}{total + 1}'
         f'-IF(COUNT({rev_range})>0,{rev},{init}))', _AMOUNT_FORMAT),
        ("執行率 (決算額 ÷ 補正後)", f'=IF(N({rev})=0,"",{sett}/{rev})', "0.0%"),
    ]
    for offset, (label, value, number_format) in enumerate(lines, start=1):
        ws.cell(total + offset, COL["name"], label).font = Font(name=FONT_NAME)
        ws.merge_cells(start_row=total + offset, start_column=COL["name"],
                       end_row=total + offset, end_column=COL["description"])
        cell = ws.cell(total + offset, COL["initial"], value)
        cell.number_format = number_format
        cell.alignment = Alignment(horizontal="right")
        cell.font = Font(name=FONT_NAME)


def _add_validations(ws, last: int, has_groups: bool) -> None:
    def rows(key: str) -> str:
        return f"{LETTER[key]}{FIRST_ROW}:{LETTER[key]}{last}"

    amounts = DataValidation(
        type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle="金額", error="0以上の整数（千円）を入力してください。",
        promptTitle="金額（千円）", prompt="千円単位の整数。未定のときは空欄。", showInputMessage=True)
    amounts.add(f"{rows('initial').split(':')[0]}:{LETTER['settled']}{last}")
    number = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="1",
                            allow_blank=True, showErrorMessage=True, errorTitle="No.",
                            error="1以上の整数を入力してください。")
    number.add(rows("number"))
    status = DataValidation(type="list", formula1='"新規,継続,拡充"', allow_blank=True,
                            showErrorMessage=True, error="新規・継続・拡充から選んでください。")
    status.add(rows("status"))
    delete = DataValidation(type="list", formula1='"削除"', allow_blank=True,
                            showErrorMessage=True, error="行を削除するときは「削除」を選びます。")
    delete.add(rows("delete"))
    for validation in (amounts, number, status, delete):
        ws.add_data_validation(validation)
    if has_groups:
        group = DataValidation(type="list", formula1=GROUPS_NAME, allow_blank=True,
                               showErrorMessage=True, error="この区の区分から選んでください。")
        group.add(rows("group"))
        ws.add_data_validation(group)


def _print_setup(ws, ward_name: str, year: int) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{LETTER['delete']}{ws.max_row}"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "&P / &N"
    ws.oddHeader.right.text = f"{era_label(year)} {ward_name}"


def _write_meta(wb: Workbook, plan: WardPlan, year: int, data_sheet: str) -> None:
    meta = wb.create_sheet(META_SHEET)
    rows = [("PlanBook ward sheet", "この表は PlanBook が読み取ります。変更しないでください。"),
            ("format", FORMAT), ("format_version", FORMAT_VERSION),
            ("ward", plan.ward.name), ("fiscal_year", year), ("sheet", data_sheet),
            ("exported_at", datetime.now().isoformat(timespec="seconds")),
            ("project_ids", ",".join(str(p.id) for p in plan.projects)),
            ("groups", len(plan.groups))]
    for index, (key, value) in enumerate(rows, start=1):
        meta.cell(index, 1, key)
        meta.cell(index, 2, value)
    first = len(rows) + 2
    for offset, group in enumerate(plan.groups):
        meta.cell(first + offset, 2, group.title)
    if plan.groups:
        ref = f"'{META_SHEET}'!$B${first}:$B${first + len(plan.groups) - 1}"
        wb.defined_names[GROUPS_NAME] = DefinedName(GROUPS_NAME, attr_text=ref)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True


# -- reading a workbook -------------------------------------------------------------------------

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


# -- planning and applying an import ------------------------------------------------------------

FIELDS = ("number", "name", "description", "initial", "revised", "settled", "group_id", "status")


@dataclass
class ProjectChange:
    project: WardProject  # as it is in the database now
    row: int
    fields: dict[str, tuple[Any, Any]]  # column → (old, new)


@dataclass
class WardImportPlan:
    ward: str
    fiscal_year: int
    ward_plan_id: int
    added: list[tuple[int, WardProject]] = field(default_factory=list)  # (sheet row, project)
    changed: list[ProjectChange] = field(default_factory=list)
    removed: list[WardProject] = field(default_factory=list)
    order: list[int | None] | None = None  # final order (None = added row) when it changes
    warnings: list[str] = field(default_factory=list)
    group_titles: dict[int, str] = field(default_factory=dict)
    source: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.order is not None)

    def _value(self, column: str, value: Any) -> str:
        if value is None or value == "":
            return "(空欄)"
        if column in AMOUNTS:
            return format_amount(value)
        if column == "group_id":
            return self.group_titles.get(value, str(value))
        if column == "status":
            return STATUS_LABELS.get(value, value)
        text = str(value)
        return f"「{text if len(text) <= 40 else text[:39] + '…'}」"

    def summary(self) -> str:
        head = f"{self.source + ': ' if self.source else ''}{era_label(self.fiscal_year)} {self.ward}"
        lines = [f"{head}: 追加 {len(self.added)}件、変更 {len(self.changed)}件、"
                 f"削除 {len(self.removed)}件"
                 + ("、並び順の変更あり" if self.order is not None else "")]
        if self.is_empty:
            lines[0] = f"{head}: 変更なし"
        for row, project in self.added:
            lines.append(f"  + {row}行目: No.{project.number or '-'} {project.name} "
                         f"({_amounts_text(project)})")
        for change in self.changed:
            p = change.project
            lines.append(f"  ~ {change.row}行目: No.{p.number or '-'} {p.name}")
            for column, (old, new) in change.fields.items():
                label = FIELD_LABELS.get("group" if column == "group_id" else column, column)
                lines.append(f"      {label}: {self._value(column, old)} → "
                             f"{self._value(column, new)}")
        for project in self.removed:
            lines.append(f"  - No.{project.number or '-'} {project.name} "
                         f"({_amounts_text(project)})")
        if self.order is not None:
            lines.append("  並び順: ブックの行の順に並べ替えます")
        lines.extend(f"  注意: {w}" for w in self.warnings)
        return "\n".join(lines)


def _amounts_text(project: WardProject) -> str:
    return " / ".join(format_amount(getattr(project, k), blank="-") for k in AMOUNTS)


def _same(column: str, old: Any, new: Any) -> bool:
    if column in ("name", "description"):
        return (old or "").strip() == (new or "").strip()
    return old == new


def _changed_fields(current: WardProject, values: dict[str, Any], item: WorkbookRow,
                    group_ids: dict[str, int], result: WardImportPlan,
                    workbook: WardWorkbook) -> dict[str, tuple[Any, Any]]:
    """Column → (old, new) for one row. With the row's export values (a three-way compare), a
    cell the clerk left alone never overwrites what PlanBook changed since the export; a cell
    changed on both sides takes the workbook's value, with a warning."""
    fields = {}
    base = None
    if item.base is not None:
        base = dict(item.base)
        title = base.pop("group")
        base["group_id"] = group_ids.get(title, "?") if title is not None else None
    for column in FIELDS:
        old, new = getattr(current, column), values[column]
        if _same(column, old, new):
            continue
        if base is not None:
            if _same(column, base[column], new):
                continue  # untouched in Excel; PlanBook's newer value stays
            if not _same(column, base[column], old):
                label = FIELD_LABELS.get("group" if column == "group_id" else column, column)
                result.warnings.append(
                    f"{workbook.cell('name', item.row)}: 「{current.name}」の{label}は書き出し後に "
                    f"PlanBook でも変更されています（{result._value(column, base[column])}"
                    f" → {result._value(column, old)}）。ブックの "
                    f"{result._value(column, new)} で置き換えます")
        fields[column] = (old, new)
    return fields


def plan_ward_import(store: PlanStore, workbook: WardWorkbook) -> WardImportPlan:
    """Compare the workbook with the database: the diff to show, or ValidationError."""
    problems: list[str] = []
    refused = f"{workbook.path.name} was refused; nothing was imported:"
    edition = store.edition(workbook.fiscal_year)
    plan = None
    if edition is not None:
        plan = next((p for p in store.ward_plans(edition.id) if p.ward.name == workbook.ward),
                    None)
    if plan is None:
        raise ValidationError([f"{workbook.path.name}: this database has no {workbook.ward} sheet "
                               f"for {era_label(workbook.fiscal_year)}"], refused)
    by_id = {p.id: p for p in plan.projects}
    group_ids = {g.title: g.id for g in plan.groups}
    result = WardImportPlan(workbook.ward, workbook.fiscal_year, plan.id,
                            warnings=list(workbook.warnings),
                            group_titles={g.id: g.title for g in plan.groups},
                            source=workbook.path.name)
    seen: set[int] = set()
    order: list[int | None] = []
    for item in workbook.rows:
        group_id = None
        if item.group is not None:
            group_id = group_ids.get(item.group)
            if group_id is None:
                known = "、".join(group_ids) or "none"
                problems.append(f"{workbook.cell('group', item.row)}: 「{item.group}」 is not one "
                                f"of {workbook.ward}'s groups ({known})")
        if item.id is not None and item.id not in by_id:
            problems.append(f"{workbook.cell('id', item.row)}: project {item.id} is not one of "
                            f"{workbook.ward}'s projects for {era_label(workbook.fiscal_year)} "
                            "(it was removed from the database, or the row came from another "
                            "file)")
            continue
        values = {"number": item.number, "name": item.name, "description": item.description,
                  "initial": item.initial, "revised": item.revised, "settled": item.settled,
                  "group_id": group_id, "status": item.status}
        if item.id is None:
            project = WardProject(**values)
            result.added.append((item.row, project))
            order.append(None)
            continue
        seen.add(item.id)
        current = by_id[item.id]
        if item.delete:
            result.removed.append(current)
            continue
        order.append(item.id)
        fields = _changed_fields(current, values, item, group_ids, result, workbook)
        if fields:
            result.changed.append(ProjectChange(current, item.row, fields))
    for project in plan.projects:
        if project.id in seen:
            continue
        if workbook.exported_ids is None or project.id in workbook.exported_ids:
            result.removed.append(project)
        else:
            result.warnings.append(
                f"No.{project.number or '-'} {project.name}: このブックの書き出し後に PlanBook で"
                "追加された事業のため、削除せずに残します")
    if problems:
        raise ValidationError(problems, refused)
    kept = [p.id for p in plan.projects if p.id in set(order)]
    trailing_adds = order[len(kept):] if order[:len(kept)] == kept else None
    if not (trailing_adds is not None and all(i is None for i in trailing_adds)):
        result.order = order
    return result


def apply_ward_import(store: PlanStore, plan: WardImportPlan) -> None:
    """Apply a planned import in one transaction (all of it, or nothing)."""
    with store.atomic():
        for change in plan.changed:
            row = store.row("ward_project", change.project.id)
            if row is None or any(row[c] != old for c, (old, _) in change.fields.items()):
                raise ValidationError([f"{plan.ward}: project {change.project.id} "
                                       f"({change.project.name}) changed in the database since "
                                       "the import was prepared; prepare it again"],
                                      "Nothing was imported:")
            store.update_fields("ward_project", change.project.id,
                                {c: new for c, (_, new) in change.fields.items()})
        for project in plan.removed:
            store.delete("ward_project", project.id)
        added_ids = iter([store.add_ward_project(plan.ward_plan_id, project)
                          for _, project in plan.added])
        if plan.order is not None:
            final = [next(added_ids) if i is None else i for i in plan.order]
            listed = set(final)
            final += [p.id for p in store.ward_projects(plan.ward_plan_id) if p.id not in listed]
            store.reorder("ward_project", final)
