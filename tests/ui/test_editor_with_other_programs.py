"""The real editor window and a second, real process (``planbook``) on the same plan file.

SQLite's locks are per process, so these run the other program as a subprocess: the editor's
edits must survive an outside import, read-only commands must not cost the undo history, an
undo must not overwrite another program's change, and an edit made while another program holds
the write lock must stay visible and be saved once the lock is released.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from db.store import open_plan

ROOT = Path(__file__).resolve().parents[2]


def run(*code_or_cli: str, script: str | None = None, wait: bool = True):
    """``planbook ARGS`` (or a Python ``script``) as another program."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if script is not None:
        command = [sys.executable, "-c", textwrap.dedent(script), *code_or_cli]
    else:
        command = [sys.executable, "-m", "desktop.cli", *code_or_cli]
    if not wait:
        return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def ward_projects(store, ward: str = "中央区") -> list[int]:
    return [r[0] for r in store.db.execute(
        "SELECT p.id FROM ward_project p JOIN ward_plan wp ON wp.id = p.ward_plan_id "
        "JOIN ward w ON w.id = wp.ward_id WHERE w.name = ? ORDER BY p.position", [ward])]


def edited_workbook(plan_path: Path, tmp_path: Path, old: str, new: str) -> Path:
    book = tmp_path / "book.xlsx"
    run("ward-xlsx", "export", "--db", str(plan_path), "--year", "2024", "--ward", "中央区",
        "-o", str(book))
    workbook = openpyxl.load_workbook(book)
    found = 0
    for cell in (c for row in workbook.active.iter_rows() for c in row):
        if cell.value == old:
            cell.value, found = new, found + 1
    assert found == 1
    workbook.save(book)
    return book


def names(path: Path) -> dict[int, str]:
    with open_plan(path, readonly=True) as store:
        return dict(store.db.execute("SELECT id, name FROM ward_project").fetchall())


EDITOR = """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from desktop.ui.shell.settings import PREVIEW_ENABLED, Settings
    from desktop.ui.shell.window import MainWindow
    from desktop.ui.worker import Task

    path, settings_file, first, second, ending = sys.argv[1:6]
    app = QApplication([])
    Task.synchronous = True
    settings = Settings(QSettings(settings_file, QSettings.Format.IniFormat))
    settings.set(PREVIEW_ENABLED, False)
    window = MainWindow(settings)
    window.show()
    assert window.open_path(path)
    doc = window.doc
    doc.set_fields("ward_project", int(first), {"name": "edit 1"}, "edit")
    window.run_analysis()  # the Problems panel's worker reads the file in this process
    print("ready", flush=True)
    sys.stdin.readline()  # another program imports a workbook now
    app.processEvents()
    window.check_external_change()
    window.run_analysis()
    window.doc.set_fields("ward_project", int(first), {"name": "edit 2"}, "edit")
    window.run_analysis()
    window.doc.set_fields("ward_project", int(second), {"name": "edit 3"}, "edit")
    if ending == "crash":
        os._exit(0)  # nothing closed, nothing checkpointed
    window.close()
    print("closed", flush=True)
"""


@pytest.mark.parametrize("ending", ["quit", "crash"])
def test_edits_survive_an_outside_ward_import(plan_path, tmp_path, ending):
    """The editor (a real window in its own process), `planbook ward-xlsx import` on the same
    file, two more edits, then quit or crash: every edit and the import are in the file."""
    with open_plan(plan_path, readonly=True) as store:
        first, second, third = ward_projects(store)
    book = edited_workbook(plan_path, tmp_path, "中央区事業3", "imported")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    editor = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(EDITOR), str(plan_path),
         str(tmp_path / "settings.ini"), str(first), str(second), ending],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert editor.stdout.readline().strip() == "ready"
        run("ward-xlsx", "import", "--db", str(plan_path), str(book))
        editor.stdin.write("go\n")
        editor.stdin.flush()
        assert editor.wait(120) == 0
    finally:
        editor.kill()
    after = names(plan_path)
    assert (after[first], after[second], after[third]) == ("edit 2", "edit 3", "imported")
    run("ward-xlsx", "export", "--db", str(plan_path), "--year", "2024", "--ward", "中央区",
        "-o", str(tmp_path / "again.xlsx"))
    assert names(plan_path) == after


def test_read_only_commands_keep_the_undo_history(window, plan_path, tmp_path):
    book = edited_workbook(plan_path, tmp_path, "中央区事業3", "changed")
    window.doc.check_external_change()  # the first export stored the workbook key: a change
    first = ward_projects(window.doc.store)[0]
    window.doc.set_fields("ward_project", first, {"name": "mine"}, "edit")
    for command in (["info"], ["check"], ["ward-xlsx", "import", "--dry-run", str(book)],
                    ["export", "-o", str(tmp_path / "plan.json")]):
        window.run_analysis()  # as after every edit: a worker reads the file in this process
        run("--db", str(plan_path), *command)
        assert not window.doc.check_external_change(), command
        assert window.doc.undo_stack.count() == 1, command
    window.doc.undo()
    assert names(plan_path)[first] == "中央区事業1"


OTHER_EDIT = """
    import sys
    from db.store import open_plan
    with open_plan(sys.argv[1]) as store:
        store.update_fields("ward_project", int(sys.argv[2]), {"name": sys.argv[3]})
"""


def test_an_undo_never_overwrites_another_programs_change(window, plan_path):
    first = ward_projects(window.doc.store)[0]
    window.doc.set_fields("ward_project", first, {"name": "mine"}, "edit")
    run(str(plan_path), str(first), "theirs", script=OTHER_EDIT)
    from desktop.ui.shell.actions import A

    window.actions_[A.UNDO].trigger()  # Ctrl+Z before the 2-second check has run
    assert names(plan_path)[first] == "theirs"
    assert "Another program" in window.statusBar().currentMessage() or \
        "別のプログラム" in window.statusBar().currentMessage()


def test_an_undo_whose_field_changed_underneath_is_refused(window, plan_path):
    """The race the 2-second check cannot see: the change lands just before the undo."""
    doc = window.doc
    first = ward_projects(doc.store)[0]
    doc.set_fields("ward_project", first, {"name": "mine"}, "edit")
    run(str(plan_path), str(first), "theirs", script=OTHER_EDIT)
    doc._version = doc.store.data_version()  # as if the external check had not run yet
    doc.undo()
    assert names(plan_path)[first] == "theirs"
    assert doc.undo_stack.index() == 1  # the step stays, undone nothing
    assert "theirs" in window.statusBar().currentMessage()


HOLD_LOCK = """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    conn.execute("COMMIT")
"""


def test_an_edit_that_cannot_be_saved_yet_stays_visible_and_is_retried(
        qtbot, window, plan_path, monkeypatch):
    from desktop.ui.document import document

    monkeypatch.setattr(document, "EDIT_WAIT", 0.2)
    window.doc.store.set_busy_timeout(0.2)
    assert window.select_key(next(k for k in window.nav_model.by_key if k.startswith("ward:")))
    page = window.current_page()
    model = page.projects.model
    column = next(i for i, c in enumerate(model.columns) if c.field == "name")
    holder = run(str(plan_path), "3", script=HOLD_LOCK, wait=False)
    try:
        assert holder.stdout.readline().strip() == "locked"
        index = model.index(0, column)
        row_id, before = model.rows[0]["id"], model.rows[0]["name"]
        assert model.setData(index, "typed while locked")
        assert model.data(index) == "typed while locked"
        assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
        assert window.doc.unsaved
        assert window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: not window.doc.unsaved, timeout=15000)
    finally:
        holder.wait(30)
    assert names(plan_path)[row_id] == "typed while locked"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    window.doc.undo()
    assert names(plan_path)[row_id] == before


def test_save_a_copy_and_a_new_file_onto_stale_logs_from_the_window(window, tmp_path):
    import sqlite3

    for name in ("copy.sqlite", "new.sqlite"):
        for suffix in ("-wal", "-shm"):
            (tmp_path / f"{name}{suffix}").write_bytes(os.urandom(40000))
    assert window.save_copy(tmp_path / "copy.sqlite")
    assert window.new_file(tmp_path / "new.sqlite", from_sample=False)
    window.close_document()
    for name in ("copy.sqlite", "new.sqlite"):
        conn = sqlite3.connect(tmp_path / name)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", name
        assert conn.execute("SELECT count(*) FROM edition").fetchone()[0] >= 1, name
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(("-wal", "-shm"))) == []


def test_plan_file_messages_are_translated(qapp):
    """Every message a plan file can be refused with reaches the editor in Japanese."""
    import xml.etree.ElementTree as ET

    from db.planfile import MESSAGES, plan_file_error
    from desktop.ui.db_text import error_text
    from desktop.ui.shell import i18n

    tree = ET.parse(i18n.TRANSLATIONS / "planbook_ja.ts")
    db = {m.find("source").text for c in tree.getroot().findall("context")
          if c.find("name").text == "Db" for m in c.findall("message")}
    assert set(MESSAGES.values()) <= db
    try:
        assert i18n.install(qapp, "ja")
        text = error_text(plan_file_error("disk_full", "/x/plan.sqlite"))
        assert text.startswith("/x/plan.sqlite: ディスクがいっぱいです")
    finally:
        i18n.install(qapp, "en")
