"""Shared typesetting: kinsoku line breaking, atoms, glyph coverage, fast paragraphs."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from desktop.publish.typeset import (
    GETA,
    GOTHIC,
    GOTHIC_BOLD,
    NO_END,
    NO_START,
    BuildReport,
    Preflight,
    TextBlock,
    TextStyle,
    atoms,
    break_lines,
    metrics,
    phrases,
    printable,
    register_fonts,
    violations,
)

SAMPLE = (
    "こどもの権利侵害に関するあらゆる相談通報に専門的に対応するほか、タブレットを使った"
    "こどもからのチャット相談を24時間365日体制で実施します。「ICT」を活用し、"
    "13,384,000千円(11,498,000千円)の予算で、ヤングケアラー支援(アウトリーチ型)を強化します。"
)


@pytest.fixture(scope="module", autouse=True)
def fonts():
    register_fonts()


def measure(size=9.0):
    return metrics(GOTHIC).measurer(size)


def test_atoms_round_trip_and_keep_words_and_numbers_whole():
    parts = atoms(SAMPLE)
    assert "".join(parts) == SAMPLE
    assert "24時間365日" in parts
    assert "13,384,000千円" in parts
    assert any(p.startswith("「ICT」") for p in parts)
    assert "R5:4施設" in atoms("R5:4施設⇒R6:23全施設")


@pytest.mark.parametrize("width", [40, 55, 61, 80, 97, 120, 150, 200, 333])
def test_lines_obey_kinsoku_and_never_split_words(width):
    broken = break_lines(SAMPLE, width, measure())
    assert "".join(line.text for line in broken.lines) == SAMPLE
    for i, line in enumerate(broken.lines):
        assert line.width <= width + 1e-6 or broken.forced
        assert not violations(line.text, first=i == 0, last=line.last), line.text
    if broken.forced:  # a number wider than the line had to be split (reported by callers)
        return
    joined = [line.text for line in broken.lines]
    for word in ("24時間365日", "13,384,000千円", "ICT"):
        assert any(word in text for text in joined), (word, joined)


def test_ideographic_space_is_preserved():
    text = "\u3000本市は、これまで平成28年(2016年)熊本地震の復旧・復興に取り組んできました。\u3000以上"
    broken = break_lines(text, 60, measure())
    assert "".join(line.text for line in broken.lines) == text
    block = TextBlock(text, TextStyle())
    block.wrap(60)
    assert block.lines[0].text.startswith("\u3000")


def test_latin_spaces_are_break_points_and_dropped_at_line_ends():
    text = "PLAN TO FEEL! PLAN TO FEEL! PLAN TO FEEL!"
    broken = break_lines(text, 60, measure())
    for line in broken.lines:
        assert line.text == line.text.strip(" ")
        assert "PLA" not in line.text or "PLAN" in line.text


def test_phrase_breaking_keeps_bunsetsu_together():
    title = "こどもの未来応援基金を活用した保育園等への玩具等支援"
    assert phrases(title)[0] == "こどもの"
    broken = break_lines(title, 110, measure(), phrase=True)
    assert len(broken.lines) >= 2
    boundaries = set()
    pos = 0
    for p in phrases(title):
        pos += len(p)
        boundaries.add(pos)
    pos = 0
    for line in broken.lines[:-1]:
        pos += len(line.text)
        assert pos in boundaries


def test_too_wide_atom_is_split_and_flagged():
    broken = break_lines("https://www.city.kumamoto.jp/example/very/long/path/index.html", 50,
                         measure())
    assert broken.forced
    assert all(line.width <= 50 + 1e-6 for line in broken.lines)


jp_chars = st.sampled_from(list("あいうえおかきくけこ、。「」（）ー々っゃ漢字熊本市ICT24,0円 \u3000・…"))


@settings(max_examples=150, deadline=None)
@given(st.lists(jp_chars, min_size=1, max_size=120).map("".join), st.integers(20, 300))
def test_property_lines_rejoin_and_respect_rules(text, width):
    broken = break_lines(text, width, measure())
    rejoined = "".join(line.text for line in broken.lines)
    assert rejoined.replace(" ", "") == text.replace(" ", "")
    if not broken.forced:
        for i, line in enumerate(broken.lines):
            assert line.width <= width + 1e-6
            stripped = line.text.strip(" ")
            if i and stripped and stripped[0] in NO_START:
                # only allowed when the whole line is a run of closing characters
                assert all(c in NO_START or c == " " for c in stripped)
            if not line.last and stripped:
                assert stripped[-1] not in NO_END or all(c in NO_END for c in stripped)


def test_fonts_cover_the_symbols_we_print():
    m = metrics(GOTHIC)
    for ch in "✓◆■●・□⇒※髙﨑\u3000ー〓":
        assert m.has(ch), ch
    assert not m.has("☑")  # drawn or substituted, never tofu


def test_printable_replaces_what_no_font_has():
    text, missing = printable("𠮷野家の髙﨑さん😀☑️\U0010fffd")
    assert text == f"𠮷野家の髙﨑さん{GETA}✓{GETA}"  # 𠮷: from the fallback font
    assert missing == ["😀", "\U0010fffd"]


def test_textblock_draws_embedded_extractable_text():
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(300, 400), initialFontName=GOTHIC)
    block = TextBlock(SAMPLE, TextStyle(size=9))
    height = block.wrap(200)
    assert height == len(block.lines) * 9 * 1.6
    block.draw(canvas, 50, 380)
    title = TextBlock("結婚支援センターの開設", TextStyle(font=GOTHIC_BOLD, size=12, align="right"))
    title.wrap(200)
    title.draw(canvas, 50, 100)
    canvas.showPage()
    canvas.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    text = reader.pages[0].extract_text()
    assert "24時間365日" in text
    assert "結婚支援センターの開設" in text
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        assert str(font["/BaseFont"])[7] == "+"  # subset prefix AAAAAA+


def test_split():
    block = TextBlock(SAMPLE * 3, TextStyle(size=9))
    block.wrap(150)
    head, tail = block.split_at(9 * 1.6 * 4 + 1)
    assert len(head.lines) == 4 and len(tail.lines) == len(block.lines) - 4


def test_preflight_and_report():
    preflight = Preflight()
    preflight.add(14, "ビジョン2 card 「結婚支援」", "title shortened to 3 lines")
    preflight.add(14, "ビジョン2 card 「結婚支援」", "title shortened to 3 lines")
    preflight.missing_glyphs(3, "cover", ["𠮷"])
    assert preflight.items == ["p.14 ビジョン2 card 「結婚支援」: title shortened to 3 lines",
                               "p.3 cover: not in any font, printed as 〓: 「𠮷」(U+20BB7)"]
    assert BuildReport(pages=4).preflight == []


def test_an_opening_bracket_followed_by_a_space_stays_with_what_follows():
    from desktop.publish.typeset.linebreak import atoms

    assert atoms("あ「 あ") == ["あ", "「 あ"]
    assert "".join(atoms("x「  ")) == "x「  "
