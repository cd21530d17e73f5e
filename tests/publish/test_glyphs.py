"""GlyphCodes gives each line the codes reportlab's splitString gives it, and leaves reportlab's
subsets (what the PDF embeds) as splitString alone would."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from desktop.publish.typeset import GOTHIC, metrics
from desktop.publish.typeset.glyphs import GlyphCodes


def test_the_codes_and_subsets_are_reportlabs(tmp_path):
    font = metrics(GOTHIC)
    # 600 distinct kanji (three subsets), lines that repeat, mix old and new characters, carry
    # a no-break space, and a character the font lacks (U+E000, private use)
    kanji = "".join(sorted(c for c in font.chars if "\u4e00" <= c <= "\u9fff")[:600])
    lines = ["市の総合計画アクションプラン", "総合計画", kanji[:250], "アクション\xa0プラン",
             kanji[200:450] + "市", "未\ue000来", kanji, "総合計画 2026年度", kanji[::-1], "\xa0",
             "市"]
    ours_doc = Canvas(str(tmp_path / "a.pdf"))._doc
    theirs_doc = Canvas(str(tmp_path / "b.pdf"))._doc
    codes = GlyphCodes(font.font, ours_doc, font.chars)
    for line in lines * 2:
        theirs = [(subset, data.hex()) for subset, data in
                  font.font.splitString(line, theirs_doc)]
        assert codes.runs(line) == theirs, line
    ours_state, theirs_state = font.font.state[ours_doc], font.font.state[theirs_doc]
    assert ours_state.assignments == theirs_state.assignments
    assert ours_state.subsets == theirs_state.subsets
    assert len(theirs_state.subsets) >= 3
    assert codes.known_runs(kanji) and codes.known_runs("未\ue000来") is None
