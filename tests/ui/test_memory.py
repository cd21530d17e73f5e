"""What an edit or a background check creates is let go of again (the soak test's memory).

Both leaks were invisible to Python's garbage collector: a layout item only C++ knew of, and a
finished task held through Qt's signal connections. Each test fails when its object survives.
"""

from __future__ import annotations

import gc
import weakref

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from desktop.ui.worker import Task, run_task, wait_for_all


def test_an_edit_deletes_the_ward_summary_cells_it_replaces(window):
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    assert window.select_key(f"projects:{plan.id}")
    page = window.current_page()
    grid = page.summary.grid
    old_items = [grid.itemAt(i) for i in range(grid.count())]
    assert len(old_items) > 20  # labels and figures for the subtotals, total, allocation …
    model = page.projects.model
    column = next(i for i, c in enumerate(model.columns) if c.field == "initial")
    assert model.setData(model.index(0, column), "6,000")  # the summary is rebuilt
    assert grid.count() == len(old_items)
    # before: ~2.4 KB per edit stayed in memory (QLayout.takeAt's items were never deleted)
    assert not any(shiboken6.isValid(item) for item in old_items)


def test_a_finished_background_task_is_freed(qtbot):
    Task.synchronous = False
    results = []
    task = run_task(lambda progress: progress.step(1, 1, "x") or 42, on_result=results.append)
    gone = weakref.ref(task)
    assert wait_for_all(10000)
    qtbot.waitUntil(lambda: results == [42])
    del task
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the signals' deleteLater
    gc.collect()
    # before: every task (and the closures its callbacks hold) stayed for the whole session
    assert gone() is None
