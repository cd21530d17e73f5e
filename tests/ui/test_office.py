"""The editor as an office tool: Delete clears cells, Excel-like paste with a preview, the
change log panel, laptop screens, unique mnemonics, human labels in the Problems panel."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from db import change_log
from desktop.ui.shell import i18n
from desktop.ui.shell.actions import A


def vision_editor(window, number: int = 1, sub: str = "initiatives"):
    store = window.doc.store
    vision = next(v for v in store.visions(store.edition(2024).id) if v.number == number)
    assert window.select_key(f"{sub}:{vision.id}")
    page = window.current_page()
    return page.initiatives if sub == "initiatives" else page.measures


def titles(editor) -> list[str]:
    return [r["title"] for r in editor.model.rows]


@pytest.fixture
def sample_window(qtbot, sample_file, settings, sync_tasks):
    from desktop.ui.shell.window import MainWindow
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    assert w.open_path(sample_file)
    yield w
    w.close()


# -- Delete clears cells; removing rows asks ----------------------------------------------------

def test_delete_clears_the_selected_cells_in_one_undo_step(qtbot, window):
    editor = vision_editor(window)
    model = editor.model
    before = [(r["title"], r["amount"]) for r in model.rows]
    selection = editor.view.selectionModel()
    for row in (0, 1):
        for field in ("title", "amount"):
            selection.select(editor.proxy.index(row, model.column_of(field)),
                             selection.SelectionFlag.Select)
    editor.view.setFocus()
    count = window.doc.undo_stack.count()
    window.actions_[A.CLEAR_CELLS].trigger()
    assert [(r["title"], r["amount"]) for r in model.rows[:2]] == [("", None), ("", None)]
    assert len(model.rows) == len(before)  # no row went
    assert window.doc.undo_stack.count() == count + 1
    window.doc.undo()
    assert [(r["title"], r["amount"]) for r in model.rows] == before


def test_removing_rows_asks_unless_one_empty_row(qtbot, window):
    editor = vision_editor(window)
    start = titles(editor)
    editor.select_ids([r["id"] for r in editor.model.rows[:2]])
    assert not editor.delete_rows()
    box = editor.pending_delete
    assert box.isVisible() and "取組1-1" in box.text() and "取組1-2" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert titles(editor) == start
    editor.view.setCurrentIndex(editor.proxy.index(3, 0))
    editor.insert_row()  # a new, empty row goes without a question
    assert len(editor.model.rows) == 5
    assert editor.delete_rows()
    assert titles(editor) == start


# -- paste ---------------------------------------------------------------------------------------

def test_two_columns_name_and_amount_from_excel(window):
    editor = vision_editor(window)
    editor.view.setCurrentIndex(editor.proxy.index(-1, -1))  # below the last row: appends
    assert editor.paste("新しい取組A\t1,500\r\n新しい取組B\t２，０００\r\n")
    rows = editor.model.rows
    assert [(r["title"], r["amount"]) for r in rows[-2:]] == [("新しい取組A", 1500),
                                                              ("新しい取組B", 2000)]
    assert rows[-1]["status"] is None  # 状態 between 名称 and 予算額 was skipped, not filled


def test_a_header_row_maps_columns_by_name_in_any_order(window):
    editor = vision_editor(window)
    count = window.doc.undo_stack.count()
    editor.view.setCurrentIndex(editor.proxy.index(-1, -1))
    assert editor.paste("予算額(千円)\t備考\t名称\r\n700\tx\t見出しつき取組\r\n")
    assert (editor.model.rows[-1]["title"], editor.model.rows[-1]["amount"]) == \
        ("見出しつき取組", 700)
    assert window.doc.undo_stack.count() == count + 1
    assert "予算額" not in titles(editor)  # the header row itself is not pasted


def test_a_paste_on_the_last_row_shows_what_it_overwrites_first(window):
    editor = vision_editor(window)
    start = [(r["title"], r["amount"]) for r in editor.model.rows]
    last = len(start) - 1
    editor.view.setCurrentIndex(editor.proxy.index(last, editor.model.column_of("title")))
    assert not editor.paste("上書き\t10\n追加行\t20\n")
    preview = editor.pending_paste
    assert preview.isVisible()
    assert preview.rows()[0] == [str(last + 1), "取組1-4", "Title", "取組1-4", "上書き"]
    assert preview.rows()[2][0].startswith("new") and "追加行" in preview.rows()[2][1]
    preview.reject()  # Cancel: nothing at all changes
    assert [(r["title"], r["amount"]) for r in editor.model.rows] == start
    assert editor.pending_paste is None
    assert not editor.paste("上書き\t10\n追加行\t20\n")
    editor.pending_paste.accept()
    assert [(r["title"], r["amount"]) for r in editor.model.rows][-2:] == [("上書き", 10),
                                                                           ("追加行", 20)]
    assert len(editor.model.rows) == len(start) + 1


def test_paste_preview_speaks_japanese(qapp, window):
    try:
        assert i18n.install(qapp, "ja")
        editor = vision_editor(window)
        editor.view.setCurrentIndex(editor.proxy.index(0, editor.model.column_of("title")))
        editor.paste("別名\n")
        preview = editor.pending_paste
        assert preview.windowTitle() == "貼り付け: 変更内容の確認"
        assert preview.list.headerItem().text(2) == "列"
        assert preview.rows()[0][2] == "名称"
        preview.reject()
    finally:
        i18n.install(qapp, "en")


# -- the change log panel ------------------------------------------------------------------------

def test_change_log_panel_filters_and_goes_to_the_record(qtbot, window, settings):
    from desktop.ui.shell import settings as S
    settings.set(S.USER_NAME, "山田")
    window.apply_user_name()
    editor = vision_editor(window, 2)
    item = editor.model.rows[1]
    window.doc.set_fields("initiative", item["id"], {"amount": 1234}, "Edit amount")
    window.doc.undo()
    window.actions_[A.SHOW_NAVIGATOR].trigger()
    window.log_dock.toggleViewAction().trigger()  # F8
    panel = window.change_log
    assert window.log_dock.isVisible()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 2)
    newest = [panel.model.index(0, c).data() for c in range(9)]
    assert newest[1:3] == ["山田", "Undo"] and newest[5:] == [item["title"], "Amount (¥1,000)",
                                                            "1,234", "2,000"]
    panel.person.setCurrentIndex(panel.person.findData("山田"))
    assert {e.user for e in panel.shown_entries()} == {"山田"}
    panel.record.setText("存在しない")
    assert panel.model.rowCount() == 0
    panel.record.clear()
    vision_editor(window, 1)  # elsewhere; double-click brings the record back
    panel.view.doubleClicked.emit(panel.model.index(0, 5))
    page = window.current_page()
    assert page.current_table().selected_ids() == [item["id"]]


def test_user_name_preference_is_what_the_log_records(window, settings):
    from desktop.ui.shell import settings as S
    settings.set(S.USER_NAME, "")
    window.apply_user_name()
    store = window.doc.store
    item = store.initiatives(store.edition(2024).id)[0]
    window.doc.set_fields("initiative", item.id, {"title": "改名"}, "Edit title")
    assert change_log.entries(store)[-1].user == change_log.default_user()
    settings.set(S.USER_NAME, "経営企画 佐藤")
    window.apply_user_name()
    window.doc.set_fields("initiative", item.id, {"title": "再改名"}, "Edit title")
    assert change_log.entries(store)[-1].user == "経営企画 佐藤"


# -- laptop screens ------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_laptop_screen_shows_titles_amounts_and_twelve_rows(qtbot, sample_window, size):
    window = sample_window
    width, height = size
    window.fit_screen(QRect(0, 0, width, height - 40))  # minus a taskbar
    qtbot.waitUntil(lambda: window.width() == width)
    assert not window.preview_dock.isVisible() and not window.bottom_dock.isVisible()
    editor = vision_editor(window, 1)
    qtbot.wait(50)
    view = editor.view
    viewport = view.viewport().rect()
    model = editor.model
    for field in ("title", "amount"):
        column = model.column_of(field)
        left = view.columnViewportPosition(column)
        assert left >= 0 and left + view.columnWidth(column) <= viewport.width(), field
    rows = view.rowAt(viewport.height() - 1)
    rows = model.rowCount() if rows < 0 else rows
    assert rows >= 12, f"{rows} rows visible"
    assert window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    for action in window.toolbar.actions():
        assert action.isSeparator() or not action.icon().isNull(), action.text()
    window.preview_dock.toggleViewAction().trigger()  # one key away: F6
    assert window.preview_dock.isVisible()
    assert window.preview_dock.toggleViewAction().shortcut().toString() == "F6"


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_laptop_screen_shows_the_whole_vision_form_above_its_tables(qtbot, sample_window, size):
    window = sample_window
    width, height = size
    window.fit_screen(QRect(0, 0, width, height - 40))
    qtbot.waitUntil(lambda: window.width() == width)
    store = window.doc.store
    vision = next(v for v in store.visions(store.edition(2024).id) if v.number == 1)
    assert window.select_key(f"vision:{vision.id}")
    page = window.current_page()
    qtbot.wait(50)
    last = page.form.widgets["related"]
    bottom = last.mapTo(page.form.viewport(), last.rect().bottomLeft()).y()
    assert bottom < page.form.viewport().height(), "関連するビジョン under the form's edge"
    assert page.splitter.sizes()[1] >= 250  # the measures keep room for their rows


def test_ward_summary_figures_sit_next_to_their_labels(qtbot, sample_window):
    window = sample_window
    window.fit_screen(QRect(0, 0, 1366, 728))
    store = window.doc.store
    plan = store.ward_plans(store.edition(2022).id)[0]
    window.select_key(f"ward:{plan.id}")
    summary = window.current_page().summary
    qtbot.wait(50)
    total = summary.findChild(QLabel, "total_initial")
    label = next(w for w in summary.findChildren(QLabel) if w.text() == "<b>Total</b>")
    label_right = label.geometry().right()
    assert total.geometry().left() - label_right < 250


# -- menus, problems ------------------------------------------------------------------------------

def mnemonics(menu) -> list[str]:
    letters = []
    for action in menu.actions():
        match = re.search(r"&(\w)", action.text())
        if match:
            letters.append(match.group(1).upper())
    return letters


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_menu_has_unique_mnemonics(qapp, window, language):
    try:
        i18n.install(qapp, language)
        menus = [a.menu() for a in window.menuBar().actions()]
        menus += [a.menu() for m in list(menus) for a in m.actions() if a.menu()]
        assert len(menus) >= 6
        for menu in menus:
            letters = mnemonics(menu)
            assert len(letters) == len(set(letters)), (menu.title(), letters)
        bar = mnemonics(window.menuBar())
        assert len(bar) == len(set(bar))
    finally:
        i18n.install(qapp, "en")


def test_problems_panel_names_an_untitled_initiative_without_its_key(qtbot, window):
    store = window.doc.store
    editor = vision_editor(window, 2)
    editor.view.setCurrentIndex(editor.proxy.index(3, 0))
    editor.insert_row()
    window.run_analysis()
    qtbot.waitUntil(lambda: any("行目" in p.location for p in window.problems.problems))
    places = [window.problems.model.index(r, 1).data()
              for r in range(window.problems.model.rowCount())]
    assert "令和6年度 ビジョン2 の取組 5行目（名称なし）" in places
    assert not any("new-" in p for p in places)
    assert store is window.doc.store


def test_file_dialogs_are_qt_s_own_in_the_interface_language():
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui import file_dialogs
    assert file_dialogs.options() & QFileDialog.Option.DontUseNativeDialog


def test_tab_goes_from_the_form_s_fields_to_the_table(window):
    store = window.doc.store
    vision = store.visions(store.edition(2024).id)[0]
    window.select_key(f"vision:{vision.id}")
    page = window.current_page()
    widget = page.forms[0].widgets["title"]
    chain = []
    table = page.tabs.currentWidget().view  # the tab shown under the form
    while widget is not table and len(chain) < 30:
        chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value) \
                or not widget.isVisible():
            widget = widget.nextInFocusChain()
    assert chain[:2] == ["field_title", "field_colour"] and "field_direction" in chain
    assert "filterEdit" in chain and "navigator" not in chain  # the table before the tree
    assert page.forms[0].widgets["direction"].tabChangesFocus()
