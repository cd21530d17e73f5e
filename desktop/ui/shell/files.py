"""Opening, creating and copying plan files; recent files; error boxes."""

from __future__ import annotations

import datetime
import os
import sqlite3
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QTimer,
)
from PySide6.QtWidgets import (
    QMessageBox,
)

from db import change_log
from db.damage import content_damage
from db.era import era_label
from db.errors import PlanFileError
from db.planfile import new_plan_file
from db.records import Edition
from db.store import open_plan
from desktop.paths import backups_dir

from ..db_text import db_text, error_text
from ..docks.navigator import NavigatorModel
from ..document.document import PlanDocument
from ..file_dialogs import open_file_name, save_file_name
from ..worker import wait_for_all
from . import settings as S


def t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def current_fiscal_year(today: datetime.date | None = None) -> int:
    today = today or datetime.date.today()
    return today.year if today.month >= 4 else today.year - 1


class FileHandling:
    """The main window's File menu work (a part of ``MainWindow``)."""

    # -- files ------------------------------------------------------------------------------
    def open_path(self, path: Path | str) -> bool:
        """Open a plan file; a bad file gives a dialog and is left untouched."""
        path = Path(path)
        try:
            store = open_plan(path)
        except PlanFileError as error:
            self.show_error(t("Cannot open the plan file"), error_text(error))
            return False
        except (sqlite3.Error, OSError) as error:
            self.show_error(t("Cannot open the plan file"),
                            t("%1: not a PlanBook plan file (%2).").replace("%1", str(path))
                            .replace("%2", str(error)))
            return False
        # Build the new document and its navigator while the open plan stays open: a file
        # whose pages are damaged past its header passes open_plan and fails only here.
        try:
            places = content_damage(store)
        except sqlite3.Error:
            places = []  # a damaged structure: the quick check below reports it
        if places:  # content PlanBook never writes: say where, before any record is built
            store.close()
            self.show_error(t("Cannot open the plan file"),
                            t("%1: damaged file: PlanBook cannot read these places (the file "
                              "was changed outside PlanBook, or is damaged). Restore a backup "
                              "or correct them. The plan that was open stays open.")
                            .replace("%1", str(path)) + "\n\n"
                            + "\n".join(db_text(p) for p in places))
            return False
        doc = PlanDocument(store)
        try:
            damage = store.damage()
            if damage is not None:
                raise sqlite3.DatabaseError(damage)
            navigator = NavigatorModel(doc, self)
        except sqlite3.Error as error:
            doc.close()
            doc.deleteLater()
            self.show_error(t("Cannot open the plan file"),
                            t("%1: the file is damaged (%2). The plan that was open "
                                    "stays open.").replace("%1", str(path))
                            .replace("%2", str(error)))
            return False
        self.set_document(doc, navigator)
        self._refresh_recent(self.settings.add_recent(str(path)))
        self.after_first_paint(lambda: self._daily_backup(store))
        return True

    def _daily_backup(self, store) -> None:
        """The first open of a day keeps a safety copy (see db.backups); never blocks opening:
        written once the window shows (unless another file was opened meanwhile)."""
        if self.doc is None or self.doc.store is not store:
            return
        from db.backups import daily_backup  # hashlib (OpenSSL) loads here, not at start

        try:
            copy = daily_backup(store, backups_dir())
        except (sqlite3.Error, OSError) as error:
            self.statusBar().showMessage(
                t("Could not write today's safety copy: %1").replace("%1", str(error)), 15000)
            return
        if copy is not None:
            self.statusBar().showMessage(
                t("Safety copy written: %1").replace("%1", str(copy)), 8000)

    def set_document(self, doc: PlanDocument, navigator: NavigatorModel | None = None) -> None:
        """Show ``doc`` in place of the open one; ``navigator``: its tree, when already built
        (built before the old document closes, so a failure leaves the old one open)."""
        if navigator is None:
            navigator = NavigatorModel(doc, self)
        self.close_document()
        self.doc = doc
        self.apply_user_name()
        doc.changed.connect(self._on_changed)
        doc.changed_elsewhere.connect(self._changed_elsewhere)
        doc.refused.connect(lambda text: self.statusBar().showMessage(text, 15000))
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
        QTimer.singleShot(0, self.run_analysis)  # (start(0) would keep the 600 ms at 0)

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
        if self.doc.unsaved and not self.doc.retry_unsaved():
            self.show_error(t("Some edits could not be saved"), t(
                "Another program kept the file locked, so these edits are not in it: %1")
                .replace("%1", "; ".join(f"{field} = {value}" for (_, _, field), (value, _)
                                         in self.doc.unsaved.items())))
        self.doc.changed.disconnect(self._on_changed)
        self.doc.undo_stack.blockSignals(True)
        self.doc.close()
        self.doc = None

    def new_file(self, path: Path | str, from_sample: bool) -> bool:
        path = Path(path)
        if self.doc is not None and self.doc.path and Path(self.doc.path).resolve() == path.resolve():
            self.show_error(t("Cannot create the plan file"),
                            t("That file is open now; choose another name."))
            return False
        # Built complete under a unique temporary name beside the target, then put in its
        # place in one step (stale logs beside it cleared first): a failure leaves the old file
        # as it was and no half-written plan behind.
        store = None
        try:
            with new_plan_file(path) as temporary:
                with open_plan(temporary, create=True) as building:
                    if from_sample:
                        from db.sample import load_sample
                        load_sample(building)
                    else:
                        year = current_fiscal_year()
                        with change_log.unlogged(building):  # a new plan, not a change to one
                            building.add_edition(
                                Edition(year, title=f"{era_label(year)}アクションプラン"))
            store = open_plan(path)
        except Exception as error:  # noqa: BLE001 - shown to the user
            if store is not None:
                store.close()
            self.show_error(t("Cannot create the plan file"), error_text(error))
            return False
        self.set_document(PlanDocument(store))
        self._refresh_recent(self.settings.add_recent(str(path)))
        return True

    def save_copy(self, destination: Path | str) -> bool:
        destination = Path(destination)
        try:
            self.doc.store.save_copy(destination)
        except (PlanFileError, sqlite3.Error, OSError) as error:
            self.show_error(t("Cannot save the copy"), error_text(error))
            return False
        self.statusBar().showMessage(t("Copy written: %1").replace("%1", str(destination)),
                                     8000)
        return True

    def _dialog_dir(self) -> str:
        if self.doc is not None and self.doc.path:
            return str(Path(self.doc.path).parent)
        return str(Path.home())

    def ask_open(self) -> None:
        path = open_file_name(self, t("Open a plan file"), self._dialog_dir(),
                                              t("PlanBook plans (*.sqlite *.planbook *.db);;"
                                                      "All files (*)"))
        if path:
            self.open_path(path)

    def ask_new(self, from_sample: bool) -> None:
        path = save_file_name(
            self, t("New plan file"), os.path.join(self._dialog_dir(), "plan.sqlite"),
            t("PlanBook plans (*.sqlite)"))
        if path:
            self.new_file(path, from_sample)

    def ask_save_copy(self) -> None:
        if self.doc is None:
            return
        name = Path(self.doc.path).stem + "-copy.sqlite" if self.doc.path else "plan-copy.sqlite"
        path = save_file_name(self, t("Save a copy as"),
                                              os.path.join(self._dialog_dir(), name),
                                              t("PlanBook plans (*.sqlite)"))
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
            self.show_error(t("Cannot open the plan file"),
                            t("%1: no such file.").replace("%1", path))
            return
        self.open_path(path)

    def show_error(self, title: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("errorBox")
        self.last_error = box
        box.open()
        return box
