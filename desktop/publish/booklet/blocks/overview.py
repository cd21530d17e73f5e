"""The booklet's overview blocks: the table of contents, the vision tiles, the vision band,
the perspective pills and the ward panels."""

from __future__ import annotations

from reportlab.lib.colors import Color

from ...typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    TextBlock,
    TextStyle,
    draw_text,
    round_rect,
    set_line_width,
    text_width,
)
from ..layout import Anchor, Block
from ..style import (
    BAND_TITLE,
    BLEED,
    H3,
    INK,
    PAGE_H,
    PAGE_W,
    RULE,
    SMALL,
    WHITE,
    shade,
    tint,
)
from .drawing import note_missing
from .text import Para, Tab


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
                round_rect(canvas, x + 8, y - row / 2 - 6, 10, 12, 2, stroke=0, fill=1)
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
            set_line_width(canvas, 0.4)
            canvas.line(x + indent, y - row, x + self.width, y - row)
            set_line_width(canvas, 1)
            y -= row

    def notes(self, page, preflight):
        note_missing(preflight, page, "contents", *self.labels)


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
                round_rect(canvas, tx, y - h, self.tile_w, h, 6, stroke=0, fill=1)
                canvas.setFillColor(WHITE)
                draw_text(canvas, tx + 10, y - h / 2 - 10, str(number), GOTHIC_BOLD, 28)
                canvas.setFillColor(tint(WHITE, 1))
                canvas.setStrokeColor(WHITE)
                set_line_width(canvas, 0.6)
                canvas.line(tx + 48, y - 10, tx + 48, y - h + 10)
                title = self.titles[i]
                title.draw(canvas, tx + 56, y - (h - title.height) / 2)
            y -= h + 8

    def split(self, width, available):
        return None

    def notes(self, page, preflight):
        note_missing(preflight, page, "vision overview", *self.titles)


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
            round_rect(canvas, px, y - self.pill_h, self.pill_w, self.pill_h, self.pill_h / 2,
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
        set_line_width(canvas, 0.8)
        round_rect(canvas, x, top - self.height, self.width, self.height, 5, stroke=1, fill=1)
        canvas.setFillColor(c)
        round_rect(canvas, x, top - self.strip, self.width, self.strip, 5, stroke=0, fill=1)
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
            set_line_width(canvas, 0.5)
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
        set_line_width(canvas, 1)

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
        note_missing(preflight, page, self.where, *blocks)


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
        set_line_width(canvas, 1)
        canvas.line(x + 96, top - 14, x + 96, y0 + 14)
        self.title.draw(canvas, x + 110, top - (self.height - self.title.height) / 2)

    def notes(self, page, preflight):
        note_missing(preflight, page, f"ビジョン{self.number} title", self.title)
