"""The booklet's building blocks: paragraphs, headings, bands, tables, cards, panels."""

from __future__ import annotations

import base64
import io

from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from db.money import format_amount, format_previous
from db.records import STATUS_LABELS, Initiative, SmallTable

from ..typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    Preflight,
    TextBlock,
    TextStyle,
    atoms,
    draw_text,
    metrics,
    phrases,
    short,
    text_width,
)
from .layout import Anchor, Block
from .style import (
    AMOUNT,
    BAND_TITLE,
    BLEED,
    CARD_TEXT,
    CARD_TITLE,
    FRAME_W,
    GREY,
    H2,
    H3,
    INK,
    MARGIN_TOP,
    MARGIN_X,
    NOTE,
    PAGE_H,
    PAGE_W,
    PICTURE_CREDIT,
    PICTURE_LABEL,
    PREVIOUS,
    RULE,
    SMALL,
    TABLE_CELL,
    TABLE_HEAD,
    WHITE,
    shade,
    tint,
)


def _missing(preflight: Preflight, page: int, where: str, *blocks: TextBlock) -> None:
    chars: list[str] = []
    for block in blocks:
        for ch in block.missing:
            if ch not in chars:
                chars.append(ch)
    preflight.missing_glyphs(page, where, chars)


def checkbox(canvas: Canvas, x: float, y: float, size: float, colour: Color) -> None:
    """☑ drawn as vector art (the fonts have no ☑): box with its lower-left corner at (x, y)."""
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(0.8)
    canvas.rect(x, y, size, size, stroke=1, fill=0)
    canvas.setLineWidth(1.3)
    path = canvas.beginPath()
    path.moveTo(x + size * 0.2, y + size * 0.52)
    path.lineTo(x + size * 0.42, y + size * 0.25)
    path.lineTo(x + size * 0.85, y + size * 0.85)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setLineWidth(1)


def checkmark(canvas: Canvas, x: float, y: float, size: float, colour: Color) -> None:
    """✓ as vector art at (x, y) = lower-left of a size × size cell."""
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(1.4)
    path = canvas.beginPath()
    path.moveTo(x + size * 0.1, y + size * 0.5)
    path.lineTo(x + size * 0.38, y + size * 0.2)
    path.lineTo(x + size * 0.9, y + size * 0.85)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.setLineWidth(1)


class Para(Block):
    def __init__(self, text: str, style: TextStyle, *, space_before: float = 4.0,
                 where: str = "", block: TextBlock | None = None):
        self.block = block or TextBlock(text, style)
        self.space_before = space_before
        self.where = where
        self.height = 0.0

    def wrap(self, width):
        self.height = self.block.wrap(width)
        return self.height

    def min_height(self, width):
        self.wrap(width)
        return min(self.height, self.block.style.line_height * 2)

    def split(self, width, available):
        self.wrap(width)
        lines = len(self.block.lines)
        lh = self.block.style.line_height
        fit = int((available + 1e-6) // lh)
        if lines >= 4 and fit >= 2 and lines - fit >= 2:  # no widows or orphans
            parts = self.block.split_at(fit * lh)
        elif lines < 4 or fit < 2:
            return None
        else:
            parts = self.block.split_at((lines - 2) * lh)
        if parts is None:
            return None
        return (Para("", parts[0].style, space_before=self.space_before, block=parts[0]),
                Para("", parts[1].style, space_before=0.0, block=parts[1]))

    def draw(self, canvas, x, top, page):
        self.block.draw(canvas, x, top)

    def notes(self, page, preflight):
        if self.block.missing:
            _missing(preflight, page, self.where or short(self.block.text), self.block)


class Heading(Block):
    """◆-marked section heading with a rule in the part's colour; kept with what follows."""

    keep_with_next = True
    ends_category = True

    def __init__(self, text: str, colour: Color, *, style: TextStyle = H2, mark: str = "◆",
                 space_before: float = 14.0):
        self.text = text
        self.colour = colour
        self.mark = mark
        self.block = TextBlock(text, style)
        self.space_before = space_before
        self.indent = text_width(mark + " ", style.font, style.size) if mark else 0.0

    def wrap(self, width):
        self.height = self.block.wrap(width - self.indent) + 6
        return self.height

    def draw(self, canvas, x, top, page):
        style = self.block.style
        if self.mark:
            canvas.setFillColor(self.colour)
            baseline = top - style.line_height / 2 - 0.38 * style.size
            draw_text(canvas, x, baseline, self.mark, style.font, style.size)
        self.block.draw(canvas, x + self.indent, top)
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(1.2)
        y = top - self.height + 2.5
        canvas.line(x, y, x + self.block._width + self.indent, y)
        canvas.setLineWidth(1)

    def notes(self, page, preflight):
        _missing(preflight, page, short(self.text), self.block)


class Tab(Block):
    """Category label as a coloured tab with a rule running to the right margin."""

    keep_with_next = True

    category = True  # cards after it belong to it (repeated as 続き on a new page)

    def __init__(self, text: str, colour: Color, *, space_before: float = 12.0,
                 bracket: bool = False):
        self.text = text
        self.colour = colour
        self.bracket = bracket
        style = TextStyle(GOTHIC_BOLD, 9.5, 14, WHITE if not bracket else shade(colour, 0.8),
                          "left", phrase=True)
        self.block = TextBlock(f"＜{text}＞" if bracket else text, style)
        self.space_before = space_before

    def continued(self) -> Tab:
        """The same label at the top of the next page, marked as continued."""
        return Tab(f"{self.text}(続き)", self.colour, space_before=0.0, bracket=self.bracket)

    def wrap(self, width):
        self.width = width
        self.block.wrap(width - 20)
        self.height = self.block.height + 8
        return self.height

    def draw(self, canvas, x, top, page):
        w = min(self.block.widest + 16, self.width)
        if self.bracket:
            canvas.setFillColor(tint(self.colour, 0.14))
            canvas.rect(x, top - self.height, self.width, self.height, stroke=0, fill=1)
            canvas.setFillColor(self.colour)
            canvas.rect(x, top - self.height, 4, self.height, stroke=0, fill=1)
            self.block.draw(canvas, x + 10, top - 4)
            return
        canvas.setFillColor(self.colour)
        canvas.roundRect(x, top - self.height, w, self.height, 3, stroke=0, fill=1)
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(1.2)
        canvas.line(x + w, top - self.height + 0.6, x + self.width, top - self.height + 0.6)
        canvas.setLineWidth(1)
        self.block.draw(canvas, x + 8, top - 4)

    def notes(self, page, preflight):
        _missing(preflight, page, short(self.block.text), self.block)


class PartTitle(Block):
    """A part's opener: a band across the page top with the part's number and title."""

    keep_with_next = True
    ends_category = True

    def __init__(self, title: str, colour: Color, *, kicker: str = "", height: float = 64,
                 space_before: float = 0.0):
        self.colour = colour
        self.space_before = space_before
        self.kicker = kicker
        self.block = TextBlock(title, BAND_TITLE)
        self.kicker_block = TextBlock(kicker, TextStyle(GOTHIC_BOLD, 11, 15, tint(WHITE, 1),
                                                        "left")) if kicker else None
        self.min = height

    def wrap(self, width):
        self.width = width
        self.block.wrap(width - 10)
        extra = self.kicker_block.wrap(width) if self.kicker_block else 0.0
        self.height = max(self.min, self.block.height + extra + 22)
        return self.height + 10

    def draw(self, canvas, x, top, page):
        canvas.setFillColor(self.colour)
        y0 = top - self.height
        if top >= PAGE_H - MARGIN_TOP - 0.5:
            # at the page top: bleeds off the top and both sides of the page
            canvas.rect(-BLEED, y0, PAGE_W + 2 * BLEED, PAGE_H + BLEED - y0, stroke=0, fill=1)
            canvas.setFillColor(shade(self.colour, 0.8))
            canvas.rect(-BLEED, y0, PAGE_W + 2 * BLEED, 4, stroke=0, fill=1)
            y = top - 10
        else:
            # further down the page (a part that follows on): a band across the text frame
            canvas.roundRect(x, y0, self.width, self.height, 4, stroke=0, fill=1)
            canvas.setFillColor(shade(self.colour, 0.8))
            canvas.rect(x, y0, self.width, 4, stroke=0, fill=1)
            x += 12
            y = top - (self.height - self.block.height - (self.kicker_block.height
                                                         if self.kicker_block else 0.0)) / 2
        if self.kicker_block:
            self.kicker_block.draw(canvas, x, y, WHITE)
            y -= self.kicker_block.height
        self.block.draw(canvas, x, y)

    def notes(self, page, preflight):
        _missing(preflight, page, short(self.block.text), self.block)


class Bullets(Block):
    """A boxed ✓ list with a title tab (本市を取り巻く状況, これまでのアクション, …)."""

    def __init__(self, title: str, items: list[str], colour: Color, *, numbered: bool = False,
                 style: TextStyle = SMALL, space_before: float = 10.0, where: str = ""):
        self.title = TextBlock(title, TextStyle(GOTHIC_BOLD, 9.5, 14, WHITE, "left")) if title else None
        self.items = [TextBlock(text, style) for text in items]
        self.colour = colour
        self.numbered = numbered
        self.style = style
        self.space_before = space_before
        self.where = where or (short(title) if title else "list")
        self.mark_w = style.size * (1.6 if numbered else 1.5)

    def wrap(self, width):
        self.width = width
        inner = width - 20 - self.mark_w
        h = 8.0
        if self.title:
            h += self.title.wrap(width - 20) + 8
        for item in self.items:
            h += item.wrap(inner) + 3
        self.height = h + 6
        return self.height

    def draw(self, canvas, x, top, page):
        c = self.colour
        canvas.setFillColor(tint(c, 0.07))
        canvas.setStrokeColor(tint(c, 0.6))
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, top - self.height, self.width, self.height, 4, stroke=1, fill=1)
        y = top
        if self.title:
            th = self.title.height + 8
            canvas.setFillColor(c)
            canvas.roundRect(x, top - th, self.width, th, 4, stroke=0, fill=1)
            canvas.rect(x, top - th, self.width, 4, stroke=0, fill=1)
            self.title.draw(canvas, x + 10, top - 4)
            y -= th
        y -= 8
        for n, item in enumerate(self.items, 1):
            lh = item.style.line_height
            if self.numbered:
                canvas.setFillColor(c)
                draw_text(canvas, x + 10, y - lh / 2 - 0.38 * self.style.size, f"{n}.",
                          GOTHIC_BOLD, self.style.size)
            else:
                size = self.style.size
                checkmark(canvas, x + 9, y - lh / 2 - size / 2, size, c)
            item.draw(canvas, x + 10 + self.mark_w, y)
            y -= item.height + 3

    def split(self, width, available):
        self.wrap(width)
        if len(self.items) < 2:
            return None
        used = 14.0 + (self.title.height + 8 if self.title else 0.0)
        for k, item in enumerate(self.items):  # noqa: B007 (k is used after the loop)
            used += item.height + 3
            if used > available:
                break
        if k == 0:
            return None
        texts = [i.text for i in self.items]
        head = Bullets("", [], self.colour, numbered=self.numbered, style=self.style,
                       space_before=self.space_before)
        head.title, head.items = self.title, self.items[:k]
        tail = Bullets("", [], self.colour, numbered=self.numbered, style=self.style,
                       space_before=0)
        tail.items = self.items[k:]
        del texts
        return head, tail

    def notes(self, page, preflight):
        _missing(preflight, page, self.where, *self.items)


class SideBySide(Block):
    """Two blocks side by side (two ✓ boxes); stacks them when it must split."""

    def __init__(self, left: Block, right: Block, *, gap: float = 10, space_before: float = 10,
                 share: float = 0.5):
        self.left, self.right, self.gap = left, right, gap
        self.space_before = space_before
        self.share = share  # the left block's part of the width

    def wrap(self, width):
        half = (width - self.gap) * self.share
        self.half = half
        self.height = max(self.left.wrap(half), self.right.wrap(width - self.gap - half))
        # equal heights look designed
        for b in (self.left, self.right):
            if hasattr(b, "height"):
                b.height = self.height
        return self.height

    def draw(self, canvas, x, top, page):
        self.left.draw(canvas, x, top, page)
        self.right.draw(canvas, x + self.half + self.gap, top, page)

    def explode(self):
        return [self.left, self.right]

    def split(self, width, available):
        return None

    def notes(self, page, preflight):
        self.left.notes(page, preflight)
        self.right.notes(page, preflight)


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
        self.rows = [[TextBlock(t, styles[k]) for k, t in enumerate(row)] for row in rows]
        self.space_before = space_before
        self.where = where
        self.continued = continued
        self.pad = 4.0

    def _fractions(self, width: float) -> list[float]:
        """Column shares from the text: every column gets at least its widest phrase (so a
        cell wraps between 文節, never inside a word), the rest goes where text is longest."""
        pad2 = 2 * self.pad
        columns = len(self.rows[0]) if self.rows else len(self.header)
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
        self.row_h = [max(b.wrap(w - 2 * pad) for b, w in zip(row, widths, strict=False)) + 2 * pad
                      for row in self.rows]

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
        canvas.setLineWidth(0.5)
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
        canvas.setLineWidth(1)

    def notes(self, page, preflight):
        blocks = [b for row in self.rows for b in row] + self.header
        _missing(preflight, page, self.where, *blocks)
        if self.continued:
            preflight.add(page, self.where, "continued from the previous page (header repeated)")


SMALL_CELL = TextStyle(GOTHIC, 7.5, 11, INK, "left", phrase=True)
SMALL_HEAD = TextStyle(GOTHIC_BOLD, 7.5, 11, WHITE, "left", phrase=True)


def _small_table(table: SmallTable, colour: Color) -> Table:
    """A card's small table: columns sized from the measured text, cells break at 文節."""
    columns = len(table.columns) or max((len(r) for r in table.rows), default=1)
    rows = [list(r) + [""] * (columns - len(r)) for r in table.rows]
    header = list(table.columns) + [""] * (columns - len(table.columns))
    t = Table(header, rows, None, colour, head_style=SMALL_HEAD,
              cell_styles=[SMALL_CELL] * columns, space_before=0)
    t.pad = 3.0
    return t


class _Picture:
    """A card's picture: the image scaled to fit with caption and credit, or (draft editions
    only) a discreet labelled frame where the image will go."""

    MAX_RATIO = 0.75  # tallest image, as height / width

    def __init__(self, caption: str, credit: str, image: ImageReader | None):
        self.image = image
        self.label = caption or credit or "イメージ"
        self.ratio = 0.62
        if image is not None:
            iw, ih = image.getSize()
            self.ratio = min(ih / iw, self.MAX_RATIO) if iw and ih else 0.62
            self.caption = TextBlock(caption, NOTE) if caption else None
            self.credit = TextBlock(credit, PICTURE_CREDIT) if credit else None
            self.frame_label = None
        else:
            self.caption = TextBlock(caption or "イメージ", NOTE)
            self.credit = None
            self.frame_label = TextBlock("画像未設定", PICTURE_LABEL)
        self.height = 0.0  # image or frame height
        self.total = 0.0  # with caption and credit

    def wrap(self, width: float) -> float:
        self.width = width
        if self.image is not None:
            self.height = width * self.ratio
            extra = 0.0
            if self.caption:
                extra += self.caption.wrap(width)
            if self.credit:
                extra += self.credit.wrap(width)
            self.total = self.height + (2.0 + extra if extra else 0.0)
        else:
            inner = width - 12
            self.height = 10 + self.frame_label.wrap(inner) + self.caption.wrap(inner)
            self.total = self.height
        return self.total

    def draw(self, canvas: Canvas, x: float, top: float, c: Color) -> None:
        w, h = self.width, self.height
        if self.image is None:
            canvas.saveState()
            canvas.setFillColor(WHITE)
            canvas.setStrokeColor(tint(GREY, 0.6))
            canvas.setLineWidth(0.6)
            canvas.setDash(2, 2)
            canvas.roundRect(x, top - h, w, h, 3, stroke=1, fill=1)
            canvas.restoreState()
            self.frame_label.draw(canvas, x + 6, top - 5)
            self.caption.draw(canvas, x + 6, top - 5 - self.frame_label.height)
            return
        iw, ih = self.image.getSize()
        scale = min(w / iw, h / ih)
        dw, dh = iw * scale, ih * scale
        canvas.drawImage(self.image, x + (w - dw) / 2, top - h + (h - dh) / 2, dw, dh,
                         mask="auto")
        y = top - h - 2
        if self.caption:
            self.caption.draw(canvas, x, y)
            y -= self.caption.height
        if self.credit:
            self.credit.draw(canvas, x, y)


def _read_image(data: str) -> ImageReader | None:
    try:
        reader = ImageReader(io.BytesIO(base64.b64decode(data, validate=False)))
        reader.getSize()
        return reader
    except Exception:  # noqa: BLE001 (a broken picture must not stop the booklet)
        return None


class Card(Block):
    """One initiative: title, description, prominent amount at right; never split.

    Pictures with image data are drawn; a picture without one is a labelled frame in a draft
    edition and left out of a final one (either way it is listed in the preflight).
    """

    space_before = 7.0

    def __init__(self, item: Initiative, colour: Color, *, mode: str = "vision",
                 description: str | None = None, where: str = "", draft: bool = True):
        self.item = item
        self.colour = colour
        self.mode = mode
        self.where = where
        self.title = TextBlock(item.title, CARD_TITLE)
        text = item.description if description is None else description
        self.text = TextBlock(text, CARD_TEXT) if text else None
        if item.amount is not None:
            amount = format_amount(item.amount, unit=True)
        else:
            amount = ""
        self.amount_text = amount
        self.amount = TextBlock(amount, AMOUNT) if amount else None
        if mode == "priority":
            sub = format_previous(item.previous_amount)
        else:
            sub = f"({item.budget_note})" if item.budget_note else ""
        self.sub = TextBlock(sub, PREVIOUS) if sub else None
        self.status = STATUS_LABELS.get(item.status or "", "") if item.status in ("new", "expanded") else ""
        self.highlights = [TextBlock(h, TextStyle(GOTHIC_BOLD, 8.3, 12.5, INK, "left"))
                           for h in item.highlights]
        self.indicators = [TextBlock(f"検証指標 {t}", NOTE) for t in item.indicators]
        self.notes_blocks = [TextBlock(t, NOTE) for t in item.notes]
        self.tables = [(TextBlock(t.title + (f"({t.unit})" if t.unit else ""), NOTE)
                        if t.title or t.unit else None, _small_table(t, colour))
                       for t in item.tables]
        self.pictures: list[_Picture] = []
        self.picture_notes: list[str] = []
        for p in item.pictures:
            image = _read_image(p.image) if p.image else None
            name = short(p.caption or p.credit or "(no caption)")
            if image is None:
                problem = "image data cannot be read" if p.image else "no image"
                if draft:
                    self.picture_notes.append(f"picture {name}: {problem}, "
                                              "printed as a labelled frame (draft)")
                else:
                    self.picture_notes.append(f"picture {name}: {problem}, left out")
                    continue
            self.pictures.append(_Picture(p.caption, p.credit, image))
        self.adjusted: list[str] = []
        self.compact = False

    @property
    def simple(self) -> bool:
        """No tables, pictures, highlights or notes: may share a row with another card."""
        return not (self.tables or self.pictures or self.highlights or self.indicators
                    or self.notes_blocks or self.status)

    # geometry: | rule | pad | left column | gap | right column | pad |
    RULE_W = 4.0
    PAD = 8.0
    GAP = 12.0

    def wrap(self, width):
        self.compact = False
        self.width = width
        pad = self.PAD
        self.adjusted = []
        right = 112.0
        if self.amount:
            need = self.amount.wrap(10_000) and self.amount.widest
            if need > right:
                # a huge amount: make the column wider rather than shrink the figure
                right = min(need + 2, width * 0.42)
                if need > right:
                    size = AMOUNT.size * right / need
                    self.amount = TextBlock(self.amount_text, AMOUNT.but(size=size,
                                                                         leading=size * 1.3))
                    self.adjusted.append(f"amount set at {size:.1f}pt to fit")
        self.row_pictures = len(self.pictures) > 1
        if self.pictures and not self.row_pictures:
            right = max(right, 130.0)
        self.right_w = right
        left = width - self.RULE_W - 2 * pad - self.GAP - right
        inner = width - self.RULE_W - 2 * pad
        self.left_w = left
        h = self.title.wrap(left)
        if len(self.title.lines) > 3:
            self.adjusted.append(f"title wraps to {len(self.title.lines)} lines")
        if self.title.forced:
            self.adjusted.append("a word in the title was split (too long for the line)")
        if self.text:
            h += 3 + self.text.wrap(left)
            if self.text.forced:
                self.adjusted.append("a word in the description was split")
        if self.highlights:
            h += 6 + sum(b.wrap(left - 30) for b in self.highlights) + 10
        r = 0.0
        if self.status:
            r += 16
        if self.amount:
            self.amount.wrap(right)
            r += self.amount.height
        if self.sub:
            r += self.sub.wrap(right)
        if not self.row_pictures:
            for pic in self.pictures:
                r += 8 + pic.wrap(right)
        # tables and notes run under the right column at full width once it has ended
        self.wide = bool(self.tables) and r <= h + 1e-6
        lower_w = inner if self.wide else left
        lower = 0.0
        for label, table in self.tables:
            lower += 6 + (label.wrap(lower_w) if label else 0.0) + table.wrap(lower_w)
        for block in self.indicators + self.notes_blocks:
            lower += 2 + block.wrap(lower_w)
        self.upper_h = h
        self.left_h = h + lower
        self.row_h = 0.0
        if self.row_pictures:
            n = len(self.pictures)
            per_row = min(n, 4)
            self.pic_w = min((inner - 10 * (per_row - 1)) / per_row, 150.0)
            for k in range(0, n, per_row):
                self.row_h += 8 + max(p.wrap(self.pic_w) for p in self.pictures[k:k + per_row])
            self.per_row = per_row
        self.right_h = r
        body = max(h, r) + lower if self.wide else max(h + lower, r)
        self.height = body + self.row_h + 2 * pad
        return self.height

    def pairable(self, width: float) -> bool:
        """Simple enough, and its amount fits one line of a half-width card."""
        if not self.simple:
            return False
        inner = width - self.RULE_W - 2 * self.PAD
        need = (self.amount.wrap(10_000) and self.amount.widest) if self.amount else 0.0
        if self.sub:
            need += 6 + (self.sub.wrap(10_000) and self.sub.widest)
        return need <= inner

    def wrap_compact(self, width: float) -> float:
        """Half-width layout (one of a CardPair): title; amount (after the previous amount or
        note) at right; then the description, all across the card."""
        self.compact = True
        self.width = width
        self.adjusted = []
        inner = width - self.RULE_W - 2 * self.PAD
        self.left_w = inner
        h = self.title.wrap(inner)
        row = 0.0
        if self.amount:
            row = self.amount.wrap(inner)
        if self.sub:
            room = inner - (self.amount.widest + 6 if self.amount else 0.0)
            self.sub.wrap(room)
            row = max(row, self.sub.height)
        # a one-line title with room beside it carries the amount, as a full-width card does
        self.amount_inline = bool(
            self.amount and not self.sub and len(self.title.lines) == 1
            and self.title.widest + 10 + self.amount.widest <= inner)
        if self.amount_inline:
            h = max(h, self.amount.height)
            row = 0.0
        self.amount_row = row
        h += row
        if self.text:
            h += 3 + self.text.wrap(inner)
        self.height = h + 2 * self.PAD
        return self.height

    def _draw_compact(self, canvas, x, top):
        c = self.colour
        pad = self.PAD
        lx = x + self.RULE_W + pad
        y = top - pad
        self.title.draw(canvas, lx, y)
        if self.amount_inline:
            self.amount.draw(canvas, lx, y, shade(c, 0.85))
            y -= max(self.title.height, self.amount.height)
        else:
            y -= self.title.height
        row = self.amount_row
        if self.amount and not self.amount_inline:
            self.amount.draw(canvas, lx, y - (row - self.amount.height), shade(c, 0.85))
        if self.sub:
            # bottom-aligned with the amount, just left of it
            self.sub.draw(canvas, lx, y - (row - self.sub.height) - 1.5)
        y -= row
        if self.text:
            y -= 3
            self.text.draw(canvas, lx, y)

    def draw(self, canvas, x, top, page):
        c = self.colour
        pad = self.PAD
        h = self.height
        canvas.setFillColor(tint(c, 0.045))
        canvas.setStrokeColor(tint(c, 0.35))
        canvas.setLineWidth(0.6)
        canvas.rect(x, top - h, self.width, h, stroke=1, fill=1)
        canvas.setFillColor(c)
        canvas.rect(x, top - h, self.RULE_W, h, stroke=0, fill=1)
        if self.compact:
            self._draw_compact(canvas, x, top)
            return
        lx = x + self.RULE_W + pad
        y = top - pad
        self.title.draw(canvas, lx, y)
        y -= self.title.height
        if self.text:
            y -= 3
            self.text.draw(canvas, lx, y)
            y -= self.text.height
        if self.highlights:
            y -= 6
            bh = sum(b.height for b in self.highlights) + 10
            canvas.setFillColor(WHITE)
            canvas.setStrokeColor(c)
            canvas.setLineWidth(0.8)
            canvas.roundRect(lx, y - bh, self.left_w, bh, 3, stroke=1, fill=1)
            yy = y - 5
            for b in self.highlights:
                checkbox(canvas, lx + 8, yy - b.style.line_height / 2 - 4.2, 8.4, c)
                b.draw(canvas, lx + 22, yy)
                yy -= b.height
            y -= bh
        if self.wide:
            y = min(y, top - pad - self.right_h)
        for label, table in self.tables:
            y -= 6
            if label:
                label.draw(canvas, lx, y)
                y -= label.height
            table.draw(canvas, lx, y, page)
            y -= table.height
        for block in self.indicators + self.notes_blocks:
            y -= 2
            block.draw(canvas, lx, y)
            y -= block.height
        # right column
        rx = x + self.width - pad - self.right_w
        y = top - pad
        if self.status:
            label = self.status
            w = text_width(label, GOTHIC_BOLD, 7.5) + 10
            canvas.setStrokeColor(c)
            canvas.setFillColor(WHITE)
            canvas.roundRect(rx + self.right_w - w, y - 12, w, 12, 6, stroke=1, fill=1)
            canvas.setFillColor(c)
            draw_text(canvas, rx + self.right_w - w + 5, y - 9.2, label, GOTHIC_BOLD, 7.5)
            y -= 16
        if self.amount:
            self.amount.draw(canvas, rx, y, shade(c, 0.85))
            y -= self.amount.height
        if self.sub:
            self.sub.draw(canvas, rx, y)
            y -= self.sub.height
        if not self.row_pictures:
            for pic in self.pictures:
                y -= 8
                pic.draw(canvas, rx, y, c)
                y -= pic.total
        else:
            y = top - h + pad + self.row_h
            for k in range(0, len(self.pictures), self.per_row):
                row = self.pictures[k:k + self.per_row]
                y -= 8
                for j, pic in enumerate(row):
                    pic.draw(canvas, lx + j * (self.pic_w + 10), y, c)
                y -= max(p.total for p in row)

    def explode(self):
        blocks: list[Block] = [Para(self.item.title, CARD_TITLE, space_before=8)]
        line = " ".join(t for t in (self.amount_text, self.sub.text if self.sub else "") if t)
        if line:
            blocks.append(Para(line, AMOUNT.but(size=11, align="right")))
        if self.text:
            blocks.append(Para(self.text.text, CARD_TEXT))
        for h in self.highlights:
            blocks.append(Para("✓ " + h.text, SMALL))
        for label, table in self.tables:
            if label:
                blocks.append(Para(label.text, NOTE))
            blocks.append(table)
        for b in self.indicators + self.notes_blocks:
            blocks.append(Para(b.text, NOTE))
        return blocks

    def notes(self, page, preflight):
        where = self.where or f"card {short(self.item.title)}"
        for message in self.adjusted + self.picture_notes:
            preflight.add(page, where, message)
        blocks = [self.title, self.amount] + ([self.text] if self.text else []) + self.highlights
        _missing(preflight, page, where, *[b for b in blocks if b])


class CardPair(Block):
    """Two short cards side by side at half width, of equal height (a tightened section)."""

    space_before = Card.space_before
    GAP = 10.0

    def __init__(self, left: Card, right: Card):
        self.left, self.right = left, right
        self.where = left.where

    def wrap(self, width):
        self.half = (width - self.GAP) / 2
        self.height = max(self.left.wrap_compact(self.half), self.right.wrap_compact(self.half))
        self.left.height = self.right.height = self.height
        return self.height

    def draw(self, canvas, x, top, page):
        self.left.draw(canvas, x, top, page)
        self.right.draw(canvas, x + self.half + self.GAP, top, page)

    def explode(self):
        return [self.left, self.right]

    def notes(self, page, preflight):
        self.left.notes(page, preflight)
        self.right.notes(page, preflight)


def tighten(blocks: list[Block], width: float = FRAME_W) -> list[Block]:
    """A section's blocks set tighter: neighbouring short cards (same category, no tables or
    pictures) share a row where that is shorter and the two read as a pair."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        a = blocks[i]
        b = blocks[i + 1] if i + 1 < len(blocks) else None
        if (isinstance(a, Card) and isinstance(b, Card) and a.mode == b.mode
                and a.pairable(width) and b.pairable(width)):
            stacked = a.wrap(width) + b.wrap(width) + b.space_before
            half = (width - CardPair.GAP) / 2
            ha, hb = a.wrap_compact(half), b.wrap_compact(half)
            if max(ha, hb) < stacked - 12 and min(ha, hb) >= 0.6 * max(ha, hb):
                out.append(CardPair(a, b))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


class Contents(Block):
    """The table of contents: page numbers come from the anchors, known before drawing."""

    ROW = 27.0

    def __init__(self, anchors: list[Anchor], colours: dict[str, Color], accent: Color):
        self.anchors = anchors
        self.colours = colours
        self.accent = accent
        self.labels = [TextBlock(a.contents or a.title,
                                 TextStyle(GOTHIC_BOLD if a.level == 0 else GOTHIC,
                                           12 if a.level == 0 else 10.5, 16, INK, "left"))
                       for a in anchors]

    def wrap(self, width):
        self.width = width
        h = 0.0
        for a, b in zip(self.anchors, self.labels, strict=False):
            indent = 0 if a.level == 0 else 26
            h += max(self.ROW, b.wrap(width - indent - 60) + 10) + (8 if a.level == 0 else 0)
        self.height = h
        return h

    def split(self, width, available):
        self.wrap(width)
        used = 0.0
        for k, (a, b) in enumerate(zip(self.anchors, self.labels, strict=False)):  # noqa: B007
            used += max(self.ROW, b.height + 10) + (8 if a.level == 0 else 0)
            if used > available:
                break
        if k == 0:
            return None
        return (Contents(self.anchors[:k], self.colours, self.accent),
                Contents(self.anchors[k:], self.colours, self.accent))

    def draw(self, canvas, x, top, page):
        y = top
        for a, b in zip(self.anchors, self.labels, strict=False):
            if a.level == 0:
                y -= 8
            indent = 0 if a.level == 0 else 26
            row = max(self.ROW, b.height + 10)
            colour = self.colours.get(a.key, self.accent)
            if a.level:
                canvas.setFillColor(colour)
                canvas.roundRect(x + 8, y - row / 2 - 6, 10, 12, 2, stroke=0, fill=1)
            else:
                canvas.setFillColor(self.accent)
                canvas.rect(x, y - row + 4, 4, row - 8, stroke=0, fill=1)
                indent = 12
            b.draw(canvas, x + indent, y - (row - b.height) / 2)
            number = str(a.page)
            size = 12 if a.level == 0 else 10.5
            nw = text_width(number, GOTHIC_BOLD, size)
            # dotted leader
            last = b.lines[-1].width if b.lines else 0
            lx0 = x + indent + last + 8
            lx1 = x + self.width - nw - 8
            base = y - row / 2 - 0.38 * size
            if lx1 > lx0:
                canvas.setStrokeColor(RULE)
                canvas.setDash(1, 3)
                canvas.line(lx0, base + 2, lx1, base + 2)
                canvas.setDash()
            canvas.setFillColor(INK)
            draw_text(canvas, x + self.width - nw, base, number, GOTHIC_BOLD, size)
            canvas.linkAbsolute("", a.key, (x, y - row, x + self.width, y), thickness=0)
            canvas.setStrokeColor(tint(RULE, 0.5))
            canvas.setLineWidth(0.4)
            canvas.line(x + indent, y - row, x + self.width, y - row)
            canvas.setLineWidth(1)
            y -= row

    def notes(self, page, preflight):
        _missing(preflight, page, "contents", *self.labels)


class VisionGrid(Block):
    """Overview of all visions: one coloured tile each, two columns."""

    space_before = 14.0

    def __init__(self, visions: list[tuple[int, str, Color]]):
        self.visions = visions
        self.titles = [TextBlock(t, TextStyle(GOTHIC_BOLD, 10.5, 15, WHITE, "left", phrase=True))
                       for _, t, _ in visions]

    def wrap(self, width):
        self.width = width
        self.tile_w = (width - 10) / 2
        self.rows = []
        for k in range(0, len(self.visions), 2):
            hs = [b.wrap(self.tile_w - 62) for b in self.titles[k:k + 2]]
            self.rows.append(max(max(hs) + 16, 52))
        self.height = sum(self.rows) + 8 * max(len(self.rows) - 1, 0)
        return self.height

    def draw(self, canvas, x, top, page):
        y = top
        for r, h in enumerate(self.rows):
            for k in range(2):
                i = r * 2 + k
                if i >= len(self.visions):
                    break
                number, _, colour = self.visions[i]
                tx = x + k * (self.tile_w + 10)
                canvas.setFillColor(colour)
                canvas.roundRect(tx, y - h, self.tile_w, h, 6, stroke=0, fill=1)
                canvas.setFillColor(WHITE)
                draw_text(canvas, tx + 10, y - h / 2 - 10, str(number), GOTHIC_BOLD, 28)
                canvas.setFillColor(tint(WHITE, 1))
                canvas.setStrokeColor(WHITE)
                canvas.setLineWidth(0.6)
                canvas.line(tx + 48, y - 10, tx + 48, y - h + 10)
                title = self.titles[i]
                title.draw(canvas, tx + 56, y - (h - title.height) / 2)
            y -= h + 8

    def split(self, width, available):
        return None

    def notes(self, page, preflight):
        _missing(preflight, page, "vision overview", *self.titles)


class Pills(Block):
    """A row of rounded labels (the cross-cutting perspectives)."""

    space_before = 10.0

    def __init__(self, lead: str, labels: list[str], colour: Color):
        self.lead = TextBlock(lead, SMALL.but(align="left")) if lead else None
        self.labels = [TextBlock(t, TextStyle(GOTHIC_BOLD, 9.5, 14, WHITE, "center")) for t in labels]
        self.colour = colour

    def wrap(self, width):
        self.width = width
        h = self.lead.wrap(width) + 6 if self.lead else 0.0
        n = max(len(self.labels), 1)
        self.pill_w = (width - 8 * (n - 1)) / n
        ph = max((b.wrap(self.pill_w - 16) for b in self.labels), default=0.0) + 12
        self.pill_h = ph
        self.height = h + ph
        return self.height

    def draw(self, canvas, x, top, page):
        y = top
        if self.lead:
            self.lead.draw(canvas, x, y)
            y -= self.lead.height + 6
        for k, b in enumerate(self.labels):
            px = x + k * (self.pill_w + 8)
            canvas.setFillColor(self.colour)
            canvas.roundRect(px, y - self.pill_h, self.pill_w, self.pill_h, self.pill_h / 2,
                             stroke=0, fill=1)
            b.draw(canvas, px + 8, y - (self.pill_h - b.height) / 2)


class Panel(Block):
    """A ward panel: coloured name strip, headline, description and initiative rows."""

    space_before = 10.0

    def __init__(self, name: str, headline: str, description: str,
                 rows: list[tuple[str, str, str]], colour: Color, where: str):
        self.colour = colour
        self.where = where
        self.name = TextBlock(name, TextStyle(GOTHIC_BOLD, 12, 16, WHITE, "left"))
        self.headline = TextBlock(headline, TextStyle(GOTHIC_BOLD, 10.5, 15, shade(colour, 0.8),
                                                      "left", phrase=True)) if headline else None
        self.description = TextBlock(description, SMALL) if description else None
        self.rows = [(TextBlock(t, TextStyle(GOTHIC_BOLD, 9, 13, INK, "left", phrase=True)),
                      TextBlock(d, TextStyle(GOTHIC, 8, 12, INK, "justify")) if d else None,
                      TextBlock(a, TextStyle(GOTHIC_BOLD, 9.5, 13, shade(colour, 0.8), "right")))
                     for t, d, a in rows]

    def wrap(self, width):
        self.width = width
        inner = width - 20
        self.strip = max(self.name.wrap(110), 0) + 10
        h = self.strip + 8
        if self.headline:
            h += self.headline.wrap(inner) + 2
        if self.description:
            h += self.description.wrap(inner) + 4
        self.row_h = []
        for t, d, a in self.rows:
            a.wrap(100)
            rh = t.wrap(inner - 108) + (d.wrap(inner - 108) if d else 0.0) + 8
            self.row_h.append(rh)
            h += rh
        self.height = h + 8
        return self.height

    def draw(self, canvas, x, top, page):
        c = self.colour
        canvas.setFillColor(WHITE)
        canvas.setStrokeColor(tint(c, 0.6))
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, top - self.height, self.width, self.height, 5, stroke=1, fill=1)
        canvas.setFillColor(c)
        canvas.roundRect(x, top - self.strip, self.width, self.strip, 5, stroke=0, fill=1)
        canvas.rect(x, top - self.strip, self.width, 5, stroke=0, fill=1)
        self.name.draw(canvas, x + 10, top - 5)
        y = top - self.strip - 8
        if self.headline:
            self.headline.draw(canvas, x + 10, y)
            y -= self.headline.height + 2
        if self.description:
            self.description.draw(canvas, x + 10, y)
            y -= self.description.height + 4
        for (t, d, a), rh in zip(self.rows, self.row_h, strict=False):
            canvas.setStrokeColor(tint(c, 0.35))
            canvas.setLineWidth(0.5)
            canvas.line(x + 10, y, x + self.width - 10, y)
            yy = y - 4
            canvas.setFillColor(c)
            canvas.circle(x + 14, yy - 6.5, 2.2, stroke=0, fill=1)
            t.draw(canvas, x + 20, yy)
            a.draw(canvas, x + self.width - 110, yy)
            yy -= t.height
            if d:
                d.draw(canvas, x + 20, yy)
            y -= rh
        canvas.setLineWidth(1)

    def explode(self):
        blocks: list[Block] = [Tab(self.name.text, self.colour)]
        if self.headline:
            blocks.append(Para(self.headline.text, H3))
        if self.description:
            blocks.append(Para(self.description.text, SMALL))
        for t, d, a in self.rows:
            blocks.append(Para(f"{t.text}\u3000{a.text}", H3.but(size=9.5)))
            if d:
                blocks.append(Para(d.text, SMALL))
        return blocks

    def notes(self, page, preflight):
        blocks = [self.name] + [b for b in (self.headline, self.description) if b]
        for t, d, a in self.rows:
            blocks += [t, a] + ([d] if d else [])
        _missing(preflight, page, self.where, *blocks)


class Band(Block):
    """The vision opener: a full-bleed band in the vision's colour with number and title."""

    keep_with_next = True
    ends_category = True

    def __init__(self, number: int, title: str, colour: Color):
        self.number = number
        self.colour = colour
        self.title = TextBlock(title, BAND_TITLE.but(size=19, leading=25))

    def wrap(self, width):
        self.width = width
        self.title.wrap(width - 110)
        self.height = max(78.0, self.title.height + 26)
        return self.height + 6

    def draw(self, canvas, x, top, page):
        c = self.colour
        y0 = top - self.height
        canvas.setFillColor(c)
        canvas.rect(-BLEED, y0, PAGE_W + 2 * BLEED, PAGE_H + BLEED - y0, stroke=0, fill=1)
        canvas.setFillColor(shade(c, 0.82))
        canvas.rect(-BLEED, y0, PAGE_W + 2 * BLEED, 5, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        draw_text(canvas, x, top - 24, "ビジョン", GOTHIC_BOLD, 11)
        number = str(self.number)
        draw_text(canvas, x + 6, y0 + 14, number, GOTHIC_BOLD, 44)
        canvas.setStrokeColor(WHITE)
        canvas.setLineWidth(1)
        canvas.line(x + 96, top - 14, x + 96, y0 + 14)
        self.title.draw(canvas, x + 110, top - (self.height - self.title.height) / 2)

    def notes(self, page, preflight):
        _missing(preflight, page, f"ビジョン{self.number} title", self.title)


TOP_OF_PAGE = PAGE_H - MARGIN_TOP
__all__ = ["Band", "Bullets", "Card", "Contents", "Heading", "Panel", "Para", "PartTitle", "Pills",
           "SideBySide", "Table", "Tab", "VisionGrid", "checkbox", "checkmark", "MARGIN_X",
           "TOP_OF_PAGE", "GREY", "BODY_STYLE"]
BODY_STYLE = SMALL
