"""A long table over A4 landscape pages, in the booklet's type: the 新旧対照表's engine.

Rows are laid out once (cell text broken with the booklet's Japanese line breaking, cached
widths), paginated with the column header repeated on every page and a section's band never
left alone at a page's foot, then drawn straight into the page stream.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..booklet.style import GREY, INK, PLAN, RULE, WHITE, tint
from ..output import atomic_output
from ..progress import Progress
from ..typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    MONO,
    TextBlock,
    TextStyle,
    draw_text,
    metrics,
    printable,
    set_line_width,
    text_width,
)

PAGE_W, PAGE_H = 841.8898, 595.2756  # A4 landscape
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 12 * mm, 20 * mm, 13 * mm
PAD_X, PAD_Y = 3.0, 2.5

CELL = TextStyle(GOTHIC, 8, 11.5, INK, "left")
CELL_BOLD = CELL.but(font=GOTHIC_BOLD)
FIGURE = TextStyle(MONO, 8, 11.5, INK, "right")
HEAD = TextStyle(GOTHIC_BOLD, 8, 11, WHITE, "center")
BAND = TextStyle(GOTHIC_BOLD, 9.5, 13, WHITE, "left", phrase=True)


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    figures: bool = False  # right-aligned, fixed-width digits


@dataclass
class Cell:
    text: str = ""
    fill: Color | None = None
    color: Color | None = None
    bold: bool = False


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)
    band: str | None = None  # a section's title band (cells unused)
    colour: Color = PLAN
    total: bool = False  # a subtotal line: bold, ruled above
    height: float = 0.0
    blocks: list[TextBlock | None] = field(default_factory=list)


class _Line:
    """A cell's text that fits on one line: drawn without line breaking."""

    __slots__ = ("text", "width", "style")

    def __init__(self, text: str, width: float, style: TextStyle):
        self.text, self.width, self.style = text, width, style

    def draw(self, ink: _Ink, x: float, top: float, room: float) -> None:
        style = self.style
        m = metrics(style.font)
        baseline = top - style.line_height / 2 - (m.ascent + m.descent) / 2 * style.size
        if style.align == "right":
            x += room - self.width
        elif style.align == "center":
            x += (room - self.width) / 2
        ink.text(x, baseline, self.text, style.font, style.size)


class _Ink:
    """Fill colours, rectangles and ruled paths written straight into the page stream (the
    canvas's own calls format every number through reportlab's slow float formatter)."""

    def __init__(self, canvas: Canvas, glyphs: dict[tuple[str, str, float], str]):
        self.code = canvas._code
        self.doc = canvas._doc
        self.glyphs = glyphs  # (text, font, size) → its text-showing operators, per document
        self.current: Color | None = None

    def text(self, x: float, y: float, text: str, font: str, size: float) -> None:
        """Like typeset's draw_text, with each distinct string encoded once per document."""
        key = (text, font, size)
        shown = self.glyphs.get(key)
        if shown is None:
            ttf = metrics(font).font
            shown = " ".join(f"{ttf.getSubsetInternalName(subset, self.doc)} {size:g} Tf "
                             f"<{codes.hex()}> Tj" for subset, codes in
                             ttf.splitString(text, self.doc))
            self.glyphs[key] = shown
        self.code.append(f"BT {x:.2f} {y:.2f} Td {shown} ET")

    def fill(self, colour: Color) -> None:
        if colour is not self.current:
            self.code.append(f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} rg")
            self.current = colour

    def forget(self) -> None:
        self.current = None

    def rect(self, x: float, y: float, width: float, height: float) -> None:
        self.code.append(f"{x:.2f} {y:.2f} {width:.2f} {height:.2f} re f")

    def stroke(self, path: list[str], colour: Color, width: float) -> None:
        if path:
            self.code.append(f"{colour.red:.3f} {colour.green:.3f} {colour.blue:.3f} RG "
                             f"{width:g} w " + " ".join(path) + " S")


class PagedTable:
    def __init__(self, title: str, subtitle: str, columns: list[Column],
                 groups: list[tuple[str, int, int]] | None = None, *, author: str = ""):
        self.title, self.subtitle, self.columns = title, subtitle, columns
        self.groups = groups or []  # (title, first column, span) over the header
        self.author = author
        self.width = sum(c.width for c in columns)
        self._styles: dict[tuple, TextStyle] = {}

    def _style(self, column: Column, cell: Cell) -> TextStyle:
        key = (column.figures, cell.bold, cell.color)
        style = self._styles.get(key)
        if style is None:
            style = FIGURE if column.figures else CELL
            if cell.bold:
                style = style.but(font=GOTHIC_BOLD)
            if cell.color is not None:
                style = style.but(color=cell.color)
            self._styles[key] = style
        return style

    def measure(self, row: Row) -> None:
        if row.band is not None:
            block = TextBlock(row.band, BAND)
            row.blocks = [block]
            row.height = block.wrap(self.width - 2 * PAD_X - 6) + 2 * PAD_Y + 2
            return
        row.blocks, height = [], CELL.line_height
        for column, cell in zip(self.columns, row.cells, strict=True):
            if not cell.text:
                row.blocks.append(None)
                continue
            style = self._style(column, cell)
            room = column.width - 2 * PAD_X
            if "\n" not in cell.text:  # most cells: one line, no line breaking needed
                text, missing = printable(cell.text, style.font)
                width = metrics(style.font).width(text, style.size)
                if width <= room and not missing:
                    row.blocks.append(_Line(text, width, style))
                    continue
            block = TextBlock(cell.text, style)
            height = max(height, block.wrap(room))
            row.blocks.append(block)
        row.height = height + 2 * PAD_Y

    def _header_height(self) -> float:
        return (14.0 if self.groups else 0.0) + 16.0

    def paginate(self, rows: list[Row]) -> list[list[Row]]:
        room = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM - self._header_height()
        pages: list[list[Row]] = [[]]
        used = 0.0
        for n, row in enumerate(rows):
            need = row.height
            if row.band is not None and n + 1 < len(rows):
                need += rows[n + 1].height  # never a band alone at the foot of a page
            if pages[-1] and used + need > room:
                pages.append([])
                used = 0.0
            pages[-1].append(row)
            used += row.height
        return pages

    def render(self, rows: list[Row], output, progress: Progress | None = None) -> int:
        """Lay out, paginate and write the PDF (atomically); returns the page count."""
        progress = progress or Progress()
        for n, row in enumerate(rows):
            if n % 2000 == 0:
                progress.step(n, len(rows) * 2, "layout")
            self.measure(row)
        pages = self.paginate(rows)
        with atomic_output(output, ".pdf") as temp:
            canvas = Canvas(str(temp), pagesize=(PAGE_W, PAGE_H), pageCompression=1,
                            initialFontName=GOTHIC, initialFontSize=8, lang="ja-JP")
            canvas.setTitle(self.title)
            canvas.setAuthor(self.author)
            canvas.setCreator("PlanBook")
            self._glyphs: dict[tuple[str, str, float], str] = {}
            step = max(1, len(pages) // 40)
            for number, page in enumerate(pages, 1):
                if number % step == 0:
                    progress.step(len(rows) + len(rows) * number // len(pages), len(rows) * 2,
                                  f"page {number}/{len(pages)}")
                self._page(canvas, page, number, len(pages))
                canvas.showPage()
            canvas.save()
        return len(pages)

    def _page(self, canvas: Canvas, rows: list[Row], number: int, total: int) -> None:
        left = MARGIN_X
        top = PAGE_H - MARGIN_TOP
        canvas.setFillColor(PLAN)
        draw_text(canvas, left, top + 22, self.title, GOTHIC_BOLD, 13)
        canvas.setFillColor(GREY)
        width = text_width(self.subtitle, GOTHIC, 8)
        draw_text(canvas, left + self.width - width, top + 24, self.subtitle, GOTHIC, 8)
        canvas.setStrokeColor(PLAN)
        set_line_width(canvas, 1.2)
        canvas.line(left, top + 16, left + self.width, top + 16)
        y = self._header(canvas, left, top + 4)
        ink = _Ink(canvas, self._glyphs)
        rules = [left + sum(c.width for c in self.columns[:n]) for n in range(1, len(self.columns))]
        grey_path: list[str] = []
        totals_path: list[str] = []
        right = left + self.width
        for row in rows:
            if row.band is not None:
                ink.fill(row.colour)
                ink.rect(left, y - row.height + 2, self.width, row.height - 2)
                row.blocks[0].draw(canvas, left + PAD_X + 4, y - PAD_Y - 2)
                ink.forget()
                y -= row.height
                continue
            x = left
            bottom = y - row.height
            for column, cell, block in zip(self.columns, row.cells, row.blocks, strict=True):
                if cell.fill is not None:
                    ink.fill(cell.fill)
                    ink.rect(x, bottom, column.width, row.height)
                if isinstance(block, _Line):
                    ink.fill(block.style.color)
                    block.draw(ink, x + PAD_X, y - PAD_Y, column.width - 2 * PAD_X)
                elif block is not None:
                    block.draw(canvas, x + PAD_X, y - PAD_Y)
                    ink.forget()
                x += column.width
            grey_path.extend(f"{r:.2f} {y:.2f} m {r:.2f} {bottom:.2f} l" for r in rules)
            grey_path.append(f"{left:.2f} {bottom:.2f} m {right:.2f} {bottom:.2f} l")
            if row.total:
                totals_path.append(f"{left:.2f} {y:.2f} m {right:.2f} {y:.2f} l")
            y = bottom
        ink.stroke(grey_path, RULE, 0.4)
        ink.stroke(totals_path, INK, 0.6)
        canvas.setFillColor(GREY)
        footer = f"{number} / {total}"
        draw_text(canvas, left + self.width - text_width(footer, GOTHIC, 8), MARGIN_BOTTOM - 14,
                  footer, GOTHIC, 8)
        draw_text(canvas, left, MARGIN_BOTTOM - 14, self.author, GOTHIC, 7)

    def _header(self, canvas: Canvas, left: float, top: float) -> float:
        y = top
        starts = [left]
        for column in self.columns:
            starts.append(starts[-1] + column.width)
        if self.groups:
            for title, first, span in self.groups:
                x0, x1 = starts[first], starts[first + span]
                canvas.setFillColor(tint(PLAN, 0.75))
                canvas.rect(x0, y - 14, x1 - x0, 14, stroke=0, fill=1)
                canvas.setFillColor(WHITE)
                width = text_width(title, GOTHIC_BOLD, 8.5)
                draw_text(canvas, (x0 + x1 - width) / 2, y - 10, title, GOTHIC_BOLD, 8.5)
            y -= 14
        canvas.setFillColor(PLAN)
        canvas.rect(left, y - 16, self.width, 16, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        for column, x in zip(self.columns, starts, strict=False):
            width = text_width(column.title, GOTHIC_BOLD, 8)
            draw_text(canvas, x + (column.width - width) / 2, y - 11, column.title, GOTHIC_BOLD, 8)
        return y - 16
