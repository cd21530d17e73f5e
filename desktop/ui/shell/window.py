"""The main window: navigator, central editor, PDF preview, Problems/Summary/Search panels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db import change_log
from db.change_log import default_user

from ..docks.navigator import STRUCTURE_TABLES, NavigatorModel
from ..docks.preview import PreviewPanel
from ..document.document import PlanDocument
from ..pages.page import Page
from ..tables.table_editor import TableEditor
from . import settings as S
from .actions import A, build_actions
from .actions import icon as action_icon
from .bottom_panels import BottomPanels
from .dock_updates import DockUpdates
from .export_menu import ExportMenu
from .exports import ExportController
from .files import FileHandling
from .navigation import Navigation
from .window_state import WindowState
from .year_cycle import YearCycle

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "icons" / "planbook.svg"))


class MainWindow(YearCycle, FileHandling, Navigation, DockUpdates, ExportMenu, WindowState,
                 BottomPanels, QMainWindow):
    language_change_requested = Signal(str)

    def __init__(self, settings: S.Settings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings or S.Settings()
        self.doc: PlanDocument | None = None
        self.pages: dict[str, Page] = {}
        self.page_order: list[str] = []
        self.current_key: str | None = None
        self.last_error: QMessageBox | None = None
        self.history: QDialog | None = None
        self._analysis_task = None
        self._analysis_again = False
        self._analysis_waiting = False  # for the preview to finish (dock_updates)
        self.analyses = 0
        self.retranslations = 0
        self._problem_count = 0
        self._analysis = None  # the last checks' findings (shown once the panels are built)
        self._painted = False  # see WindowState.after_first_paint
        self._after_paint: list = []
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.actions_ = build_actions(self)
        self.exports = ExportController(self)

        # centre
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Open a plan file (File ▸ Open) or create one."), self)
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.setCentralWidget(self.stack)

        # navigator
        self.tree = QTreeView(self)
        self.tree.setObjectName("navigator")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.nav_model: NavigatorModel | None = None
        self.nav_dock = self._dock("navigatorDock", self.tr("Plan"), self.tree,
                                   Qt.DockWidgetArea.LeftDockWidgetArea)

        # preview
        self.preview = PreviewPanel(self)
        self.preview.enabled = self.settings.get(S.PREVIEW_ENABLED)
        self.preview_dock = self._dock("previewDock", self.tr("Preview"), self.preview,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.preview_dock.visibilityChanged.connect(self._preview_visibility)

        # bottom (the panels are built when first shown or used: see BottomPanels)
        self.preview.printed.connect(lambda report: self.built_panels() and
                                     self.problems.set_print_notes(report.notes()))
        self.preview.idle.connect(self._preview_idle)
        self._install_bottom_docks()
        # the side and bottom panels are one key away (and start hidden on small screens)
        for dock, key, icon_name in ((self.preview_dock, "F6", "preview"),
                                     (self.bottom_dock, "F7", "panels"),
                                     (self.log_dock, "F8", "change-log")):
            toggle = dock.toggleViewAction()
            toggle.setShortcut(QKeySequence(key))
            toggle.setIcon(action_icon(icon_name))

        self.analysis_timer = QTimer(self)
        self.analysis_timer.setSingleShot(True)
        self.analysis_timer.setInterval(600)
        self.analysis_timer.timeout.connect(self.run_analysis)
        self.external_timer = QTimer(self)  # another program may write to the same file
        self.external_timer.setInterval(2000)
        self.external_timer.timeout.connect(self.check_external_change)
        self.external_timer.start()

        self._build_menus()
        self._connect_actions()
        self._install_cycle()
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1500, 920)
        self._restore_window()
        self._update_actions()

    # -- construction ---------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget | None, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        if widget is not None:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        self._menus: list[tuple[object, str]] = []  # (menu or toolbar, English source)

        def menu(parent, source: str):
            m = parent.addMenu(self.tr(source))
            self._menus.append((m, source))
            return m

        file = menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&File"))
        file.addActions([a[A.NEW_EMPTY], a[A.NEW_SAMPLE], a[A.OPEN]])
        self.recent_menu = menu(file, QT_TRANSLATE_NOOP("MainWindow", "Open &recent"))
        self.recent_menu.setObjectName("recentMenu")
        file.addAction(a[A.SAVE_COPY])
        file.addSeparator()
        export = menu(file, QT_TRANSLATE_NOOP("MainWindow", "&Export"))
        export.addActions([a[A.EXPORT_BOOKLET], a[A.EXPORT_WARD_SHEETS], a[A.EXPORT_WARD_EXCEL]])
        file.addAction(a[A.IMPORT_WARD_EXCEL])
        file.addSeparator()
        file.addActions([a[A.NEW_YEAR], a[A.FINALIZE], a[A.REOPEN]])
        file.addSeparator()
        file.addAction(a[A.QUIT])
        edit = menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        edit.addActions([a[A.UNDO], a[A.REDO], a[A.HISTORY], a[A.USER_NAME]])
        edit.addSeparator()
        edit.addActions([a[A.COPY], a[A.PASTE], a[A.CLEAR_CELLS]])
        edit.addSeparator()
        edit.addActions([a[A.INSERT_ROW], a[A.DUPLICATE_ROWS], a[A.DELETE_ROWS], a[A.MOVE_UP],
                         a[A.MOVE_DOWN]])
        edit.addSeparator()
        edit.addActions([a[A.FIND], a[A.FIND_NEXT], a[A.FILTER]])
        view = menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&View"))
        for dock in (self.nav_dock, self.preview_dock, self.bottom_dock, self.log_dock):
            view.addAction(dock.toggleViewAction())
        view.addActions([a[A.SHOW_NAVIGATOR], a[A.REFRESH_PREVIEW], a[A.COMPARE]])
        view.addSeparator()
        language = menu(view, QT_TRANSLATE_NOOP("MainWindow", "&Language"))
        group = QActionGroup(self)
        for action_id in (A.LANG_JA, A.LANG_EN):
            group.addAction(a[action_id])
            language.addAction(a[action_id])
        current = self.settings.get(S.LANGUAGE)
        a[A.LANG_EN if current == "en" else A.LANG_JA].setChecked(True)
        help_menu = menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Help"))
        help_menu.addAction(a[A.ABOUT])
        tools = self.addToolBar(self.tr("Main"))
        tools.setObjectName("mainToolbar")
        self._menus.append((tools, QT_TRANSLATE_NOOP("MainWindow", "Main")))
        tools.addActions([a[A.UNDO], a[A.REDO]])
        tools.addSeparator()
        tools.addActions([a[A.INSERT_ROW], a[A.DUPLICATE_ROWS], a[A.DELETE_ROWS], a[A.MOVE_UP],
                          a[A.MOVE_DOWN]])
        tools.addSeparator()
        tools.addActions([a[A.FIND], a[A.EXPORT_BOOKLET], a[A.EXPORT_WARD_SHEETS]])
        tools.addSeparator()
        tools.addActions([d.toggleViewAction() for d in (self.preview_dock, self.bottom_dock,
                                                         self.log_dock)])
        self.toolbar = tools
        self._refresh_recent()

    def _connect_actions(self) -> None:
        a = self.actions_
        a[A.NEW_EMPTY].triggered.connect(lambda: self.ask_new(False))
        a[A.NEW_SAMPLE].triggered.connect(lambda: self.ask_new(True))
        a[A.OPEN].triggered.connect(self.ask_open)
        a[A.SAVE_COPY].triggered.connect(self.ask_save_copy)
        a[A.QUIT].triggered.connect(self.close)
        a[A.UNDO].triggered.connect(lambda: self.doc and self.doc.undo())
        a[A.REDO].triggered.connect(lambda: self.doc and self.doc.redo())
        a[A.HISTORY].triggered.connect(self.show_history)
        a[A.COPY].triggered.connect(self.copy)
        a[A.PASTE].triggered.connect(self.paste)
        a[A.INSERT_ROW].triggered.connect(lambda: self._table_call("insert_row"))
        a[A.DUPLICATE_ROWS].triggered.connect(lambda: self._table_call("duplicate_rows"))
        a[A.DELETE_ROWS].triggered.connect(self.delete_rows)
        a[A.CLEAR_CELLS].triggered.connect(self.clear_cells)
        a[A.USER_NAME].triggered.connect(self.ask_user_name)
        a[A.MOVE_UP].triggered.connect(lambda: self._table_call("move_rows", -1))
        a[A.MOVE_DOWN].triggered.connect(lambda: self._table_call("move_rows", 1))
        a[A.FIND].triggered.connect(self.show_search)
        a[A.FIND_NEXT].triggered.connect(lambda: self.search.next())
        a[A.FILTER].triggered.connect(self.focus_filter)
        a[A.EXPORT_BOOKLET].triggered.connect(self.ask_export_booklet)
        a[A.EXPORT_WARD_SHEETS].triggered.connect(self.ask_export_ward_sheets)
        a[A.EXPORT_WARD_EXCEL].triggered.connect(self.ask_export_ward_excel)
        a[A.IMPORT_WARD_EXCEL].triggered.connect(self.ask_import_ward_excel)
        a[A.REFRESH_PREVIEW].triggered.connect(lambda: self.request_preview(now=True))
        a[A.SHOW_NAVIGATOR].triggered.connect(lambda: (self.nav_dock.show(),
                                                       self.tree.setFocus()))
        a[A.LANG_JA].triggered.connect(lambda: self._language("ja"))
        a[A.LANG_EN].triggered.connect(lambda: self._language("en"))
        a[A.ABOUT].triggered.connect(self.about)

    def focused_table(self) -> TableEditor | None:
        """The table whose cells have the keyboard focus (not a cell editor, the navigator or
        a form field), or whose toolbar button was clicked."""
        focus = QApplication.focusWidget()
        editor = self.current_table()
        if editor is None or (focus is not None and focus not in (editor.view,
                                                                 editor.view.viewport())
                              and not isinstance(focus, QAbstractButton)):
            return None
        return editor

    def delete_rows(self) -> None:
        """Ctrl+- / Ctrl+Del: delete the selected rows (asking first, see TableEditor)."""
        editor = self.focused_table()
        if editor is None:
            self.statusBar().showMessage(
                self.tr("Click a row of a table first; Ctrl+- deletes the selected rows."), 6000)
            return
        editor.delete_rows()

    def clear_cells(self) -> None:
        """Del: empty the selected cells, as in Excel (one undo step)."""
        editor = self.focused_table()
        if editor is None:
            self.statusBar().showMessage(
                self.tr("Click a cell of a table first; Del empties the selected cells."), 6000)
            return
        editor.clear_cells()

    def ask_user_name(self) -> None:
        from PySide6.QtWidgets import QInputDialog  # (dialogs' classes: loaded when used)

        name, ok = QInputDialog.getText(
            self, self.tr("Your name in the change log"),
            self.tr("Name written beside your changes (empty: your user name, %1):")
            .replace("%1", default_user()), text=self.settings.get(S.USER_NAME))
        if ok:
            self.settings.set(S.USER_NAME, name.strip())
            self.apply_user_name()

    def apply_user_name(self) -> None:
        if self.doc is not None and not self.doc.store.readonly:
            change_log.set_user(self.doc.store, self.settings.get(S.USER_NAME) or default_user())

    # -- changes ----------------------------------------------------------------------------
    def check_external_change(self) -> None:
        if self.doc is not None:
            self.doc.check_external_change()

    def _changed_elsewhere(self) -> None:
        self.statusBar().showMessage(
            self.tr("Another program changed this file; PlanBook reloaded it. The undo history "
                    "was cleared."), 15000)

    def _on_changed(self, changes: dict) -> None:
        structural = any(s for t, (_, s) in changes.items() if t in STRUCTURE_TABLES)
        if structural:
            self._rebuild_navigator()
        else:
            for table in ("initiative", "vision", "priority"):
                if table in changes:
                    self.nav_model.relabel(table, changes[table][0])
        self.analysis_timer.start()
        changed = sorted(changes.get("initiative", ((), False))[0])
        # at once: edits are committed (Enter, leaving a field), not typed key by key
        self.request_preview(initiative_id=changed[0] if len(changed) == 1 else None, now=True)
        if self.built_panels():
            self.change_log.schedule()  # (built later, it reads the log when shown)
        self._update_title()

    # -- edit commands ----------------------------------------------------------------------
    def copy(self) -> None:
        editor = self.current_table()
        focus = QApplication.focusWidget()
        if editor is not None and (focus is None or editor.view.isAncestorOf(focus)
                                   or focus is editor.view):
            editor.copy()
        elif focus is not None and hasattr(focus, "copy"):
            focus.copy()

    def paste(self) -> None:
        editor = self.current_table()
        focus = QApplication.focusWidget()
        if editor is not None and (focus is None or focus is editor.view
                                   or editor.view.isAncestorOf(focus)):
            editor.paste()
        elif focus is not None and hasattr(focus, "paste"):
            focus.paste()

    def show_history(self) -> None:
        if self.doc is None:
            return
        if self.history is None:
            dialog = QDialog(self)
            dialog.setObjectName("historyDialog")
            dialog.setWindowTitle(self.tr("History"))
            from PySide6.QtWidgets import QUndoView

            view = QUndoView(self.doc.undo_stack, dialog)
            view.setEmptyLabel(self.tr("<opened>"))
            layout = QVBoxLayout(dialog)
            layout.addWidget(QLabel(self.tr("Click a step to go back to it; every step is "
                                            "already saved."), dialog))
            layout.addWidget(view)
            dialog.resize(420, 520)
            self.history = dialog
        self.history.show()
        self.history.raise_()

    def show_search(self) -> None:
        self.bottom_dock.show()
        self.bottom_tabs.setCurrentWidget(self.search)
        self.search.edit.setFocus()
        self.search.edit.selectAll()

    def focus_filter(self) -> None:
        editor = self.current_table()
        if editor is not None:
            editor.filter_edit.setFocus()
            editor.filter_edit.selectAll()

    def closeEvent(self, event) -> None:
        self.save_window()
        self.preview.shutdown()
        self.analysis_timer.stop()
        self.close_document()
        super().closeEvent(event)


__all__ = ["MainWindow", "QKeySequence"]
