"""Forms for single records, validating as you type with the message beside the field.

A ``RecordForm`` is bound to one row of one table; each field commits through the document
when editing finishes (an undo step), and the form re-reads its row whenever the document says
it changed (undo/redo, another view)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.money import AmountError, format_amount
from db.records import STATUSES

from ..db_text import check_limits
from ..tables.cells import parse_cell_amount, status_label

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
PHONE = re.compile(r"^[0-9０-９()（）\-‐－ ]*$")
EMAIL = re.compile(r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")
YEAR_MONTH = re.compile(r"^$|^\d{4}-(0[1-9]|1[0-2])$")


def t(text: str) -> str:
    return QCoreApplication.translate("Forms", text)


@dataclass
class Field:
    """A row of a record form: the field it edits, its label and kind."""

    name: str
    label: str  # English source; translated in the "Forms" context
    kind: str = "line"  # line, text, lines, amount, status, colour, yearmonth, ints, choice,
    # heading (a line inside a JSON object; empty removes the key), section (a subheading row)
    required: bool = False
    sub: str | None = None  # key inside a JSON object column (edition.contact)
    choices: tuple = ()
    pattern: re.Pattern | None = None
    pattern_message: str = ""
    height: int = 0
    placeholder: str = ""  # shown while the field is empty (a heading's default wording)


class FocusOut(QObject):
    def __init__(self, callback):
        super().__init__()
        self.callback = callback

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.FocusOut:
            self.callback()
        return False


class RecordForm(QScrollArea):
    message = Signal(str)

    def __init__(self, doc, table: str, row_id: int, fields: list[Field], title: str = "",
                 parent=None, extra: list[QWidget] | None = None):
        super().__init__(parent)
        self.doc, self.table, self.row_id, self.fields = doc, table, row_id, fields
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # in its place (the viewport) before the fields are made: moved there once filled, every
        # field would be restyled again (the application's style sheet)
        inner = QWidget()
        inner.setObjectName("formInner")
        self.setWidget(inner)
        outer = QVBoxLayout(inner)
        if title:
            heading = QLabel(title, inner)
            heading.setObjectName("formTitle")
            outer.addWidget(heading)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer.addLayout(self.form)
        self.widgets: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._filters = []
        self._loading = False
        for field in fields:
            self._add(field, inner)
        for widget in extra or []:
            outer.addWidget(widget)
        outer.addStretch(1)
        self.reload()
        doc.changed.connect(self._on_changed)

    def key(self, field: Field) -> str:
        return f"{field.name}.{field.sub}" if field.sub else field.name

    NARROW = 620  # below this width labels go above their fields, so fields keep their width

    def resizeEvent(self, event) -> None:
        policy = (QFormLayout.RowWrapPolicy.WrapAllRows if event.size().width() < self.NARROW
                  else QFormLayout.RowWrapPolicy.DontWrapRows)
        if self.form.rowWrapPolicy() != policy:
            self.form.setRowWrapPolicy(policy)
            self.form.setLabelAlignment(
                Qt.AlignmentFlag.AlignLeft if policy == QFormLayout.RowWrapPolicy.WrapAllRows
                else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        super().resizeEvent(event)

    # -- building ---------------------------------------------------------------------------
    def _add(self, field: Field, parent: QWidget) -> None:
        key = self.key(field)
        if field.kind == "section":
            heading = QLabel(t(field.label), parent)
            heading.setObjectName("formSection")
            heading.setWordWrap(True)
            heading.setStyleSheet("font-weight: bold; margin-top: 12px;")
            self.form.addRow(heading)
            return
        if field.kind in ("text", "lines"):
            widget = QPlainTextEdit(parent)
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(field.height or (90 if field.kind == "text" else 110))
            widget.setMaximumHeight(max(field.height, 220))
            widget.textChanged.connect(lambda f=field: self._validate(f))
            focus = FocusOut(lambda f=field: self.commit(f))
            widget.installEventFilter(focus)
            self._filters.append(focus)
            if field.kind == "lines":
                widget.setPlaceholderText(QCoreApplication.translate("Forms", "One item per line"))
        elif field.kind in ("status", "choice"):
            widget = QComboBox(parent)
            if field.kind == "status":
                widget.addItem("", None)
                for code in STATUSES:
                    widget.addItem(status_label(code), code)
            else:
                for label, value in field.choices:
                    widget.addItem(t(label), value)
            widget.activated.connect(lambda _i, f=field: self.commit(f))
        else:
            widget = QLineEdit(parent)
            if field.kind == "amount":
                widget.setAlignment(Qt.AlignmentFlag.AlignRight)
                widget.setPlaceholderText(QCoreApplication.translate("Forms", "e.g. 24,300 (in ¥1,000)"))
                widget.setMaximumWidth(220)
            if field.kind == "yearmonth":
                widget.setPlaceholderText("2024-06")
                widget.setMaximumWidth(160)
            if field.kind == "ints":
                widget.setPlaceholderText(QCoreApplication.translate("Forms", "e.g. 2, 5, 8"))
            if field.placeholder:
                widget.setPlaceholderText(field.placeholder)
            widget.textChanged.connect(lambda _t, f=field: self._validate(f))
            widget.editingFinished.connect(lambda f=field: self.commit(f))
        widget.setObjectName(f"field_{key.replace('.', '_')}")
        message = QLabel(parent)
        message.setObjectName("fieldMessage")
        message.setStyleSheet("color: #B00020;")
        message.setWordWrap(True)
        message.hide()
        row = QWidget(parent)
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if field.kind == "colour":
            line = QHBoxLayout()
            line.addWidget(widget)
            swatch = QPushButton(QCoreApplication.translate("Forms", "Choose…"), parent)
            swatch.setObjectName("colourButton")
            swatch.clicked.connect(lambda _=False, f=field: self._pick_colour(f))
            self._swatch = swatch
            line.addWidget(swatch)
            line.addStretch(1)
            widget.setMaximumWidth(120)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        box.addWidget(message)
        label = QLabel(t(field.label) + (" *" if field.required else ""), parent)
        label.setBuddy(widget)
        self.form.addRow(label, row)
        self.widgets[key] = widget
        self.messages[key] = message

    def _pick_colour(self, field: Field) -> None:
        widget = self.widgets[self.key(field)]
        from PySide6.QtWidgets import QColorDialog  # (loaded when used, not at start)

        colour = QColorDialog.getColor(QColor(widget.text() or "#1F4E79"), self,
                                       QCoreApplication.translate("Forms", "Vision colour"))
        if colour.isValid():
            widget.setText(colour.name().upper())
            self.commit(field)

    # -- values -----------------------------------------------------------------------------
    def text_of(self, field: Field) -> str:
        widget = self.widgets[self.key(field)]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        return widget.text()

    def convert(self, field: Field, text):
        """What to store for the text in the widget; ValueError says why it cannot be."""
        value = self._convert(field, text)
        check_limits(self.table, field.sub or field.name, value)
        return value

    def _convert(self, field: Field, text):
        if field.kind in ("status", "choice"):
            return text
        if field.kind == "lines":
            return [line.strip() for line in text.splitlines() if line.strip()]
        if field.kind == "amount":
            try:
                return parse_cell_amount(text)
            except AmountError as error:
                raise ValueError(str(error)) from error
        if field.kind == "ints":
            parts = [p for p in re.split(r"[,、，\s]+", text.strip()) if p]
            try:
                return [int(p) for p in parts]
            except ValueError:
                raise ValueError(QCoreApplication.translate("Forms", "write numbers separated by commas")) from None
        value = text.strip() if field.kind != "text" else text
        if field.required and not value.strip():
            raise ValueError(QCoreApplication.translate("Forms", "required"))
        if field.kind == "colour" and not COLOUR.match(value):
            raise ValueError(QCoreApplication.translate("Forms", "a colour like #1F4E79"))
        if field.kind == "yearmonth":
            if not YEAR_MONTH.match(value):
                raise ValueError(QCoreApplication.translate("Forms", "year and month like 2024-06, or empty"))
            return value or None
        if field.pattern is not None and not field.pattern.match(value):
            raise ValueError(t(field.pattern_message))
        return value

    def _validate(self, field: Field) -> bool:
        if self._loading:
            return True
        key = self.key(field)
        try:
            self.convert(field, self.text_of(field))
        except ValueError as error:
            self.messages[key].setText(str(error))
            self.messages[key].show()
            return False
        self.messages[key].hide()
        return True

    def commit(self, field: Field) -> None:
        if self._loading or not self._validate(field):
            return
        value = self.convert(field, self.text_of(field))
        row = self.doc.store.row(self.table, self.row_id)
        if row is None:
            return
        if field.sub:
            whole = dict(row[field.name] or {})
            if whole.get(field.sub, "" if field.kind == "heading" else None) == value:
                return
            if field.kind == "heading" and not value:
                del whole[field.sub]  # the default wording prints again
            else:
                whole[field.sub] = value
            values = {field.name: whole}
        else:
            if row.get(field.name) == value:
                return
            values = {field.name: value}
        self.doc.set_fields(self.table, self.row_id, values,
                            QCoreApplication.translate("Forms", "Edit %1").replace("%1", t(field.label)))

    def display(self, field: Field, value) -> str:
        if field.kind == "amount":
            return format_amount(value)
        if field.kind == "lines":
            return "\n".join(value or [])
        if field.kind == "ints":
            return ", ".join(str(v) for v in value or [])
        return "" if value is None else str(value)

    def reload(self) -> None:
        row = self.doc.store.row(self.table, self.row_id)
        if row is None:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        self._loading = True
        try:
            for field in self.fields:
                if field.kind == "section":
                    continue
                value = row.get(field.name)
                if field.sub:
                    value = (value or {}).get(field.sub, "")
                widget = self.widgets[self.key(field)]
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(widget.findData(value), 0))
                    continue
                text = self.display(field, value)
                current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
                if current != text:
                    if isinstance(widget, QPlainTextEdit):
                        widget.setPlainText(text)
                    else:
                        widget.setText(text)
                self.messages[self.key(field)].hide()
                if field.kind == "colour" and hasattr(self, "_swatch"):
                    self._swatch.setStyleSheet(
                        f"QPushButton {{ border-left: 18px solid {text}; padding-left: 6px; }}"
                        if COLOUR.match(text) else "")
        finally:
            self._loading = False
        self.after_reload(row)

    def after_reload(self, row: dict) -> None:
        pass

    def _on_changed(self, changes: dict) -> None:
        entry = changes.get(self.table)
        if entry and (entry[1] or self.row_id in entry[0]):
            self.reload()

    def focus_field(self, name: str) -> bool:
        for key, widget in self.widgets.items():
            if key == name or key.split(".")[0] == name or key.split(".")[-1] == name:
                self.ensureWidgetVisible(widget)
                widget.setFocus()
                return True
        return False
