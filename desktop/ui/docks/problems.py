"""The Problems panel: the live checks' findings (double-click goes to the place), then the
last printed PDF's preflight, repeated findings grouped on one line (all of them in its tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


def t(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


class ProblemsPanel(QWidget):
    go_to = Signal(str, int, str)  # table, row id, field

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("Panels", "Severity"), QCoreApplication.translate("Panels", "Where"), QCoreApplication.translate("Panels", "Problem")])
        self.view = QTreeView(self)
        self.view.setObjectName("problemsView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setColumnWidth(0, 90)
        self.view.setColumnWidth(1, 260)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.view)
        self.problems: list = []
        self.print_notes: list[tuple[str, list[str]]] = []

    def set_problems(self, problems: list) -> None:
        from PySide6.QtWidgets import QStyle  # its enums cost ~4 ms: not before the first frame

        self.problems = problems
        self.model.removeRows(0, self.model.rowCount())
        style = self.style()
        icons = {"error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        for n, problem in enumerate(sorted(problems, key=lambda p: p.severity != "error")):
            severity = QStandardItem(icons.get(problem.severity), QCoreApplication.translate("Panels", "Error") if
                                     problem.severity == "error" else QCoreApplication.translate("Panels", "Warning"))
            severity.setData(problem, Qt.ItemDataRole.UserRole)
            row = [severity, QStandardItem(problem.location), QStandardItem(problem.message)]
            for item in row:
                item.setToolTip(str(problem))
            self.model.appendRow(row)
            del n
        printing = QCoreApplication.translate("Panels", "Print")
        icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for line, members in self.print_notes:
            where, _, what = line.partition(": ") if len(members) == 1 else ("", "", line)
            row = [QStandardItem(icon, printing), QStandardItem(where), QStandardItem(what)]
            for item in row:
                item.setToolTip("\n".join(members))
            self.model.appendRow(row)
        errors = sum(p.severity == "error" for p in problems)
        self.status.setText(QCoreApplication.translate("Panels", "%1 errors, %2 warnings").replace("%1", str(errors))
                            .replace("%2", str(len(problems) - errors)) if problems
                            else QCoreApplication.translate("Panels", "No problems found."))

    def set_print_notes(self, notes: list[tuple[str, list[str]]]) -> None:
        """The preflight of the PDF just printed: (line, the findings it stands for)."""
        self.print_notes = list(notes)
        self.set_problems(self.problems)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([t("Severity"), t("Where"), t("Problem")])
        if self.problems or self.status.text():
            self.set_problems(self.problems)

    def _activated(self, index) -> None:
        problem = self.model.index(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if problem is not None and problem.row_id is not None:
            self.go_to.emit(problem.table, problem.row_id, problem.field or "")
