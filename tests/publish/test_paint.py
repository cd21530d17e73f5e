"""set_fill, set_stroke, set_line_width and round_rect write what reportlab's own calls write."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color, HexColor, white
from reportlab.pdfgen.canvas import Canvas

from desktop.publish.typeset import round_rect, set_fill, set_line_width, set_stroke

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


BOXES = [(10, 20, 30, 40, 3), (72.25, 700.125, 451.3333, 12, 6), (5, 5, -20, -8.5, 2),
         (0, 0, 0.1, 0.1, 0.05), (100, 200, 62, 34, 5.5)]


def test_round_rect_and_line_width_write_what_reportlab_writes(tmp_path):
    def drawn(round_box, line_width) -> list[str]:
        canvas = Canvas(str(tmp_path / "r.pdf"))
        for n, (x, y, w, h, r) in enumerate(BOXES):
            line_width(canvas, (0.6, 1, 1.25, 0.333333, 2)[n])
            round_box(canvas, x, y, w, h, r, stroke=n % 2, fill=(n + 1) % 2)
            canvas._fillMode = 1 - canvas._fillMode  # (the fill rule picks the operator)
            round_box(canvas, x, y, w, h, r)
        return ["\n".join(canvas._code), canvas._lineWidth]

    assert drawn(round_rect, set_line_width) == drawn(Canvas.roundRect, Canvas.setLineWidth)
