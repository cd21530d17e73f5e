"""The bundled sample is the complete content of both seed documents."""

from pathlib import Path

import pytest

from db.checks import ERROR, check_document

SEED_000 = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_c67c78cc49fd2e58.txt"

PRINTED_WARD_TOTALS = {  # seed 002, 当初予算 / 2月補正後 / 決算額 (千円)
    "中央区": (19000, 17620, 16701),
    "東区": (19000, 19000, 18512),
    "西区": (19000, 17482, 15461),
    "南区": (19000, 16379, 15293),
    "北区": (19000, 15900, 12186),
}
NAMYKU_GROUP_SUBTOTALS = {
    "人材の育成によるまちづくり": (3000, 3000, 565),
    "防災力の向上によるまちづくり": (3224, 3224, 3168),
    "地域の課題・特性に応じたまちづくり": (755, 755, 949),
    "ICTでつながるまちづくり事業": (2346, 1416, 666),
    "住民と行政の協働によるまちづくり": (9675, 7984, 9945),
}


def test_counts_2024(sample_store):
    doc = sample_store.load(2024)
    assert len(doc.priorities) == 2
    assert [len(p.actions) for p in doc.priorities] == [7, 7]
    assert [len(p.situation) for p in doc.priorities] == [3, 4]
    assert [len(p.past_actions) for p in doc.priorities] == [3, 4]
    assert [v.number for v in doc.visions] == list(range(1, 9))
    assert [len(v.measures) for v in doc.visions] == [4, 5, 4, 4, 4, 5, 3, 0]
    assert [len(v.initiatives) for v in doc.visions] == [21, 20, 8, 5, 6, 11, 13, 9]
    assert len(doc.initiatives) == 109
    assert sum(len(w.initiatives) for w in doc.ward_plans) == 12
    assert doc.edition.contact.tel == "096-328-2035"
    assert doc.edition.publication_date == "2024-06"


@pytest.mark.parametrize("title, amount, previous, note", [
    ("児童手当の拡充", 13_384_000, 11_498_000, ""),
    ("こども誰でも通園制度(仮称)の試行的実施", 20_608, None, "全額R5.2補計上"),
    ("熊本西環状道路の整備推進", 4_974_500, None, "R5補正含む"),
    ("熊本城の文化的価値保全と計画的復旧", 2_013_177, None, ""),
    ("定型業務の集約化による業務改善", 48_000, None, ""),
])
def test_initiative_amounts(sample_store, title, amount, previous, note):
    item = next(i for i in sample_store.load(2024).initiatives if i.title == title)
    assert (item.amount, item.previous_amount, item.budget_note) == (amount, previous, note)


def test_every_amount_printed_in_the_booklet_is_in_the_sample(sample_store):
    """Each `N千円` on its own line of seed 000 (card amounts) is some initiative's amount."""
    import re

    if not SEED_000.exists():
        pytest.skip("seed not beside the repository")
    printed = {int(m.replace(",", "")) for m in re.findall(
        r"^\s*([\d,]+)千円\s*$", SEED_000.read_text(encoding="utf-8"), re.MULTILINE)}
    amounts = {i.amount for i in sample_store.load(2024).initiatives}
    assert printed - amounts == set()


@pytest.mark.parametrize("ward, totals", PRINTED_WARD_TOTALS.items())
def test_ward_totals_match_seed_002(sample_store, ward, totals):
    plan = sample_store.load(2022).ward_plan(ward)
    t = plan.totals()
    assert (t.initial, t.revised, t.settled) == totals
    printed = plan.printed_totals
    assert (printed.initial, printed.revised, printed.settled) == totals
    assert plan.allocation == 19000


def test_minami_group_subtotals(sample_store):
    plan = sample_store.load(2022).ward_plan("南区")
    for group in plan.groups:
        t = plan.group_totals(group.id)
        assert (t.initial, t.revised, t.settled) == NAMYKU_GROUP_SUBTOTALS[group.title]
        assert group.show_subtotal


def test_ward_row_counts(sample_store):
    doc = sample_store.load(2022)
    assert {w.ward.name: len(w.projects) for w in doc.ward_plans} == {
        "中央区": 15, "東区": 21, "西区": 10, "南区": 18, "北区": 9}
    chuo = doc.ward_plan("中央区")
    assert [p.number for p in chuo.projects] == list(range(1, 16))
    assert chuo.projects[11].initial is None  # printed ―, not 0
    assert sum(p.status == "new" for p in chuo.projects) == 5


def test_sample_has_no_errors(sample_store):
    for year in sample_store.fiscal_years():
        errors = [p for p in check_document(sample_store.load(year)) if p.severity == ERROR]
        assert errors == []
