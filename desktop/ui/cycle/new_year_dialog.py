"""File ▸ 新年度を作成…: what will be copied, the defaults that change on the way, the dated
wording to review, then the copy itself in the background with a progress bar and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from db.cycle import CycleError, new_year, plan_new_year
from db.era import era_label

from ..worker import run_task

COUNT_LABELS = {
    "visions": QT_TRANSLATE_NOOP("Cycle", "Visions"),
    "measures": QT_TRANSLATE_NOOP("Cycle", "Measures"),
    "priorities": QT_TRANSLATE_NOOP("Cycle", "Priority items"),
    "priority_actions": QT_TRANSLATE_NOOP("Cycle", "Priority actions"),
    "initiatives": QT_TRANSLATE_NOOP("Cycle", "Initiatives"),
    "ward_plans": QT_TRANSLATE_NOOP("Cycle", "Ward plans"),
    "ward_groups": QT_TRANSLATE_NOOP("Cycle", "Ward groups"),
    "ward_projects": QT_TRANSLATE_NOOP("Cycle", "Ward projects"),
}


def t(text: str) -> str:
    return QCoreApplication.translate("Cycle", text)


class NewYearDialog(QDialog):
    created = Signal(object)  # db.cycle.Rollover

    def __init__(self, store, path: Path | None, from_year: int, user: str | None = None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("newYearDialog")
        self.setWindowTitle(t("New fiscal year"))
        self.store, self.path, self.user = store, path, user
        self.plan = None
        self.task = None
        self.result_: object | None = None

        self.from_combo = QComboBox(self)
        self.from_combo.setObjectName("newYearFrom")
        for year in store.fiscal_years():
            self.from_combo.addItem(f"{era_label(year)} ({year})", year)
        self.from_combo.setCurrentIndex(self.from_combo.findData(from_year))
        self.to_spin = QSpinBox(self)
        self.to_spin.setObjectName("newYearTo")
        self.to_spin.setRange(1989, 2200)
        self.to_label = QLabel(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("newYearProblem")
        self.problem.setStyleSheet("color: #C62828")
        self.problem.setWordWrap(True)
        self.copied = QLabel(self)
        self.copied.setObjectName("newYearCopied")
        self.copied.setWordWrap(True)
        self.defaults = QListWidget(self)
        self.defaults.setObjectName("newYearDefaults")
        self.review_label = QLabel(self)
        self.review = QListWidget(self)
        self.review.setObjectName("newYearReview")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("newYearProgress")
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(t("Create"), self)
        self.create_button.setObjectName("newYearCreate")
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("newYearCancel")
        self.create_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

        form = QFormLayout()
        form.addRow(t("Copy from"), self.from_combo)
        form.addRow(t("New fiscal year"), self.to_spin)
        form.addRow("", self.to_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel(t("<b>Copied into a new draft</b> (the year copied is never "
                                  "changed):"), self))
        layout.addWidget(self.copied)
        layout.addWidget(QLabel(t("<b>What changes on the way</b>"), self))
        layout.addWidget(self.defaults, 1)
        layout.addWidget(self.review_label)
        layout.addWidget(self.review, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.resize(760, 620)
        self.from_combo.currentIndexChanged.connect(self._from_changed)
        self.to_spin.valueChanged.connect(lambda _: self.describe())
        self._from_changed()

    def _from_changed(self) -> None:
        self.to_spin.blockSignals(True)
        self.to_spin.setValue(self.from_combo.currentData() + 1)
        self.to_spin.blockSignals(False)
        self.describe()

    def describe(self) -> None:
        """Show what ``new_year`` will do for the chosen years (or why it cannot)."""
        from_year, to_year = self.from_combo.currentData(), self.to_spin.value()
        self.to_label.setText(era_label(to_year) if 1989 <= to_year else "")
        try:
            self.plan = plan_new_year(self.store, from_year, to_year, force=True)
            if to_year > from_year + 1:
                self.problem.setText(t("%1 years are skipped.").replace(
                    "%1", str(to_year - from_year - 1)))
            else:
                self.problem.setText("")
        except CycleError as error:
            self.plan = None
            self.problem.setText(str(error))
        self.create_button.setEnabled(self.plan is not None)
        self.defaults.clear()
        self.review.clear()
        if self.plan is None:
            self.copied.setText("")
            self.review_label.setText("")
            return
        self.copied.setText("、".join(f"{t(COUNT_LABELS[k])} {v}"
                                     for k, v in self.plan.counts.items() if v))
        self.defaults.addItems(self.plan.defaults)
        self.review_label.setText(t("<b>Wording that names a year: review it after the copy "
                                    "(%1 places)</b>").replace("%1", str(len(self.plan.review))))
        self.review.addItems([f"{r.place}: {r.text}" for r in self.plan.review])

    # -- running ----------------------------------------------------------------------------
    def start(self) -> None:
        if self.plan is None:
            return
        from_year, to_year = self.plan.from_year, self.plan.to_year
        path, user, store = self.path, self.user, self.store

        def job(progress):
            if path is None:  # a plan in memory: only its own connection can write to it
                return new_year(store, from_year, to_year, force=True, user=user,
                                progress=progress.step)
            from db.store import open_plan
            with open_plan(path) as writer:
                return new_year(writer, from_year, to_year, force=True, user=user,
                                progress=progress.step)

        self.create_button.setEnabled(False)
        self.from_combo.setEnabled(False)
        self.to_spin.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.task = run_task(job, on_result=self._done, on_error=self._failed,
                             on_progress=self._progress, on_cancelled=self._cancelled)

    def _progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result) -> None:
        self.task = None
        self.result_ = result
        self.created.emit(result)
        self.accept()

    def _failed(self, error, _details) -> None:
        self.task = None
        self.progress.hide()
        self.problem.setText(str(error))
        self.from_combo.setEnabled(True)
        self.to_spin.setEnabled(True)
        self.create_button.setEnabled(True)

    def _cancelled(self) -> None:
        self.task = None
        self.problem.setText(t("Cancelled: nothing was created."))
        self.progress.hide()
        self.from_combo.setEnabled(True)
        self.to_spin.setEnabled(True)
        self.create_button.setEnabled(True)

    def cancel(self) -> None:
        """Cancel the copy while it runs (nothing is written), else close."""
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()
