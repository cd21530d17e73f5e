"""Exporting one ward's projects as an editable, protected workbook."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from db.era import era_label
from db.errors import ValidationError
from db.records import STATUS_LABELS, EditionDocument, WardPlan, WardProject

from ..output import atomic_output
from .identity import row_tag, sheet_signature
from .sheet_format import (
    ALLOCATION_LABEL,
    AMOUNTS,
    COL,
    COLUMNS,
    EDITABLE,
    FIRST_ROW,
    FONT_NAME,
    FORMAT,
    FORMAT_VERSION,
    GROUPS_NAME,
    HEADER_ROW,
    HIDDEN,
    HINT_ROW,
    LETTER,
    META_SHEET,
    RATE_LABEL,
    REMAINDER_LABEL,
    SPARE_ROWS,
    TITLE_ROW,
    TOTAL_MARK,
)

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
_EDIT_FILL = PatternFill("solid", fgColor="FFFDE7")
_TOTAL_FILL = PatternFill("solid", fgColor="EEEEEE")
_AMOUNT_FORMAT = '#,##0;"△"#,##0'


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

    text_cell(ws, TITLE_ROW, 1, f"{era_label(year)} {ward_name}まちづくり推進経費").font = Font(
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

    secret = doc.plan.workbook_key
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
        if secret:
            values["tag"] = row_tag(secret, ward_name, year, project.id, values["base"])
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

    _write_meta(wb, plan, year, ws.title, secret)
    wb.security = WorkbookProtection(lockStructure=True)
    with atomic_output(output, ".xlsx") as temp:
        wb.save(temp)
    return Path(output)


def _row_height(project: WardProject) -> float:
    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    lines = max(1, -(-width(project.description) // 56), -(-width(project.name) // 26))
    return 15.0 * lines + 3


def text_cell(ws, row: int, column: int, value: Any):
    """Write a value; text is always stored as text, never as a formula (``=HYPERLINK(…)``
    typed as a project name stays those characters)."""
    cell = ws.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _write_row(ws, row: int, values: dict[str, Any]) -> None:
    for key, _, _ in COLUMNS:
        cell = text_cell(ws, row, COL[key], values.get(key))
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
        (ALLOCATION_LABEL, plan.allocation, _AMOUNT_FORMAT),
        (REMAINDER_LABEL,
         f'=IF({LETTER["initial"]}{total + 1}="","",{LETTER["initial"]}{total + 1}'
         f'-IF(COUNT({rev_range})>0,{rev},{init}))', _AMOUNT_FORMAT),
        (RATE_LABEL, f'=IF(N({rev})=0,"",{sett}/{rev})', "0.0%"),
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


def _write_meta(wb: Workbook, plan: WardPlan, year: int, data_sheet: str, secret: str) -> None:
    meta = wb.create_sheet(META_SHEET)
    ids = ",".join(str(p.id) for p in plan.projects)
    rows = [("PlanBook ward sheet", "この表は PlanBook が読み取ります。変更しないでください。"),
            ("format", FORMAT), ("format_version", FORMAT_VERSION),
            ("ward", plan.ward.name), ("fiscal_year", year), ("sheet", data_sheet),
            ("exported_at", datetime.now().isoformat(timespec="seconds")),
            ("project_ids", ids), ("groups", len(plan.groups)),
            ("signature", sheet_signature(secret, plan.ward.name, year, data_sheet, ids)
             if secret else "")]
    for index, (name, value) in enumerate(rows, start=1):
        meta.cell(index, 1, name)
        text_cell(meta, index, 2, value)
    first = len(rows) + 2
    for offset, group in enumerate(plan.groups):
        text_cell(meta, first + offset, 2, group.title)
    if plan.groups:
        ref = f"'{META_SHEET}'!$B${first}:$B${first + len(plan.groups) - 1}"
        wb.defined_names[GROUPS_NAME] = DefinedName(GROUPS_NAME, attr_text=ref)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
