"""The first page's band: the vision headline, the description and the policies in columns."""

from __future__ import annotations

from dataclasses import dataclass

from db.headings import HEADINGS
from db.records import WardPlan

from ..typeset import (
    GOTHIC_BOLD,
    TextBlock,
    text_width,
)
from .style import CONTENT_W, NORMAL, Density


@dataclass
class _Head:
    """The first page's band: vision and policies, laid out."""

    headline: TextBlock | None
    description: TextBlock | None
    policies: list[list[TextBlock]]  # by column
    policy_widths: list[float]
    height: float  # the band itself, 0 when the ward has none
    density: Density = NORMAL


HEAD_PAD, HEAD_INSET, LABEL_GAP, POLICY_GAP, BULLET_W = 4.0, 8.0, 7.0, 14.0, 9.0
HEAD_INNER_W = CONTENT_W - 2 * HEAD_INSET
VISION_LABEL = HEADINGS["ward_vision"]  # its width sizes the pill; other wording is fitted


def _label_w(d: Density) -> float:
    return text_width(VISION_LABEL, GOTHIC_BOLD, d.text_size) + 12.0


def _policy_chunks(blocks: list[TextBlock], columns: int) -> list[list[TextBlock]]:
    """The policies in reading order down the columns."""
    per_column = -(-len(blocks) // columns)
    return [blocks[i:i + per_column] for i in range(0, len(blocks), per_column)]


def _policy_widths(chunks: list[list[TextBlock]]) -> list[float]:
    """Column widths: each column as wide as its longest policy when they all fit, the spare
    room shared out; otherwise the short columns keep their width and the long ones share
    the rest (so one long policy does not wrap while its neighbours leave half a column)."""
    room = HEAD_INNER_W - POLICY_GAP * (len(chunks) - 1)
    natural = [max(b.natural_width() for b in chunk) + BULLET_W + 1.0 for chunk in chunks]
    if sum(natural) <= room:
        extra = (room - sum(natural)) / len(chunks)
        return [w + extra for w in natural]
    widths = [0.0] * len(chunks)
    left = room
    order = sorted(range(len(chunks)), key=natural.__getitem__)
    for done, index in enumerate(order):
        widths[index] = min(natural[index], left / (len(chunks) - done))
        left -= widths[index]
    return widths


def _policies_height(chunks: list[list[TextBlock]], widths: list[float]) -> float:
    return max(sum(b.wrap(w - BULLET_W) + 1.0 for b in chunk)
               for chunk, w in zip(chunks, widths, strict=True))


def _head_layout(plan: WardPlan, d: Density = NORMAL) -> _Head:
    """Measure the vision band; ``_Drawer.head`` draws it with exactly these distances.

    Policies go in as many columns (up to three) as make the band shortest."""
    headline = TextBlock(plan.headline, d.headline) if plan.headline else None
    description = TextBlock(plan.description, d.body) if plan.description else None
    height = 0.0
    if headline:
        label_h = d.headline.line_height
        height += max(label_h, headline.wrap(HEAD_INNER_W - _label_w(d) - LABEL_GAP)) + 2.0
    if description:
        height += description.wrap(HEAD_INNER_W) + 2.0
    chunks: list[list[TextBlock]] = []
    widths: list[float] = []
    if plan.policies:
        best = None
        for count in range(1, min(3, len(plan.policies)) + 1):
            tried = _policy_chunks([TextBlock(p, d.policy) for p in plan.policies], count)
            tried_widths = _policy_widths(tried)
            h = _policies_height(tried, tried_widths)
            if best is None or h < best[0] - 0.5:
                best = (h, tried, tried_widths)
        policy_h, chunks, widths = best
        for chunk, w in zip(chunks, widths, strict=True):  # leave each laid out at its width
            for block in chunk:
                block.wrap(w - BULLET_W)
        height += 2.0 + policy_h
    if not height:
        return _Head(None, None, [], [], 0.0, d)
    return _Head(headline, description, chunks, widths, height + 2 * HEAD_PAD, d)
