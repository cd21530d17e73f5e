"""What a table cell holds: item roles, column descriptions, statuses and amounts in the
interface's language."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)

from db.money import MAX_AMOUNT, AmountError, parse_amount
from db.records import STATUS_LABELS, STATUSES

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4


def tr(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


STATUS_TEXT = {"new": QT_TRANSLATE_NOOP("Status", "New"),
               "expanded": QT_TRANSLATE_NOOP("Status", "Expanded"),
               "continued": QT_TRANSLATE_NOOP("Status", "Continued")}


def status_label(code: str | None) -> str:
    if code is None:
        return ""
    return QCoreApplication.translate("Status", STATUS_TEXT[code])


def parse_status(text: str) -> str | None:
    """Accept a code, a Japanese label (新規/拡充/継続, 新), or the translated label."""
    text = unicodedata.normalize("NFKC", str(text or "")).strip().strip("【】[]")
    if not text:
        return None
    if text in STATUSES:
        return text
    for code, label in STATUS_LABELS.items():
        if text in (label, status_label(code)) or (code == "new" and text == "新"):
            return code
    raise ValueError(QCoreApplication.translate("Status", "「%1」 is not a status: use 新規, 拡充 or 継続")
                     .replace("%1", text))


MAX_INTEGER = MAX_AMOUNT  # SQLite's INTEGER: a larger number cannot be stored at all


AMOUNT_ERRORS = {
    "no_digits": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not an amount: no digits"),
    "decimal": QT_TRANSLATE_NOOP("Amounts",
                                 "「%1」 is not an amount: amounts are whole 千円, no decimals"),
    "format": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not an amount: use digits like 24,300 (in 千円)"),
    "negative": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not allowed: the amount cannot be negative"),
    "too_large": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not an amount: the number is too large"),
}


def parse_cell_amount(text: str | None) -> int | None:
    """``parse_amount``, with its refusal in the interface's language."""
    try:
        return parse_amount(text)
    except AmountError as error:
        if error.reason not in AMOUNT_ERRORS:
            raise
        message = QCoreApplication.translate("Amounts", AMOUNT_ERRORS[error.reason])
        raise AmountError(message.replace("%1", error.text or ""), text=error.text,
                          reason=error.reason) from None


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass
class Column:
    """A column of a table editor: the field it shows, its header, kind and width."""

    field: str
    header: str  # English source text, translated in the "Columns" context
    kind: str = "text"  # text, amount, status, int, bool, choice, readonly
    width: int = 120
    editable: bool = True
    table: str | None = None  # the table written to (default: the model's)
    id_key: str = "id"  # which key of the row holds that table's id


# What the tables call each stored column (the change log shows a change's field by it).
FIELD_HEADERS = {
    "title": QT_TRANSLATE_NOOP("Columns", "Title"), "name": QT_TRANSLATE_NOOP("Columns", "Project"),
    "amount": QT_TRANSLATE_NOOP("Columns", "Amount (¥1,000)"),
    "previous_amount": QT_TRANSLATE_NOOP("Columns", "Previous year"),
    "budget_note": QT_TRANSLATE_NOOP("Columns", "Budget note"),
    "category": QT_TRANSLATE_NOOP("Columns", "Category"),
    "status": QT_TRANSLATE_NOOP("Columns", "Status"), "code": QT_TRANSLATE_NOOP("Columns", "Code"),
    "colour": QT_TRANSLATE_NOOP("Columns", "Colour"),
    "description": QT_TRANSLATE_NOOP("Columns", "Description"),
    "goal": QT_TRANSLATE_NOOP("Columns", "Goal"), "group_id": QT_TRANSLATE_NOOP("Columns", "Group"),
    "heading": QT_TRANSLATE_NOOP("Columns", "Heading"),
    "initial": QT_TRANSLATE_NOOP("Columns", "Initial budget"),
    "revised": QT_TRANSLATE_NOOP("Columns", "Revised"),
    "settled": QT_TRANSLATE_NOOP("Columns", "Settled"),
    "measure_code": QT_TRANSLATE_NOOP("Columns", "Measure"),
    "section": QT_TRANSLATE_NOOP("Columns", "Section"), "number": QT_TRANSLATE_NOOP("Columns", "No."),
}


def field_header(field: str) -> str:
    return tr(FIELD_HEADERS[field]) if field in FIELD_HEADERS else field
