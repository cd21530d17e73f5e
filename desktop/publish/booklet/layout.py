"""Pagination in one pass: blocks are measured once, placed on pages, then drawn.

Page numbers are known as soon as a block is placed, so the contents (drawn last) print the real
numbers without a second layout pass. Rules kept here: a heading (``keep_with_next``) never sits
alone at a page foot; an unsplittable block (a card) moves whole to the next page; a splittable
block (paragraph, table) splits and its rest continues on the next page.

Each section (the blocks between hard page breaks) is laid out on its own. When a section would
end with a nearly empty page, it is laid out once more *tightened* (``Flow.tighten``: short cards
paired side by side, smaller gaps) and the tighter layout is kept only if it saves that page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from ..typeset import Preflight
from .style import FRAME_H, FRAME_TOP, FRAME_W, MARGIN_X, PLAN


class Block:
    """Something placed in the text frame. Subclasses set ``height`` in ``wrap``."""

    keep_with_next = False
    category = False  # a category label: repeated at the top of a page its cards run onto
    ends_category = False  # a heading that closes the current category
    space_before = 0.0
    where = ""  # for preflight messages

    def wrap(self, width: float) -> float:
        raise NotImplementedError

    def split(self, width: float, available: float) -> tuple[Block, Block] | None:
        """Head that fits in ``available`` and the rest, or None if it cannot split there."""
        return None

    def min_height(self, width: float) -> float:
        """The least of this block that must follow a heading on the same page."""
        return self.wrap(width)

    def draw(self, canvas: Canvas, x: float, top: float, page: Page) -> None:
        raise NotImplementedError

    def explode(self) -> list[Block] | None:
        """Smaller blocks to flow instead when even a whole page cannot hold this one."""
        return None

    def notes(self, page: int, preflight: Preflight) -> None:
        """Report adjustments once the block's page is known."""


class Spacer(Block):
    def __init__(self, height: float):
        self.height = height

    def wrap(self, width):
        return self.height

    def draw(self, canvas, x, top, page):
        pass


class PageBreak(Block):
    def wrap(self, width):
        return 0.0


@dataclass
class Anchor(Block):
    """Marks where a part or vision starts: an outline entry and a link target."""

    key: str
    title: str
    level: int = 0
    contents: str | None = None  # label in the table of contents (None: not listed)
    page: int = 0

    keep_with_next = True

    def wrap(self, width):
        return 0.0

    def draw(self, canvas, x, top, page):
        pass


@dataclass
class SetPart(Block):
    """Changes the running header and colour from this point on."""

    label: str
    colour: Color = PLAN

    def wrap(self, width):
        return 0.0

    def draw(self, canvas, x, top, page):
        pass


@dataclass
class FullPage(Block):
    """A page drawn whole by a function (cover, back cover)."""

    kind: str
    paint: Callable[[Canvas, Page], None]

    def wrap(self, width):
        return FRAME_H

    def draw(self, canvas, x, top, page):
        self.paint(canvas, page)


class Clipped(Block):
    """A block drawn only down to ``height`` (the rest is cut; the preflight says so)."""

    def __init__(self, block: Block, height: float):
        self.block, self.height = block, height
        self.space_before, self.where = block.space_before, block.where

    def wrap(self, width):
        return self.height

    def draw(self, canvas, x, top, page):
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(x - MARGIN_X, top - self.height, FRAME_W + 2 * MARGIN_X, self.height + MARGIN_X)
        canvas.clipPath(path, stroke=0, fill=0)
        self.block.draw(canvas, x, top, page)
        canvas.restoreState()

    def notes(self, page, preflight):
        self.block.notes(page, preflight)


@dataclass
class Page:
    number: int
    kind: str = "body"  # body | cover | back | blank
    label: str = ""
    colour: Color = PLAN
    items: list[tuple[Block, float, float]] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    used: float = 0.0


class Flow:
    def __init__(self, preflight: Preflight):
        self.pages: list[Page] = []
        self.preflight = preflight
        self.label = ""
        self.colour: Color = PLAN
        self.anchors: list[Anchor] = []
        self.width = FRAME_W
        self.gap_scale = 1.0
        self.category: Block | None = None  # the category label the current cards belong to
        # blocks → tighter blocks for a section that would end on a nearly empty page
        self.tighten: Callable[[list[Block]], list[Block]] | None = None
        self.tightened: list[str] = []  # first anchor titles of the sections tightened

    # -- pages ------------------------------------------------------------------------------
    def _new_page(self, kind: str = "body") -> Page:
        page = Page(len(self.pages) + 1, kind, self.label, self.colour)
        self.pages.append(page)
        return page

    @property
    def page(self) -> Page:
        return self.pages[-1] if self.pages else self._new_page()

    def _available(self) -> float:
        page = self.page
        return FRAME_H - page.used if page.kind == "body" else -1.0

    def _place(self, block: Block, height: float) -> None:
        page = self.page
        gap = block.space_before * self.gap_scale if page.items else 0.0
        page.items.append((block, MARGIN_X, FRAME_TOP - page.used - gap))
        page.used += gap + height
        if block.category:
            self.category = block
        elif block.ends_category:
            self.category = None
        block.notes(page.number, self.preflight)

    # -- sections -----------------------------------------------------------------------------
    SHORT_LAST_PAGE = 0.4  # a section's last page filled less than this is worth a retry
    TIGHT_GAPS = 0.7

    def run(self, blocks: list[Block]) -> list[Page]:
        section: list[Block] = []
        for block in blocks:
            if isinstance(block, (PageBreak, FullPage)):
                self._section(section)
                section = []
                self._flow([block])
            else:
                section.append(block)
        self._section(section)
        while self.pages and self.pages[-1].kind == "body" and not self.pages[-1].items:
            self.pages.pop()
        return self.pages

    def _snapshot(self):
        page = self.page
        return (len(self.pages), len(page.items), page.used, len(page.anchors), page.label,
                page.colour, len(self.anchors), len(self.preflight.items), self.label,
                self.colour, self.category)

    def _restore(self, snap) -> None:
        (pages, items, used, anchors, label, colour_, all_anchors, notes, self.label,
         self.colour, self.category) = snap
        del self.pages[pages:]
        page = self.pages[-1]
        del page.items[items:]
        del page.anchors[anchors:]
        page.used, page.label, page.colour = used, label, colour_
        del self.anchors[all_anchors:]
        del self.preflight.items[notes:]
        self.preflight._seen = set(self.preflight.items)

    def _section(self, blocks: list[Block]) -> None:
        if not blocks:
            return
        snap = self._snapshot()
        first = snap[0]
        self._flow(list(blocks))
        pages = len(self.pages) - first + 1
        last = self.pages[-1]
        if (self.tighten is None or pages < 2 or last.kind != "body"
                or last.used >= FRAME_H * self.SHORT_LAST_PAGE):
            return
        tight = self.tighten(blocks)
        self._restore(snap)
        self.gap_scale = self.TIGHT_GAPS
        try:
            self._flow(list(tight))
        finally:
            self.gap_scale = 1.0
        if len(self.pages) - first + 1 < pages:
            title = next((b.title for b in blocks if isinstance(b, Anchor)), "")
            self.tightened.append(title)
            self.preflight.add(first, title or "section",
                               "set tighter (short cards side by side, smaller gaps) to save "
                               "a nearly empty page", group="詰めて組版")
            return
        self._restore(snap)
        self._flow(list(blocks))

    # -- the main loop ------------------------------------------------------------------------
    def _flow(self, queue: list[Block]) -> None:
        i = 0
        width = self.width
        moved: Block | None = None  # the block last moved whole to a new page
        while i < len(queue):
            block = queue[i]
            if isinstance(block, PageBreak):
                if self.pages and self.page.items:
                    self._new_page()
                self.category = None
                i += 1
                continue
            if isinstance(block, SetPart):
                self.category = None
                self.label, self.colour = block.label, block.colour
                if not self.page.items:
                    self.page.label, self.page.colour = block.label, block.colour
                i += 1
                continue
            if isinstance(block, FullPage):
                if self.page.items or self.page.kind != "body":
                    self._new_page(block.kind)
                else:
                    self.page.kind = block.kind
                self.page.items.append((block, 0.0, 0.0))
                self._new_page()
                i += 1
                continue
            if self.page.kind != "body":
                self._new_page()
            height = block.wrap(width)
            gap = block.space_before * self.gap_scale if self.page.items else 0.0
            need = gap + height
            if block.keep_with_next:
                need = gap + self._chain_height(queue, i, width)
            available = self._available()
            # A block is moved to a new page at most once: on that page it is placed even if a
            # repeated category label sits above it (else a heading taller than the rest of the
            # page would move on forever).
            if need > available + 1e-6 and self.page.items and block is not moved:
                head = None if block.keep_with_next else block.split(width, available - gap)
                if head is not None:
                    self._place(head[0], head[0].wrap(width))
                    queue[i] = head[1]
                self._new_page()
                if head is None:
                    moved = block
                    self._continue_category(queue, i)
                continue
            if height > available + 1e-6:
                # alone on a fresh page and still too tall
                parts = block.split(width, available)
                if parts is not None:
                    self._place(parts[0], parts[0].wrap(width))
                    queue[i] = parts[1]
                    self._new_page()
                    continue
                pieces = block.explode()
                if pieces:
                    self.preflight.add(self.page.number, block.where,
                                       "too long for one page: continued on the next page")
                    queue[i:i + 1] = pieces
                    continue
                self.preflight.add(self.page.number, block.where or "a block",
                                   "taller than the page and cannot be split: cut at the foot "
                                   "of the page")
                block, height = Clipped(block, max(available, 0.0)), max(available, 0.0)
            if isinstance(block, Anchor):
                block.page = self.page.number
                self.page.anchors.append(block)
                self.anchors.append(block)
                i += 1
                continue
            self._place(block, height)
            i += 1

    def _continue_category(self, queue: list[Block], i: int) -> None:
        """Cards of a category run onto a new page: repeat its label there (…(続き))."""
        tab = self.category
        if tab is None or i >= len(queue):
            return
        nxt = queue[i]
        if nxt.keep_with_next or isinstance(nxt, (PageBreak, FullPage, SetPart)):
            return
        queue.insert(i, tab.continued())

    def _chain_height(self, queue: list[Block], i: int, width: float) -> float:
        """Height of a run of keep-with-next blocks plus the least of what follows."""
        total = 0.0
        j = i
        while j < len(queue) and queue[j].keep_with_next:
            block = queue[j]
            total += block.wrap(width) + (block.space_before * self.gap_scale if j > i else 0.0)
            j += 1
        if j < len(queue) and not isinstance(queue[j], (PageBreak, FullPage, SetPart)):
            nxt = queue[j]
            total += nxt.space_before * self.gap_scale + min(nxt.min_height(width), FRAME_H * 0.5)
        return min(total, FRAME_H)
