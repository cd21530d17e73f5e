"""How a comparison reads, shared by the PDF and the workbook: marks, amounts, differences."""

from __future__ import annotations

from db.compare import MARK_LABELS, CompareRow
from db.money import format_amount


def marks_text(row: CompareRow) -> str:
    lines = [MARK_LABELS[m] for m in row.marks]
    if row.note:
        lines.append(row.note)
    return "\n".join(lines)


def amount_text(value: int | None, *, missing: str = "未入力") -> str:
    return format_amount(value, blank=missing)


def difference_text(value: int | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format_amount(value)


def percent_text(value: float | None) -> str:
    """``+12.5%`` / ``△3.1%``; a change too small to show is still signed (``△0.0%``)."""
    if value is None:
        return ""
    if value == 0:
        return "0.0%"
    return ("△" if value < 0 else "+") + f"{abs(value):.1f}%"
