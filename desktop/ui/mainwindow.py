"""The main window: navigator, central editor, PDF preview, Problems/Summary/Search panels."""

from __future__ import annotations

import datetime
import os
import sqlite3
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from db.backups import daily_backup
from db.era import era_label
from db.errors import PlanFileError
from db.records import Edition
from db.store import open_plan
from desktop.paths import backups_dir

from . import settings as S
from .actions import A, build_actions, retranslate_actions
from .document import PlanDocument
from .exports import ExportController, job_booklet, job_ward_excel, job_ward_sheets
from .navigator import STRUCTURE_TABLES, NavigatorModel
from .pages import Page, make_page, page_key
from .panels import ProblemsPanel, SearchPanel, SummaryPanel, analyse
from .preview import PreviewPanel
from .table_editor import TableEditor
from .worker import run_task, wait_for_all

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
PAGE_CACHE = 12


def app_icon() -> QIcon:
    return QIcon(str(RESOURCES / "icons" / "planbook.svg"))


def current_fiscal_year(today: datetime.date | None = None) -> int:
    today = today or datetime.date.today()
    return today.year if today.month >= 4 else today.year - 1


class MainWindow(QMainWindow):
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
        self.analyses = 0
        self.retranslations = 0
        self._problem_count = 0
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

        # bottom
        self.problems = ProblemsPanel(self)
        self.problems.go_to.connect(self.go_to)
        self.summary = SummaryPanel(self)
        self.search = SearchPanel(lambda: self.doc.store, self)
        self.search.go_to.connect(lambda hit: self.go_to(hit.table, hit.row_id, hit.field, hit.key))
        self.bottom_tabs = QTabWidget(self)
        self.bottom_tabs.setObjectName("bottomTabs")
        self.bottom_tabs.addTab(self.problems, self.tr("Problems"))
        self.bottom_tabs.addTab(self.summary, self.tr("Summary"))
        self.bottom_tabs.addTab(self.search, self.tr("Search"))
        self.bottom_dock = self._dock("bottomDock", self.tr("Problems and summary"),
                                      self.bottom_tabs, Qt.DockWidgetArea.BottomDockWidgetArea)

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
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1500, 920)
        self._restore_window()
        self._update_actions()

    # -- construction ---------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
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
        file.addAction(a[A.QUIT])
        edit = menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&Edit"))
        edit.addActions([a[A.UNDO], a[A.REDO], a[A.HISTORY]])
        edit.addSeparator()
        edit.addActions([a[A.COPY], a[A.PASTE]])
        edit.addSeparator()
        edit.addActions([a[A.INSERT_ROW], a[A.DUPLICATE_ROWS], a[A.DELETE_ROWS], a[A.MOVE_UP],
                         a[A.MOVE_DOWN]])
        edit.addSeparator()
        edit.addActions([a[A.FIND], a[A.FIND_NEXT], a[A.FILTER]])
        view = menu(bar, QT_TRANSLATE_NOOP("MainWindow", "&View"))
        for dock in (self.nav_dock, self.preview_dock, self.bottom_dock):
            view.addAction(dock.toggleViewAction())
        view.addActions([a[A.SHOW_NAVIGATOR], a[A.REFRESH_PREVIEW]])
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
        a[A.MOVE_UP].triggered.connect(lambda: self._table_call("move_rows", -1))
        a[A.MOVE_DOWN].triggered.connect(lambda: self._table_call("move_rows", 1))
        a[A.FIND].triggered.connect(self.show_search)
        a[A.FIND_NEXT].triggered.connect(self.search.next)
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

    # -- files ------------------------------------------------------------------------------
    def open_path(self, path: Path | str) -> bool:
        """Open a plan file; a bad file gives a dialog and is left untouched."""
        path = Path(path)
        try:
            store = open_plan(path)
        except PlanFileError as error:
            self.show_error(self.tr("Cannot open the plan file"), str(error))
            return False
        except (sqlite3.Error, OSError) as error:
            self.show_error(self.tr("Cannot open the plan file"),
                            self.tr("%1: not a PlanBook plan file (%2).").replace("%1", str(path))
                            .replace("%2", str(error)))
            return False
        # Build the new document and its navigator while the open plan stays open: a file
        # whose pages are damaged past its header passes open_plan and fails only here.
        doc = PlanDocument(store)
        try:
            damage = store.damage()
            if damage is not None:
                raise sqlite3.DatabaseError(damage)
            navigator = NavigatorModel(doc, self)
        except sqlite3.Error as error:
            doc.close()
            doc.deleteLater()
            self.show_error(self.tr("Cannot open the plan file"),
                            self.tr("%1: the file is damaged (%2). The plan that was open "
                                    "stays open.").replace("%1", str(path))
                            .replace("%2", str(error)))
            return False
        self.set_document(doc, navigator)
        self._refresh_recent(self.settings.add_recent(str(path)))
        self._daily_backup(store)
        return True

    def _daily_backup(self, store) -> None:
        """The first open of a day keeps a safety copy (see db.backups); never blocks opening."""
        try:
            copy = daily_backup(store, backups_dir())
        except (sqlite3.Error, OSError) as error:
            self.statusBar().showMessage(
                self.tr("Could not write today's safety copy: %1").replace("%1", str(error)), 15000)
            return
        if copy is not None:
            self.statusBar().showMessage(
                self.tr("Safety copy written: %1").replace("%1", str(copy)), 8000)

    def set_document(self, doc: PlanDocument, navigator: NavigatorModel | None = None) -> None:
        """Show ``doc`` in place of the open one; ``navigator``: its tree, when already built
        (built before the old document closes, so a failure leaves the old one open)."""
        if navigator is None:
            navigator = NavigatorModel(doc, self)
        self.close_document()
        self.doc = doc
        doc.changed.connect(self._on_changed)
        doc.changed_elsewhere.connect(self._changed_elsewhere)
        doc.undo_stack.canUndoChanged.connect(lambda _: self._update_actions())
        doc.undo_stack.canRedoChanged.connect(lambda _: self._update_actions())
        doc.undo_stack.undoTextChanged.connect(lambda _: self._update_actions())
        doc.undo_stack.redoTextChanged.connect(lambda _: self._update_actions())
        self.nav_model = navigator
        self.tree.setModel(self.nav_model)
        self.tree.selectionModel().currentChanged.connect(self._node_changed)
        for row in range(self.nav_model.rowCount()):
            self.tree.expand(self.nav_model.index(row, 0))
        key = self.settings.last_selection(str(doc.path)) if doc.path else None
        if not key or key not in self.nav_model.by_key:
            key = self._first_key()
        if key:
            self.select_key(key)
        self._update_title()
        self._update_actions()
        self.analysis_timer.start(0)

    def _first_key(self) -> str | None:
        """On first opening a file: vision 1 of the latest fiscal year (else that year)."""
        editions = self.nav_model.root.children if self.nav_model else []
        for edition in reversed(editions):
            stack = list(edition.children)
            while stack:  # tree order
                node = stack.pop(0)
                if node.key.startswith("vision:"):
                    return node.key
                stack[:0] = node.children
        return editions[-1].key if editions else None

    def close_document(self) -> None:
        if self.doc is None:
            return
        if self.current_key and self.doc.path:
            self.settings.set_last_selection(str(self.doc.path), self.current_key)
        self.drop_pages()
        self.current_key = None
        if self.history is not None:
            self.history.close()
            self.history.deleteLater()
            self.history = None
        self.tree.setModel(None)
        if self.nav_model is not None:
            self.nav_model.deleteLater()
            self.nav_model = None
        wait_for_all(30000)
        self.doc.changed.disconnect(self._on_changed)
        self.doc.undo_stack.blockSignals(True)
        self.doc.close()
        self.doc = None

    def new_file(self, path: Path | str, from_sample: bool) -> bool:
        path = Path(path)
        if self.doc is not None and self.doc.path and Path(self.doc.path).resolve() == path.resolve():
            self.show_error(self.tr("Cannot create the plan file"),
                            self.tr("That file is open now; choose another name."))
            return False
        # Built complete in a temporary file beside the target, then put in its place in one
        # step: a failure leaves the old file as it was and no half-written plan behind.
        temporary = store = None
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
            os.close(fd)
            temporary = Path(name)
            temporary.unlink()  # open_plan creates it
            store = open_plan(temporary, create=True)
            if from_sample:
                from db.sample import load_sample
                load_sample(store)
            else:
                year = current_fiscal_year()
                store.add_edition(Edition(year, title=f"{era_label(year)}アクションプラン"))
            store.close()
            store = None
            os.replace(temporary, path)
            for suffix in ("-wal", "-shm"):  # the old file's, never to be read with the new one
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            store = open_plan(path)
        except Exception as error:  # noqa: BLE001 - shown to the user
            if store is not None:
                store.close()
            for suffix in ("", "-wal", "-shm", "-journal") if temporary else ():
                Path(f"{temporary}{suffix}").unlink(missing_ok=True)
            self.show_error(self.tr("Cannot create the plan file"), str(error))
            return False
        self.set_document(PlanDocument(store))
        self._refresh_recent(self.settings.add_recent(str(path)))
        return True

    def save_copy(self, destination: Path | str) -> bool:
        destination = Path(destination)
        try:
            self.doc.store.save_copy(destination)
        except (sqlite3.Error, OSError) as error:
            self.show_error(self.tr("Cannot save the copy"), str(error))
            return False
        self.statusBar().showMessage(self.tr("Copy written: %1").replace("%1", str(destination)),
                                     8000)
        return True

    def _dialog_dir(self) -> str:
        if self.doc is not None and self.doc.path:
            return str(Path(self.doc.path).parent)
        return str(Path.home())

    def ask_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a plan file"), self._dialog_dir(),
                                              self.tr("PlanBook plans (*.sqlite *.planbook *.db);;"
                                                      "All files (*)"))
        if path:
            self.open_path(path)

    def ask_new(self, from_sample: bool) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New plan file"), os.path.join(self._dialog_dir(), "plan.sqlite"),
            self.tr("PlanBook plans (*.sqlite)"))
        if path:
            self.new_file(path, from_sample)

    def ask_save_copy(self) -> None:
        if self.doc is None:
            return
        name = Path(self.doc.path).stem + "-copy.sqlite" if self.doc.path else "plan-copy.sqlite"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy as"),
                                              os.path.join(self._dialog_dir(), name),
                                              self.tr("PlanBook plans (*.sqlite)"))
        if path:
            self.save_copy(path)

    def _refresh_recent(self, recent: list[str] | None = None) -> None:
        recent = self.settings.get(S.RECENT_FILES) if recent is None else recent
        self.recent_menu.clear()
        for n, path in enumerate(recent):
            action = self.recent_menu.addAction(f"&{n + 1}  {path}")
            action.triggered.connect(lambda _=False, p=path: self._open_recent(p))
        self.recent_menu.setEnabled(bool(recent))

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self.settings.remove_recent(path)
            self._refresh_recent()
            self.show_error(self.tr("Cannot open the plan file"),
                            self.tr("%1: no such file.").replace("%1", path))
            return
        self.open_path(path)

    def show_error(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("errorBox")
        self.last_error = box
        box.open()
        return box

    # -- navigation -------------------------------------------------------------------------
    def select_key(self, key: str) -> bool:
        if self.nav_model is None:
            return False
        index = self.nav_model.index_of(key)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        if self.current_key != key:
            self._show_key(key)
        return True

    def _node_changed(self, current, _previous) -> None:
        if current.isValid():
            self._show_key(current.data(Qt.ItemDataRole.UserRole))

    def _show_key(self, key: str) -> None:
        self.current_key = key
        pkey = page_key(key)
        page = self.pages.get(pkey)
        if page is None:
            page = make_page(self.doc, key, None)
            if page is None:
                self.stack.setCurrentWidget(self.placeholder)
                self._update_title()
                return
            page.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            page.open_key.connect(self.select_key)
            self.pages[pkey] = page
            self.stack.addWidget(page)
        if pkey in self.page_order:
            self.page_order.remove(pkey)
        self.page_order.append(pkey)
        while len(self.page_order) > PAGE_CACHE:
            old = self.page_order.pop(0)
            victim = self.pages.pop(old)
            self.stack.removeWidget(victim)
            victim.deleteLater()
        page.show_sub(key.partition(":")[0])
        self.stack.setCurrentWidget(page)
        self._update_title()
        self.request_preview()
        if self.doc and self.doc.path:
            self.settings.set_last_selection(str(self.doc.path), key)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def current_table(self) -> TableEditor | None:
        focus = QApplication.focusWidget()
        widget = focus
        while widget is not None:
            if isinstance(widget, TableEditor):
                return widget
            widget = widget.parentWidget()
        page = self.current_page()
        return page.current_table() if page else None

    def _table_call(self, method: str, *args) -> None:
        editor = self.current_table()
        if editor is not None:
            getattr(editor, method)(*args)

    def delete_rows(self) -> None:
        """Del / Ctrl+Del: delete the selected rows, only when a table (not a cell editor,
        the navigator or a form field) has the keyboard focus; one undo step."""
        focus = QApplication.focusWidget()
        editor = self.current_table()
        if editor is None or (focus is not None and focus not in (editor.view,
                                                                 editor.view.viewport())
                              and not isinstance(focus, QAbstractButton)):
            self.statusBar().showMessage(
                self.tr("Click a row of a table first; Del deletes the selected rows."), 6000)
            return
        editor.delete_rows()

    def drop_pages(self) -> None:
        """Forget the built pages (they are rebuilt from the plan when next shown)."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.page_order.clear()

    def current_fiscal_year(self) -> int | None:
        if self.nav_model is None:
            return None
        node = self.nav_model.by_key.get(self.current_key or "")
        if node is not None:
            return node.fiscal_year
        years = self.doc.store.fiscal_years() if self.doc else []
        return years[-1] if years else None

    def _key_for(self, table: str, row_id: int, field: str) -> str | None:
        store = self.doc.store
        row = store.row(table, row_id)
        if row is None:
            return None
        if table == "initiative":
            if field in ("title", "category", "status", "amount", "previous_amount",
                         "budget_note", "measure_code", "section"):
                if row["vision_id"] is not None:
                    return f"initiatives:{row['vision_id']}"
                if row["ward_plan_id"] is not None:
                    return f"ward:{row['ward_plan_id']}"
            return f"initiative:{row_id}"
        if table == "measure":
            return f"measures:{row['vision_id']}"
        if table == "vision":
            return f"vision:{row_id}"
        if table == "priority":
            return f"priority:{row_id}"
        if table == "priority_action":
            return f"priority:{row['priority_id']}"
        if table == "ward_project":
            return f"projects:{row['ward_plan_id']}"
        if table in ("ward_group",):
            return f"ward:{row['ward_plan_id']}"
        if table == "ward_plan":
            return f"ward:{row_id}"
        if table == "edition":
            return f"contact:{row_id}" if field.startswith("contact") else f"front:{row_id}"
        return None

    def go_to(self, table: str, row_id: int, field: str = "", key: str | None = None) -> bool:
        """Open the page that shows (table, row, field) and put the cursor on it."""
        if self.doc is None:
            return False
        key = key or self._key_for(table, row_id, field)
        if key is None:
            return False
        if not self.select_key(key):
            self._show_key(key)
        page = self.current_page()
        if page is None:
            return False
        if page.go_to(table, row_id, field):
            return True
        if table == "initiative" and key != f"initiative:{row_id}":
            return self.go_to(table, row_id, field, f"initiative:{row_id}")
        return False

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
        self.request_preview()
        self._update_title()

    def _rebuild_navigator(self) -> None:
        """Rebuild the tree after a structural change, keeping what was expanded and the
        selection; when the selected record is gone (deleted), select its nearest parent
        that is still there."""
        expanded = [key for key, node in self.nav_model.by_key.items()
                    if node.children and self.tree.isExpanded(self.nav_model.index_of(key))]
        current = self.current_key
        parents = []
        node = self.nav_model.by_key.get(current or "")
        while node is not None and node.parent is not None and node.parent.key:
            node = node.parent
            parents.append(node.key)
        self.tree.selectionModel().blockSignals(True)
        self.nav_model.rebuild()
        for key in expanded:
            index = self.nav_model.index_of(key)
            if index.isValid():
                self.tree.expand(index)
        self.tree.selectionModel().blockSignals(False)
        if current and current in self.nav_model.by_key:
            index = self.nav_model.index_of(current)
            self.tree.selectionModel().blockSignals(True)
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.selectionModel().blockSignals(False)
        elif current:
            parent = next((key for key in parents if key in self.nav_model.by_key), None)
            if parent is None and self.nav_model.root.children:
                parent = self.nav_model.root.children[0].key
            if parent is not None:
                self.select_key(parent)

    def run_analysis(self) -> None:
        if self.doc is None or self.doc.path is None:
            return
        if self._analysis_task is not None and not self._analysis_task.done:
            self._analysis_again = True
            return
        path = Path(self.doc.path)
        self._analysis_task = run_task(lambda progress: analyse(path, progress),
                                       on_result=self._analysed,
                                       on_error=lambda e, d: self.statusBar().showMessage(
                                           self.tr("Checks failed: %1").replace("%1", str(e))),
                                       on_finished=self._analysis_finished)

    def _analysis_finished(self) -> None:
        if self._analysis_again:
            self._analysis_again = False
            self.analysis_timer.start()

    def _analysed(self, analysis) -> None:
        self.analyses += 1
        self.problems.set_problems(analysis.problems)
        self.summary.set_summary(analysis.summary)
        self._problem_count = len(analysis.problems)
        self._set_problems_tab()

    def _set_problems_tab(self) -> None:
        self.bottom_tabs.setTabText(0, self.tr("Problems (%1)").replace(
            "%1", str(self._problem_count)) if self._problem_count else self.tr("Problems"))

    def _preview_visibility(self, visible: bool) -> None:
        if visible:
            self.request_preview()

    def request_preview(self, now: bool = False) -> None:
        if self.doc is None or not self.preview_dock.isVisible() or self.current_key is None:
            return
        node = self.nav_model.by_key.get(self.current_key) if self.nav_model else None
        if node is None:
            return
        ward = None
        hints: list[str] = []
        kind = self.current_key.partition(":")[0]
        store = self.doc.store
        if kind in ("ward", "projects"):
            plan = store.row("ward_plan", node.row_id)
            ward = store.row("ward", plan["ward_id"])["name"] if plan else None
            hints = [ward or ""]
        elif kind in ("vision", "measures", "initiatives"):
            row = store.row("vision", node.row_id)
            hints = [f"ビジョン{row['number']}"] if row else []
        elif kind == "initiative":
            row = store.row("initiative", node.row_id)
            if row and row["vision_id"]:
                vision = store.row("vision", row["vision_id"])
                hints = [f"ビジョン{vision['number']}"]
        elif kind in ("priority", "priorities"):
            hints = ["重点事項"]
        elif kind == "contact":
            hints = ["裏表紙", "連絡先"]
        self.preview.request(Path(self.doc.path) if self.doc.path else None, node.fiscal_year,
                             ward, hints)
        if now:
            self.preview.timer.start(0)

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

    # -- exports ----------------------------------------------------------------------------
    def _export_dir(self) -> str:
        return self.settings.get(S.LAST_EXPORT_DIR) or self._dialog_dir()

    def _ask_output(self, title: str, name: str, filter_: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, os.path.join(self._export_dir(), name),
                                              filter_)
        if not path:
            return None
        self.settings.set(S.LAST_EXPORT_DIR, str(Path(path).parent))
        return Path(path)

    def current_ward(self) -> str | None:
        if not self.current_key or self.doc is None:
            return None
        kind, _, raw = self.current_key.partition(":")
        if kind in ("ward", "projects") and raw.isdigit():
            plan = self.doc.store.row("ward_plan", int(raw))
            return self.doc.store.row("ward", plan["ward_id"])["name"] if plan else None
        return None

    def export_booklet(self, output: Path, print_production: bool = False) -> None:
        year = self.current_fiscal_year()
        self.exports.run(self.tr("Typesetting the booklet…"),
                         job_booklet(Path(self.doc.path), year, Path(output), print_production))

    def export_ward_sheets(self, output: Path, wards: list[str] | None = None) -> None:
        year = self.current_fiscal_year()
        self.exports.run(self.tr("Typesetting the ward sheets…"),
                         job_ward_sheets(Path(self.doc.path), year, Path(output), wards))

    def export_ward_excel(self, output: Path, ward: str) -> None:
        year = self.current_fiscal_year()
        self.exports.run(self.tr("Writing the workbook…"),
                         job_ward_excel(Path(self.doc.path), year, ward, Path(output)))

    def ask_export_booklet(self) -> None:
        year = self.current_fiscal_year()
        if self.doc is None or year is None:
            return
        output = self._ask_output(self.tr("Booklet PDF"), f"{era_label(year)}アクションプラン.pdf",
                                  self.tr("PDF (*.pdf)"))
        if output is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Booklet PDF"),
                          self.tr("For the printer (3 mm bleed, crop marks, pages padded to a "
                                  "multiple of 4)?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.export_booklet(output, box.exec() == QMessageBox.StandardButton.Yes)

    def ask_export_ward_sheets(self) -> None:
        year = self.current_fiscal_year()
        if self.doc is None or year is None:
            return
        output = self._ask_output(self.tr("Ward sheets PDF"), f"{era_label(year)}各区まちづくりの取組み.pdf",
                                  self.tr("PDF (*.pdf)"))
        if output is not None:
            self.export_ward_sheets(output)

    def ask_export_ward_excel(self) -> None:
        ward = self.current_ward()
        year = self.current_fiscal_year()
        if ward is None:
            self.show_error(self.tr("Ward sheet to Excel"),
                            self.tr("Select a ward in the navigator first."))
            return
        output = self._ask_output(self.tr("Ward sheet to Excel"), f"{era_label(year)}{ward}.xlsx",
                                  self.tr("Excel workbook (*.xlsx)"))
        if output is not None:
            self.export_ward_excel(output, ward)

    def ask_import_ward_excel(self) -> None:
        if self.doc is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a ward workbook"),
                                              self._export_dir(),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.exports.import_ward_workbook(Path(path))

    # -- window -----------------------------------------------------------------------------
    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle("PlanBook")
            return
        name = Path(self.doc.path).name if self.doc.path else self.tr("(in memory)")
        year = self.current_fiscal_year()
        fy = f" — {era_label(year)} ({year})" if year else ""
        self.setWindowTitle(f"{name}{fy} — PlanBook")

    def _update_actions(self) -> None:
        a = self.actions_
        has_doc = self.doc is not None
        for action_id in (A.SAVE_COPY, A.EXPORT_BOOKLET, A.EXPORT_WARD_SHEETS,
                          A.EXPORT_WARD_EXCEL, A.IMPORT_WARD_EXCEL, A.FIND, A.HISTORY):
            a[action_id].setEnabled(has_doc)
        stack = self.doc.undo_stack if has_doc else None
        a[A.UNDO].setEnabled(bool(stack and stack.canUndo()))
        a[A.REDO].setEnabled(bool(stack and stack.canRedo()))
        undo_text = stack.undoText() if stack else ""
        redo_text = stack.redoText() if stack else ""
        a[A.UNDO].setText(self.tr("&Undo %1").replace("%1", undo_text).strip() if undo_text
                          else self.tr("&Undo"))
        a[A.REDO].setText(self.tr("&Redo %1").replace("%1", redo_text).strip() if redo_text
                          else self.tr("&Redo"))

    def _restore_window(self) -> None:
        geometry = self.settings.get(S.WINDOW_GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if self.settings.get(S.WINDOW_STATE_VERSION_KEY) == S.WINDOW_STATE_VERSION:
            state = self.settings.get(S.WINDOW_STATE)
            if state and not state.isEmpty():
                self.restoreState(state, S.WINDOW_STATE_VERSION)
        else:
            self._first_layout()

    def _first_layout(self) -> None:
        """First start: a window that fits the screen (1366×768 laptops too), the navigator
        and the preview beside an editor that keeps at least half of the width."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1500, 920
        if screen is not None:
            width = min(width, int(screen.width() * 0.94))
            height = min(height, int(screen.height() * 0.92))
            self.resize(width, height)
            self.move(screen.x() + (screen.width() - width) // 2,
                      screen.y() + (screen.height() - height) // 2)
        nav = max(220, min(300, int(width * 0.2)))
        preview = max(260, min(430, int(width * 0.28)))
        self.resizeDocks([self.nav_dock, self.preview_dock], [nav, preview],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.bottom_dock], [max(140, min(190, int(height * 0.2)))],
                         Qt.Orientation.Vertical)

    def save_window(self) -> None:
        self.settings.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(S.WINDOW_STATE, self.saveState(S.WINDOW_STATE_VERSION))
        self.settings.set(S.WINDOW_STATE_VERSION_KEY, S.WINDOW_STATE_VERSION)
        self.settings.sync()

    def _language(self, code: str) -> None:
        if code == self.settings.get(S.LANGUAGE):
            return
        self.settings.set(S.LANGUAGE, code)
        self.language_change_requested.emit(code)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_external_change()  # at once when the user comes back to the window
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Show every text in the language just installed, keeping the window as it is."""
        self.retranslations += 1
        # longer or shorter texts must not move the docks
        docks = [d for d in (self.nav_dock, self.preview_dock) if d.isVisible()]
        widths = [d.width() for d in docks]
        height = self.bottom_dock.height() if self.bottom_dock.isVisible() else 0

        def keep_docks():
            self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
            if height:
                self.resizeDocks([self.bottom_dock], [height], Qt.Orientation.Vertical)

        QTimer.singleShot(0, self, keep_docks)
        retranslate_actions(self.actions_)
        for widget, source in self._menus:
            text = self.tr(source)
            if hasattr(widget, "setTitle"):
                widget.setTitle(text)
            else:
                widget.setWindowTitle(text)
        self.nav_dock.setWindowTitle(self.tr("Plan"))
        self.preview_dock.setWindowTitle(self.tr("Preview"))
        self.bottom_dock.setWindowTitle(self.tr("Problems and summary"))
        self.bottom_tabs.setTabText(1, self.tr("Summary"))
        self.bottom_tabs.setTabText(2, self.tr("Search"))
        self.placeholder.setText(self.tr("Open a plan file (File ▸ Open) or create one."))
        for panel in (self.problems, self.summary, self.search, self.preview):
            if hasattr(panel, "retranslate"):
                panel.retranslate()
        self._set_problems_tab()
        current = self.settings.get(S.LANGUAGE)
        self.actions_[A.LANG_EN if current == "en" else A.LANG_JA].setChecked(True)
        self._update_actions()
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        if self.doc is None:
            return
        self._rebuild_navigator()
        key = self.current_key
        self.drop_pages()
        if key:
            self.current_key = None
            self._show_key(key)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About PlanBook"),
                          self.tr("<h3>PlanBook</h3><p>Edit the city's annual action plan and "
                                  "typeset its booklet and ward sheets.</p><p>Every change is "
                                  "saved to the plan file as you make it.</p>"))

    def closeEvent(self, event) -> None:
        self.save_window()
        self.preview.shutdown()
        self.analysis_timer.stop()
        self.close_document()
        super().closeEvent(event)


__all__ = ["MainWindow", "QKeySequence"]
