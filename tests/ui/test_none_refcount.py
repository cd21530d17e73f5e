"""PySide6 must not lose references to None when Qt calls into Python.

PySide6 6.12.0 on Python 3.11 dropped one reference to ``None`` per call into Python; after
about 220 edits or undo/redo steps the count reached zero and the editor died with "Fatal
Python error: none_dealloc" (pyproject.toml excludes that version). This counts the references
across 1,000 undo/redo calls in the real editor window and fails as soon as they fall, before
the process could abort. (6.11 *leaks* a few references per Qt call instead, which only makes
the count grow and is harmless; from Python 3.12 on, None is immortal and the count is fixed.)
"""

from __future__ import annotations

import gc
import sys

from desktop.ui.shell.actions import A

# A refresh that replaces a table's rows releases the Nones their old values held, so the
# count swings by about a thousand between two steps (seen in CI). Measured here: 6.12.0 loses
# ~140 per call (from ~32,000 at the start: zero, and the abort, after ~230 calls), so this
# fails at about the 115th call; 6.11.3 gains ~70 per call. Never more than half the starting
# count, so that the test fails before the abort whatever the count starts at.
MARGIN = 20_000


def test_undo_and_redo_never_lose_references_to_none(window):
    key = next(k for k in window.nav_model.by_key if k.startswith("projects:"))
    assert window.select_key(key)
    model = window.current_page().projects.model
    column = next(i for i, c in enumerate(model.columns) if c.field == "initial")
    assert model.setData(model.index(0, column), "12,345")  # one undo step, through the cell
    undo, redo = window.actions_[A.UNDO], window.actions_[A.REDO]
    for _ in range(10):  # warm up
        undo.trigger()
        redo.trigger()
    gc.collect()
    gc.disable()  # only reference counting frees objects while we count
    try:
        start = sys.getrefcount(None)
        margin = min(MARGIN, start // 2)
        for call in range(1000):
            (undo if call % 2 == 0 else redo).trigger()
            now = sys.getrefcount(None)
            assert now > start - margin, (
                f"references to None fell by {start - now} in {call + 1} calls")
    finally:
        gc.enable()
    assert window.doc.undo_stack.index() == 1  # every call really undid or redid the step
    assert model.data(model.index(0, column)) == "12,345"
