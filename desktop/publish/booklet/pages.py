"""Whole pages and page furniture: cover, back cover, running header/footer, crop marks."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from db.era import publication_label
from db.records import EditionDocument

from ..typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    TextBlock,
    TextStyle,
    draw_text,
    printable,
    round_rect,
    set_fill,
    set_line_width,
    set_stroke,
    text_width,
)
from .layout import Block, Page
from .style import (
    BLEED,
    DRAFT,
    FRAME_W,
    GREY,
    INK,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    PLAN,
    SLUG,
    SMALL,
    WHITE,
    colour,
    shade,
    tint,
)


def _stripe(canvas: Canvas, doc: EditionDocument, y: float, h: float) -> None:
    """The visions' colours as a band across the full page width (bleeds at both sides)."""
    colours = [colour(v.colour) for v in doc.visions] or [PLAN]
    w = (PAGE_W + 2 * BLEED) / len(colours)
    for k, c in enumerate(colours):
        canvas.setFillColor(c)
        canvas.rect(-BLEED + k * w, y, w + 0.5, h, stroke=0, fill=1)


def _text(canvas, x, top, text, style, width, colour_=None) -> float:
    block = TextBlock(text, style)
    block.wrap(width)
    block.draw(canvas, x, top, colour_)
    return block.height


def paint_cover(canvas: Canvas, page: Page, doc: EditionDocument) -> None:
    e = doc.edition
    top_h = PAGE_H * 0.52
    canvas.setFillColor(PLAN)
    canvas.rect(-BLEED, PAGE_H - top_h, PAGE_W + 2 * BLEED, top_h + BLEED, stroke=0, fill=1)
    _stripe(canvas, doc, PAGE_H - top_h - 14, 14)
    x = MARGIN_X + 6
    width = FRAME_W - 12
    y = PAGE_H - 70
    y -= _text(canvas, x, y, doc.plan.name, TextStyle(GOTHIC_BOLD, 17, 24, WHITE, "left",
                                                      phrase=True), width)
    y -= 10
    title = e.title or "アクションプラン"
    y -= _text(canvas, x, y, title, TextStyle(GOTHIC_BOLD, 34, 44, WHITE, "left", phrase=True),
               width)
    if e.status == "draft":
        y -= 6
        canvas.setFillColor(WHITE)
        round_rect(canvas, x, y - 34, 62, 34, 5, stroke=0, fill=1)
        canvas.setFillColor(DRAFT)
        draw_text(canvas, x + 8, y - 26, "(案)", GOTHIC_BOLD, 20)
        y -= 34
    # parts
    y = PAGE_H - top_h - 60
    for part in e.cover_parts:
        canvas.setFillColor(PLAN)
        canvas.rect(x, y - 24, 5, 22, stroke=0, fill=1)
        y -= _text(canvas, x + 16, y, part, TextStyle(GOTHIC_BOLD, 15, 24, INK, "left"),
                   width - 16) + 8
    if e.slogan:
        y -= 24
        y -= _text(canvas, x, y, e.slogan, TextStyle(GOTHIC_BOLD, 16, 24, PLAN, "left",
                                                     phrase=True), width)
    bottom = 70
    if e.publication_date:
        try:
            date = publication_label(e.publication_date)
        except ValueError:
            date = e.publication_date
        _text(canvas, x, bottom + 40, date, TextStyle(GOTHIC_BOLD, 13, 18, INK, "right"), width)
    _text(canvas, x, bottom + 18, doc.plan.city, TextStyle(GOTHIC_BOLD, 16, 22, PLAN, "right"),
          width)
    if e.cover_credit:
        _text(canvas, x, bottom - 12, e.cover_credit, TextStyle(GOTHIC, 7, 10, GREY, "left"), width)
    _stripe(canvas, doc, -BLEED, BLEED + 14)


def paint_back_cover(canvas: Canvas, page: Page, doc: EditionDocument) -> None:
    e = doc.edition
    ct = e.contact
    _stripe(canvas, doc, PAGE_H - 14, 14 + BLEED)
    lines = [line for line in (
        f"{doc.plan.name} {e.title}" + ("(案)" if e.status == "draft" else ""),
        " ".join(t for t in (ct.organisation, ct.department) if t),
        f"TEL {ct.tel}" if ct.tel else "", f"FAX {ct.fax}" if ct.fax else "",
        f"E-mail {ct.email}" if ct.email else "") if line]
    if not lines:
        return
    box_w = 300.0
    x = (PAGE_W - box_w) / 2
    styles = [TextStyle(GOTHIC_BOLD, 11, 17, INK, "left"),
              TextStyle(GOTHIC_BOLD, 10, 16, INK, "left")] + [TextStyle(GOTHIC, 9.5, 15, INK, "left")] * 4
    blocks = [TextBlock(t, s) for t, s in zip(lines, styles, strict=False)]
    h = sum(b.wrap(box_w - 28) for b in blocks) + 28 + 14
    y = 170.0
    canvas.setStrokeColor(PLAN)
    canvas.setFillColor(WHITE)
    set_line_width(canvas, 1)
    round_rect(canvas, x, y, box_w, h, 6, stroke=1, fill=1)
    canvas.setFillColor(PLAN)
    round_rect(canvas, x, y + h - 20, box_w, 20, 6, stroke=0, fill=1)
    canvas.rect(x, y + h - 20, box_w, 6, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    draw_text(canvas, x + 14, y + h - 14, e.heading("contact"), GOTHIC_BOLD, 9.5)
    top = y + h - 28
    for b in blocks:
        b.draw(canvas, x + 14, top)
        top -= b.height
    _stripe(canvas, doc, -BLEED, BLEED + 14)


class PdcaCycle(Block):
    """The yearly management cycle: four linked stages P → D → C → A beside its text."""

    space_before = 14.0

    def __init__(self, title: str, text: str, c: Color):
        self.c = c
        self.title = TextBlock(title, TextStyle(GOTHIC_BOLD, 10.5, 16, shade(c, 0.9), "left"))
        self.text = TextBlock(text, SMALL.but(size=9, leading=15))

    def wrap(self, width):
        self.width = width
        self.diagram = 190.0
        h = self.title.wrap(width - 24) + 6 + self.text.wrap(width - self.diagram - 34)
        self.height = max(h, self.diagram - 10) + 24
        return self.height

    def draw(self, canvas, x, top, page):
        c = self.c
        canvas.setFillColor(tint(c, 0.06))
        canvas.setStrokeColor(tint(c, 0.5))
        round_rect(canvas, x, top - self.height, self.width, self.height, 6, stroke=1, fill=1)
        self.title.draw(canvas, x + 12, top - 10)
        self.text.draw(canvas, x + 12, top - 16 - self.title.height)
        cx = x + self.width - self.diagram / 2 - 8
        cy = top - self.height / 2 - 4
        r = 52
        stages = [("P", "計画", 0, 1), ("D", "実行", 1, 0), ("C", "評価", 0, -1), ("A", "改善", -1, 0)]
        canvas.setStrokeColor(tint(c, 0.5))
        set_line_width(canvas, 2)
        canvas.circle(cx, cy, r, stroke=1, fill=0)
        set_line_width(canvas, 1)
        for letter, word, dx, dy in stages:
            px, py = cx + dx * r, cy + dy * r
            canvas.setFillColor(c)
            canvas.circle(px, py, 21, stroke=0, fill=1)
            canvas.setFillColor(WHITE)
            w = text_width(letter, GOTHIC_BOLD, 15)
            draw_text(canvas, px - w / 2, py - 1, letter, GOTHIC_BOLD, 15)
            w = text_width(word, GOTHIC_BOLD, 7.5)
            draw_text(canvas, px - w / 2, py - 12, word, GOTHIC_BOLD, 7.5)


def paint_chrome(canvas: Canvas, page: Page, doc: EditionDocument, total: int) -> None:
    """Running header and footer of a body page."""
    from .blocks import Band, PartTitle

    draft = doc.edition.status == "draft"
    first = page.items[0][0] if page.items else None
    if not isinstance(first, (Band, PartTitle)) and page.label:
        set_fill(canvas, page.colour)
        canvas.rect(-BLEED, PAGE_H - 9 * 2.835, 12 * 2.835 + BLEED, 4, stroke=0, fill=1)
        set_fill(canvas, page.colour)
        label = printable(page.label, GOTHIC_BOLD)[0]  # 𠮷 from the fallback font, as elsewhere
        size = 8
        max_w = FRAME_W - 20
        while text_width(label, GOTHIC_BOLD, size) > max_w and len(label) > 4:
            label = label[:-2] + "…"
        draw_text(canvas, MARGIN_X + 20, PAGE_H - 9 * 2.835 - 1, label, GOTHIC_BOLD, size)
    # footer: page number at the outer edge (odd pages right, even pages left)
    number = str(page.number)
    y = 10 * 2.835
    edition = doc.edition
    footer = printable(f"{doc.plan.name} {edition.title}", GOTHIC)[0]
    size = 7
    set_stroke(canvas, tint(page.colour, 0.5))
    set_line_width(canvas, 0.5)
    canvas.line(MARGIN_X, y + 12, PAGE_W - MARGIN_X, y + 12)
    nw = text_width(number, GOTHIC_BOLD, 10)
    fw = text_width(footer, GOTHIC, size)
    set_fill(canvas, page.colour)
    if page.number % 2:
        draw_text(canvas, PAGE_W - MARGIN_X - nw, y, number, GOTHIC_BOLD, 10)
        fx = MARGIN_X
    else:
        draw_text(canvas, MARGIN_X, y, number, GOTHIC_BOLD, 10)
        fx = PAGE_W - MARGIN_X - fw - (34 if draft else 0)
    set_fill(canvas, GREY)
    draw_text(canvas, fx, y, footer, GOTHIC, size)
    if draft:
        mx = fx + fw + 6
        set_stroke(canvas, DRAFT)
        set_fill(canvas, DRAFT)
        set_line_width(canvas, 0.7)
        round_rect(canvas, mx, y - 3, 26, 11, 2, stroke=1, fill=0)
        draw_text(canvas, mx + 3, y, "案", GOTHIC_BOLD, 7)
        draw_text(canvas, mx + 11, y, "draft", GOTHIC, 5)
    set_line_width(canvas, 1)


def crop_marks(canvas: Canvas) -> None:
    """トンボ: corner marks (trim and bleed) and centre marks, drawn outside the bleed."""
    canvas.saveState()
    set_line_width(canvas, 0.25)
    canvas.setStrokeColorCMYK(1, 1, 1, 1)  # registration black
    length = SLUG - 2
    for cx, sx in ((0, -1), (PAGE_W, 1)):
        for cy, sy in ((0, -1), (PAGE_H, 1)):
            for off in (0, BLEED):
                # horizontal marks at trim/bleed y, vertical marks at trim/bleed x
                canvas.line(cx + sx * BLEED + sx * 1, cy + sy * off,
                            cx + sx * (BLEED + length), cy + sy * off)
                canvas.line(cx + sx * off, cy + sy * BLEED + sy * 1,
                            cx + sx * off, cy + sy * (BLEED + length))
    # centre marks (センタートンボ)
    for x, y, dx, dy in ((PAGE_W / 2, -BLEED - 2, 0, -1), (PAGE_W / 2, PAGE_H + BLEED + 2, 0, 1),
                         (-BLEED - 2, PAGE_H / 2, -1, 0), (PAGE_W + BLEED + 2, PAGE_H / 2, 1, 0)):
        canvas.line(x, y, x + dx * (length - 2), y + dy * (length - 2))
        if dx == 0:
            canvas.line(x - 10, y + dy * 3, x + 10, y + dy * 3)
        else:
            canvas.line(x + dx * 3, y - 10, x + dx * 3, y + 10)
    canvas.restoreState()
