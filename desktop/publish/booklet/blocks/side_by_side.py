"""Two blocks side by side at equal height (two ✓ boxes, policies beside the budget, a pair
of short cards)."""

from __future__ import annotations

from ..layout import Block


class SideBySide(Block):
    """Two blocks side by side, of equal height; never split: where the pair does not fit, the
    flow stacks the two (``explode``)."""

    def __init__(self, left: Block, right: Block, *, gap: float = 10, space_before: float = 10,
                 share: float = 0.5):
        self.left, self.right, self.gap = left, right, gap
        self.space_before = space_before
        self.share = share  # the left block's part of the width

    def wrap_side(self, block: Block, width: float) -> float:
        """Lay out one of the two at ``width``; its height."""
        return block.wrap(width)

    def wrap(self, width):
        half = (width - self.gap) * self.share
        self.half = half
        self.height = max(self.wrap_side(self.left, half),
                          self.wrap_side(self.right, width - self.gap - half))
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
