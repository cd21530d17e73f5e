"""The booklet's geometry, colours and type styles (one place to tune the look)."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm

from ..typeset import GOTHIC, GOTHIC_BOLD, MINCHO, TextStyle

PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 portrait
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_TOP = PAGE_H - MARGIN_TOP
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
BLEED = 3 * mm
SLUG = 10 * mm  # room outside the bleed for crop marks (トンボ)

INK = HexColor("#222222")
GREY = HexColor("#666666")
RULE = HexColor("#C8C8C8")
PLAN = HexColor("#1F4E79")  # the plan's own colour: parts that belong to no vision
WARD = HexColor("#2E7D6B")
DRAFT = HexColor("#C62828")
WHITE = white


def colour(value: str | None, default: Color = PLAN) -> Color:
    try:
        return HexColor(value) if value else default
    except (ValueError, TypeError):
        return default


def tint(c: Color, amount: float) -> Color:
    """Mix ``c`` with white: ``amount`` 0 → white, 1 → c."""
    return Color(1 - (1 - c.red) * amount, 1 - (1 - c.green) * amount, 1 - (1 - c.blue) * amount)


def shade(c: Color, amount: float) -> Color:
    return Color(c.red * amount, c.green * amount, c.blue * amount)


BODY = TextStyle(GOTHIC, 9.5, 16.5, INK, "justify")
BODY_MINCHO = TextStyle(MINCHO, 10, 18, INK, "justify")
SMALL = TextStyle(GOTHIC, 8, 12.5, INK, "justify")
NOTE = TextStyle(GOTHIC, 7.5, 11, GREY, "left")
CARD_TITLE = TextStyle(GOTHIC_BOLD, 11, 15.5, INK, "left", phrase=True)
CARD_TEXT = TextStyle(GOTHIC, 8.8, 14, INK, "justify")
AMOUNT = TextStyle(GOTHIC_BOLD, 12.5, 16, INK, "right")
PREVIOUS = TextStyle(GOTHIC, 8, 12, GREY, "right")
H2 = TextStyle(GOTHIC_BOLD, 12.5, 18, INK, "left", phrase=True)
H3 = TextStyle(GOTHIC_BOLD, 10.5, 15, INK, "left", phrase=True)
BAND_TITLE = TextStyle(GOTHIC_BOLD, 20, 27, WHITE, "left", phrase=True)
TABLE_HEAD = TextStyle(GOTHIC_BOLD, 8.5, 12.5, WHITE, "left")
TABLE_CELL = TextStyle(GOTHIC, 8.5, 13, INK, "left")
PICTURE_LABEL = TextStyle(GOTHIC_BOLD, 7, 10, GREY, "left")
PICTURE_CREDIT = TextStyle(GOTHIC, 6.5, 9.5, GREY, "right")
