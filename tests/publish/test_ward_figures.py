"""Ward sheets' amounts: proportional figures of equal width, a narrow comma, right-aligned."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from db.sample import load_sample
from db.store import memory_plan
from desktop.publish.typeset import GOTHIC, GOTHIC_BOLD, draw_figures, figures_width, text_width
from desktop.publish.ward_sheets import build_ward_sheets


def test_every_digit_is_as_wide_as_zero_and_the_comma_is_narrow():
    for font in (GOTHIC, GOTHIC_BOLD):
        assert text_width("1", font, 10) < text_width("0", font, 10)  # a proportional 「1」
        assert figures_width("1,111", font, 10) == figures_width("9,999", font, 10)
        digit = figures_width("0", font, 10)
        assert figures_width("1,000", font, 10) == 4 * digit + text_width(",", font, 10)
        assert text_width(",", font, 10) < 0.5 * digit


def test_figures_copy_out_as_written():
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=GOTHIC)
    draw_figures(canvas, 100, 700, "11,111,001", GOTHIC, 9)
    canvas.save()
    assert PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text().strip() == "11,111,001"


def test_the_sample_ward_sheets_print_amounts_in_the_proportional_font(tmp_path):
    with memory_plan() as store:
        load_sample(store)
        doc = store.load(2022)
    path = tmp_path / "w.pdf"
    build_ward_sheets(doc, path, wards=["中央区"])
    page = PdfReader(path).pages[0]
    assert "合計 19,000 17,620 16,701" in page.extract_text()
    content = page.get_contents().get_data().decode("latin-1")
    assert re.search(r"\[-?[\d.]+ <[0-9a-f]{2}> -?[\d.]+", content)  # a padded 「1」 in a TJ
