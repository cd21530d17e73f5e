"""Builds that always end (issue 8, item 7): over-long text is cut before layout and reported,
layout itself terminates even without that cut, odd small tables print. Each build runs under
an alarm, so a regression fails here instead of hanging the suite."""

from __future__ import annotations

import copy
import signal
from contextlib import contextmanager

import pytest

from db.records import SmallTable, Ward, WardPlan, WardProject
from desktop.publish.booklet import build_booklet
from desktop.publish.ward_sheets import build_ward_sheets, file_names, split_ward_sheets


class Hang(Exception):
    pass


@contextmanager
def ends_within(seconds: int):
    def alarm(signum, frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def doc(sample_store):
    return copy.deepcopy(sample_store.load(2024))


def booklet(doc, tmp_path):
    with ends_within(60):
        return build_booklet(doc, tmp_path / "b.pdf")


def cut_notes(report) -> list[str]:
    return [p for p in report.preflight if "cut" in p or "left out" in p]


def test_a_4000_character_priority_heading(doc, tmp_path):
    doc.priorities[0].actions[0].heading = "見出し" * 1400
    report = booklet(doc, tmp_path)
    assert any("heading: 4,200 characters, cut to 200 for print" in p for p in cut_notes(report))


def test_layout_ends_even_when_a_heading_is_taller_than_a_page(doc, tmp_path, monkeypatch):
    import desktop.publish.booklet as booklet_module

    monkeypatch.setattr(booklet_module, "fit_document", lambda d, preflight: d)
    doc.priorities[0].actions[0].heading = "見出し" * 1400
    report = booklet(doc, tmp_path)
    assert any("taller than the page and cannot be split: cut at the foot" in p
               for p in report.preflight)


def test_a_100000_character_title(doc, tmp_path):
    doc.initiatives[0].title = "長" * 100_000
    report = booklet(doc, tmp_path)
    assert any("title: 100,000 characters, cut to 200" in p for p in cut_notes(report))
    assert doc.initiatives[0].title == "長" * 100_000  # the caller's records are untouched


def test_a_35_million_character_ward_description(doc, tmp_path):
    doc.ward_plans[0].description = "説明" * 1_750_000
    with ends_within(60):
        report = build_ward_sheets(doc, tmp_path / "w.pdf")
    assert any("description: 3,500,000 characters, cut to 2,000" in p for p in report.preflight)
    assert booklet(doc, tmp_path).pages > 10


@pytest.mark.parametrize("table", [SmallTable("空", "", [], []), SmallTable("", "", ["", ""], []),
                                   SmallTable("t", "", [], [[]]),
                                   SmallTable("広い", "", ["a"], [["1", "2", "3"], ["4"]])])
def test_odd_small_tables(doc, tmp_path, table):
    doc.initiatives[0].tables = [table]
    report = booklet(doc, tmp_path)
    if table.title == "広い":
        assert any("a row of 3 cells in 1 columns: the cells beyond were left out" in p
                   for p in report.preflight)


def test_split_names_are_unique_and_safe(doc, tmp_path):
    names = ["a/b", "a_b", "..", "", "CON", "nul.txt", "A_B", "a:b", ".", "com1", "x" * 300,
             "中央区"]
    assert len(set(n.casefold() for n in file_names(names))) == 12
    template = doc.ward_plans[0]
    doc.ward_plans = []
    for name in names:
        plan = copy.deepcopy(template)
        plan.ward = Ward(name)
        plan.projects = [WardProject("事業", 1, "", None, 100)]
        doc.ward_plans.append(plan)
    out = tmp_path / "split"
    with ends_within(120):
        paths = split_ward_sheets(doc, out)
    files = sorted(p.name for p in out.iterdir())
    assert len(paths) == len(files) == 12
    assert all(p.parent == out and p.suffix == ".pdf" for p in paths)
    assert not any(f.startswith(".") or f.split(".")[0].upper() in ("CON", "NUL", "COM1")
                   for f in files)
    assert isinstance(doc.ward_plans[0], WardPlan)
