"""``JParagraph``: a platypus Flowable around TextBlock, for layouts built with platypus."""

from __future__ import annotations

from reportlab.platypus import Flowable

from .text import TextBlock, TextStyle


class JParagraph(Flowable):
    """Drop-in for platypus ``Paragraph`` with Japanese line breaking and cached widths.

    Plain text only (no markup); ``\\n`` separates paragraphs. Splits between lines.
    """

    def __init__(self, text: str, style: TextStyle, *, block: TextBlock | None = None):
        super().__init__()
        self.style = style
        self.block = block or TextBlock(text, style)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after

    @property
    def missing(self) -> list[str]:
        return self.block.missing

    def wrap(self, availWidth, availHeight):  # noqa: N803 (platypus API)
        self.width = availWidth
        self.height = self.block.wrap(availWidth)
        return availWidth, self.height

    def split(self, availWidth, availHeight):  # noqa: N803
        self.block.wrap(availWidth)
        parts = self.block.split_at(availHeight)
        if parts is None:
            return []
        return [JParagraph("", self.style, block=parts[0]),
                JParagraph("", self.style, block=parts[1])]

    def draw(self):
        self.block.draw(self.canv, 0, self.height)
