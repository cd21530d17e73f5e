"""Drive the real main window: edits, undo/redo, paste, delete, filter, search, files."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from db.store import open_plan


def vision_id(window, number: int) -> int:
    year = window.doc.store.edition(2024)
    return next(v.id for v in window.doc.store.visions(year.id) if v.number == number)


def open_initiatives(window, number: int = 1):
    assert window.select_key(f"initiatives:{vision_id(window, number)}")
    page = window.current_page()
    return page.initiatives


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, Japanese as IME commits (QTest cannot)."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def press_enter(qtbot, line) -> None:
    """Enter commits the cell (Qt commits queued, on the next turn of the event loop)."""
    qtbot.keyClick(line, Qt.Key.Key_Return)
    QApplication.processEvents()


def type_into_cell(qtbot, editor, row: int, field: str, text: str) -> QLineEdit:
    column = editor.model.column_of(field)
    index = editor.proxy.index(row, column)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    line = editor.view.indexWidget(index) or editor.view.focusWidget()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(qtbot, line, text)
    return line


def test_full_width_amount_changes_total_and_undo_redo(qtbot, window):
    editor = open_initiatives(window)
    assert "10,000" in editor.totals_label.text()  # 1,000 + 2,000 + 3,000 + 4,000
    line = type_into_cell(qtbot, editor, 0, "amount", "２４，３００千円")
    assert "33,300" in editor.totals_label.text()  # updates while typing
    press_enter(qtbot, line)
    row_id = editor.model.rows[0]["id"]
    assert window.doc.store.row("initiative", row_id)["amount"] == 24300
    assert editor.model.index(0, editor.model.column_of("amount")).data() == "24,300"
    assert "33,300" in editor.totals_label.text()
    window.actions_["actionUndo"].trigger()
    assert window.doc.store.row("initiative", row_id)["amount"] == 1000
    assert "10,000" in editor.totals_label.text()
    window.actions_["actionRedo"].trigger()
    assert window.doc.store.row("initiative", row_id)["amount"] == 24300


def test_invalid_amount_is_refused_with_message(qtbot, window):
    editor = open_initiatives(window)
    messages = []
    editor.message.connect(messages.append)
    line = type_into_cell(qtbot, editor, 1, "amount", "1.5万")
    press_enter(qtbot, line)
    assert messages and "not an amount" in messages[-1]
    assert editor.model.rows[1]["amount"] == 2000
    assert window.doc.undo_stack.count() == 0


def test_paste_3x50_block_is_one_undo_step(window):
    editor = open_initiatives(window)
    before = window.doc.undo_stack.count()
    editor.view.setCurrentIndex(editor.proxy.index(2, editor.model.column_of("category")))
    block = "\r\n".join(f"区分{n}\t貼り付け取組{n}\t{'拡充' if n % 2 else '新規'}"
                        for n in range(50))
    assert not editor.paste(block)  # it overwrites rows 3 and 4: their changes are shown first
    preview = editor.pending_paste
    assert preview.isVisible() and window.doc.undo_stack.count() == before
    shown = preview.rows()
    assert shown[0][:5] == ["3", "取組1-3", "Category", "子育て", "区分0"]
    assert sum(1 for row in shown if row[0].startswith("new")) == 48
    preview.accept()
    assert window.doc.undo_stack.count() == before + 1
    rows = editor.model.rows
    assert len(rows) == 52  # rows 3 and 4 overwritten, 48 appended
    assert rows[2]["title"] == "貼り付け取組0" and rows[-1]["title"] == "貼り付け取組49"
    assert rows[-1]["status"] == "expanded"
    assert [r["title"] for r in rows[:2]] == ["取組1-1", "取組1-2"]
    window.doc.undo()
    assert [r["title"] for r in editor.model.rows] == ["取組1-1", "取組1-2", "取組1-3", "取組1-4"]
    window.doc.redo()
    assert len(editor.model.rows) == 52


def test_paste_with_a_bad_amount_changes_nothing(window):
    editor = open_initiatives(window)
    editor.view.setCurrentIndex(editor.proxy.index(0, editor.model.column_of("amount")))
    assert not editor.paste("1,000\nabc\n")
    assert editor.model.rows[0]["amount"] == 1000
    assert window.doc.undo_stack.count() == 0


def test_delete_vision_with_measures_and_undo_restores_order(window):
    store = window.doc.store
    vid = vision_id(window, 1)
    measures_before = [(m.id, m.code) for m in store.measures(vid)]
    items_before = [i.id for i in store.initiatives(store.edition(2024).id)]
    window.select_key(f"visions:{store.edition(2024).id}")
    editor = window.current_page().tables[0]
    editor.select_ids([vid])
    assert not editor.delete_rows()  # a row with text: asked first
    assert editor.pending_delete.isVisible() and store.row("vision", vid) is not None
    editor.pending_delete.button(QMessageBox.StandardButton.Yes).click()
    assert store.row("vision", vid) is None
    assert store.measures(vid) == []
    assert len(editor.model.rows) == 1
    window.doc.undo()
    assert [(m.id, m.code) for m in store.measures(vid)] == measures_before
    assert [i.id for i in store.initiatives(store.edition(2024).id)] == items_before
    assert [r["number"] for r in editor.model.rows] == [1, 2]
    assert window.nav_model.index_of(f"vision:{vid}").isValid()


def test_insert_duplicate_move_and_undo_order(window):
    editor = open_initiatives(window)
    titles = lambda: [r["title"] for r in editor.model.rows]  # noqa: E731
    editor.select_ids([editor.model.rows[2]["id"]])
    editor.move_rows(-1)
    assert titles() == ["取組1-1", "取組1-3", "取組1-2", "取組1-4"]
    editor.move_rows(1)
    editor.move_rows(1)
    assert titles() == ["取組1-1", "取組1-2", "取組1-4", "取組1-3"]
    editor.select_ids([editor.model.rows[0]["id"]])
    editor.duplicate_rows()
    assert titles()[:2] == ["取組1-1", "取組1-1"]
    editor.select_ids([editor.model.rows[0]["id"]])
    editor.insert_row()
    assert titles()[1] == ""
    for _ in range(5):
        window.doc.undo()
    assert titles() == ["取組1-1", "取組1-2", "取組1-3", "取組1-4"]


def test_filter_and_sort(qtbot, window):
    editor = open_initiatives(window)
    type_text(qtbot, editor.filter_edit, "取組1-3")
    assert editor.proxy.rowCount() == 1
    editor.filter_edit.setText("３，０００")  # full-width amount matches 3,000
    assert editor.proxy.rowCount() == 1
    editor.filter_edit.clear()
    assert editor.proxy.rowCount() == 4
    editor.view.sortByColumn(editor.model.column_of("amount"), Qt.SortOrder.DescendingOrder)
    assert editor.proxy.index(0, 1).data() == "取組1-4"


def test_search_jumps_to_hit(window):
    window.show_search()
    window.search.edit.setText("説明文2-3")
    hits = window.search.run()
    assert len(hits) == 1
    page = window.current_page()
    assert window.current_key.startswith("initiative:")
    assert page.forms[0].widgets["description"].hasFocus() or page.forms[0].row_id == hits[0].row_id
    window.search.edit.setText("4,000")
    assert any(h.field == "amount" for h in window.search.run())
    assert window.search.run()[0].table == "initiative"


def test_problems_panel_and_go_to_field(window):
    store = window.doc.store
    vid = vision_id(window, 2)
    measure = store.measures(vid)[0]
    window.doc.set_fields("measure", measure.id, {"code": "2-2"}, "dup")  # duplicate code
    window.run_analysis()
    problems = window.problems.problems
    dup = [p for p in problems if p.table == "measure" and p.severity == "error"]
    assert dup
    window.problems._activated(window.problems.model.index(0, 0))
    assert window.current_key == f"measures:{vid}"
    editor = window.current_page().current_table()
    assert editor.model.table == "measure"


def test_ward_table_totals_allocation_and_remainder(qtbot, window):
    _plan, editor, summary = ward_summary(window)
    cells = lambda row: [summary_cell(summary, f"{row}_{stage}")  # noqa: E731
                         for stage in ("initial", "revised", "settled")]
    # three projects of 5,000 / 4,800 / 4,500 against an allocation of 19,000
    assert cells("total") == ["15,000", "14,400", "13,500"]
    assert cells("allocation") == ["19,000"] * 3
    assert cells("remaining") == ["4,000", "4,600", "5,500"]
    assert summary_cell(summary, "executionRate") == "93.8%"  # 13,500 ÷ 14,400 = 93.75
    line = type_into_cell(qtbot, editor, 0, "initial", "６０００")
    press_enter(qtbot, line)
    assert cells("total") == ["16,000", "14,400", "13,500"]
    assert cells("remaining") == ["3,000", "4,600", "5,500"]
    line = type_into_cell(qtbot, editor, 1, "initial", "１５０００")
    press_enter(qtbot, line)
    assert cells("remaining")[0] == "△7,000"
    label = summary.findChild(QLabel, "remaining_initial")
    assert "B00020" in label.styleSheet() and "7,000" in label.toolTip()


def test_form_validation_message_next_to_field(qtbot, window):
    eid = window.doc.store.edition(2024).id
    window.select_key(f"contact:{eid}")
    form = window.current_page().forms[0]
    email = form.widgets["contact.email"]
    email.setFocus()
    qtbot.keyClicks(email, "not-an-address")
    assert form.messages["contact.email"].isVisibleTo(form)
    email.editingFinished.emit()
    assert window.doc.store.edition(2024).contact.email == ""
    email.setText("seisakukikaku@city.kumamoto.lg.jp")
    email.editingFinished.emit()
    assert not form.messages["contact.email"].isVisibleTo(form)
    assert window.doc.store.edition(2024).contact.email == "seisakukikaku@city.kumamoto.lg.jp"
    window.doc.undo()
    assert email.text() == ""


def test_vision_colour_and_direction_form(window):
    vid = vision_id(window, 1)
    window.select_key(f"vision:{vid}")
    form = window.current_page().forms[0]
    form.widgets["colour"].setText("red")
    form.widgets["colour"].editingFinished.emit()
    assert window.doc.store.row("vision", vid)["colour"] == "#2E86AB"
    assert "#1F4E79" in form.messages["colour"].text()
    form.widgets["colour"].setText("#E4572E")
    form.widgets["colour"].editingFinished.emit()
    assert window.doc.store.row("vision", vid)["colour"] == "#E4572E"


def test_corrupt_file_gives_dialog_and_is_untouched(window, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    digest = hashlib.sha256(bad.read_bytes()).hexdigest()
    current = window.doc.path
    assert not window.open_path(bad)
    assert window.last_error is not None and window.last_error.isVisible()
    assert "not a PlanBook plan file" in window.last_error.text()
    assert hashlib.sha256(bad.read_bytes()).hexdigest() == digest
    assert window.doc.path == current
    text = tmp_path / "notes.sqlite"
    text.write_text("hello", encoding="utf-8")
    assert not window.open_path(text)


def test_every_change_persists_after_reopen(qtbot, window, plan_path, settings):
    editor = open_initiatives(window)
    line = type_into_cell(qtbot, editor, 0, "amount", "２４，３００")
    press_enter(qtbot, line)
    editor.view.setCurrentIndex(editor.proxy.index(4, 0))
    editor.paste("新区分\t新しい取組\t新規\t５００\n")
    vid = vision_id(window, 2)
    window.select_key(f"vision:{vid}")
    form = window.current_page().forms[0]
    form.widgets["title"].setText("改題されたビジョン")
    form.widgets["title"].editingFinished.emit()
    window.close()
    with open_plan(plan_path, readonly=True) as store:
        doc = store.load(2024)
        items = doc.vision(1).initiatives
        assert items[0].amount == 24300
        assert items[-1].title == "新しい取組" and items[-1].amount == 500
        assert items[-1].status == "new"
        assert doc.vision(2).title == "改題されたビジョン"
    from desktop.ui.shell.window import MainWindow
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.open_path(plan_path)
    assert again.current_key == f"vision:{vid}"  # last selection remembered
    again.close()


def test_new_file_and_save_copy(window, tmp_path):
    assert window.new_file(tmp_path / "empty.sqlite", from_sample=False)
    assert window.doc.store.fiscal_years()
    assert "empty.sqlite" in window.windowTitle() and "令和" in window.windowTitle()
    copy = tmp_path / "copy.sqlite"
    assert window.save_copy(copy)
    with open_plan(copy, readonly=True) as store:
        assert store.fiscal_years() == window.doc.store.fiscal_years()
    recent = window.settings.get(__import__("desktop.ui.shell.settings", fromlist=["x"]).RECENT_FILES)
    assert str(tmp_path / "empty.sqlite") == recent[0]


def test_history_view_and_priority_page(window):
    editor = open_initiatives(window)
    editor.model.setData(editor.model.index(0, editor.model.column_of("title")), "新題")
    window.show_history()
    assert window.history.isVisible()
    eid = window.doc.store.edition(2024).id
    priority = window.doc.store.priorities(eid)[0]
    window.select_key(f"priority:{priority.id}")
    actions = window.current_page().actions
    assert actions.model.rows[0]["title"] == "新題"  # one record, shown in both places
    actions.model.setData(actions.model.index(0, actions.model.column_of("amount")), "７７")
    assert window.doc.store.row("initiative", priority.actions[0].initiative.id)["amount"] == 77


def test_opening_a_file_keeps_a_daily_safety_copy(qtbot, window, plan_path):
    from db.backups import backup_folder
    from desktop.paths import backups_dir

    folder = backup_folder(backups_dir(), plan_path)
    # the window fixture opened the file once today: the copy follows the window's first frame
    qtbot.waitUntil(lambda: len(list(folder.glob("*.sqlite"))) == 1)
    copies = list(folder.glob("*.sqlite"))
    with open_plan(copies[0], readonly=True) as copy, open_plan(plan_path, readonly=True) as live:
        assert copy.load(2024).initiatives == live.load(2024).initiatives
    assert window.open_path(plan_path)
    qtbot.wait(100)
    assert list(folder.glob("*.sqlite")) == copies  # not twice a day


def test_file_damaged_after_its_header_keeps_the_open_plan(window, plan_path, tmp_path):
    """Pages corrupted past the header pass open_plan but fail while the tree is built: the
    dialog is shown, the damaged file is closed and the plan that was open stays usable."""
    import shutil
    import sqlite3

    from db.sample import load_sample

    sample = tmp_path / "sample.sqlite"
    store = open_plan(sample, create=True)
    load_sample(store)
    store.close()
    with sqlite3.connect(sample) as db:  # the schema stays readable: open_plan succeeds
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        schema = {n for (n,) in db.execute(
            "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")}
    bad = tmp_path / "damaged.sqlite"
    shutil.copy(sample, bad)
    size = bad.stat().st_size
    assert size > 8192 * 2
    with bad.open("r+b") as f:  # every other page from byte 8192 on is garbage
        for offset in range(8192, size, page_size):
            if offset // page_size + 1 not in schema:
                f.seek(offset)
                f.write(bytes((n * 37 + offset) % 256 for n in range(page_size)))
    before = window.current_key
    assert not window.open_path(bad)
    assert window.last_error is not None and window.last_error.isVisible()
    assert window.doc is not None and window.doc.path == plan_path
    assert window.current_key == before
    assert window.nav_model is not None and window.nav_model.by_key
    # still usable: an edit goes to the file that stayed open
    editor = open_initiatives(window)
    row_id = editor.model.rows[0]["id"]
    editor.model.setData(editor.model.index(0, editor.model.column_of("title")), "まだ開いている")
    assert window.doc.store.row("initiative", row_id)["title"] == "まだ開いている"
    assert str(bad) not in window.settings.get(
        __import__("desktop.ui.shell.settings", fromlist=["x"]).RECENT_FILES)


def ward_summary(window):
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    window.select_key(f"projects:{plan.id}")
    page = window.current_page()
    return plan, page.projects, page.summary


def summary_cell(summary, name: str) -> str:
    from PySide6.QtWidgets import QLabel
    cell = summary.findChild(QLabel, name)
    assert cell is not None, name
    return cell.text().replace("<b>", "").replace("</b>", "")


def test_execution_rate_is_the_ward_sheets_rate(window):
    """settled 1 ÷ revised 16 = 6.25 %: rounded half up, as on paper (6.3 %, not 6.2 %)."""
    from db.budget import execution_rate, format_rate  # what the ward sheets print
    from db.records import Totals

    plan, editor, summary = ward_summary(window)
    ids = [row["id"] for row in editor.model.rows]
    with window.doc.batch():
        window.doc.set_fields("ward_project", ids[0], {"revised": 16, "settled": 1}, "rate")
        for other in ids[1:]:
            window.doc.set_fields("ward_project", other, {"revised": None, "settled": None},
                                  "rate")
    assert summary_cell(summary, "executionRate") == "6.3%"
    assert summary_cell(summary, "executionRate") == format_rate(
        execution_rate(Totals(revised=16, settled=1)))
    assert summary_cell(summary, "remaining_revised") == "18,984"  # 19,000 − 16
    assert summary_cell(summary, "remaining_settled") == "18,999"


def test_new_file_that_fails_leaves_the_old_file_and_nothing_half_written(window, tmp_path,
                                                                          monkeypatch):
    import sqlite3

    import pytest

    import db.sample
    import desktop.ui.shell.files as mainwindow

    target = tmp_path / "old.sqlite"
    with open_plan(target, create=True) as store:
        store.add_edition(__import__("db.records", fromlist=["x"]).Edition(2020, title="旧"))
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    opened = []

    def recording_open(*args, **kwargs):
        opened.append(open_plan(*args, **kwargs))
        return opened[-1]

    def broken_sample(store):
        store.add_edition(__import__("db.records", fromlist=["x"]).Edition(2030, title="途中"))
        raise OSError("disk full")

    monkeypatch.setattr(mainwindow, "open_plan", recording_open)
    monkeypatch.setattr(db.sample, "load_sample", broken_sample)
    before = sorted(p.name for p in tmp_path.iterdir())
    current = window.doc.path
    assert not window.new_file(target, from_sample=True)
    assert "disk full" in window.last_error.text()
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left
    assert opened and all(store is not window.doc.store for store in opened)
    for store in opened:  # the half-built store was closed
        with pytest.raises(sqlite3.ProgrammingError):
            store.db.conn.execute("SELECT 1")
    assert window.doc.path == current
    monkeypatch.undo()
    assert window.new_file(target, from_sample=False)  # replaces the old file when complete
    assert window.doc.path == target
    assert window.doc.store.fiscal_years() != [2020]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_deleting_the_shown_record_selects_its_parent(window):
    store = window.doc.store
    eid = store.edition(2024).id
    vid = vision_id(window, 2)
    assert window.select_key(f"vision:{vid}")
    window.doc.delete_rows("vision", [vid], "delete")
    assert window.current_key == f"visions:{eid}"
    index = window.tree.selectionModel().currentIndex()
    assert index.data(Qt.ItemDataRole.UserRole) == f"visions:{eid}"


def test_visions_and_priorities_share_a_base_that_never_inserts(window):
    from desktop.ui.tables.plan_models import EditionItemsModel, PrioritiesModel, VisionsModel

    eid = window.doc.store.edition(2024).id
    for cls in (VisionsModel, PrioritiesModel):
        assert issubclass(cls, EditionItemsModel)
        assert "new_row_values" not in cls.__dict__  # no code that can never run
        model = cls(window.doc, eid)
        assert not model.can_insert()
        assert model.load_row(model.rows[0]["id"])["id"] == model.rows[0]["id"]


def test_a_change_by_another_program_is_reloaded_and_clears_undo(window, plan_path):
    editor = open_initiatives(window)
    editor.model.setData(editor.model.index(0, editor.model.column_of("title")), "窓での変更")
    assert window.doc.undo_stack.count() == 1
    with open_plan(plan_path) as other:  # e.g. `planbook ward-xlsx import` while the window is open
        item = other.load(2024).vision(1).initiatives[1]
        other.update_fields("initiative", item.id, {"title": "別のプログラムの変更"})
    window.check_external_change()
    assert window.doc.undo_stack.count() == 0
    titles = [editor.model.rows[r]["title"] for r in range(editor.model.rowCount())]
    assert titles[:2] == ["窓での変更", "別のプログラムの変更"]
    assert "Another program changed this file" in window.statusBar().currentMessage()
    window.check_external_change()  # nothing new: nothing happens
    assert "Another program" in window.statusBar().currentMessage()


def test_own_edits_are_not_taken_for_another_program(window):
    editor = open_initiatives(window)
    editor.model.setData(editor.model.index(0, editor.model.column_of("title")), "自分の変更")
    assert not window.doc.check_external_change()
    assert window.doc.undo_stack.count() == 1


def test_enter_commits_and_moves_down_like_excel(qtbot, window):
    editor = open_initiatives(window)
    line = type_into_cell(qtbot, editor, 1, "amount", "５００")
    press_enter(qtbot, line)
    assert editor.model.rows[1]["amount"] == 500
    current = editor.view.currentIndex()
    assert (current.row(), current.column()) == (2, editor.model.column_of("amount"))
    line = type_into_cell(qtbot, editor, 2, "amount", "1.5")  # refused: stays in the cell
    press_enter(qtbot, line)
    assert editor.view.currentIndex().row() == 2
