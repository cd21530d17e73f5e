"""Fill and stroke colours set the way reportlab sets them, without its per-call work.

``canvas.setFillColor(colour)`` checks the colour's kind, formats its three numbers and sets
its opacity again (a few microseconds, several times for each card of a booklet). For a
plain RGB ``Color`` whose opacity is the one already in force, ``set_fill`` appends the very
same operator (formatted once per colour) and records the colour as reportlab does; anything
else goes to reportlab. The content streams are byte for byte the same
(tests/publish/test_paint.py).
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

_OPERATORS: dict[tuple[float, float, float, str], str] = {}


def _operator(colour: Color, op: str) -> str:
    key = (colour.red, colour.green, colour.blue, op)
    try:
        return _OPERATORS[key]
    except KeyError:
        if len(_OPERATORS) > 4096:
            _OPERATORS.clear()
        text = _OPERATORS[key] = f"{fp_str(key[:3])} {op}"
        return text


def set_fill(canvas: Canvas, colour: Color) -> None:
    """``canvas.setFillColor(colour)``."""
    if not _set(canvas, colour, "ca", "rg"):
        canvas.setFillColor(colour)
        return
    canvas._fillColorObj = colour


def set_stroke(canvas: Canvas, colour: Color) -> None:
    """``canvas.setStrokeColor(colour)``."""
    if not _set(canvas, colour, "CA", "RG"):
        canvas.setStrokeColor(colour)
        return
    canvas._strokeColorObj = colour


def _set(canvas: Canvas, colour: Color, opacity: str, op: str) -> bool:
    """Append the colour's operator where reportlab would append just that; False (nothing
    done) for what only reportlab's own call sets right."""
    if (type(colour) is not Color or canvas._enforceColorSpace is not None
            or colour.alpha != canvas._extgstate._d.get(opacity, 1)):
        return False
    canvas._code.append(_operator(colour, op))
    canvas._doc.ensureMinPdfVersion("transparency")  # as setting the opacity does
    return True
