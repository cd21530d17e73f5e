"""Cell editors: amounts parsed with ``models.parse_cell_amount``, status and choice combos."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QToolTip

from db.money import AmountError
from db.records import STATUSES

from .cells import KIND_ROLE, RAW_ROLE, parse_cell_amount, status_label

INVALID_STYLE = "QLineEdit { background: #FDECEA; border: 1px solid #B00020; }"


class CellDelegate(QStyledItemDelegate):
    """One delegate for a whole table; picks the editor from the column's kind."""

    error = Signal(str)
    typing = Signal(QModelIndex, object)  # index, amount typed so far (None: blank/invalid)
    closed_by_enter = False  # the open editor's last key was Enter (the table moves down)

    def createEditor(self, parent, option, index):
        kind = index.data(KIND_ROLE)
        if kind == "amount":
            editor = QLineEdit(parent)
            editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor.setProperty("amount", True)
            persistent = QPersistentModelIndex(index)
            editor.textEdited.connect(lambda text: self._typed(editor, persistent, text))
            return editor
        if kind == "status":
            combo = QComboBox(parent)
            combo.addItem("", None)
            for code in STATUSES:
                combo.addItem(status_label(code), code)
            return combo
        if kind == "choice":
            combo = QComboBox(parent)
            model = index.model()
            source = model.sourceModel() if hasattr(model, "sourceModel") else model
            source_index = model.mapToSource(index) if hasattr(model, "mapToSource") else index
            for label, value in source.choices(source.columns[source_index.column()]):
                combo.addItem(label, value)
            return combo
        return super().createEditor(parent, option, index)

    def _typed(self, editor: QLineEdit, persistent, text: str) -> None:
        index = QModelIndex(persistent)
        if not index.isValid():
            return
        try:
            value = parse_cell_amount(text)
        except AmountError as error:
            editor.setStyleSheet(INVALID_STYLE)
            editor.setToolTip(str(error))
            QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), str(error), editor)
            self.typing.emit(index, None)
            return
        editor.setStyleSheet("")
        editor.setToolTip("")
        QToolTip.hideText()
        self.typing.emit(index, value)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            value = index.data(RAW_ROLE)
            at = editor.findData(value)
            editor.setCurrentIndex(max(at, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if editor.property("amount"):
            text = editor.text()
            try:
                parse_cell_amount(text)
            except AmountError as error:
                self.error.emit(str(error))  # refused: the stored amount stays as it was
                return
            model.setData(index, text, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def eventFilter(self, editor, event):
        if event.type() == QEvent.Type.KeyPress:
            # remembered until the editor closes: Enter then moves down a row, as in Excel
            self.closed_by_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        # Enter or Tab on an invalid amount keeps the editor open with the message.
        if (event.type() == QEvent.Type.KeyPress and isinstance(editor, QLineEdit)
                and editor.property("amount")
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab,
                                    Qt.Key.Key_Backtab)):
            try:
                parse_cell_amount(editor.text())
            except AmountError as error:
                self.error.emit(str(error))
                QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), str(error),
                                  editor)
                self.closed_by_enter = False
                return True
        return super().eventFilter(editor, event)


def invalid_amount_message(text: str) -> str | None:
    try:
        parse_cell_amount(text)
    except AmountError as error:
        return str(error)
    return None


__all__ = ["CellDelegate", "invalid_amount_message", "QCoreApplication"]
