"""Keyboard shortcuts, pictures from image files, live language switch, empty states."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.shell import i18n
from desktop.ui.shell.actions import A


def vision_id(window, number: int) -> int:
    year = window.doc.store.edition(2024)
    return next(v.id for v in window.doc.store.visions(year.id) if v.number == number)


def open_initiatives(window, number: int = 1):
    assert window.select_key(f"initiatives:{vision_id(window, number)}")
    return window.current_page().initiatives


def type_text(qtbot, widget, text: str) -> None:
    """ASCII as key presses, Japanese as IME commits (QTest cannot type it)."""
    widget.setFocus()
    widget.clear()
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def titles(editor) -> list[str]:
    return [r["title"] for r in editor.model.rows]


def focus_row(qtbot, window, editor, row: int) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor.select_ids([editor.model.rows[row]["id"]])
    editor.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.view, timeout=2000)


def test_row_shortcuts_are_standard_and_shown_in_the_menus(window):
    keys = {a: [k.toString() for k in window.actions_[a].shortcuts()] for a in A}
    assert keys[A.DELETE_ROWS][0] == "Ctrl+-" and keys[A.CLEAR_CELLS] == ["Del"]
    assert keys[A.DUPLICATE_ROWS][0] == "Ctrl+D"
    assert keys[A.MOVE_UP][0] == "Alt+Up" and keys[A.MOVE_DOWN][0] == "Alt+Down"
    assert QKeySequence(QKeySequence.StandardKey.Undo).toString() in keys[A.UNDO]
    assert "Ctrl+Y" in keys[A.REDO] and "Ctrl+Shift+Z" in keys[A.REDO]
    for action_id, sequences in keys.items():  # a shortcut listed twice never fires
        assert len(sequences) == len(set(sequences)) and "" not in sequences, action_id
    every = [k for sequences in keys.values() for k in sequences]
    assert len(every) == len(set(every)), "two actions share a shortcut"
    assert keys[A.FIND][0] == "Ctrl+F" and "F3" in keys[A.FIND_NEXT]
    assert keys[A.NEW_EMPTY][0] == "Ctrl+N" and keys[A.OPEN][0] == "Ctrl+O"
    assert keys[A.COPY][0] == "Ctrl+C" and keys[A.PASTE][0] == "Ctrl+V"
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.actions_[A.DELETE_ROWS] in edit_menu.actions()
    editor = open_initiatives(window)
    assert "(Ctrl+-)" in editor.buttons["delete"].toolTip()
    assert "Alt+Up" in editor.buttons["up"].toolTip()


def test_keyboard_duplicate_move_delete_undo_redo(qtbot, window):
    editor = open_initiatives(window)
    start = titles(editor)
    focus_row(qtbot, window, editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert titles(editor)[:3] == ["取組1-1", "取組1-2", "取組1-2"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(editor) == start
    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert len(titles(editor)) == 5
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    focus_row(qtbot, window, editor, 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles(editor) == ["取組1-1", "取組1-3", "取組1-2", "取組1-4"]
    assert editor.selected_ids() == [editor.model.rows[2]["id"]]  # the moved row stays selected
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert titles(editor) == start

    focus_row(qtbot, window, editor, 3)  # Delete clears the selected cells, as in Excel
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert titles(editor) == start[:3] + [""] and editor.model.rows[3]["amount"] is None
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(editor) == start and editor.model.rows[3]["amount"] == 4000
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # Ctrl+Shift+Z redoes too
    assert titles(editor) == start[:3] + [""]
    window.doc.undo()

    focus_row(qtbot, window, editor, 3)  # Ctrl+- removes rows, asking when text would go
    qtbot.keyClick(editor.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert titles(editor) == start and editor.pending_delete.isVisible()
    editor.pending_delete.button(QMessageBox.StandardButton.Yes).click()
    assert titles(editor) == start[:3]


def test_del_outside_a_table_deletes_nothing(qtbot, window):
    editor = open_initiatives(window)
    start = titles(editor)
    editor.select_ids([editor.model.rows[0]["id"]])
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.tree, timeout=2000)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert titles(editor) == start
    assert "Del" in window.statusBar().currentMessage()


def test_ctrl_f_searches_and_filter_keys(qtbot, window):
    editor = open_initiatives(window)
    focus_row(qtbot, window, editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search.edit
    focus_row(qtbot, window, editor, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor.filter_edit
    type_text(qtbot, editor.filter_edit, "取組1-3")
    assert editor.proxy.rowCount() == 1
    qtbot.keyClick(editor.filter_edit, Qt.Key.Key_Down)  # into the rows it left
    assert QApplication.focusWidget() is editor.view
    editor.filter_edit.setFocus()
    qtbot.keyClick(editor.filter_edit, Qt.Key.Key_Escape)  # Esc clears the filter
    assert editor.filter_edit.text() == "" and editor.proxy.rowCount() == 4


def test_filter_narrowing_widening_and_after_an_edit(window):
    editor = open_initiatives(window)
    for text, shown in (("取", 4), ("取組", 4), ("取組1-", 4), ("取組1-2", 1), ("取組1-", 4),
                        ("取組1-2 2,000", 1), ("取組1-2 3,000", 0), ("", 4)):
        editor.filter_edit.setText(text)
        assert editor.proxy.rowCount() == shown, text
    editor.filter_edit.setText("取組1-2")
    assert editor.proxy.rowCount() == 1
    row = editor.model.rows[0]  # 取組1-1, refused by the filter
    window.doc.set_fields("initiative", row["id"], {"title": "取組1-2b"}, "edit")
    editor.filter_edit.setText("取組1-2 ")  # same words: the refusal must not be remembered
    assert sorted(editor.proxy.index(r, 1).data() for r in range(editor.proxy.rowCount())) == \
        ["取組1-2", "取組1-2b"]


def test_no_row_number_header_beside_a_no_column(window):
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    window.select_key(f"projects:{plan.id}")
    page = window.current_page()
    assert page.projects.model.column_of("number") >= 0
    assert not page.projects.view.verticalHeader().isVisible()
    editor = open_initiatives(window)
    assert editor.view.verticalHeader().isVisible()  # no No. column there: keep row numbers


def test_empty_vision_says_so(window):
    vid = vision_id(window, 2)
    window.select_key(f"measures:{vid}")
    page = window.current_page()
    ids = [r["id"] for r in page.measures.model.rows]
    window.doc.delete_rows("measure", ids, "delete")
    assert page.measures.model.rowCount() == 0
    assert "no measures" in page.measures.view.empty_text
    assert page.tabs.tabText(0) == "Measures (0)"
    page.measures.view.grab()  # paints the message without error
    window.doc.undo()
    assert page.tabs.tabText(0) == "Measures (3)"
    page.initiatives.filter_edit.setText("存在しない")
    assert "存在しない" in page.initiatives.view.empty_text


def test_ward_summary_remaining_and_execution_rate(window):
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    window.select_key(f"projects:{plan.id}")
    summary = window.current_page().summary
    texts = [summary.grid.itemAt(i).widget().text() for i in range(summary.grid.count())
             if hasattr(summary.grid.itemAt(i).widget(), "text")]
    assert "Remaining (allocation − total)" in texts
    assert "Execution rate (settled ÷ revised)" in texts
    rate = summary.findChild(type(summary.grid.itemAt(0).widget()), "executionRate")
    assert rate.text() == "93.8%"  # 13,500 settled of 14,400 revised
    assert "4,000" in texts  # 19,000 allocation − 15,000 initial


# -- pictures -----------------------------------------------------------------------------------

def picture_editor(window):
    item = window.doc.store.initiatives(window.doc.store.edition(2024).id)[0]
    window.select_key(f"initiative:{item.id}")
    page = window.current_page()
    from desktop.ui.forms.pictures import PicturesEditor
    return item.id, page.findChild(PicturesEditor)


def image_file(tmp_path, name: str, fmt: str, size=(120, 80), alpha=False):
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32 if alpha
                   else QImage.Format.Format_RGB32)
    image.fill(QColor(46, 134, 171, 128 if alpha else 255))
    path = tmp_path / name
    assert image.save(str(path), fmt)
    return path


def stored_pictures(window, item_id):
    return window.doc.store.row("initiative", item_id)["pictures"]


@pytest.mark.parametrize("name, fmt, magic", [("photo.png", "PNG", b"\x89PNG"),
                                              ("photo.jpg", "JPEG", b"\xff\xd8"),
                                              ("scan.bmp", "BMP", b"\xff\xd8")])
def test_attach_image_file_stores_base64_png_or_jpeg(window, tmp_path, name, fmt, magic):
    item_id, editor = picture_editor(window)
    path = image_file(tmp_path, name, fmt)
    assert editor.attach_file(path)
    pictures = stored_pictures(window, item_id)
    assert len(pictures) == 1 and pictures[0]["caption"] == path.stem
    data = base64.b64decode(pictures[0]["image"])
    assert data.startswith(magic)
    if fmt != "BMP":
        assert data == path.read_bytes()  # PNG and JPEG are kept byte for byte
    assert QImage.fromData(data).width() == 120
    assert not editor.thumbnail.pixmap().isNull()
    assert "120 × 80" in editor.size_label.text()
    window.doc.undo()
    assert stored_pictures(window, item_id) == []


def test_transparent_webp_becomes_png_and_huge_image_is_scaled(window, tmp_path):
    item_id, editor = picture_editor(window)
    assert editor.attach_file(image_file(tmp_path, "logo.webp", "WEBP", alpha=True))
    assert base64.b64decode(stored_pictures(window, item_id)[0]["image"]).startswith(b"\x89PNG")
    assert editor.attach_file(image_file(tmp_path, "huge.jpg", "JPEG", size=(5000, 2500)))
    data = base64.b64decode(stored_pictures(window, item_id)[1]["image"])
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (2000, 1000)


def test_non_image_is_refused_and_placeholder_gets_an_image(window, tmp_path):
    item_id, editor = picture_editor(window)
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    assert not editor.attach_file(bad)
    assert editor.last_error is not None and "notes.png" in editor.last_error.text()
    editor.last_error.close()
    assert stored_pictures(window, item_id) == []
    editor.write([{"caption": "イメージ", "credit": "", "image": None}], "placeholder")
    editor.list.setCurrentRow(0)
    assert "no image" in editor.size_label.text()
    assert editor.replace_image(image_file(tmp_path, "real.png", "PNG"))
    pictures = stored_pictures(window, item_id)
    assert pictures[0]["caption"] == "イメージ" and pictures[0]["image"]


# -- language -----------------------------------------------------------------------------------

def test_language_switch_retranslates_the_open_window_live(qtbot, qapp, window, settings):
    from desktop.ui.shell.settings import LANGUAGE
    settings.set(LANGUAGE, "en")  # the suite runs untranslated
    vid = vision_id(window, 1)
    window.select_key(f"initiatives:{vid}")
    window.analysis_timer.timeout.emit()
    original = window.current_page()
    try:
        window.language_change_requested.connect(lambda code: i18n.install(qapp, code))
        window.actions_[A.LANG_JA].trigger()
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "ファイル(&F)",
                        timeout=5000)
        assert window.actions_[A.UNDO].text().startswith("元に戻す")
        assert window.nav_dock.windowTitle() == "計画"
        assert window.bottom_tabs.tabText(1) == "集計"
        page = window.current_page()
        assert page is not original  # the page was rebuilt in Japanese, the window was not
        assert page.tabs.tabText(0) == "施策 (3)"
        assert page.tabs.currentWidget() is page.initiatives  # same place as before
        assert page.initiatives.model.headerData(1, Qt.Orientation.Horizontal) == "名称"
        assert any(n.label.startswith("ビジョン1") for n in window.nav_model.by_key.values())
        assert window.actions_[A.LANG_JA].isChecked()
        window.actions_[A.LANG_EN].trigger()
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File", timeout=5000)
        assert window.current_page().tabs.tabText(0) == "Measures (3)"
        assert window.current_key == f"initiatives:{vid}"
        assert window.retranslations >= 2
    finally:
        i18n.install(qapp, "en")
        QApplication.processEvents()


def test_filtered_totals_are_the_shown_rows(window):
    editor = open_initiatives(window)
    editor.filter_edit.setText("取組1-2")
    text = editor.totals_label.text()
    assert text.startswith("Shown rows") and "1 of 4 rows shown" in text
    assert "Amount (¥1,000): 2,000 (all rows: 10,000)" in text
    editor.filter_edit.clear()
    assert editor.totals_label.text().startswith("Total") and "10,000" in \
        editor.totals_label.text()


def test_ward_page_title_names_the_year(window):
    store = window.doc.store
    plan = store.ward_plans(store.edition(2024).id)[0]
    window.select_key(f"projects:{plan.id}")
    from PySide6.QtWidgets import QLabel
    titles = [w.text() for w in window.current_page().findChildren(QLabel)
              if w.text().startswith("<h2>")]
    assert titles == ["<h2>令和6年度 中央区</h2>"]


def test_turning_the_preview_off_cancels_a_pending_render(window, tmp_path):
    window.preview.enabled = True
    window.preview.request(tmp_path / "p.sqlite", 2024, None, [])
    window.preview.enabled = False
    window.preview._start()  # the debounce timer fires after the preview was turned off
    assert window.preview.builds == 0 and window.preview._task is None


def test_filter_keys_are_built_with_the_rows(qtbot, window):
    editor = open_initiatives(window)
    model = editor.model
    assert None not in model._search  # built on load: the first keystroke only filters
    model._search[0] = None  # an edited row's key is rebuilt when needed
    assert model.rows[0]["title"].casefold() in model.search_text(0)
    assert model._search[0] is not None
    model.warm_search()
    assert None not in model._search
