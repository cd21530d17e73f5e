"""The window's title, action states, geometry, language and About box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QRect,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QMessageBox,
)

from db.era import era_label
from desktop.publish import collector

from . import settings as S
from .actions import A, retranslate_actions

ROOMY_WIDTH = 1600  # narrower: a laptop screen (1366×768, 1280×800)


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
        """First start: a window that fits the screen (see ``fit_screen``)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        self.fit_screen(screen if screen is not None else QRect(0, 0, 1500, 920))

    def fit_screen(self, screen: QRect) -> None:
        """Size the window for a screen's free area. On a laptop (narrower than
        ``ROOMY_WIDTH``) the window fills it and the table gets the room: the preview and the
        bottom panels start hidden, one key away (F6, F7, F8); on a wide screen the window
        takes most of it with the preview and the panels beside the editor."""
        roomy = screen.width() >= ROOMY_WIDTH
        width = min(1500, int(screen.width() * 0.94)) if roomy else screen.width()
        height = min(920, int(screen.height() * 0.92)) if roomy else screen.height()
        self.resize(width, height)
        self.move(screen.x() + (screen.width() - width) // 2,
                  screen.y() + (screen.height() - height) // 2)
        self.preview_dock.setVisible(roomy)
        self.bottom_dock.setVisible(roomy)
        self.log_dock.setVisible(False)
        self.resizeDocks([self.nav_dock, self.preview_dock],
                         [max(200, min(300, int(width * 0.17))),
                          max(260, min(430, int(width * 0.28)))], Qt.Orientation.Horizontal)
        self.resizeDocks([self.bottom_dock], [max(140, min(190, int(height * 0.2)))],
                         Qt.Orientation.Vertical)

    def resizeEvent(self, event) -> None:
        """Toolbar buttons: icon and text on a wide window, icons (with tooltips) on a narrow
        one, so nothing is cut off."""
        super().resizeEvent(event)
        toolbar = getattr(self, "toolbar", None)
        if toolbar is not None:
            toolbar.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon if self.width() >= ROOMY_WIDTH + 200
                else Qt.ToolButtonStyle.ToolButtonIconOnly)

    # -- the first frame ------------------------------------------------------------------
    def after_first_paint(self, work) -> None:
        """Run ``work`` (what can wait, such as the day's safety copy) just after the
        window's first frame, so that the window shows at once; soon anyway when no frame comes
        (a window opened minimised), and at once when it has painted or is not shown."""
        if self._painted or not self.isVisible():
            QTimer.singleShot(0, work)
            return
        if not self._after_paint:
            QTimer.singleShot(2000, self._first_frame_done)
        self._after_paint.append(work)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._first_frame_done()

    def _first_frame_done(self) -> None:
        self._painted = True
        collector.resume_after_start()  # (paused while the editor started: desktop/app.py)
        waiting, self._after_paint = self._after_paint, []
        for work in waiting:
            QTimer.singleShot(0, work)  # after this frame is on the screen

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
        self.log_dock.setWindowTitle(t("Change log"))
        panels = self.built_panels()  # (built later, they are made in the new language)
        if panels:
            self.bottom_tabs.setTabText(1, t("Summary"))
            self.bottom_tabs.setTabText(2, t("Search"))
        self.placeholder.setText(t("Open a plan file (File ▸ Open) or create one."))
        for panel in (*[panels[n] for n in ("problems", "summary", "search", "change_log")
                        if n in panels], self.preview):
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
