"""Characters BIZ UD lacks print from the bundled fallback font, embedded only when used."""

from __future__ import annotations

import copy
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from db.sample import load_sample
from db.store import memory_plan
from desktop.publish.booklet import build_booklet
from desktop.publish.typeset import FONT_DIR, GOTHIC, metrics
from desktop.publish.typeset.fonts import FALLBACK, FALLBACK_LICENSE, FONT_FILES

NAMES = "𠮷野家の髙﨑さんと𩸽"


@pytest.fixture(scope="module")
def sample_doc():
    with memory_plan() as store:
        load_sample(store)
        return store.load(2024)


def font_names(path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_the_fallback_font_is_small_licensed_and_has_what_biz_ud_lacks():
    path = FONT_DIR / FONT_FILES[FALLBACK]
    assert path.stat().st_size <= 3_000_000
    assert "SIL Open Font License" in FALLBACK_LICENSE.read_text(encoding="utf-8")
    assert not metrics(GOTHIC).has("𠮷")
    assert metrics(FALLBACK).has("𠮷")


def test_names_outside_biz_ud_print_and_copy_out_as_themselves(sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    item = doc.vision(1).initiatives[0]
    item.title = f"{NAMES}の取組"
    item.description = f"{NAMES}が、{item.description}"
    path = tmp_path / "names.pdf"
    report = build_booklet(doc, path)
    text = "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")
    assert f"{NAMES}の取組" in text and f"{NAMES}が、" in text
    assert "〓" not in text
    assert not any("〓" in line for line in report.preflight)
    assert "PlanBookFallbackJP-Regular" in font_names(path)
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                             check=True).stdout
        assert "𠮷野家" in out and "髙﨑" in out and "𩸽" in out


def test_the_fallback_is_not_embedded_when_nothing_needs_it(sample_doc, tmp_path):
    path = tmp_path / "sample.pdf"
    build_booklet(sample_doc, path)
    names = font_names(path)
    assert "BIZUDPGothic-Regular" in names
    assert not any("Fallback" in name for name in names)


def test_what_no_font_has_is_geta_with_one_preflight_line(sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    doc.vision(1).initiatives[0].title = "\U0010fffd𠮷の取組"
    report = build_booklet(doc, tmp_path / "geta.pdf")
    lines = [line for line in report.preflight if "〓" in line]
    assert len(lines) == 1 and "U+10FFFD" in lines[0] and "U+20BB7" not in lines[0]


def test_running_heads_footers_and_ward_sheet_labels_use_the_fallback_too(sample_doc, tmp_path):
    from desktop.publish.ward_sheets import build_ward_sheets

    doc = copy.deepcopy(sample_doc)
    doc.plan.name = "𠮷野市第1次総合計画"
    path = tmp_path / "footer.pdf"
    build_booklet(doc, path)
    pages = [p.extract_text() for p in PdfReader(path).pages]
    assert sum("𠮷野市第1次総合計画" in text for text in pages) >= len(pages) - 2  # not covers
    with memory_plan() as store:
        load_sample(store)
        wards = store.load(2022)
    plan = wards.ward_plans[0]
    plan.ward.name = "𠮷田区"
    sheet = tmp_path / "ward.pdf"
    build_ward_sheets(wards, sheet, wards=["𠮷田区"])
    text = PdfReader(sheet).pages[0].extract_text()
    text = " ".join(text.split())
    assert "令和4年度 𠮷田区まちづくりの取組み" in text and "𠮷田区 1 / 1" in text
    assert "〓" not in text
