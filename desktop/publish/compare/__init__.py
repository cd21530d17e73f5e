"""Comparisons on paper and in Excel (no Qt): the 新旧対照表 of two fiscal years and the list of
changes since a snapshot. The comparison itself is ``db.compare`` / ``db.changes``.

    build_comparison_pdf(compare_years(store, 2024, 2025), "taisho.pdf")
    write_comparison_workbook(comparison, "taisho.xlsx")
"""

from .changes import build_changes_pdf
from .workbook import write_changes_workbook, write_comparison_workbook
from .years import build_comparison_pdf

__all__ = ["build_changes_pdf", "build_comparison_pdf", "write_changes_workbook",
           "write_comparison_workbook"]
