"""The booklet and the ward sheets print the seed's wording by place and the edition's headings."""

from __future__ import annotations

import copy
import re

import pytest
from pypdf import PdfReader

from db.sample import load_sample
from db.store import memory_plan
from desktop.publish.booklet import build_booklet


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample_doc():
    with memory_plan() as store:
        load_sample(store)
        return store.load(2024)


def page_texts(doc, path) -> list[str]:
    build_booklet(doc, path)
    return [squash(p.extract_text()) for p in PdfReader(path).pages]


@pytest.fixture(scope="module")
def sample_pages(sample_doc, tmp_path_factory):
    return page_texts(sample_doc, tmp_path_factory.mktemp("wording") / "b.pdf")


def test_priority_page_and_vision_page_each_print_their_own_title(sample_pages):
    priority = [n for n, t in enumerate(sample_pages) if "「結婚支援センター」の開設" in t]
    vision = [n for n, t in enumerate(sample_pages)
              if re.search(r"(?<!「)結婚支援センターの開設", t)]
    assert priority and vision
    assert all("重点事項1" in sample_pages[n] for n in priority)
    assert all("ビジョン1" in sample_pages[n] for n in vision)
    assert not set(priority) & set(vision)


def test_ward_part_prints_the_seeds_headings(sample_pages):
    ward = next(t for t in sample_pages if "区における自主自立のまちづくり" in t and "めざす" in t)
    assert "めざすまちづくり" in ward
    assert "まちづくり支援の方針" in ward
    assert "取組の方向性" not in ward


def test_headings_come_from_the_edition(sample_doc, tmp_path):
    doc = copy.deepcopy(sample_doc)
    doc.edition.headings = {"ward_intro": "わたしたちのめざすまち", "ward_policies": "支援のすじみち",
                            "contents": "もくじ", "priority_actions": "{year}に取り組むこと"}
    pages = page_texts(doc, tmp_path / "b.pdf")
    text = "".join(pages)
    for wording in ("わたしたちのめざすまち", "支援のすじみち", "もくじ", "令和6年度に取り組むこと"):
        assert wording in text
    assert "まちづくり支援の方針" not in text
    assert "令和6年度の主なアクション" not in text


def test_picture_credit_prints_with_its_picture_frame(sample_pages):
    assert any("提供:(公財)日本ケアフィット共有機構" in t.replace("：", ":")
               and "バリアフルレストランのイメージ" in t for t in sample_pages)


def test_ward_sheet_headings_come_from_the_edition(tmp_path):
    from desktop.publish.ward_sheets import build_ward_sheets

    with memory_plan() as store:
        load_sample(store)
        doc = store.load(2022)
    doc.edition.headings = {"ward_revised": "補正後予算額", "ward_total": "総計",
                            "ward_vision": "区のめざす姿"}
    path = tmp_path / "w.pdf"
    build_ward_sheets(doc, path, wards=["中央区"])
    text = PdfReader(path).pages[0].extract_text()
    assert "当初予算 補正後予算額 決算額" in text
    assert "総計 19,000" in text and "区のめざす姿" in text
    assert "2月補正後" not in text


def test_ward_group_descriptions_print_after_their_heading(tmp_path):
    from desktop.publish.ward_sheets import build_ward_sheets

    with memory_plan() as store:
        load_sample(store)
        doc = store.load(2022)
    path = tmp_path / "w.pdf"
    build_ward_sheets(doc, path, wards=["中央区"])
    text = squash(PdfReader(path).pages[0].extract_text())
    assert "■地域活動の負担軽減気軽に参加できる、身近な、魅力ある、ためになる、楽しい地域活動とする。" in text
