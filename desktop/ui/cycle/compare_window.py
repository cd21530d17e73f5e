"""The 前年度比較 window: this year against an earlier one, per priority item, vision and ward
(added, discontinued, renamed and moved items marked; totals per section), and what changed
since the year's last snapshot. Exports the same comparison as a PDF or a workbook."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.changes import changes_between
from db.compare import compare_years
from db.era import era_label
from db.history import snapshots
from db.snapshots import edition_content

from ..worker import run_task
from .compare_model import CompareModel


def t(text: str) -> str:
    return QCoreApplication.translate("Cycle", text)


class CompareWindow(QDialog):
    go_to = Signal(str, int)  # table, row id: show the record in the editor

    def __init__(self, store, to_year: int, parent=None):
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.store, self.to_year = store, to_year
        self.model: CompareModel | None = None
        self.comparison = None
        self.task = None
        self.setWindowTitle(t("Compare with the previous year — %1").replace(
            "%1", era_label(to_year)))

        self.from_combo = QComboBox(self)
        self.from_combo.setObjectName("compareFrom")
        for year in reversed([y for y in store.fiscal_years() if y < to_year]):
            self.from_combo.addItem(f"{era_label(year)} ({year})", year)
        self.changes_only = QCheckBox(t("Changes only"), self)
        self.changes_only.setObjectName("compareChangesOnly")
        self.counts = QLabel(self)
        self.counts.setObjectName("compareCounts")
        pdf = QPushButton(t("新旧対照表 PDF…"), self)
        pdf.setObjectName("comparePdf")
        excel = QPushButton(t("Excel…"), self)
        excel.setObjectName("compareExcel")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(t("Compare %1 with").replace("%1", era_label(to_year)), self))
        bar.addWidget(self.from_combo)
        bar.addWidget(self.changes_only)
        bar.addStretch(1)
        bar.addWidget(pdf)
        bar.addWidget(excel)

        self.view = QTableView(self)
        self.view.setObjectName("compareView")
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setMinimumSectionSize(1)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self._open_row)
        self.changes_view = QTreeView(self)
        self.changes_view.setObjectName("changesView")
        self.changes_view.setRootIsDecorated(False)
        self.changes_view.setWordWrap(True)
        self.changes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_model = QStandardItemModel(0, 4, self)
        self.changes_view.setModel(self.changes_model)
        self.snapshot_label = QLabel(self)
        self.snapshot_label.setObjectName("snapshotLabel")
        self.snapshot_label.setWordWrap(True)
        since = QVBoxLayout()
        since.addWidget(self.snapshot_label)
        since.addWidget(self.changes_view)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.view, t("Previous year"))
        since_page = QWidget(self)
        since_page.setLayout(since)
        self.tabs.addTab(since_page, t("Since the last snapshot"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.counts)
        layout.addWidget(self.tabs)
        self.resize(1180, 640)

        self.from_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.changes_only.toggled.connect(self._changes_only)
        pdf.clicked.connect(lambda: self.ask_export(".pdf"))
        excel.clicked.connect(lambda: self.ask_export(".xlsx"))
        self.refresh()
        self.refresh_since_snapshot()

    @property
    def from_year(self) -> int | None:
        return self.from_combo.currentData()

    def refresh(self) -> None:
        if self.from_year is None:
            self.counts.setText(t("There is no earlier fiscal year to compare with."))
            return
        self.comparison = compare_years(self.store, self.from_year, self.to_year)
        self.model = CompareModel(self.comparison, self,
                                  changes_only=self.changes_only.isChecked())
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((0, 150, 200, 115, 115, 110, 80)):
            if width:
                self.view.setColumnWidth(column, width)
        c = self.comparison.counts()
        self.counts.setText(t("%1 → %2: %3 new, %4 discontinued, %5 renamed, %6 moved, %7 "
                              "changed in amount").replace("%1", self.comparison.from_label)
                            .replace("%2", self.comparison.to_label)
                            .replace("%3", str(c["added"])).replace("%4", str(c["discontinued"]))
                            .replace("%5", str(c["renamed"])).replace("%6", str(c["moved"]))
                            .replace("%7", str(c["changed"])))

    def _changes_only(self, checked: bool) -> None:
        if self.model is not None:
            self.model.set_changes_only(checked)

    def refresh_since_snapshot(self) -> None:
        self.changes_model.removeRows(0, self.changes_model.rowCount())
        self.changes_model.setHorizontalHeaderLabels([t("Where"), t("What"), t("Before"),
                                                      t("Now")])
        taken = snapshots(self.store, self.to_year)
        if not taken:
            self.snapshot_label.setText(t("No snapshot yet: one is recorded when the booklet of "
                                          "a final edition is exported, or of a draft with "
                                          "“Record a snapshot”."))
            return
        last = taken[-1]
        changes = changes_between(last.content, edition_content(self.store, self.to_year))
        kind = t("printed") if last.kind == "printed" else t("sent out for review")
        self.snapshot_label.setText(
            t("Since %1 (%2 by %3): %4 changes").replace("%1", last.at[:16].replace("T", " "))
            .replace("%2", kind).replace("%3", last.user or "?").replace("%4", str(len(changes))))
        for change in changes:
            self.changes_model.appendRow([
                QStandardItem(change.place), QStandardItem(change.field),
                QStandardItem(t("(none)") if change.old is None else change.old),
                QStandardItem(t("(removed)") if change.new is None else change.new)])
        for column, width in enumerate((320, 120, 320, 320)):
            self.changes_view.setColumnWidth(column, width)

    def _open_row(self, index) -> None:
        row = self.model.row_at(index) if self.model else None
        if row is not None and row.id is not None:
            self.go_to.emit("initiative" if row.kind == "initiative" else "ward_project", row.id)

    # -- exports ----------------------------------------------------------------------------
    def ask_export(self, suffix: str) -> None:
        if self.comparison is None:
            return
        name = f"新旧対照表_{self.comparison.from_label}_{self.comparison.to_label}{suffix}"
        filter_ = t("PDF (*.pdf)") if suffix == ".pdf" else t("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, t("Export the comparison"), name, filter_)
        if path:
            self.export(Path(path))

    def export(self, output: Path) -> None:
        """Write the comparison as a PDF or a workbook (in the background)."""
        comparison = self.comparison

        def job(progress):
            from desktop.publish.compare import build_comparison_pdf, write_comparison_workbook
            if output.suffix.lower() == ".pdf":
                build_comparison_pdf(comparison, output, progress=progress)
            else:
                write_comparison_workbook(comparison, output)
            return output

        def done(path) -> None:
            self.counts.setText(t("Written: %1").replace("%1", str(path)))

        def failed(error, _details) -> None:
            self.counts.setText(t("Export failed: %1").replace("%1", str(error)))

        self.task = run_task(job, on_result=done, on_error=failed)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
