"""No paragraph ends on a line of one or two characters (「す。」): the booklet and ward sheets."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from db.sample import load_sample
from db.store import memory_plan
from desktop.publish.booklet import build_booklet
from desktop.publish.typeset import GOTHIC, break_lines, linebreak, metrics, violations
from desktop.publish.ward_sheets import build_ward_sheets

TEXT = "支給対象を高校生まで拡充し、第3子は支給額を増額するとともに、所得制限を撤廃します。"


def widows(path) -> list[str]:
    found = []
    for number, page in enumerate(PdfReader(path).pages, 1):
        for line in page.extract_text().splitlines():
            text = line.strip()
            if 0 < len(text) <= 2 and text[-1] in "。」）)":
                found.append(f"p.{number} 「{text}」")
    return found


@pytest.fixture(scope="module")
def sample():
    with memory_plan() as store:
        load_sample(store)
        return store.load(2024), store.load(2022)


def test_no_paragraph_of_the_sample_booklet_ends_on_one_or_two_characters(sample, tmp_path):
    path = tmp_path / "booklet.pdf"
    build_booklet(sample[0], path)
    assert widows(path) == []


def test_no_ward_sheet_description_ends_on_one_or_two_characters(sample, tmp_path):
    path = tmp_path / "wards.pdf"
    build_ward_sheets(sample[1], path)
    assert widows(path) == []


@pytest.mark.parametrize("width", range(150, 400, 3))
def test_pulling_characters_down_keeps_the_text_the_rules_and_the_line_count(width,
                                                                             monkeypatch):
    measure = metrics(GOTHIC).measurer(9)
    lines = break_lines(TEXT, width, measure).lines
    monkeypatch.setattr(linebreak, "WIDOW", -1)  # greedy breaking, widows and all
    greedy = break_lines(TEXT, width, measure).lines
    assert "".join(line.text for line in lines) == TEXT
    assert len(lines) == len(greedy)  # heights measured before stay right
    if len(lines) > 1:
        assert len(lines[-1].text) > 2
    for n, line in enumerate(lines):
        assert line.width <= width + 1e-6
        assert not violations(line.text, first=n == 0, last=line.last)


def test_the_break_moves_to_a_phrase_boundary_when_it_is_near():
    measure = metrics(GOTHIC).measurer(9)
    lines = break_lines(TEXT, 340, measure).lines  # greedy: …撤廃しま / す。
    assert [line.text[-3:] for line in lines] == ["撤廃し", "ます。"]
