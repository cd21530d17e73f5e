"""The Summary panel: the plan's totals per vision and ward."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


def t(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


class SummaryPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("Panels", "Section"), QCoreApplication.translate("Panels", "Items"), QCoreApplication.translate("Panels", "Amount / initial"),
                                              QCoreApplication.translate("Panels", "Revised"), QCoreApplication.translate("Panels", "Settled")])
        self.view = QTreeView(self)
        self.view.setObjectName("summaryView")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setColumnWidth(0, 360)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([t("Section"), t("Items"), t("Amount / initial"),
                                              t("Revised"), t("Settled")])

    def set_summary(self, rows) -> None:
        self.model.removeRows(0, self.model.rowCount())
        parent = self.model.invisibleRootItem()
        top = parent
        for depth, label, count, a, b, c in rows:
            items = [QStandardItem(label)] + [QStandardItem(x) for x in (count, a, b, c)]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if depth == 0:
                font = items[0].font()
                font.setBold(True)
                for item in items:
                    item.setFont(font)
                parent.appendRow(items)
                top = items[0]
            else:
                top.appendRow(items)
        self.view.expandAll()
