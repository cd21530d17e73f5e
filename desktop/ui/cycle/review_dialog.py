"""After a new year: the wording that names a year, to review place by place (double-click one
to go to its field). Nothing was rewritten: only a person knows what it should say now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from db.era import era_label


def t(text: str) -> str:
    return QCoreApplication.translate("Cycle", text)


class ReviewDialog(QDialog):
    go_to = Signal(str, int, str)  # table, row id, field

    def __init__(self, rollover, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        plan = rollover.plan
        self.setWindowTitle(t("Wording to review in %1").replace("%1", era_label(plan.to_year)))
        self.list = QListWidget(self)
        self.list.setObjectName("reviewList")
        for found in rollover.review:
            item = QListWidgetItem(f"{found.place}: {found.text}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, (found.table, found.row_id, found.field))
            item.setToolTip("、".join(found.years))
        self.list.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(t("These places name a year and were copied as they were. "
                                  "Double-click one to go to it."), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(760, 480)

    def _open(self, item: QListWidgetItem) -> None:
        table, row_id, field = item.data(Qt.ItemDataRole.UserRole)
        if row_id is not None:
            self.go_to.emit(table, row_id, field)
