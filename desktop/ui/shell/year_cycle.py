"""The annual cycle in the main window (a part of ``MainWindow``): File ▸ 新年度を作成…,
View ▸ 前年度比較, making a year final and reopening it, the lock banner over a final
edition's pages, and booklet exports that record a snapshot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.era import era_label

from .actions import A

if TYPE_CHECKING:  # the dialogs load when first opened (the compare window brings openpyxl)
    from ..cycle.compare_window import CompareWindow
    from ..cycle.new_year_dialog import NewYearDialog
    from ..cycle.review_dialog import ReviewDialog

SHOWN_PROBLEMS = 15


def t(text: str) -> str:
    return QCoreApplication.translate("Cycle", text)


class LockBanner(QFrame):
    """Says why a final edition's page cannot be edited, and offers to reopen it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lockBanner")
        self.setStyleSheet("#lockBanner { background: #FFF4CC; border-bottom: 1px solid #E0C860; }")
        self.label = QLabel(self)
        self.label.setObjectName("lockText")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("reopenButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_for(self, year: int) -> None:
        self.label.setText(t("%1 is final (確定): it is read-only. Reopen it to change it; "
                             "the reason is recorded.").replace("%1", era_label(year)))
        self.button.setText(t("Reopen (確定を解除)…"))
        self.show()


class BookletOptions(QDialog):
    """Print production, and a snapshot of what is sent out (always for a final edition)."""

    def __init__(self, final: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("bookletOptions")
        self.setWindowTitle(t("Booklet PDF"))
        self.print_production = QCheckBox(t("For the printer (3 mm bleed, crop marks, pages "
                                            "padded to a multiple of 4)"), self)
        self.record = QCheckBox(t("Record a snapshot (a draft sent out for review, e.g. to the "
                                  "council)"), self)
        self.record.setObjectName("recordSnapshot")
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(t("Note, e.g. 議会提出"))
        if final:
            self.record.setChecked(True)
            self.record.setEnabled(False)
            self.record.setText(t("A snapshot is recorded: this edition is final"))
        from PySide6.QtWidgets import QDialogButtonBox  # (dialogs' classes: loaded when used)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.print_production, self.record, self.note, buttons):
            layout.addWidget(widget)


class YearCycle:
    """Mixed into ``MainWindow`` before the other parts (it extends some of their methods)."""

    def _install_cycle(self) -> None:
        self.compare_window: CompareWindow | None = None
        self.new_year_dialog: NewYearDialog | None = None
        self.review_dialog: ReviewDialog | None = None
        self.lock_banner = LockBanner(self)
        self.lock_banner.button.clicked.connect(self.ask_reopen)
        stack = self.takeCentralWidget()
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.lock_banner)
        layout.addWidget(stack)
        self.setCentralWidget(centre)
        a = self.actions_
        a[A.NEW_YEAR].triggered.connect(self.ask_new_year)
        a[A.COMPARE].triggered.connect(self.show_compare)
        a[A.FINALIZE].triggered.connect(self.ask_finalize)
        a[A.REOPEN].triggered.connect(self.ask_reopen)

    # -- state ------------------------------------------------------------------------------
    def current_edition(self):
        year = self.current_fiscal_year() if self.doc is not None else None
        return self.doc.store.edition(year) if year is not None else None

    def _update_title(self) -> None:
        super()._update_title()
        self.apply_lock()

    def _update_actions(self) -> None:
        super()._update_actions()
        edition = self.current_edition() if getattr(self, "lock_banner", None) else None
        a = self.actions_
        a[A.NEW_YEAR].setEnabled(edition is not None)
        a[A.COMPARE].setEnabled(edition is not None)
        a[A.FINALIZE].setEnabled(edition is not None and edition.status == "draft")
        a[A.REOPEN].setEnabled(edition is not None and edition.status == "final")

    def apply_lock(self) -> None:
        """A final edition's page is disabled under a banner that says why."""
        if not hasattr(self, "lock_banner"):
            return
        edition = self.current_edition()
        final = edition is not None and edition.status == "final"
        if final:
            self.lock_banner.show_for(edition.fiscal_year)
        else:
            self.lock_banner.hide()
        page = self.current_page()
        if page is not None:
            page.setEnabled(not final)
        self._update_actions()

    # -- new year ---------------------------------------------------------------------------
    def ask_new_year(self) -> None:
        edition = self.current_edition()
        if edition is None:
            return
        from ..cycle.new_year_dialog import NewYearDialog

        dialog = NewYearDialog(self.doc.store, self.doc.path, edition.fiscal_year, parent=self)
        dialog.created.connect(self._year_created)
        self.new_year_dialog = dialog
        dialog.open()

    def _year_created(self, rollover) -> None:
        self.doc.check_external_change()  # the copy was written by its own connection
        plan = rollover.plan
        self.select_key(f"edition:{rollover.edition_id}")
        if rollover.review:
            from ..cycle.review_dialog import ReviewDialog

            review = ReviewDialog(rollover, self)
            review.go_to.connect(lambda table, row_id, field: self.go_to(table, row_id, field))
            self.review_dialog = review
            review.show()
        self.statusBar().showMessage(
            t("%1 was created from %2 as a draft; %3 places name a year: review them.")
            .replace("%1", era_label(plan.to_year)).replace("%2", era_label(plan.from_year))
            .replace("%3", str(len(rollover.review))), 15000)

    # -- compare ----------------------------------------------------------------------------
    def show_compare(self) -> CompareWindow | None:
        edition = self.current_edition()
        if edition is None:
            return None
        if self.compare_window is not None:
            self.compare_window.close()
            self.compare_window.deleteLater()
        from ..cycle.compare_window import CompareWindow

        window = CompareWindow(self.doc.store, edition.fiscal_year, self)
        window.go_to.connect(lambda table, row_id: self.go_to(table, row_id))
        self.compare_window = window
        window.show()
        return window

    # -- status -----------------------------------------------------------------------------
    def ask_finalize(self) -> bool:
        from db.checks import ERROR
        from db.cycle import CycleError, finalize, finalize_problems

        edition = self.current_edition()
        if edition is None or edition.status == "final":
            return False
        year = edition.fiscal_year
        problems = finalize_problems(self.doc.store, year)
        errors = [p for p in problems if p.severity == ERROR]
        listing = "\n".join(str(p) for p in (errors or problems)[:SHOWN_PROBLEMS])
        more = len(errors or problems) - SHOWN_PROBLEMS
        if more > 0:
            listing += "\n" + t("… and %1 more (see the Problems tab)").replace("%1", str(more))
        if errors:
            self.show_error(t("Make final"), t("%1 cannot be made final: the checks find %2 "
                                               "errors. Fix them first:").replace(
                "%1", era_label(year)).replace("%2", str(len(errors))) + "\n\n" + listing)
            return False
        question = t("Make %1 final (確定)? It becomes read-only everywhere and its booklet "
                     "prints without (案).").replace("%1", era_label(year))
        if problems:
            question += "\n\n" + t("The checks list %1 warnings:").replace(
                "%1", str(len(problems))) + "\n" + listing
        box = QMessageBox(QMessageBox.Icon.Question, t("Make final"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("finalizeQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            finalize(self.doc.store, year, accept_warnings=True, user=self._user())
        except CycleError as error:
            self.show_error(t("Make final"), str(error))
            return False
        # earlier steps may touch the year that is now read-only: the history starts again
        self.doc.undo_stack.clear()
        self.doc.note("edition", edition.id, structural=True)
        self.statusBar().showMessage(t("%1 is final (確定).").replace("%1", era_label(year)),
                                     10000)
        return True

    def ask_reopen(self) -> bool:
        edition = self.current_edition()
        if edition is None or edition.status != "final":
            return False
        year = edition.fiscal_year
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(
            self, t("Reopen"), t("%1 is final. Why is it reopened? (recorded with your name "
                                 "and the time)").replace("%1", era_label(year)))
        if not ok:
            return False
        if not reason.strip():
            self.show_error(t("Reopen"), t("Say why it is reopened; nothing was changed."))
            return False
        from db.cycle import reopen

        reopen(self.doc.store, year, reason, user=self._user())
        self.doc.note("edition", edition.id, structural=True)
        self.statusBar().showMessage(t("%1 is a draft again.").replace("%1", era_label(year)),
                                     10000)
        return True

    def _user(self) -> str | None:
        context = self.doc.store.change_context if self.doc else None
        return context.user if context else None

    # -- booklet with a snapshot ------------------------------------------------------------
    def ask_export_booklet(self) -> None:
        edition = self.current_edition()
        if edition is None:
            return
        options = BookletOptions(edition.status == "final", self)
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        output = self._ask_output(t("Booklet PDF"),
                                  f"{era_label(edition.fiscal_year)}アクションプラン.pdf",
                                  t("PDF (*.pdf)"))
        if output is not None:
            self.export_booklet(output, options.print_production.isChecked(),
                                record=options.record.isChecked(), note=options.note.text())

    def export_booklet(self, output: Path, print_production: bool = False, *,
                       record: bool = False, note: str = "") -> None:
        from db.snapshots import should_record

        from .exports import job_booklet
        year = self.current_fiscal_year()
        kind = should_record(self.doc.store, year, record)
        pages: dict[str, int] = {}
        job = job_booklet(Path(self.doc.path), year, Path(output), print_production, pages)
        if kind is not None:
            def recorded(path) -> None:
                self.exports.finished.disconnect(recorded)
                if path is not None and self.doc is not None:
                    from db.snapshots import record_snapshot
                    record_snapshot(self.doc.store, year, kind, pdf=path, note=note,
                                    page_count=pages.get("pages"), user=self._user())
            self.exports.finished.connect(recorded)
        self.exports.run(t("Typesetting the booklet…"), job)


__all__ = ["YearCycle"]
