"""The ward sheets' fast layout search picks exactly what trying every type size and 事業名
width with fully built rows picks, and builds the drawn rows once per ward."""

from __future__ import annotations

import pytest

import desktop.publish.ward_sheets.pagination as pagination
from db.sample import load_sample
from db.store import memory_plan
from db.synthetic import synthetic_plan
from desktop.publish.ward_sheets import DENSITIES, _layout, _paginate, _rows
from desktop.publish.ward_sheets.head import _head_layout
from desktop.publish.ward_sheets.rows import _measure
from desktop.publish.ward_sheets.style import NAME_WIDTHS, Columns


def _plans():
    sample = memory_plan()
    load_sample(sample)
    plans = list(sample.load(2022).ward_plans)
    for wards, projects in ((3, 12), (2, 45), (1, 90)):
        store = memory_plan()
        synthetic_plan(store, initiatives=10, wards=wards, projects_per_ward=projects,
                       seed=projects)
        plans += store.load(2024).ward_plans
    return plans


PLANS = _plans()


def _slow_layout(plan):
    """The search as it was: every density × every width with fully built rows."""
    tried = []
    for d in DENSITIES:
        best = None
        for name_w in NAME_WIDTHS:
            height = sum(r.height for r in _rows(plan, d, Columns(name_w), balance=False))
            if best is None or height < best[0] - 0.5:
                best = (height, Columns(name_w))
        cols = best[1]
        pages = _paginate(plan, _head_layout(plan, d), _rows(plan, d, cols, balance=False), d,
                          cols)
        tried.append((d, cols, len(pages)))
        if len(pages) == 1:
            break
    fewest = min(count for _, _, count in tried)
    return next((d, cols) for d, cols, count in tried if count == fewest)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: f"{p.ward.name}-{len(p.projects)}")
def test_fast_search_chooses_what_the_full_search_chose(plan):
    layout = _layout(plan)
    d, cols = _slow_layout(plan)
    assert (layout.density, layout.pages[0].cols) == (d, cols)
    rows = _rows(plan, d, cols)
    drawn = _paginate(plan, _head_layout(plan, d), rows, d, cols)
    assert [[r.height for r in p.rows] for p in layout.pages] == \
        [[r.height for r in p.rows] for p in drawn]


def test_measured_heights_are_the_built_rows_heights():
    for plan in PLANS[:6]:
        for d in DENSITIES:
            measured = _measure(plan, d)
            for at, name_w in enumerate(NAME_WIDTHS):
                built = [r.height for r in _rows(plan, d, Columns(name_w), balance=False)]
                fast = []
                for group, group_heights, _, heights in measured:
                    fast += [group_heights[at]] if group is not None else []
                    fast += [h[at] for h in heights]
                assert fast + [d.total_h] == built  # equal floats, not approximately


def test_a_ward_builds_its_drawn_rows_once(monkeypatch):
    calls = []
    real = pagination._rows
    monkeypatch.setattr(pagination, "_rows", lambda *a, **k: calls.append(1) or real(*a, **k))
    plan = max(PLANS, key=lambda p: len(p.projects))
    assert len(_layout(plan).pages) > 1  # every density was tried
    assert len(calls) == 1
