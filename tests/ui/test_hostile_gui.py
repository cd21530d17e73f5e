"""The editor and hostile input (issues 8 and 10): workbook refusals in the interface's
language, a row under 合計 named, deletions confirmed in the import dialog, signed exports,
damaged files refused with the places named; every data-layer message translated."""

from __future__ import annotations

import ast
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QLabel

from desktop.ui.shell import i18n


def db_templates() -> set[str]:
    """Every template written as msg("…") in db/ and desktop/publish/, and the plan-file
    messages."""
    from db.planfile import MESSAGES

    root = Path(__file__).resolve().parents[2]
    found = set(MESSAGES.values())
    for folder in ("db", "desktop/publish"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "msg"
                        and node.args and isinstance(node.args[0], ast.Constant)):
                    found.add(node.args[0].value)
    return found


def test_every_data_layer_message_has_a_japanese_translation():
    tree = ET.parse(i18n.TRANSLATIONS / "planbook_ja.ts")
    db = next(c for c in tree.getroot().findall("context") if c.find("name").text == "Db")
    translated = {m.find("source").text: m.find("translation").text
                  for m in db.findall("message")}
    missing = sorted(db_templates() - set(translated))
    assert not missing, missing
    for source, text in translated.items():
        for n in range(1, 5):
            assert (f"%{n}" in source) == (f"%{n}" in text), source


def export(qtbot, window, tmp_path) -> tuple[Path, object]:
    store = window.doc.store
    plan = next(p for p in store.ward_plans(store.edition(2024).id) if p.projects)
    window.select_key(f"projects:{plan.id}")
    output = tmp_path / "ward.xlsx"
    with qtbot.waitSignal(window.exports.finished, timeout=30000):
        window.export_ward_excel(output, plan.ward.name)
    window.exports.last_box.close()
    return output, plan


def test_a_gui_export_is_signed(qtbot, window, tmp_path):
    output, _ = export(qtbot, window, tmp_path)
    assert len(window.doc.store.plan().workbook_key) == 64
    meta = load_workbook(output)["PlanBook"]
    values = {r[0]: r[1] for r in meta.iter_rows(max_col=2, values_only=True)}
    assert len(values["signature"]) == 49


def test_a_row_under_the_total_is_refused_in_japanese(qtbot, qapp, window, tmp_path):
    output, plan = export(qtbot, window, tmp_path)
    wb = load_workbook(output)
    ws = wb.worksheets[0]
    total = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 2).value == "合計")
    ws.cell(total + 1, 1).value = 99
    wb.save(output)
    try:
        assert i18n.install(qapp, "ja")
        window.exports.import_ward_workbook(output)
        qtbot.waitUntil(lambda: window.last_error is not None, timeout=30000)
        text = window.last_error.text()
    finally:
        i18n.install(qapp, "en")
    assert f"!A{total + 1}: 合計の行より下です" in text
    assert "受け付けられませんでした" in text and "refused" not in text


def test_deleting_more_than_three_projects_needs_a_tick(qtbot, window, tmp_path):
    from db.records import WardProject

    store = window.doc.store
    plan = next(p for p in store.ward_plans(store.edition(2024).id) if p.projects)
    for n in (4, 5):
        store.add_ward_project(plan.id, WardProject(f"追加事業{n}", n, "", None, 100))
    output, plan = export(qtbot, window, tmp_path)
    wb = load_workbook(output)
    ws = wb.worksheets[0]
    for row in range(4, 4 + 4):
        ws.cell(row, 9).value = "削除"
    wb.save(output)
    window.exports.last_dialog = None
    window.exports.import_ward_workbook(output)
    qtbot.waitUntil(lambda: getattr(window.exports, "last_dialog", None) is not None,
                    timeout=30000)
    dialog = window.exports.last_dialog
    assert plan.ward.name in dialog.findChild(QLabel, "importTarget").text()
    box = dialog.findChild(QDialogButtonBox)
    apply = next(b for b in box.buttons()
                 if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
    tick = dialog.findChild(QCheckBox, "confirmDeletions")
    assert not apply.isEnabled()
    tick.setChecked(True)
    assert apply.isEnabled()
    before = len(window.doc.store.ward_projects(plan.id))
    dialog.accept()
    assert len(window.doc.store.ward_projects(plan.id)) == before - 4


def test_a_damaged_file_is_refused_with_the_places_named(qtbot, window, tmp_path, plan_path):
    damaged = tmp_path / "damaged.sqlite"
    window.doc.store.save_copy(damaged)
    conn = sqlite3.connect(damaged)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE initiative SET amount = 1.5 WHERE id = (SELECT MIN(id) FROM initiative)")
    conn.execute("UPDATE initiative SET tables = '[' WHERE id = (SELECT MAX(id) FROM initiative)")
    conn.commit()
    conn.close()
    before = window.doc.path
    assert not window.open_path(damaged)
    text = window.last_error.text()
    assert "damaged file" in text and "column amount: holds real 1.5" in text
    assert "column tables: is not valid JSON" in text
    assert window.doc.path == before


# -- the editor refuses what every import refuses (db/limits.py) --------------------------------

def test_an_over_long_title_is_refused_in_the_table_and_in_paste(qtbot, window):
    from test_editor import open_initiatives

    editor = open_initiatives(window)
    messages = []
    editor.model.error.connect(messages.append)
    index = editor.model.index(0, editor.model.column_of("title"))
    before = editor.model.rows[0]["title"]
    assert not editor.model.setData(index, "長" * 201)
    assert messages and "too long: 201 characters (at most 200)" in messages[-1]
    editor.view.setCurrentIndex(editor.proxy.index(0, editor.model.column_of("title")))
    problems = editor.plan_paste("x" * 5000).problems
    assert not editor.paste("x" * 5000)
    assert problems and "too long: 5,000 characters" in problems[0]
    assert editor.model.rows[0]["title"] == before
    assert window.doc.undo_stack.count() == 0
    assert editor.model.setData(index, "長" * 200)


def test_an_over_long_form_field_shows_why(qtbot, window):
    from desktop.ui.forms.record_form import RecordForm

    form = next(iter(window.findChildren(RecordForm)), None)
    if form is None:
        store = window.doc.store
        vision = store.visions(store.edition(2024).id)[0]
        window.select_key(f"vision:{vision.id}")
        form = window.findChildren(RecordForm)[0]
    field = next(f for f in form.fields if f.kind == "line")
    try:
        form.convert(field, "字" * 5000)
    except ValueError as error:
        assert "too long: 5,000 characters" in str(error)
    else:
        raise AssertionError("a 5,000-character line was accepted")
