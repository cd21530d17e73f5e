"""One vision's section of the booklet, for the editor's live preview.

The section is laid out exactly as in the booklet (the same blocks, the same tighter retry),
but on its own: its pages are numbered from 1, and only a few of them are drawn, around the
initiative being edited. Its cost depends on the section, never on the rest of the plan.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from db.era import era_label
from db.records import EditionDocument

from ..collector import collector_paused
from ..output import atomic_output
from ..progress import Progress
from ..typeset import Preflight, register_fonts
from . import _render
from .blocks import Card, CardPair, tighten
from .layout import Flow, Page
from .parts import vision_blocks

SHOWN = 5  # pages drawn: the focus's page and the ones around it


@dataclass
class SectionReport:
    pages: int  # drawn
    section_pages: int  # the whole section, laid out
    first: int  # the first drawn page's number within the section
    focus_page: int | None  # index of the focus's page among the drawn ones
    blocks: int  # the section's blocks (never the whole booklet's)
    seconds: float = 0.0
    outline: list = field(default_factory=list)


def _holds(page: Page, key: str) -> bool:
    for block, _x, _top in page.items:
        cards = (block.left, block.right) if isinstance(block, CardPair) else (block,)
        if any(isinstance(c, Card) and c.item.key == key for c in cards):
            return True
    return False


@collector_paused()
def build_vision_section(doc: EditionDocument, number: int, output: str | Path, *,
                         focus: str | None = None,
                         progress: Progress | None = None) -> SectionReport:
    """Lay out vision ``number``'s section of ``doc`` and draw the pages around the card of
    initiative ``focus`` (its key), or the section's first pages."""
    started = time.perf_counter()
    progress = progress or Progress()
    register_fonts()
    vision = doc.vision(number)
    if vision is None:
        raise KeyError(number)
    e = doc.edition
    blocks = vision_blocks(vision, {v.number: v.title for v in doc.visions},
                           era_label(e.fiscal_year), [], {}, draft=e.status == "draft",
                           headings=e.headings)
    flow = Flow(Preflight())
    flow.tighten = tighten
    pages = flow.run(blocks)
    for anchor in flow.anchors:  # the section is the document: its outline starts at its level
        anchor.level = 0
    progress.step(20, 100, "layout")
    at = next((n for n, page in enumerate(pages) if focus and _holds(page, focus)), None)
    start = max(0, min((at or 0) - SHOWN // 2, len(pages) - SHOWN))
    shown = pages[start:start + SHOWN]
    with atomic_output(output, ".pdf") as temp:
        _render(doc, shown, str(temp), False, progress)
    progress.step(100, 100, "done")
    return SectionReport(len(shown), len(pages), start + 1,
                         None if at is None else at - start, len(blocks),
                         time.perf_counter() - started,
                         [(a.level, a.title, a.page - start) for a in flow.anchors
                          if start < a.page <= start + len(shown)])
