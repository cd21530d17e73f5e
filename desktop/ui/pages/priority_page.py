"""A priority item's page: its form and its actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..forms import fields
from ..forms.record_form import RecordForm
from ..tables.plan_models import (
    PriorityActionsModel,
)
from ..tables.table_editor import TableEditor
from .page import Page


def t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


class PriorityPage(Page):
    def __init__(self, doc, priority_id: int, edition_id: int, parent=None):
        super().__init__(parent)
        row = doc.store.row("priority", priority_id)
        form = self.add_form(RecordForm(
            doc, "priority", priority_id, fields.PRIORITY_FIELDS,
            QCoreApplication.translate("Pages", "Priority item %1").replace("%1", str(row["number"])) if row else "",
            self))  # its parent from the start: Tab goes through its fields, then the table
        self.actions = self.add_table(TableEditor(
            PriorityActionsModel(doc, priority_id, edition_id), self))
        self.actions.activated.connect(self._open)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(form)
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(f"<b>{t('Main actions')}</b>", box))
        lay.addWidget(self.actions)
        splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _open(self, action_id: int) -> None:
        row = self.actions.model.rows[self.actions.model.row_of(action_id)]
        self.open_key.emit(f"initiative:{row['initiative_id']}")
