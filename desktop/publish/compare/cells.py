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
    if value is None:
        return ""
    text = f"{abs(value):.1f}%"
    if round(value, 1) == 0:
        return "0.0%"
    return ("△" if value < 0 else "+") + text
