"""Initiative cards, pairs of short cards, and ``tighten`` (which pairs them to save a page)."""

from __future__ import annotations

from reportlab.lib.colors import Color

from db.headings import heading
from db.money import format_amount, format_previous
from db.records import STATUS_LABELS, Initiative

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
    AMOUNT,
    CARD_TEXT,
    CARD_TITLE,
    FRAME_W,
    INK,
    NOTE,
    PREVIOUS,
    SMALL,
    WHITE,
    shade,
    tint,
)
from .drawing import checkbox, note_missing
from .pictures import Picture, read_image
from .side_by_side import SideBySide
from .tables import small_table
from .text import Para


class Card(Block):
    """One initiative: title, description, prominent amount at right; never split.

    Pictures with image data are drawn; a picture without one is a labelled frame in a draft
    edition and left out of a final one (either way it is listed in the preflight).
    """

    space_before = 7.0

    def __init__(self, item: Initiative, colour: Color, *, mode: str = "vision",
                 description: str | None = None, title: str | None = None, where: str = "",
                 draft: bool = True, headings: dict[str, str] | None = None):
        self.item = item
        self.colour = colour
        self.mode = mode
        self.where = where
        headings = headings or {}
        self.title_text = item.title if title is None else title
        self.title = TextBlock(self.title_text, CARD_TITLE)
        text = item.description if description is None else description
        self.text = TextBlock(text, CARD_TEXT) if text else None
        if item.amount is not None:
            amount = format_amount(item.amount, unit=True)
        else:
            amount = ""
        self.amount_text = amount
        self.amount = TextBlock(amount, AMOUNT) if amount else None
        if mode == "priority":
            sub = format_previous(item.previous)
        else:
            sub = f"({item.budget_note})" if item.budget_note else ""
        self.sub = TextBlock(sub, PREVIOUS) if sub else None
        self.status = STATUS_LABELS.get(item.status or "", "") if item.status in ("new", "expanded") else ""
        self.highlights = [TextBlock(h, TextStyle(GOTHIC_BOLD, 8.3, 12.5, INK, "left"))
                           for h in item.highlights]
        indicator = heading(headings, "indicator")
        self.indicators = [TextBlock(f"{indicator} {t}", NOTE) for t in item.indicators]
        self.notes_blocks = [TextBlock(t, NOTE) for t in item.notes]
        self.tables = [(TextBlock(t.title + (heading(headings, "table_unit", unit=t.unit)
                                             if t.unit else ""), NOTE)
                        if t.title or t.unit else None, small_table(t, colour))
                       for t in item.tables]
        self.pictures: list[Picture] = []
        self.picture_notes: list[tuple[str, str]] = []  # (message, group label)
        for p in item.pictures:
            image = read_image(p.image) if p.image else None
            name = short(p.caption or p.credit or "(no caption)")
            if image is None:
                problem = "image data cannot be read" if p.image else "no image"
                group = "画像データ不良" if p.image else "画像未設定"
                if draft:
                    self.picture_notes.append((f"picture {name}: {problem}, "
                                               "printed as a labelled frame (draft)", group))
                else:
                    self.picture_notes.append((f"picture {name}: {problem}, left out",
                                               group + "(省略)"))
                    continue
            self.pictures.append(Picture(p.caption, p.credit, image))
        self.adjusted: list[str] = []
        self.compact = False
        # (compact, width, height) of the last wrap while nothing has changed the layout since
        # (the flow asks again for a card's height after measuring a heading chain, tighten
        # compares both layouts, a pair is measured before it is placed): the next wrap of
        # that kind at that width returns at once
        self._wrapped: tuple[bool, float, float] | None = None

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
        if self._wrapped is not None and self._wrapped == (False, width, self.height):
            return self.height
        self.compact = False
        self.width = width
        pad = self.PAD
        self.adjusted = []
        right = 112.0
        resized = False  # (each wrap sizes a huge amount again from the last size: not kept)
        if self.amount:
            need = self.amount.natural_width()
            if need > right:
                # a huge amount: make the column wider rather than shrink the figure
                right = min(need + 2, width * 0.42)
                if need > right:
                    size = AMOUNT.size * right / need
                    self.amount = TextBlock(self.amount_text, AMOUNT.but(size=size,
                                                                         leading=size * 1.3))
                    self.adjusted.append(f"amount set at {size:.1f}pt to fit")
                    resized = True
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
        self._wrapped = None if resized else (False, width, self.height)
        return self.height

    def pairable(self, width: float) -> bool:
        """Simple enough, and its amount fits one line of a half-width card."""
        if not self.simple:
            return False
        inner = width - self.RULE_W - 2 * self.PAD
        need = self.amount.natural_width() if self.amount else 0.0
        if self.sub:
            need += 6 + self.sub.natural_width()
        return need <= inner

    def wrap_compact(self, width: float) -> float:
        """Half-width layout (one of a CardPair): title; amount (after the previous amount or
        note) at right; then the description, all across the card."""
        if self._wrapped is not None and self._wrapped == (True, width, self.height):
            return self.height
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
        self._wrapped = (True, width, self.height)
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
        set_fill(canvas, tint(c, 0.045))
        set_stroke(canvas, tint(c, 0.35))
        set_line_width(canvas, 0.6)
        canvas.rect(x, top - h, self.width, h, stroke=1, fill=1)
        set_fill(canvas, c)
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
            set_fill(canvas, WHITE)
            set_stroke(canvas, c)
            set_line_width(canvas, 0.8)
            round_rect(canvas, lx, y - bh, self.left_w, bh, 3, stroke=1, fill=1)
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
            set_stroke(canvas, c)
            set_fill(canvas, WHITE)
            round_rect(canvas, rx + self.right_w - w, y - 12, w, 12, 6, stroke=1, fill=1)
            set_fill(canvas, c)
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
        blocks: list[Block] = [Para(self.title_text, CARD_TITLE, space_before=8)]
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
        blocks = [self.title, self.amount] + ([self.text] if self.text else []) + self.highlights
        blocks = [b for b in blocks if b]
        if not (self.adjusted or self.picture_notes or any(b.missing for b in blocks)):
            return  # (most cards: nothing to report)
        where = self.where or f"card {short(self.title_text)}"
        for message in self.adjusted:
            preflight.add(page, where, message)
        for message, group in self.picture_notes:
            preflight.add(page, where, message, group=group)
        note_missing(preflight, page, where, *blocks)


class CardPair(SideBySide):
    """Two short cards side by side at half width, of equal height (a tightened section): a
    SideBySide whose cards take their compact layout."""

    GAP = 10.0

    def __init__(self, left: Card, right: Card):
        super().__init__(left, right, gap=self.GAP, space_before=Card.space_before)
        self.where = left.where

    def wrap_side(self, block: Card, width: float) -> float:
        return block.wrap_compact(width)


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
