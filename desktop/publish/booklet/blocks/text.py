"""Text blocks: paragraphs, ◆ headings, category tabs, part openers and boxed ✓ lists."""

from __future__ import annotations

from reportlab.lib.colors import Color

from ...typeset import (
    GOTHIC_BOLD,
    TextBlock,
    TextStyle,
    draw_text,
    round_rect,
    set_fill,
    set_line_width,
    set_stroke,
    short,
    text_width,
)
from ..layout import Block
from ..style import (
    BAND_TITLE,
    BLEED,
    H2,
    MARGIN_TOP,
    PAGE_H,
    PAGE_W,
    SMALL,
    WHITE,
    shade,
    tint,
)
from .drawing import checkmark, note_missing


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
            note_missing(preflight, page, self.where or short(self.block.text), self.block)


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
            set_fill(canvas, self.colour)
            baseline = top - style.line_height / 2 - 0.38 * style.size
            draw_text(canvas, x, baseline, self.mark, style.font, style.size)
        self.block.draw(canvas, x + self.indent, top)
        set_stroke(canvas, self.colour)
        set_line_width(canvas, 1.2)
        y = top - self.height + 2.5
        canvas.line(x, y, x + self.block._width + self.indent, y)
        set_line_width(canvas, 1)

    def notes(self, page, preflight):
        note_missing(preflight, page, short(self.text), self.block)


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
            set_fill(canvas, tint(self.colour, 0.14))
            canvas.rect(x, top - self.height, self.width, self.height, stroke=0, fill=1)
            set_fill(canvas, self.colour)
            canvas.rect(x, top - self.height, 4, self.height, stroke=0, fill=1)
            self.block.draw(canvas, x + 10, top - 4)
            return
        set_fill(canvas, self.colour)
        round_rect(canvas, x, top - self.height, w, self.height, 3, stroke=0, fill=1)
        set_stroke(canvas, self.colour)
        set_line_width(canvas, 1.2)
        canvas.line(x + w, top - self.height + 0.6, x + self.width, top - self.height + 0.6)
        set_line_width(canvas, 1)
        self.block.draw(canvas, x + 8, top - 4)

    def notes(self, page, preflight):
        note_missing(preflight, page, short(self.block.text), self.block)


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
            round_rect(canvas, x, y0, self.width, self.height, 4, stroke=0, fill=1)
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
        note_missing(preflight, page, short(self.block.text), self.block)


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
        set_line_width(canvas, 0.8)
        round_rect(canvas, x, top - self.height, self.width, self.height, 4, stroke=1, fill=1)
        y = top
        if self.title:
            th = self.title.height + 8
            canvas.setFillColor(c)
            round_rect(canvas, x, top - th, self.width, th, 4, stroke=0, fill=1)
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
        note_missing(preflight, page, self.where, *self.items)
