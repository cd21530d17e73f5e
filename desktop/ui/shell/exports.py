"""Exports from the GUI: booklet and ward sheets PDF, ward Excel export and import.

Each runs in a worker with a progress dialog and Cancel; the window never freezes. A finished
export offers to open the file or show it in its folder. The import shows its diff first and
becomes one undo step. The Qt classes only these dialogs use are loaded with them, not at the
editor's start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from db.era import era_label

from ..db_text import error_text
from ..document import commands
from ..worker import run_task

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog


def t(text: str) -> str:
    return QCoreApplication.translate("Exports", text)


def _job(path: Path, year: int, label: str, output: Path, build):
    """A worker job: read ``year`` of the plan at ``path`` with its own read-only connection,
    then ``build(doc, progress)`` writes ``output``; the job's result is ``output``, or
    ``(output, notes)`` for a PDF (its preflight, grouped, for the Problems panel)."""
    def run(progress):
        from db.store import open_plan
        from desktop.publish.layout_caches import forget_layouts

        with open_plan(path, readonly=True) as store:
            doc = store.load(year)
        progress.step(0, 1, label)
        try:
            report = build(doc, progress)
        finally:
            forget_layouts()  # the editor lives on: one document's texts are not kept
        return output if report is None else (output, report.notes())
    return run


def job_booklet(path: Path, year: int, output: Path, print_production: bool,
                report: dict | None = None):
    """``report``: receives the page count ("pages"), for the snapshot of what was printed."""
    def build(doc, progress):
        from desktop.publish.booklet import build_booklet
        built = build_booklet(doc, output, print_production=print_production, progress=progress)
        if report is not None:
            report["pages"] = built.pages
        return built
    return _job(path, year, t("Typesetting the booklet…"), output, build)


def job_ward_sheets(path: Path, year: int, output: Path, wards: list[str] | None):
    def build(doc, progress):
        from desktop.publish.ward_sheets import build_ward_sheets
        return build_ward_sheets(doc, output, wards=wards, progress=progress)
    return _job(path, year, t("Typesetting the ward sheets…"), output, build)


def job_ward_excel(path: Path, year: int, ward: str, output: Path):
    def build(doc, progress):
        from desktop.publish.ward_excel import export_ward_workbook
        export_ward_workbook(doc, ward, output)
    return _job(path, year, t("Writing the workbook…"), output, build)


class ExportController(QObject):
    finished = Signal(object)  # output path, or None when cancelled/failed
    imported = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.task = None
        self.dialog: QProgressDialog | None = None
        self.last_box: QMessageBox | None = None

    def run(self, title: str, job) -> None:
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(title, QCoreApplication.translate("Exports", "Cancel"), 0, 0, self.window)
        dialog.setObjectName("exportProgress")
        dialog.setWindowTitle(QCoreApplication.translate("Exports", "Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self.dialog = dialog
        self.task = run_task(job, on_result=self._done, on_error=self._failed,
                             on_progress=self._progress, on_cancelled=self._cancelled,
                             on_finished=self._close)
        dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int, label: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if label:
            self.dialog.setLabelText(label)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _cancelled(self) -> None:
        self._close()
        self.window.statusBar().showMessage(QCoreApplication.translate("Exports", "Export cancelled; nothing was written."), 8000)
        self.finished.emit(None)

    def _failed(self, error, details) -> None:
        self._close()
        self.window.show_error(QCoreApplication.translate("Exports", "Export failed"),
                               error_text(error))
        self.finished.emit(None)

    def _done(self, result) -> None:
        self._close()
        output = result
        if isinstance(result, tuple):  # a PDF: its preflight goes to the Problems panel
            output, notes = result
            self.window.problems.set_print_notes(notes)
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Exports", "Export finished"),
                          QCoreApplication.translate("Exports", "Written: %1").replace("%1", str(output)), QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("exportDone")
        open_button = box.addButton(QCoreApplication.translate("Exports", "Open file"), QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton(QCoreApplication.translate("Exports", "Show in folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)

        def clicked(button):
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            if button is open_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(output)))
            elif button is folder_button:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(output).parent)))

        box.buttonClicked.connect(clicked)
        self.last_box = box
        box.open()
        self.window.statusBar().showMessage(QCoreApplication.translate("Exports", "Written: %1").replace("%1", str(output)), 8000)
        self.finished.emit(output)

    # -- ward Excel import ------------------------------------------------------------------
    def import_ward_workbook(self, workbook_path: Path) -> None:
        asked: list = []  # the task's Progress: a Cancel that arrives with the result wins

        def read(progress):
            from desktop.publish import ward_excel
            asked.append(progress)
            progress.step(0, 1, t("Reading the workbook…"))
            workbook = ward_excel.read_ward_workbook(workbook_path)
            progress.step(1, 1, "")  # raises Cancelled when Cancel was pressed while reading
            return workbook

        def read_done(workbook) -> None:
            if asked and asked[0].cancelled:
                self._import_cancelled()
            else:
                self._plan_import(workbook)

        self._workbook_path = workbook_path
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog(t("Reading the workbook…"), t("Cancel"), 0, 0, self.window)
        dialog.setMinimumDuration(300)
        self.dialog = dialog
        self.task = run_task(read, on_result=read_done, on_error=self._import_failed,
                             on_cancelled=self._import_cancelled, on_finished=self._close)
        dialog.canceled.connect(self.cancel)

    def _import_cancelled(self) -> None:
        self._close()
        self.window.statusBar().showMessage(t("Import cancelled; nothing was changed."), 8000)

    def _import_failed(self, error, details) -> None:
        self.window.show_error(QCoreApplication.translate("Exports", "The workbook was refused"),
                               error_text(error))

    def _plan_import(self, workbook) -> None:
        from desktop.publish.ward_excel import plan_ward_import
        doc = self.window.doc
        try:
            plan = plan_ward_import(doc.store, workbook)
        except Exception as error:  # noqa: BLE001 - ValidationError and friends, for the user
            self._import_failed(error, "")
            return
        dialog = ImportPreviewDialog(plan, self.window)
        dialog.accepted.connect(lambda: self.apply_import(plan))
        self.last_dialog = dialog
        dialog.open()

    def apply_import(self, plan) -> None:
        from desktop.publish.ward_excel import apply_ward_import
        doc = self.window.doc
        store = doc.store
        if plan.is_empty:
            return

        def rows() -> dict[int, dict]:
            return {p.id: store.row("ward_project", p.id)
                    for p in store.ward_projects(plan.ward_plan_id)}

        before = rows()
        try:
            apply_ward_import(store, plan)
        except Exception as error:  # noqa: BLE001
            self._import_failed(error, "")
            return
        after = rows()
        doc.push(commands.Step(doc, QCoreApplication.translate("Exports", "Import %1 from Excel").replace("%1", plan.ward),
                               [commands.SyncRows(doc, "ward_project", before, after)]))
        self.window.statusBar().showMessage(plan.summary().splitlines()[0], 8000)
        self.imported.emit()


class ImportPreviewDialog(QDialog):
    """Shows what a ward workbook would change; Apply imports it (one undo step)."""

    def __init__(self, plan, parent=None):
        from PySide6.QtWidgets import QCheckBox, QDialogButtonBox

        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(QCoreApplication.translate("Exports", "Import ward sheet: what will change"))
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setPlainText(plan.summary())
        buttons = QDialogButtonBox(self)
        apply = buttons.addButton(QCoreApplication.translate("Exports", "Apply changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        apply.setEnabled(not plan.is_empty)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        target = QLabel(t("This changes %1, %2.").replace("%1", plan.ward)
                        .replace("%2", era_label(plan.fiscal_year)), self)
        target.setObjectName("importTarget")
        target.setStyleSheet("font-weight: bold")
        layout.addWidget(target)
        layout.addWidget(QLabel(QCoreApplication.translate("Exports", "Nothing is changed until you apply. You can undo the import "
                                  "afterwards (Edit ▸ Undo)."), self))
        layout.addWidget(text)
        self.confirm = None
        if plan.needs_confirmation and not plan.is_empty:
            # deleting more than a few projects is confirmed, as --yes on the command line
            self.confirm = QCheckBox(t("Yes, delete these %1 projects of %2")
                                     .replace("%1", str(len(plan.removed)))
                                     .replace("%2", plan.ward), self)
            self.confirm.setObjectName("confirmDeletions")
            apply.setEnabled(False)
            self.confirm.toggled.connect(apply.setEnabled)
            layout.addWidget(self.confirm)
        layout.addWidget(buttons)
        self.resize(720, 480)
