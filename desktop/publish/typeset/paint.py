"""Colours, line widths and rounded boxes drawn the way reportlab draws them, without its
per-call work.

``canvas.setFillColor(colour)`` checks the colour's kind, formats its three numbers and sets
its opacity again (a few microseconds, several times for each card of a booklet). For a
plain RGB ``Color`` whose opacity is the one already in force, ``set_fill`` appends the very
same operator (formatted once per colour) and records the colour as reportlab does; anything
else goes to reportlab. ``set_line_width`` keeps its operator per width; ``round_rect``
formats its numbers in one call where reportlab's path object makes ten. The content streams
are byte for byte the same (tests/publish/test_paint.py).
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDF_SUPPORT_VERSION
from reportlab.pdfgen.canvas import PATH_OPS, Canvas

_OPERATORS: dict[tuple[float, float, float, str], str] = {}
_TRANSPARENCY = PDF_SUPPORT_VERSION["transparency"]


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
    doc = canvas._doc
    if doc._pdfVersion < _TRANSPARENCY:
        doc.ensureMinPdfVersion("transparency")  # as setting the opacity does
    return True


_WIDTHS: dict[float, str] = {}


def set_line_width(canvas: Canvas, width: float) -> None:
    """``canvas.setLineWidth(width)``, its operator formatted once per width."""
    try:
        op = _WIDTHS[width]
    except KeyError:
        if len(_WIDTHS) > 4096:
            _WIDTHS.clear()
        op = _WIDTHS[width] = f"{fp_str(width)} w"
    canvas._lineWidth = width
    canvas._code.append(op)


# reportlab's PDFPathObject.roundRect for one radius, one operator to a line, over its twelve
# distinct numbers: x0 x0+r x0+t x1 x1-r x1-t, then the same of y (t: the curves' handles)
_ROUND = "\n".join(["n", "{1} {6} m", "{4} {6} l", "{5} {6} {3} {8} {3} {7} c", "{3} {10} l",
                    "{3} {11} {5} {9} {4} {9} c", "{1} {9} l", "{2} {9} {0} {11} {0} {10} c",
                    "{0} {7} l", "{0} {8} {2} {6} {1} {6} c", "h"])
_KAPPA = 0.4472  # reportlab's radius multiplier for the corner curves


def round_rect(canvas: Canvas, x: float, y: float, width: float, height: float, radius: float,
               stroke: int = 1, fill: int = 0) -> None:
    """``canvas.roundRect(…)`` with one radius: the same operators, their numbers formatted
    once each in one call where reportlab's path object makes ten calls for 34 numbers."""
    xlo, xhi = (x, x + width) if width >= 0 else (x + width, x)
    ylo, yhi = (y, y + height) if height >= 0 else (y + height, y)
    r, t = radius, _KAPPA * radius
    numbers = fp_str(xlo, xlo + r, xlo + t, xhi, xhi - r, xhi - t,
                     ylo, ylo + r, ylo + t, yhi, yhi - r, yhi - t)
    canvas._code.append(_ROUND.format(*numbers.split(" ")))
    canvas._code.append(PATH_OPS[stroke, fill, canvas._fillMode])
