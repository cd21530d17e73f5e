"""Tables with a coloured header row: column widths from the measured text, split between
rows with the header repeated; and a card's small table."""

from __future__ import annotations

from reportlab.lib.colors import Color

from db.records import SmallTable

from ...typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    TextBlock,
    TextStyle,
    atoms,
    metrics,
    phrases,
    set_line_width,
)
from ..layout import Block
from ..style import (
    INK,
    RULE,
    TABLE_CELL,
    TABLE_HEAD,
    WHITE,
    tint,
)
from .drawing import note_missing


def _cell_widths(block: TextBlock) -> tuple[float, float]:
    """(natural, least) width of a cell: its longest line unwrapped, its widest 文節/atom."""
    style = block.style
    m = metrics(style.font)
    size = style.size
    natural = least = 0.0
    for paragraph in block.text.split("\n"):
        if not paragraph:
            continue
        natural = max(natural, m.width(paragraph, size))
        pieces = phrases(paragraph) if style.phrase else atoms(paragraph)
        least = max(least, max(m.width(piece.strip(" "), size) for piece in pieces))
    return natural, least


class Table(Block):
    """A table with a coloured header row; splits between rows and repeats the header."""

    def __init__(self, header: list[str], rows: list[list[str]], fractions: list[float] | None,
                 colour: Color, *, space_before: float = 8.0, head_style: TextStyle = TABLE_HEAD,
                 cell_styles: list[TextStyle] | None = None, where: str = "table",
                 continued: bool = False):
        self.colour = colour
        self.auto = fractions is None
        self.fractions = fractions or []
        self.header = [TextBlock(t, head_style) for t in header] if any(header) else []
        styles = cell_styles or [TABLE_CELL] * len(fractions or header)
        # a row wider than the columns is cut to them (and reported), never an IndexError
        self.cut_cells = sum(max(0, len(row) - len(styles)) for row in rows)
        self.rows = [[TextBlock(t, styles[k]) for k, t in enumerate(row[:len(styles)])]
                     for row in rows]
        self.space_before = space_before
        self.where = where
        self.continued = continued
        self.pad = 4.0

    def _fractions(self, width: float) -> list[float]:
        """Column shares from the text: every column gets at least its widest phrase (so a
        cell wraps between 文節, never inside a word), the rest goes where text is longest."""
        pad2 = 2 * self.pad
        columns = len(self.rows[0]) if self.rows else len(self.header)
        if columns == 0:  # no header text and no rows: nothing to size
            return []
        natural = [0.0] * columns
        least = [0.0] * columns
        for row in ([self.header] if self.header else []) + self.rows:
            for k, block in enumerate(row[:columns]):
                nat, low = _cell_widths(block)
                natural[k] = max(natural[k], nat + pad2)
                least[k] = max(least[k], low + pad2)
        cap = width * 0.45
        least = [min(v, cap) for v in least]
        natural = [max(n, v) for n, v in zip(natural, least, strict=True)]
        total = sum(natural)
        if total <= width:
            shares = [n + (width - total) * n / total for n in natural] if total else \
                [width / columns] * columns
        else:
            base = sum(least)
            if base >= width:
                shares = [v * width / base for v in least]
            else:
                spare = [n - v for n, v in zip(natural, least, strict=True)]
                room = width - base
                weight = sum(spare) or 1.0
                shares = [v + room * sp / weight for v, sp in zip(least, spare, strict=True)]
        return [w / width for w in shares]

    def _heights(self, width):
        if self.auto:
            self.fractions = self._fractions(width)
        widths = [width * f for f in self.fractions]
        self.widths = widths
        pad = self.pad
        self.head_h = (max(b.wrap(w - 2 * pad) for b, w in zip(self.header, widths, strict=False)) + 2 * pad
                       if self.header else 0.0)
        self.row_h = [max((b.wrap(w - 2 * pad) for b, w in zip(row, widths, strict=False)),
                          default=0.0) + 2 * pad for row in self.rows]

    def wrap(self, width):
        self.width = width
        self._heights(width)
        self.height = self.head_h + sum(self.row_h)
        return self.height

    def min_height(self, width):
        self.wrap(width)
        return self.head_h + (self.row_h[0] if self.row_h else 0.0)

    def split(self, width, available):
        self.wrap(width)
        used = self.head_h
        k = 0
        for k, h in enumerate(self.row_h):  # noqa: B007
            if used + h > available:
                break
            used += h
        if k == 0:
            return None
        head = self._part(self.rows[:k], self.continued)
        tail = self._part(self.rows[k:], True)
        return head, tail

    def _part(self, rows, continued):
        part = Table.__new__(Table)
        part.__dict__.update(self.__dict__)
        part.rows = rows
        part.auto = False  # the columns stay as on the first page
        part.continued = continued
        part.space_before = 0.0 if continued else self.space_before
        return part

    def draw(self, canvas, x, top, page):
        pad = self.pad
        y = top
        if self.header:
            canvas.setFillColor(self.colour)
            canvas.rect(x, y - self.head_h, self.width, self.head_h, stroke=0, fill=1)
            cx = x
            for block, w in zip(self.header, self.widths, strict=False):
                block.draw(canvas, cx + pad, y - pad)
                cx += w
            y -= self.head_h
        set_line_width(canvas, 0.5)
        for n, (row, h) in enumerate(zip(self.rows, self.row_h, strict=False)):
            if n % 2:
                canvas.setFillColor(tint(self.colour, 0.06))
                canvas.rect(x, y - h, self.width, h, stroke=0, fill=1)
            cx = x
            for k, (block, w) in enumerate(zip(row, self.widths, strict=False)):
                block.draw(canvas, cx + pad, y - pad)
                if k:
                    canvas.setStrokeColor(RULE)
                    canvas.line(cx, y, cx, y - h)
                cx += w
            canvas.setStrokeColor(tint(self.colour, 0.5))
            canvas.line(x, y - h, x + self.width, y - h)
            y -= h
        set_line_width(canvas, 1)

    def notes(self, page, preflight):
        blocks = [b for row in self.rows for b in row] + self.header
        note_missing(preflight, page, self.where, *blocks)
        if self.cut_cells and not self.continued:
            preflight.add(page, self.where, f"{self.cut_cells} cell(s) beyond the table's "
                          "columns were left out")
        if self.continued:
            preflight.add(page, self.where, "continued from the previous page (header repeated)")


SMALL_CELL = TextStyle(GOTHIC, 7.5, 11, INK, "left", phrase=True)
SMALL_HEAD = TextStyle(GOTHIC_BOLD, 7.5, 11, WHITE, "left", phrase=True)


def small_table(table: SmallTable, colour: Color) -> Table:
    """A card's small table: columns sized from the measured text, cells break at 文節."""
    columns = len(table.columns) or max((len(r) for r in table.rows), default=1)
    rows = [list(r) + [""] * (columns - len(r)) for r in table.rows]  # wider rows: cut by Table
    header = list(table.columns) + [""] * (columns - len(table.columns))
    t = Table(header, rows, None, colour, head_style=SMALL_HEAD,
              cell_styles=[SMALL_CELL] * columns, space_before=0)
    t.pad = 3.0
    return t
