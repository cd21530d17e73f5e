"""set_fill / set_stroke write exactly what reportlab's setFillColor / setStrokeColor write."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from desktop.publish.typeset import set_fill, set_stroke

COLOURS = [HexColor("#1F4E79"), white, Color(0.2, 0.4, 0.6), Color(0.2, 0.4, 0.6, alpha=0.5),
           Color(1, 0, 0), CMYKColor(1, 1, 1, 1), Color(0.2, 0.4, 0.6)]


def painted(fill, stroke, tmp_path) -> list:
    """The canvas's state after each step of a sequence (its first steps: plain colours)."""
    canvas = Canvas(str(tmp_path / "p.pdf"))
    states = []

    def state():
        states.append((list(canvas._code), canvas._doc._pdfVersion, canvas._fillColorObj,
                       canvas._strokeColorObj))

    for n, colour in enumerate(COLOURS):
        fill(canvas, colour)
        state()
        stroke(canvas, COLOURS[-1 - n])
        state()
        if n == 2:
            canvas.saveState()
        if n == 4:
            canvas.restoreState()
        canvas.rect(10, 10, 20, 20, stroke=1, fill=1)
    return states


def test_the_same_operators_and_state_as_reportlab(tmp_path):
    ours = painted(set_fill, set_stroke, tmp_path)
    theirs = painted(Canvas.setFillColor, Canvas.setStrokeColor, tmp_path)
    assert ours == theirs
    assert any(" gs" in line for line in theirs[-1][0])  # an opacity change was in the sequence
