"""The sheet's page, colours, table columns and the steps of type size (densities)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape

from ..typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    TextStyle,
    metrics,
)

PAGE_W, PAGE_H = landscape(A4)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 30.0, 22.0, 18.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
TOP = PAGE_H - MARGIN_TOP
BOTTOM = MARGIN_BOTTOM + 12.0  # room for the footer

ACCENT = HexColor("#1F4E79")
HEADER_FILL = HexColor("#DDE6F0")
GROUP_FILL = HexColor("#EEF2F7")
TOTAL_FILL = HexColor("#DDE6F0")
BAND_FILL = HexColor("#F5F8FC")
RULE = HexColor("#7F8C99")
GREY = HexColor("#555555")
INK = HexColor("#222222")
BLACK = HexColor("#000000")
STATUS_COLOURS = {"new": HexColor("#C0392B"), "expanded": HexColor("#1F6FB2"),
                  "continued": HexColor("#666666")}

# Table columns: No. / 事業名 / 事業内容 / three amounts. 事業名 takes one of NAME_WIDTHS (the one
# that makes the ward's table shortest) and 事業内容 what is left.
HEADERS = {"number": "No.", "name": "事業名", "description": "事業内容", "initial": "当初予算",
           "revised": "補正後", "settled": "決算額"}
NUMBER_W, AMOUNT_W = 22.0, 46.0
NAME_WIDTHS = (170.0, 160.0, 150.0, 140.0, 130.0, 120.0)
AMOUNTS = ("initial", "revised", "settled")
PAD_X = 4.0
NBSP = "\u00a0"


@dataclass(frozen=True)
class Columns:
    """The table's column edges for one 事業名 width."""

    name_w: float = 150.0

    def widths(self) -> list[tuple[str, float]]:
        description = CONTENT_W - NUMBER_W - self.name_w - 3 * AMOUNT_W
        return [("number", NUMBER_W), ("name", self.name_w), ("description", description),
                *((key, AMOUNT_W) for key in AMOUNTS)]

    def x(self, key: str) -> tuple[float, float]:
        """(left, width) of a column."""
        return _edges(self)[key]

    def inner(self, key: str) -> float:
        return self.x(key)[1] - 2 * PAD_X


@lru_cache(maxsize=64)
def _edges(cols: Columns) -> dict[str, tuple[float, float]]:
    edges = {}
    left = MARGIN_X
    for name, width in cols.widths():
        edges[name] = (left, width)
        left += width
    return edges


DEFAULT_COLUMNS = Columns()


@dataclass(frozen=True)
class Density:
    """One step of type sizes and paddings; the sheet takes the largest step that fits.
    Its text styles are built once (``cached_property``): layout asks for them per row.

    ``cell_size`` is 事業内容's; ``text_size`` the names', the figures' and the headings'."""

    cell_size: float
    text_size: float
    pad_y: float
    leading: float  # line height as a multiple of the size

    @cached_property
    def cell(self) -> TextStyle:
        return TextStyle(font=GOTHIC, size=self.cell_size,
                         leading=round(self.cell_size * self.leading, 2), align="justify")

    @cached_property
    def name(self) -> TextStyle:
        return TextStyle(font=GOTHIC_BOLD, size=self.text_size,
                         leading=round(self.text_size * self.leading, 2), align="left",
                         phrase=True)  # 事業名 wraps between phrases (文節)

    @cached_property
    def group(self) -> TextStyle:
        size = self.text_size + 0.5
        return TextStyle(font=GOTHIC_BOLD, size=size, leading=round(size * 1.4, 2),
                         align="left", phrase=True)

    @property
    def number_size(self) -> float:
        return self.text_size

    @property
    def status_size(self) -> float:
        return max(6.5, self.text_size - 1.5)

    @property
    def title_size(self) -> float:
        return min(16.0, self.text_size * 2 - 1)

    @property
    def title_h(self) -> float:
        return self.title_size + 10.0

    @property
    def header_h(self) -> float:
        return self.text_size + 2 * self.pad_y + 4.0

    @property
    def total_h(self) -> float:
        return round(self.text_size * 1.45 + 2 * self.pad_y, 2)

    @property
    def summary_h(self) -> float:
        return self.text_size + 7.5

    @cached_property
    def headline(self) -> TextStyle:
        size = self.text_size + 3.0
        return TextStyle(font=GOTHIC_BOLD, size=size, leading=round(size * 1.3, 2),
                         align="left", phrase=True)

    @cached_property
    def body(self) -> TextStyle:
        size = self.text_size + 0.5
        return TextStyle(font=GOTHIC, size=size, leading=round(size * 1.45, 2), align="justify")

    @cached_property
    def policy(self) -> TextStyle:
        size = self.text_size
        return TextStyle(font=GOTHIC, size=size, leading=round(size * 1.4, 2), align="left")

    def describe(self) -> str:
        return (f"事業内容 {self.cell_size:g} pt on {round(self.cell.line_height, 1):g} pt lines, "
                f"事業名・金額 {self.text_size:g} pt")


# From the booklet's comfortable size down to the floor that still reads well in print.
DENSITIES = (
    Density(8.5, 8.5, 3.5, 1.47),
    Density(8.0, 8.0, 3.0, 1.42),
    Density(7.5, 8.0, 2.5, 1.38),
    Density(7.5, 7.5, 2.2, 1.35),
    Density(7.0, 7.5, 2.0, 1.33),
    Density(7.0, 7.5, 1.6, 1.28),
)
NORMAL, FLOOR = DENSITIES[0], DENSITIES[-1]


def _baseline_shift(style: TextStyle) -> float:
    """Distance from a line box's top to its baseline, exactly as ``TextBlock.draw`` puts it."""
    m = metrics(style.font)
    return style.line_height / 2 + (m.ascent + m.descent) / 2 * style.size
