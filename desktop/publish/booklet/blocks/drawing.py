"""Small pieces the booklet's blocks share: the ☑/✓ marks drawn as vector art and the
preflight note for characters the fonts lack."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from ...typeset import (
    Preflight,
    TextBlock,
    set_line_width,
    set_stroke,
)


def note_missing(preflight: Preflight, page: int, where: str, *blocks: TextBlock) -> None:
    chars: list[str] = []
    for block in blocks:
        for ch in block.missing:
            if ch not in chars:
                chars.append(ch)
    preflight.missing_glyphs(page, where, chars)


def checkbox(canvas: Canvas, x: float, y: float, size: float, colour: Color) -> None:
    """☑ drawn as vector art (the fonts have no ☑): box with its lower-left corner at (x, y)."""
    set_stroke(canvas, colour)
    set_line_width(canvas, 0.8)
    canvas.rect(x, y, size, size, stroke=1, fill=0)
    set_line_width(canvas, 1.3)
    path = canvas.beginPath()
    path.moveTo(x + size * 0.2, y + size * 0.52)
    path.lineTo(x + size * 0.42, y + size * 0.25)
    path.lineTo(x + size * 0.85, y + size * 0.85)
    canvas.drawPath(path, stroke=1, fill=0)
    set_line_width(canvas, 1)


def checkmark(canvas: Canvas, x: float, y: float, size: float, colour: Color) -> None:
    """✓ as vector art at (x, y) = lower-left of a size × size cell."""
    set_stroke(canvas, colour)
    set_line_width(canvas, 1.4)
    path = canvas.beginPath()
    path.moveTo(x + size * 0.1, y + size * 0.5)
    path.lineTo(x + size * 0.38, y + size * 0.2)
    path.lineTo(x + size * 0.9, y + size * 0.85)
    canvas.drawPath(path, stroke=1, fill=0)
    set_line_width(canvas, 1)
