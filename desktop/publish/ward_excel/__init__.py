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

Columns J–N are hidden and locked: the project id, the ward and the fiscal year of each row (so
rows are matched on import and a row copied from another ward's file is recognised), the row's
values at export time (so a cell the clerk left alone never reverts an edit made in PlanBook
meanwhile) and the row's signature. The hidden sheet ``PlanBook`` names the format, its version,
the ward, the year and the exported project ids (a project added in PlanBook after the export
is not taken for a deleted row), with their signature. Sheets are protected without a password
(only the project cells are unlocked), so the identity is signed instead (identity.py, with the
plan file's secret): an edited identity is refused, naming what was changed. User text is always
written as text, never as a formula.

Modules: sheet_format (rows, columns, accepted words), export, cells (bounded, safe reading),
read, identity (signatures), import_diff (plan and apply); everything a caller needs is importable from here.
"""

from .export import export_ward_workbook, sheet_title
from .import_diff import (
    CONFIRM_REMOVALS_ABOVE,
    ProjectChange,
    WardImportPlan,
    apply_ward_import,
    plan_ward_import,
)
from .read import WardWorkbook, WorkbookRow, read_ward_workbook
from .sheet_format import (
    COLUMNS,
    FIRST_ROW,
    FORMAT,
    FORMAT_VERSION,
    HEADER_ROW,
    META_SHEET,
    TOTAL_MARK,
)

__all__ = [
    "CONFIRM_REMOVALS_ABOVE", "COLUMNS", "FIRST_ROW", "FORMAT", "FORMAT_VERSION", "HEADER_ROW", "META_SHEET", "TOTAL_MARK",
    "ProjectChange", "WardImportPlan", "WardWorkbook", "WorkbookRow", "apply_ward_import",
    "export_ward_workbook", "plan_ward_import", "read_ward_workbook", "sheet_title",
]
