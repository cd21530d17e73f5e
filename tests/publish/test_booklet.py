"""The booklet: content, fonts, page geometry, outline, contents, line breaking, extremes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from db.money import format_amount
from db.records import Initiative, Vision
from db.sample import load_sample
from db.store import memory_plan
from desktop.publish.booklet import build_booklet
from desktop.publish.progress import Cancelled, Progress
from desktop.publish.typeset import NO_END, NO_START

A4 = (595.28, 841.89)
MM = 72 / 25.4


@pytest.fixture(scope="module")
def sample_doc():
    store = memory_plan()
    load_sample(store)
    doc = store.load(2024)
    store.close()
    return doc


@pytest.fixture(scope="module")
def built(sample_doc, tmp_path_factory):
    path = tmp_path_factory.mktemp("booklet") / "booklet.pdf"
    report = build_booklet(sample_doc, path)
    reader = PdfReader(path)
    texts = [page.extract_text() for page in reader.pages]
    return path, report, reader, texts


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_initiative_title_with_its_amount(sample_doc, built):
    _, report, reader, texts = built
    pages = [squash(t) for t in texts]
    assert report.pages == len(reader.pages)
    for item in sample_doc.initiatives:
        title = squash(item.title)
        amount = format_amount(item.amount, unit=True) if item.amount is not None else ""
        hits = [n for n, text in enumerate(pages) if title in text and amount in text]
        assert hits, f"{item.title} {amount} not found on any page"


def test_priority_pages_print_previous_amount_and_vision_pages_the_note(sample_doc, built):
    pages = [squash(t) for t in built[3]]
    action = sample_doc.priorities[0].actions[0].initiative
    assert any(squash(action.title) in p and f"({format_amount(action.previous_amount)}千円)" in p
               for p in pages)
    noted = next(i for i in sample_doc.initiatives if i.budget_note)
    assert any(squash(noted.title) in p and f"({noted.budget_note})" in p for p in pages)


def _fonts(reader):
    for page in reader.pages:
        resources = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            yield ref.get_object()


def test_every_font_is_an_embedded_subset_truetype(built):
    reader = built[2]
    seen = 0
    for font in _fonts(reader):
        seen += 1
        assert font["/Subtype"] == "/Type0" or "/FontDescriptor" in font, font
        base = str(font["/BaseFont"])
        assert re.match(r"^/[A-Z]{6}\+", base), base
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = descendant["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, base
    assert seen


def test_a4_pages_and_metadata(built, sample_doc):
    reader = built[2]
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    meta = reader.metadata
    assert meta.author == sample_doc.plan.city
    assert sample_doc.edition.title in meta.title
    assert meta.subject and meta.creation_date is not None
    assert reader.trailer["/Root"]["/Lang"] == "ja-JP"


def test_outline_lists_every_part_and_vision(built, sample_doc):
    reader = built[2]
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    for vision in sample_doc.visions:
        assert f"ビジョン{vision.number} {vision.title}" in titles
    for part in ("1. 重点事項", "2. 各ビジョンにおける主な取組", "区における自主自立のまちづくり"):
        assert part in titles


def test_contents_page_numbers_are_real_start_pages(built, sample_doc):
    _, report, reader, texts = built
    contents_page = next(page for level, title, page in report.outline if title == "目次")
    lines = texts[contents_page - 1].splitlines()
    listed = {}
    for line in lines:
        match = re.match(r"^(.*?)\s*(\d+)$", line.strip())
        if match:
            listed[squash(match.group(1))] = int(match.group(2))
    for vision in sample_doc.visions:
        label = squash(f"ビジョン{vision.number}:{vision.title}")
        assert label in listed, (label, listed)
        page = listed[label]
        # the page really opens the vision: its band carries the title
        assert squash(vision.title) in squash(texts[page - 1])
        assert "ビジョン" in texts[page - 1]
        assert (1, f"ビジョン{vision.number} {vision.title}", page) in report.outline
    assert listed[squash("1. 重点事項")] == next(p for lv, t, p in report.outline if t == "1. 重点事項")
    # the rows are links to the sections
    annots = reader.pages[contents_page - 1].get("/Annots")
    assert annots and len(annots) >= len(sample_doc.visions)


def _strings(value, out):
    if isinstance(value, str):
        out.extend(part.strip() for part in value.split("\n"))
    elif isinstance(value, (list, tuple)):
        for item in value:
            _strings(item, out)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            _strings(getattr(value, name), out)
    return out


def test_no_printed_line_breaks_the_kinsoku_rules(built, sample_doc):
    # a paragraph may itself begin with such a character (～みんなで…): that is no break
    starts = {s[:6] for s in _strings(sample_doc, []) if s}
    problems = []
    for number, text in enumerate(built[3], 1):
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if line[0] in NO_START and line[:6] not in starts:
                problems.append((number, "start", line))
            if line[-1] in NO_END:
                problems.append((number, "end", line))
    assert not problems, problems[:10]


def test_latin_words_and_numbers_are_never_split(built):
    for text in built[3]:
        for line in text.splitlines():
            line = line.strip()
            assert not re.match(r"^[0-9,]+千円", line) or re.match(r"^[0-9]{1,3}(,[0-9]{3})*千円", line)
    joined = "\n".join(built[3])
    assert "24時間365日" in joined
    assert "13,384,000千円" in joined


def test_draft_mark_and_ideographic_space(built):
    texts = built[3]
    assert "(案)" in texts[0]
    assert all("案" in t for t in texts[1:-1] if t.strip())


def test_print_production_bleed_crop_marks_and_multiple_of_four(sample_doc, tmp_path):
    path = tmp_path / "print.pdf"
    report = build_booklet(sample_doc, path, print_production=True)
    reader = PdfReader(path)
    assert len(reader.pages) % 4 == 0 and report.pages == len(reader.pages)
    for page in reader.pages:
        trim = page.trimbox
        bleed = page.bleedbox
        assert round(float(trim.width), 2) == A4[0] and round(float(trim.height), 2) == A4[1]
        assert abs(float(bleed.width) - (A4[0] + 6 * MM)) < 0.01
        assert abs(float(bleed.height) - (A4[1] + 6 * MM)) < 0.01
        assert float(page.mediabox.width) > float(bleed.width)
    assert "back cover" in " ".join(report.preflight) or report.pages % 4 == 0
    # the back cover stays last
    assert "お問い合わせ" in reader.pages[-1].extract_text()


def test_cancel_leaves_no_file(sample_doc, tmp_path):
    path = tmp_path / "cancelled.pdf"
    calls = []

    def callback(done, total, label):
        calls.append(done)
        if len(calls) == 3:
            progress.cancel()

    progress = Progress(callback)
    with pytest.raises(Cancelled):
        build_booklet(sample_doc, path, progress=progress)
    assert list(tmp_path.iterdir()) == []


def _text_positions_inside_page(reader):
    outside = []
    for n, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)

        def visit(text, cm, tm, font, size, n=n, width=width, height=height):
            if not text.strip():
                return
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            if not (0 <= x <= width and 0 <= y <= height):
                outside.append((n, text, x, y))

        page.extract_text(visitor_text=visit)
    return outside


def test_extreme_content_builds_and_reports(sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    v1 = doc.visions[0]
    long_title = ("市民と行政が協働して取り組む持続可能なまちづくりのための総合的な推進事業" * 6)[:200]
    v1.initiatives[0].title = long_title
    v1.initiatives[0].amount = 9_999_999_999
    v1.initiatives[1].title = "𠮷野家と髙﨑さんの😀まちづくり"
    v1.initiatives[1].description = "（" + "とても長い説明文です。" * 120 + "）"
    many = [copy.deepcopy(v1.initiatives[2]) for _ in range(80)]
    for k, item in enumerate(many):
        item.title = f"大量の取組その{k + 1}"
        item.amount = 1000 + k
    doc.visions.append(Vision(9, "取組が80件あるビジョン", "#884488", ["方向性。"], [], [], many))
    doc.visions.append(Vision(10, "空のビジョン", "#448844"))
    doc.initiatives += many
    path = tmp_path / "extreme.pdf"
    report = build_booklet(doc, path)
    reader = PdfReader(path)
    text = squash("".join(p.extract_text() for p in reader.pages))
    assert "9,999,999,999千円" in text
    assert squash(long_title) in text
    assert "髙﨑" in text
    for k in (1, 40, 80):
        assert f"大量の取組その{k}" in text
    joined = "\n".join(report.preflight)
    assert "U+20BB7" not in joined and "U+1F600" in joined  # 𠮷: from the fallback font
    assert "ビジョン10" in joined and "left out" in joined
    assert not any(title.startswith("ビジョン10") for _, title, _ in report.outline)
    assert not _text_positions_inside_page(reader)


def test_empty_edition_parts_are_left_out(sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    doc.priorities = []
    doc.ward_plans = []
    doc.edition.ward_intro = []
    doc.edition.ward_policies = []
    doc.edition.ward_budget_lines = []
    doc.visions = doc.visions[:1]
    report = build_booklet(doc, tmp_path / "small.pdf")
    titles = [t for _, t, _ in report.outline]
    assert "1. 重点事項" not in titles and "区における自主自立のまちづくり" not in titles
    assert "2. 各ビジョンにおける主な取組" in titles


def test_minimal_document_builds(tmp_path):
    from db.records import Edition, EditionDocument, Plan

    item = Initiative("k1", "唯一の取組", amount=1)
    doc = EditionDocument(Plan("計画", "市"), Edition(2024, title="令和6年度アクションプラン"),
                          [], [Vision(1, "まち", initiatives=[item])], [], [item])
    report = build_booklet(doc, Path(tmp_path) / "min.pdf")
    assert report.pages >= 3


def _png(width: int = 60, height: int = 40) -> str:
    import base64
    import io

    from PIL import Image

    image = Image.new("RGB", (width, height), (200, 80, 40))
    for x in range(width):
        image.putpixel((x, height // 2), (255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _image_count(reader) -> int:
    count = 0
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject", {})
        count += sum(1 for ref in xobjects.values() if ref.get_object()["/Subtype"] == "/Image")
    return count


def test_pictures_with_images_are_drawn_with_caption_and_credit(sample_doc, tmp_path):
    from db.records import Picture

    doc = copy.deepcopy(sample_doc)
    doc.edition.status = "final"
    item = doc.visions[0].initiatives[0]
    item.pictures = [Picture("試験用の写真キャプション", "撮影:試験課", _png())]
    path = tmp_path / "pictures.pdf"
    report = build_booklet(doc, path)
    reader = PdfReader(path)
    assert _image_count(reader) == 1
    page = next(squash(t) for t in (p.extract_text() for p in reader.pages)
                if squash(item.title) in squash(t))
    assert "試験用の写真キャプション" in page and "撮影:試験課" in page
    assert "画像未設定" not in squash("".join(p.extract_text() for p in reader.pages))
    # the sample's pictures have no image: left out of a final edition, but listed
    joined = "\n".join(report.preflight)
    assert "no image, left out" in joined
    assert "試験用の写真" not in joined


def test_draft_pictures_without_image_print_a_labelled_frame(sample_doc, built):
    _, report, reader, texts = built
    assert sample_doc.edition.status == "draft"
    # every card prints its pictures (a priority action's card repeats its initiative's)
    cards = [i for v in sample_doc.visions for i in v.initiatives]
    cards += [a.initiative for p in sample_doc.priorities for a in p.actions]
    captioned = [p for i in cards for p in i.pictures if not p.image]
    assert captioned
    joined = squash("".join(texts))
    assert joined.count("画像未設定") == len(captioned)
    assert squash(captioned[0].caption) in joined
    assert _image_count(reader) == 0
    listed = " ".join(m for m in report.preflight if "labelled frame (draft)" in m)
    assert all(p.caption[:10] in listed for p in captioned)


def test_broken_image_data_is_reported_not_fatal(sample_doc, tmp_path):
    from db.records import Picture

    doc = copy.deepcopy(sample_doc)
    doc.edition.status = "final"
    doc.visions[0].initiatives[0].pictures = [Picture("壊れた画像", "", "bm90IGFuIGltYWdl")]
    report = build_booklet(doc, tmp_path / "broken.pdf")
    assert any("壊れた画像" in m and "cannot be read" in m for m in report.preflight)


def test_small_table_cells_break_between_phrases(sample_doc, tmp_path):
    from db.records import SmallTable

    doc = copy.deepcopy(sample_doc)
    item = doc.visions[0].initiatives[0]
    item.tables = [SmallTable("追加の表", "", ["区分", "内容", "備考"],
                              [["追加", "窓口の追加と相談体制の強化を図ります" * 3, "追加予定"],
                               ["拡充", "短い", "追加"]])]
    path = tmp_path / "table.pdf"
    build_booklet(doc, path)
    text = "".join(p.extract_text() for p in PdfReader(path).pages)
    lines = [line.strip() for line in text.splitlines()]
    assert not any(line.endswith("追") for line in lines)
    assert not any(line.startswith("加") for line in lines)


def test_short_cards_pair_up_only_when_a_section_would_end_nearly_empty(sample_doc, tmp_path):
    from desktop.publish.booklet.blocks import Card, CardPair, tighten
    from desktop.publish.booklet.style import FRAME_W

    items = [Initiative(f"k{n}", f"短い取組{n}", "短い説明です。", amount=1000 * n)
             for n in range(1, 5)]
    cards = [Card(i, doc_colour(), mode="vision") for i in items]
    tight = tighten(cards)
    assert [type(b) for b in tight] == [CardPair, CardPair]
    pair = tight[0]
    height = pair.wrap(FRAME_W)
    assert height < cards[0].wrap(FRAME_W) * 2
    # a vision whose cards spill a little onto an extra page is set tighter, and says so
    doc = copy.deepcopy(sample_doc)
    v = doc.visions[3]
    extra = [Initiative(f"x{n}", f"追加の短い取組{n}", "説明。" * 12, amount=500 + n)
             for n in range(24)]
    v.initiatives = v.initiatives + extra
    doc.initiatives += extra
    path = tmp_path / "tight.pdf"
    report = build_booklet(doc, path)
    text = squash("".join(p.extract_text() for p in PdfReader(path).pages))
    for item in extra:
        assert squash(item.title) in text and format_amount(item.amount, unit=True) in text
    assert any("ビジョン4" in m and "set tighter" in m for m in report.preflight)
    assert report.pages == len(PdfReader(path).pages)


def doc_colour():
    from reportlab.lib.colors import HexColor

    return HexColor("#336699")


def test_a_category_running_onto_a_new_page_repeats_its_label(built, sample_doc):
    texts = [squash(t) for t in built[3]]
    continued = [t for t in texts if "(続き)" in t]
    assert continued
    labels = {squash(i.category) for i in sample_doc.initiatives if i.category}
    labels |= {squash(a.heading) for p in sample_doc.priorities for a in p.actions if a.heading}
    for text in continued:
        label = text.split("(続き)")[0].removeprefix("＜")
        # the label comes first on the page body, after the running header
        assert any(label.endswith(c) for c in labels), label[-30:]
