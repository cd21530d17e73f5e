"""The window's title, action states, geometry, language and About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QMessageBox,
)

from db.era import era_label

from . import settings as S
from .actions import A, retranslate_actions


def t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class WindowState:
    """The main window's state and language (a part of ``MainWindow``)."""

    # -- window -----------------------------------------------------------------------------
    def _update_title(self) -> None:
        if self.doc is None:
            self.setWindowTitle("PlanBook")
            return
        name = Path(self.doc.path).name if self.doc.path else t("(in memory)")
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
        a[A.UNDO].setText(t("&Undo %1").replace("%1", undo_text).strip() if undo_text
                          else t("&Undo"))
        a[A.REDO].setText(t("&Redo %1").replace("%1", redo_text).strip() if redo_text
                          else t("&Redo"))

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
            text = t(source)
            if hasattr(widget, "setTitle"):
                widget.setTitle(text)
            else:
                widget.setWindowTitle(text)
        self.nav_dock.setWindowTitle(t("Plan"))
        self.preview_dock.setWindowTitle(t("Preview"))
        self.bottom_dock.setWindowTitle(t("Problems and summary"))
        self.bottom_tabs.setTabText(1, t("Summary"))
        self.bottom_tabs.setTabText(2, t("Search"))
        self.placeholder.setText(t("Open a plan file (File ▸ Open) or create one."))
        for panel in (self.problems, self.summary, self.search, self.preview):
            if hasattr(panel, "retranslate"):
                panel.retranslate()
        self._set_problems_tab()
        current = self.settings.get(S.LANGUAGE)
        self.actions_[A.LANG_EN if current == "en" else A.LANG_JA].setChecked(True)
        self._update_actions()
        self.statusBar().showMessage(t("Ready"), 3000)
        if self.doc is None:
            return
        self._rebuild_navigator()
        key = self.current_key
        self.drop_pages()
        if key:
            self.current_key = None
            self._show_key(key)

    def about(self) -> None:
        QMessageBox.about(self, t("About PlanBook"),
                          t("<h3>PlanBook</h3><p>Edit the city's annual action plan and "
                                  "typeset its booklet and ward sheets.</p><p>Every change is "
                                  "saved to the plan file as you make it.</p>"))
