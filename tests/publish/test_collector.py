"""Builds pause the cyclic garbage collector and always give it back as it was."""

from __future__ import annotations

import gc

import pytest

from db.sample import load_sample
from db.store import memory_plan
from desktop.publish import collector
from desktop.publish.booklet import build_booklet
from desktop.publish.collector import collector_paused
from desktop.publish.progress import Cancelled, Progress


def test_overlapping_builds_turn_it_back_on_when_the_last_ends():
    assert gc.isenabled()
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    assert not gc.isenabled()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()  # the other build still runs
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_left_off_when_it_was_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_pauses_it_and_a_cancelled_build_gives_it_back(tmp_path):
    store = memory_plan()
    load_sample(store)
    doc = store.load(2024)
    seen = []

    def watch(done, total, label):
        seen.append(gc.isenabled())
        if done > 50:
            progress.cancel()

    progress = Progress(watch)
    with pytest.raises(Cancelled):
        build_booklet(doc, tmp_path / "b.pdf", progress=progress)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_the_editor_start_pauses_it_until_resumed_even_across_a_build():
    assert gc.isenabled()
    collector.pause_for_start()
    try:
        assert not gc.isenabled()
        with collector_paused():  # a preview built while the editor starts
            assert not gc.isenabled()
        assert not gc.isenabled()  # still starting
        with collector_paused():
            collector.resume_after_start()  # the first frame, while a build runs
            assert not gc.isenabled()
        assert gc.isenabled()
        collector.resume_after_start()  # a second window's first frame changes nothing
        assert gc.isenabled()
    finally:
        gc.enable()


def test_resuming_without_a_pause_leaves_it_as_it_is():
    gc.disable()
    try:
        collector.resume_after_start()
        assert not gc.isenabled()
    finally:
        gc.enable()
