"""Lists inside one record (pictures, small tables): a list beside an editor of the chosen
item, written back as one JSON column."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..db_text import check_limits


def t(text: str) -> str:
    return QCoreApplication.translate("Forms", text)


class JsonListEditor(QGroupBox):
    """Edits a JSON list column of dicts (pictures, small tables) of one row."""

    def __init__(self, doc, table: str, row_id: int, column: str, title: str, parent=None):
        super().__init__(title, parent)
        self.doc, self.table, self.row_id, self.column = doc, table, row_id, column
        self.items: list[dict] = []
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._show)
        self.editors = QWidget(self)
        self.form = QFormLayout(self.editors)
        self.add_button = QPushButton(QCoreApplication.translate("Forms", "Add"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("Forms", "Remove"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.editors)
        self._loading = False
        self.build_editors()
        self.reload()
        doc.changed.connect(self._on_changed)

    def build_editors(self) -> None:
        raise NotImplementedError

    def label(self, item: dict) -> str:
        raise NotImplementedError

    def new_item(self) -> dict | None:
        raise NotImplementedError

    def fill(self, item: dict) -> None:
        raise NotImplementedError

    def read(self, item: dict) -> dict:
        raise NotImplementedError

    def reload(self) -> None:
        row = self.doc.store.row(self.table, self.row_id)
        if row is None:
            return
        self.items = [dict(i) for i in row[self.column]]
        current = self.list.currentRow()
        self._loading = True
        self.list.clear()
        for item in self.items:
            self.list.addItem(self.label(item))
        self._loading = False
        if self.items:
            self.list.setCurrentRow(min(max(current, 0), len(self.items) - 1))
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.editors.setEnabled(0 <= row < len(self.items))
        self.remove_button.setEnabled(0 <= row < len(self.items))
        if self._loading:
            return
        self._loading = True
        self.fill(self.items[row] if 0 <= row < len(self.items) else {})
        self._loading = False

    def write(self, items: list[dict], text: str) -> None:
        try:
            check_limits(self.table, self.column, items)
        except ValueError as error:  # over a limit of db/limits.py: nothing is written
            self.refusal = QMessageBox(QMessageBox.Icon.Warning, self.title(), str(error),
                                       QMessageBox.StandardButton.Ok, self)
            self.refusal.open()
            self.reload()
            return
        self.doc.set_fields(self.table, self.row_id, {self.column: items}, text)

    def commit_current(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.items):
            return
        items = [dict(i) for i in self.items]
        items[row] = self.read(dict(items[row]))
        if items != self.items:
            self.write(items, QCoreApplication.translate("Forms", "Edit %1").replace("%1", self.title()))

    def add(self) -> None:
        item = self.new_item()
        if item is not None:
            self.write(self.items + [item], QCoreApplication.translate("Forms", "Add to %1").replace("%1", self.title()))
            self.list.setCurrentRow(len(self.items) - 1)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            self.write(self.items[:row] + self.items[row + 1:],
                       QCoreApplication.translate("Forms", "Remove from %1").replace("%1", self.title()))

    def _on_changed(self, changes: dict) -> None:
        entry = changes.get(self.table)
        if entry and (entry[1] or self.row_id in entry[0]):
            self.reload()

    def _line(self, label: str) -> QLineEdit:
        edit = QLineEdit(self.editors)
        edit.editingFinished.connect(self.commit_current)
        self.form.addRow(t(label), edit)
        return edit
