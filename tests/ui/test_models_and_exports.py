"""Every table model passes qtmodeltester; exports run in the worker and can be cancelled."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.ui.docks.navigator import NavigatorModel
from desktop.ui.tables.filter_proxy import FilterProxy
from desktop.ui.tables.plan_models import (
    InitiativesModel,
    MeasuresModel,
    PrioritiesModel,
    PriorityActionsModel,
    VisionsModel,
)
from desktop.ui.tables.ward_models import WardGroupsModel, WardProjectsModel


def test_every_model_passes_qtmodeltester(qtmodeltester, window):
    doc = window.doc
    store = doc.store
    edition = store.edition(2024)
    vision = store.visions(edition.id)[0]
    priority = store.priorities(edition.id)[0]
    plan = store.ward_plans(edition.id)[0]
    models = [
        InitiativesModel(doc, edition.id, vision_id=vision.id),
        InitiativesModel(doc, edition.id, ward_plan_id=plan.id),
        MeasuresModel(doc, vision.id),
        VisionsModel(doc, edition.id),
        PrioritiesModel(doc, edition.id),
        PriorityActionsModel(doc, priority.id, edition.id),
        WardProjectsModel(doc, plan.id),
        WardGroupsModel(doc, plan.id),
        NavigatorModel(doc),
    ]
    for model in models:
        qtmodeltester.check(model, force_py=True)
    proxy = FilterProxy()
    proxy.setSourceModel(models[0])
    proxy.set_terms("取組")
    qtmodeltester.check(proxy, force_py=True)


@pytest.fixture
def threaded(window):
    from desktop.ui.worker import Task
    Task.synchronous = False
    yield window
    Task.synchronous = True


def test_export_ward_sheets_in_worker(qtbot, threaded, tmp_path):
    window = threaded
    plan = window.doc.store.ward_plans(window.doc.store.edition(2024).id)[0]
    window.select_key(f"ward:{plan.id}")
    output = tmp_path / "wards.pdf"
    with qtbot.waitSignal(window.exports.finished, timeout=30000) as blocker:
        window.export_ward_sheets(output)
    assert blocker.args[0] == output
    assert output.read_bytes().startswith(b"%PDF")
    assert window.exports.last_box.objectName() == "exportDone"
    buttons = [b.text() for b in window.exports.last_box.buttons()]
    assert any("Open" in b or "開く" in b for b in buttons)
    window.exports.last_box.close()


def test_export_can_be_cancelled(qtbot, threaded, tmp_path):
    window = threaded
    output = tmp_path / "booklet.pdf"
    with qtbot.waitSignal(window.exports.finished, timeout=30000) as blocker:
        window.export_booklet(output)
        window.exports.cancel()
    assert blocker.args[0] is None
    assert not output.exists()
    assert window.exports.dialog is None


def test_ward_excel_round_trip_with_diff_and_undo(qtbot, threaded, tmp_path):
    window = threaded
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    window.select_key(f"projects:{plan.id}")
    output = tmp_path / "ward.xlsx"
    with qtbot.waitSignal(window.exports.finished, timeout=30000):
        window.export_ward_excel(output, plan.ward.name)
    window.exports.last_box.close()
    from openpyxl import load_workbook
    book = load_workbook(output)
    sheet = book.worksheets[0]
    target = None
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == 4800:
                target = cell
                break
        if target:
            break
    assert target is not None
    target.value = 4700
    book.save(output)
    window.exports.import_ward_workbook(Path(output))
    qtbot.waitUntil(lambda: getattr(window.exports, "last_dialog", None) is not None, timeout=30000)
    dialog = window.exports.last_dialog
    assert "4,700" in dialog.findChild(__import__("PySide6.QtWidgets", fromlist=["x"])
                                       .QPlainTextEdit).toPlainText()
    dialog.accept()
    revised = [p.revised for p in store.ward_projects(plan.id)]
    assert 4700 in revised
    window.doc.undo()
    assert 4700 not in [p.revised for p in store.ward_projects(plan.id)]


def test_preview_renders_current_section(qtbot, window):
    """The preview shows the page of the section being edited (sync_tasks, via the window
    fixture, runs the render inline and restores Task.synchronous afterwards)."""
    from desktop.ui.worker import Task

    assert Task.synchronous
    window.preview.enabled = True
    # the preview starts hidden on a small screen; F6 (its dock's toggle) shows it
    window.preview_dock.toggleViewAction().trigger()
    assert window.preview_dock.isVisible()
    preview = window.preview
    shown = lambda: preview.document.getAllText(  # noqa: E731
        preview.view.pageNavigator().currentPage()).text()
    store = window.doc.store
    vision = next(v for v in store.visions(store.edition(2024).id) if v.number == 2)
    window.select_key(f"vision:{vision.id}")
    window.request_preview(now=True)
    qtbot.waitUntil(lambda: preview.builds >= 1, timeout=30000)
    qtbot.waitUntil(lambda: "ビジョン2がめざす姿" in shown(), timeout=5000)
    everything = "".join(preview.document.getAllText(n).text()
                         for n in range(preview.document.pageCount()))
    assert "取組2-1" in everything and "取組1-1" not in everything  # vision 2's section only
    plan = store.ward_plans(store.edition(2024).id)[1]
    window.select_key(f"ward:{plan.id}")
    window.request_preview(now=True)
    qtbot.waitUntil(lambda: preview.builds >= 2, timeout=30000)
    qtbot.waitUntil(lambda: plan.ward.name in shown(), timeout=5000)


def test_cancel_while_reading_a_ward_workbook_shows_nothing_further(qtbot, threaded, tmp_path,
                                                                     monkeypatch):
    import threading

    import desktop.publish.ward_excel as ward_excel

    window = threaded
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    window.select_key(f"projects:{plan.id}")
    output = tmp_path / "ward.xlsx"
    with qtbot.waitSignal(window.exports.finished, timeout=30000):
        window.export_ward_excel(output, plan.ward.name)
    window.exports.last_box.close()
    reading, go_on = threading.Event(), threading.Event()
    real = ward_excel.read_ward_workbook

    def slow_read(path):
        reading.set()
        go_on.wait(10)
        return real(path)

    monkeypatch.setattr(ward_excel, "read_ward_workbook", slow_read)
    window.exports.last_dialog = None
    window.exports.import_ward_workbook(Path(output))
    assert reading.wait(10)
    from PySide6.QtWidgets import QPushButton
    window.exports.dialog.findChild(QPushButton).click()  # Cancel, while the workbook is read
    go_on.set()
    qtbot.waitUntil(lambda: window.exports.task.done, timeout=30000)
    qtbot.wait(50)
    assert window.exports.last_dialog is None
    assert window.exports.dialog is None
    assert window.last_error is None


def test_closing_the_window_removes_the_preview_folder(qtbot, window):
    folder = window.preview._dir
    assert folder.is_dir()
    (folder / "preview1.pdf").write_bytes(b"%PDF-1.4")
    window.close()
    assert not folder.exists()


def test_background_checks_and_preview_use_their_own_connections(qtbot, threaded):
    """SQLite refuses a connection used from another thread than its own: the checks and the
    preview, run in real worker threads, must open the file themselves."""
    window = threaded
    before = window.analyses
    window.run_analysis()
    qtbot.waitUntil(lambda: window.analyses > before, timeout=30000)
    assert "Checks failed" not in window.statusBar().currentMessage()
    window.preview.enabled = True
    window.preview_dock.show()
    plan = window.doc.store.ward_plans(window.doc.store.edition(2024).id)[0]
    window.select_key(f"ward:{plan.id}")
    window.request_preview(now=True)
    qtbot.waitUntil(lambda: window.preview.builds >= 1, timeout=30000)
    assert window.preview.document.pageCount() >= 1
    assert window.doc.store.row("ward_plan", plan.id)["id"] == plan.id  # still ours, still open


def test_the_checks_wait_for_the_preview_and_keep_their_600_ms(qtbot, threaded, monkeypatch):
    """The checks read the whole plan: run beside a preview they would delay the page; they
    start once the edit's page is shown. Opening the file or F5 leaves both debounces as set."""
    from desktop.ui.shell import dock_updates

    window = threaded
    preview = window.preview
    preview.enabled = True
    window.preview_dock.show()
    store = window.doc.store
    edition = store.edition(2024)
    vision = store.visions(edition.id)[0]
    item = store.initiatives(edition.id)[0]
    window.select_key(f"initiatives:{vision.id}")
    qtbot.waitUntil(lambda: not preview.busy() and not window.analysis_timer.isActive()
                    and not window._analysis_waiting
                    and (window._analysis_task is None or window._analysis_task.done),
                    timeout=30000)
    assert window.analysis_timer.interval() == 600
    started_after = []
    real = dock_updates.analyse
    monkeypatch.setattr(dock_updates, "analyse", lambda path, progress: (
        started_after.append(preview.builds), real(path, progress))[1])
    builds, analyses = preview.builds, window.analyses
    window.doc.set_fields("initiative", item.id, {"title": "確認の後で"}, "title")
    window.run_analysis()  # as if its timer fired while the preview waits for its debounce
    qtbot.waitUntil(lambda: window.analyses > analyses, timeout=30000)
    assert started_after == [builds + 1]  # once, after the edit's page was shown
    window.request_preview(now=True)
    qtbot.waitUntil(lambda: preview.builds > builds + 1, timeout=30000)
    assert preview.timer.interval() > 0 and window.analysis_timer.interval() == 600
