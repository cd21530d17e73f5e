"""The annual cycle in the real window: new year (dialog, progress), edits, the 前年度比較
view and its PDF, making the year final (banner, disabled pages, every edit refused, the file
unchanged), reopening, booklet snapshots, and the Summary's status per edition."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from db.cycle import finalize
from db.history import events, snapshots
from db.interchange import export_json
from db.store import open_plan


@pytest.fixture
def sample_window(qtbot, sample_file, settings, sync_tasks):
    from desktop.ui.shell.window import MainWindow
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(sample_file)
    yield window
    window.close()


def edition_id(window, year: int) -> int:
    return window.doc.store.edition(year).id


def file_state(path: Path) -> str:
    """The file's bytes with its write-ahead log: any write changes it."""
    digest = hashlib.sha256(path.read_bytes())
    wal = Path(f"{path}-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def new_year_from_the_dialog(qtbot, window, year: int = 2024):
    assert window.select_key(f"edition:{edition_id(window, year)}")
    window.actions_["actionNewYear"].trigger()
    dialog = window.new_year_dialog
    assert dialog.to_spin.value() == year + 1
    assert f"{dialog.plan.counts['initiatives']}" in dialog.copied.text()
    assert dialog.defaults.count() == 7
    assert dialog.review.count() == len(dialog.plan.review) > 0
    dialog.create_button.click()  # synchronous tasks in tests: runs to the end
    return dialog


def test_the_whole_cycle_in_the_window(qtbot, sample_window, sample_file, tmp_path,
                                       monkeypatch):
    window = sample_window
    dialog = new_year_from_the_dialog(qtbot, window)
    assert dialog.result_ is not None and window.doc.store.fiscal_years() == [2022, 2024, 2025]
    assert window.current_fiscal_year() == 2025
    review = window.review_dialog  # the dated wording, place by place, in the new year
    assert review.list.count() == len(dialog.result_.review) > 0
    note = next(n for n in range(review.list.count())
                if "予算注記" in review.list.item(n).text())
    review.list.itemDoubleClicked.emit(review.list.item(note))
    table, row_id, _field = review.list.item(note).data(Qt.ItemDataRole.UserRole)
    assert window.doc.store.row(table, row_id)["edition_id"] == edition_id(window, 2025)
    assert window.current_fiscal_year() == 2025
    review.close()
    store = window.doc.store
    doc25 = store.load(2025)
    assert all(i.previous == i_old.amount for i, i_old in
               zip(doc25.initiatives, store.load(2024).initiatives, strict=True))
    # edit as a planner: amounts, a rename, a deletion, a new initiative (each undoable)
    for item in doc25.initiatives:
        window.doc.set_fields("initiative", item.id, {"amount": item.previous}, "amount")
    v1 = doc25.vision(1).initiatives
    window.doc.set_fields("initiative", v1[0].id, {"amount": v1[0].previous + 900}, "amount")
    window.doc.set_fields("initiative", v1[1].id, {"title": "改めた名前"}, "title")
    window.doc.delete_rows("initiative", [v1[2].id], "delete")
    window.doc.insert_row("initiative", {"edition_id": doc25.edition.id, "key": "gui-new",
                                         "title": "画面で追加した取組", "amount": 700,
                                         "vision_id": doc25.vision(1).id}, "add")
    # the 前年度比較 view shows exactly those changes
    window.actions_["actionCompare"].trigger()
    compare = window.compare_window
    assert compare.from_year == 2024
    assert compare.comparison.counts() == {"added": 1, "discontinued": 1, "renamed": 1,
                                           "moved": 0, "changed": 1}
    model = compare.model
    texts = {model.index(r, 0).data(): model.index(r, 1).data()
             for r in range(model.rowCount()) if model.row_at(model.index(r, 0))}
    assert texts["改めた名前"] == "Renamed" and texts["画面で追加した取組"] == "New"
    assert texts[v1[2].title] == "Discontinued"
    heading = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith(
        "ビジョン1"))
    section = model.lines[heading]
    assert model.index(heading, 4).data() == f"{section.amount:,}"  # the section's total
    compare.changes_only.setChecked(True)
    assert len(model.section_rows("ビジョン1")) == 4  # the amount, the rename, new, gone
    pdf = tmp_path / "taisho.pdf"
    compare.export(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "改めた名前" in text and "画面で追加した取組" in text and "(廃止・終了)" in text
    compare.close()
    # make it final: the checks run, warnings are confirmed
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    assert window.ask_finalize()
    assert store.edition(2025).status == "final"
    assert window.lock_banner.isVisible() and not window.current_page().isEnabled()
    assert window.actions_["actionReopen"].isEnabled()
    assert not window.actions_["actionFinalize"].isEnabled()
    # its booklet records a snapshot and prints no (案)
    booklet = tmp_path / "final.pdf"
    window.export_booklet(booklet)
    [snapshot] = snapshots(store, 2025)
    assert snapshot.kind == "printed" and snapshot.page_count == len(PdfReader(booklet).pages)
    assert "(案)" not in PdfReader(str(booklet)).pages[0].extract_text()
    # reopen: asked why, recorded
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("議会の修正", True))
    window.lock_banner.button.click()
    assert store.edition(2025).status == "draft" and not window.lock_banner.isVisible()
    assert window.current_page().isEnabled()
    assert [(e.kind, e.reason) for e in events(store, 2025)][-1] == ("reopened", "議会の修正")


def test_a_final_edition_refuses_every_edit_and_the_file_stays_as_it_was(
        qtbot, sample_window, sample_file):
    window = sample_window
    new_year_from_the_dialog(qtbot, window)
    store = window.doc.store
    item = store.load(2025).vision(1).initiatives[0]
    window.doc.set_fields("initiative", item.id, {"amount": 1234}, "amount")  # an earlier edit
    for other in store.load(2025).initiatives:
        if other.amount is None:
            store.update_fields("initiative", other.id, {"amount": 1})
    # made final behind the window's back (as `planbook finalize` would): the edit stays undoable
    finalize(store, 2025, accept_warnings=True)
    window.doc.undo_stack.setClean()
    store.checkpoint()
    before, before_json = file_state(sample_file), export_json(store)
    messages = []
    window.doc.refused.connect(messages.append)
    vision_key = f"initiatives:{store.load(2025).vision(1).id}"
    assert window.select_key(vision_key)
    page = window.current_page()
    assert window.lock_banner.isVisible() and not page.isEnabled()
    editor = page.initiatives
    row = editor.model.row_of(item.id)
    # table cell, paste, form field, undo of the earlier edit: all refused, all said
    editor.model.setData(editor.model.index(row, editor.model.column_of("amount")), "5,000")
    editor.view.setCurrentIndex(editor.proxy.index(0, editor.model.column_of("title")))
    editor.paste("貼り付けた名前")
    assert not window.doc.set_fields("initiative", item.id, {"description": "フォームから"}, "form")
    assert not window.doc.unsaved  # refused for good: not kept to be retried
    assert not window.doc.undo()
    assert store.initiative(item.id).amount == 1234
    assert len(messages) >= 3 and all("final" in m or "確定" in m for m in messages)
    store.checkpoint()
    assert export_json(store) == before_json and file_state(sample_file) == before


def test_summary_shows_each_editions_status(qtbot, sample_window):
    window = sample_window
    qtbot.waitUntil(lambda: window.summary.model.rowCount() >= 2, timeout=10000)
    labels = [window.summary.model.item(r, 0).text()
              for r in range(window.summary.model.rowCount())]
    assert labels[0].endswith("確定") and labels[1].endswith("案")


def test_new_year_dialog_refuses_existing_years_and_cancel_writes_nothing(
        qtbot, sample_window, sample_file):
    window = sample_window
    assert window.select_key(f"edition:{edition_id(window, 2024)}")
    window.actions_["actionNewYear"].trigger()
    dialog = window.new_year_dialog
    dialog.from_combo.setCurrentIndex(dialog.from_combo.findData(2022))
    dialog.to_spin.setValue(2024)
    assert "already exists" in dialog.problem.text() and not dialog.create_button.isEnabled()
    dialog.to_spin.setValue(2023)
    assert dialog.create_button.isEnabled() and dialog.plan.counts["ward_projects"] == 73
    before = export_json(window.doc.store)

    from desktop.ui import worker  # the first progress step meets a Cancel
    original = worker.Task._report

    def report_and_cancel(self, done, total, label):
        original(self, done, total, label)
        self.cancel()

    worker.Task._report = report_and_cancel
    try:
        dialog.start()
    finally:
        worker.Task._report = original
    assert "Cancelled" in dialog.problem.text() and export_json(window.doc.store) == before
    with open_plan(sample_file, readonly=True) as reader:
        assert reader.fiscal_years() == [2022, 2024]


def test_a_rolled_over_previous_year_is_derived_and_read_only(qtbot, sample_window):
    window = sample_window
    new_year_from_the_dialog(qtbot, window)
    store = window.doc.store
    vision = store.load(2025).vision(1)
    assert window.select_key(f"initiatives:{vision.id}")
    editor = window.current_page().initiatives
    model = editor.model
    column = model.column_of("previous_amount")
    first = vision.initiatives[0]
    index = model.index(model.row_of(first.id), column)
    assert index.data() == f"{first.previous:,}"  # last year's amount, not the empty column
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert "automatic" in index.data(Qt.ItemDataRole.ToolTipRole)
    window.doc.set_fields("initiative", first.id, {"title": "名前を変えても"}, "rename")
    assert model.index(model.row_of(first.id), column).data() == f"{first.previous:,}"
    assert window.select_key(f"initiative:{first.id}")
    field = window.current_page().forms[0].widgets["previous_amount"]
    assert field.isReadOnly() and field.text() == f"{first.previous:,}"


def test_a_ward_workbook_for_a_final_year_is_refused_in_the_window(qtbot, sample_window,
                                                                   sample_file, tmp_path):
    from desktop.publish.ward_excel import export_ward_workbook, read_ward_workbook
    window = sample_window
    store = window.doc.store
    path = export_ward_workbook(store.load(2022), "中央区", tmp_path / "chuo.xlsx")
    store.checkpoint()
    before = file_state(sample_file)
    window.exports._plan_import(read_ward_workbook(path))
    assert "令和4年度 (2022) is final" in window.last_error.text()
    store.checkpoint()
    assert file_state(sample_file) == before


def test_the_compare_window_lists_changes_since_the_last_snapshot(qtbot, sample_window,
                                                                  tmp_path):
    window = sample_window
    store = window.doc.store
    assert window.select_key(f"edition:{edition_id(window, 2024)}")
    window.export_booklet(tmp_path / "review.pdf", record=True, note="議会提出")
    [snapshot] = snapshots(store, 2024)
    assert snapshot.kind == "review" and snapshot.note == "議会提出"
    item = store.load(2024).vision(2).initiatives[0]
    window.doc.set_fields("initiative", item.id, {"title": "見直した名前"}, "rename")
    compare = window.show_compare()
    rows = [[compare.changes_model.item(r, c).text() for c in range(4)]
            for r in range(compare.changes_model.rowCount())]
    assert rows == [["取組 「見直した名前」", "題名", item.title, "見直した名前"]]
    assert "1" in compare.snapshot_label.text()
    compare.close()
