"""Money in 千円: display (``24,300千円``, ``△1,200``) and strict parsing of what users type.

Amounts are integers of 千円 throughout PlanBook; these helpers are the only place that turns
them into text or back. Input from Japanese IMEs (full-width digits and commas, ``千円``, ``△``)
is NFKC-normalised first, then parsed strictly.
"""

from __future__ import annotations

import re
import unicodedata

from .messages import msg

UNIT = "千円"
NEGATIVE_MARKS = ("△", "▲", "-", "−", "ー")
_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)")


MAX_AMOUNT = 2**63 - 1  # the largest integer SQLite stores


class AmountError(ValueError):
    """The text is not an amount; ``str(error)`` says why, in words for the user.

    ``text`` and ``reason`` (``no_digits``, ``decimal``, ``format``, ``negative``, ``too_large``)
    let a user interface say the same thing in its own language.
    """

    def __init__(self, message: str, *, text: str | None = None, reason: str | None = None):
        super().__init__(message)
        self.text, self.reason = text, reason


def format_amount(value: int | None, *, unit: bool = False, blank: str = "") -> str:
    """``24300`` → ``24,300`` (``24,300千円`` with unit); negatives use ``△``; None → blank."""
    if value is None:
        return blank
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"amounts are int, not {type(value).__name__}")
    text = f"{abs(value):,}"
    if value < 0:
        text = "△" + text
    return text + UNIT if unit else text


def format_previous(value: int | None) -> str:
    """How the booklet prints a previous-year amount: ``(11,498,000千円)`` or ``(-)``."""
    return "(-)" if value is None else f"({format_amount(value, unit=True)})"


def parse_amount(text: str | None, *, allow_negative: bool = True) -> int | None:
    """Parse what a user typed into an amount field; empty text means "no amount" (None).

    Accepts ``24300``, ``24,300``, ``２４，３００``, ``24,300千円``, ``△1,200``, ``▲1200``, ``-1200``.
    Refuses decimals, misplaced commas, other units and anything else with an AmountError.
    """
    if text is None:
        return None
    original = text
    text = unicodedata.normalize("NFKC", text).strip()
    if text == "":
        return None
    negative = False
    if text[0] in NEGATIVE_MARKS:
        negative, text = True, text[1:].lstrip()
    if text.endswith(UNIT):
        text = text[: -len(UNIT)].rstrip()
    if not text:
        raise AmountError(msg("「%1」 is not an amount: no digits", original), text=original,
                          reason="no_digits")
    if "." in text:
        raise AmountError(msg("「%1」 is not an amount: amounts are whole 千円, no decimals", original),
                          text=original, reason="decimal")
    if not _NUMBER.fullmatch(text):
        raise AmountError(msg("「%1」 is not an amount: use digits like 24,300 (in 千円)", original),
                          text=original, reason="format")
    digits = text.replace(",", "").lstrip("0")
    value = int(digits or "0") if len(digits) <= len(str(MAX_AMOUNT)) else MAX_AMOUNT + 1
    if value > MAX_AMOUNT:
        raise AmountError(msg("「%1」 is not an amount: the number is too large", original),
                          text=original, reason="too_large")
    if negative:
        if not allow_negative:
            raise AmountError(msg("「%1」 is not allowed: the amount cannot be negative", original),
                              text=original, reason="negative")
        value = -value
    return value
