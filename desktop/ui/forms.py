"""Forms for single records, validating as you type with the message beside the field.

A ``RecordForm`` is bound to one row of one table; each field commits through the document
when editing finishes (an undo step), and the form re-reads its row whenever the document says
it changed (undo/redo, another view).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.money import AmountError, format_amount
from db.records import STATUSES

from .models import parse_cell_amount, status_label

COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
PHONE = re.compile(r"^[0-9０-９()（）\-‐－ ]*$")
EMAIL = re.compile(r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")
YEAR_MONTH = re.compile(r"^$|^\d{4}-(0[1-9]|1[0-2])$")


def t(text: str) -> str:
    return QCoreApplication.translate("Forms", text)


@dataclass
class Field:
    name: str
    label: str  # English source; translated in the "Forms" context
    kind: str = "line"  # line, text, lines, amount, status, colour, yearmonth, ints, choice
    required: bool = False
    sub: str | None = None  # key inside a JSON object column (edition.contact)
    choices: tuple = ()
    pattern: re.Pattern | None = None
    pattern_message: str = ""
    height: int = 0


class _FocusOut(QObject):
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
        inner = QWidget(self)
        inner.setObjectName("formInner")
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
        self.setWidget(inner)
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
        if field.kind in ("text", "lines"):
            widget = QPlainTextEdit(parent)
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(field.height or (90 if field.kind == "text" else 110))
            widget.setMaximumHeight(max(field.height, 220))
            widget.textChanged.connect(lambda f=field: self._validate(f))
            focus = _FocusOut(lambda f=field: self.commit(f))
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
            if whole.get(field.sub) == value:
                return
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


# -- lists inside one record: pictures and small tables ---------------------------------------

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


IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff"
MAX_IMAGE_SIDE = 2000  # pixels; a card picture prints at most ~8 cm wide (≈ 950 px at 300 dpi)


def image_to_base64(path: Path | str) -> str:
    """Read an image file and return it as base64 PNG or JPEG, as a picture stores it.

    PNG and JPEG files that are not too large are kept byte for byte; other formats (GIF, BMP,
    WebP, TIFF) are converted (to PNG with transparency, else JPEG) and very large images are
    scaled down to ``MAX_IMAGE_SIDE``. ValueError says why a file cannot be used.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ValueError(t("cannot read %1: %2").replace("%1", path.name)
                         .replace("%2", error.strerror or str(error))) from error
    image = QImage()
    if not image.loadFromData(raw):
        raise ValueError(t("%1 is not an image PlanBook can read (use PNG or JPEG)")
                         .replace("%1", path.name))
    kind = "png" if raw.startswith(b"\x89PNG") else "jpeg" if raw.startswith(b"\xff\xd8") else ""
    if kind and max(image.width(), image.height()) <= MAX_IMAGE_SIDE:
        return base64.b64encode(raw).decode("ascii")
    if max(image.width(), image.height()) > MAX_IMAGE_SIDE:
        image = image.scaled(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if image.hasAlphaChannel() or kind == "png":
        image.save(buffer, "PNG")
    else:
        image.convertToFormat(QImage.Format.Format_RGB32).save(buffer, "JPEG", 90)
    buffer.close()
    return base64.b64encode(bytes(out.data())).decode("ascii")


class PicturesEditor(JsonListEditor):
    def build_editors(self) -> None:
        self.last_error: QMessageBox | None = None
        self.caption = self._line(QT_TRANSLATE_NOOP("Forms", "Caption"))
        self.credit = self._line(QT_TRANSLATE_NOOP("Forms", "Credit"))
        self.thumbnail = QLabel(self.editors)
        self.thumbnail.setObjectName("pictureThumbnail")
        self.thumbnail.setMinimumSize(160, 100)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setFrameShape(QLabel.Shape.StyledPanel)
        self.size_label = QLabel(self.editors)
        self.replace_button = QPushButton(t("Choose image file…"), self.editors)
        self.replace_button.setObjectName("replaceImageButton")
        self.replace_button.setToolTip(t("Put an image file (PNG, JPEG, GIF, BMP, WebP, TIFF) "
                                         "into this picture; it is stored in the plan file"))
        self.replace_button.clicked.connect(self.ask_replace)
        side = QVBoxLayout()
        side.addWidget(self.size_label)
        side.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        line = QHBoxLayout()
        line.addWidget(self.thumbnail)
        line.addLayout(side, 1)
        self.form.addRow(t("Image"), line)
        self.add_button.setText(t("Add picture…"))

    def label(self, item: dict) -> str:
        text = item.get("caption") or QCoreApplication.translate("Forms", "(picture without caption)")
        return text if item.get("image") else text + "  " + t("(no image yet)")

    def _choose_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("Forms", "Add a picture"), "",
            t("Images (%1)").replace("%1", IMAGE_FILTER))
        return path

    def _read(self, path: str) -> str | None:
        try:
            return image_to_base64(path)
        except ValueError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, t("Picture"), str(error),
                              QMessageBox.StandardButton.Ok, self)
            box.setObjectName("pictureRefused")
            box.open()
            self.last_error = box
            return None

    def new_item(self, path: str | None = None) -> dict | None:
        path = path or self._choose_file()
        if not path:
            return None
        data = self._read(path)
        if data is None:
            return None
        return {"caption": Path(path).stem, "credit": "", "image": data}

    def attach_file(self, path: str | Path) -> bool:
        """Add a picture made from an image file (one undo step); False when refused."""
        item = self.new_item(str(path))
        if item is None:
            return False
        self.write(self.items + [item], t("Add to %1").replace("%1", self.title()))
        self.list.setCurrentRow(len(self.items) - 1)
        return True

    def ask_replace(self) -> None:
        path = self._choose_file()
        if path:
            self.replace_image(path)

    def replace_image(self, path: str | Path) -> bool:
        """Put an image file into the selected picture (e.g. a placeholder frame)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.items):
            return False
        data = self._read(str(path))
        if data is None:
            return False
        items = [dict(i) for i in self.items]
        items[row]["image"] = data
        if not items[row].get("caption"):
            items[row]["caption"] = Path(path).stem
        self.write(items, t("Edit %1").replace("%1", self.title()))
        self.list.setCurrentRow(row)
        return True

    def fill(self, item: dict) -> None:
        self.caption.setText(item.get("caption", ""))
        self.credit.setText(item.get("credit", ""))
        image = item.get("image")
        pixmap = QPixmap()
        if image:
            try:
                pixmap.loadFromData(base64.b64decode(image))
            except ValueError:
                pixmap = QPixmap()
        if not pixmap.isNull():
            self.thumbnail.setPixmap(pixmap.scaled(
                160, 100, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            self.size_label.setText(t("%1 × %2 px, %3 KB").replace("%1", str(pixmap.width()))
                                    .replace("%2", str(pixmap.height()))
                                    .replace("%3", str(len(image) * 3 // 4 // 1024)))
        else:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(t("no image") if item else "")
            self.size_label.setText(QCoreApplication.translate("Forms", "no image (placeholder)")
                                    if item else "")
        self.replace_button.setEnabled(bool(item))

    def read(self, item: dict) -> dict:
        item["caption"] = self.caption.text()
        item["credit"] = self.credit.text()
        return item


class SmallTablesEditor(JsonListEditor):
    def build_editors(self) -> None:
        self.title_edit = self._line(QT_TRANSLATE_NOOP("Forms", "Title"))
        self.unit = self._line(QT_TRANSLATE_NOOP("Forms", "Unit"))
        self.cells = QPlainTextEdit(self.editors)
        self.cells.setPlaceholderText(QCoreApplication.translate("Forms", "Columns on the first line, then one row per line; "
                                        "cells separated by tabs (paste from Excel)"))
        self.cells.setMaximumHeight(120)
        self.cells.setTabChangesFocus(True)
        focus = _FocusOut(self.commit_current)
        self.cells.installEventFilter(focus)
        self._focus = focus
        self.form.addRow(QCoreApplication.translate("Forms", "Cells"), self.cells)

    def label(self, item: dict) -> str:
        return item.get("title") or QCoreApplication.translate("Forms", "(table without title)")

    def new_item(self) -> dict | None:
        return {"title": QCoreApplication.translate("Forms", "New table"), "unit": "", "columns": ["", ""], "rows": [["", ""]]}

    def fill(self, item: dict) -> None:
        self.title_edit.setText(item.get("title", ""))
        self.unit.setText(item.get("unit", ""))
        lines = ["\t".join(item.get("columns", []))] if item else []
        lines += ["\t".join(r) for r in item.get("rows", [])]
        self.cells.setPlainText("\n".join(lines))

    def read(self, item: dict) -> dict:
        item["title"] = self.title_edit.text()
        item["unit"] = self.unit.text()
        lines = [line.split("\t") for line in self.cells.toPlainText().splitlines()]
        item["columns"] = lines[0] if lines else []
        item["rows"] = lines[1:]
        return item


# -- the forms of each kind of record -----------------------------------------------------------

INITIATIVE_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Title"), required=True),
    Field("category", QT_TRANSLATE_NOOP("Forms", "Category")),
    Field("status", QT_TRANSLATE_NOOP("Forms", "Status"), "status"),
    Field("amount", QT_TRANSLATE_NOOP("Forms", "Amount (¥1,000)"), "amount"),
    Field("previous_amount", QT_TRANSLATE_NOOP("Forms", "Previous year (¥1,000)"), "amount"),
    Field("budget_note", QT_TRANSLATE_NOOP("Forms", "Budget note")),
    Field("section", QT_TRANSLATE_NOOP("Forms", "Responsible section")),
    Field("measure_code", QT_TRANSLATE_NOOP("Forms", "Measure code"), pattern=re.compile(r"^$|^\d+-\d+$"),
          pattern_message=QT_TRANSLATE_NOOP("Forms", "a measure code like 1-2")),
    Field("description", QT_TRANSLATE_NOOP("Forms", "Description"), "text", height=100),
    Field("highlights", QT_TRANSLATE_NOOP("Forms", "Highlights (☑ lines)"), "lines"),
    Field("indicators", QT_TRANSLATE_NOOP("Forms", "Indicators"), "lines"),
    Field("notes", QT_TRANSLATE_NOOP("Forms", "Notes"), "lines", height=70),
]

VISION_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Title"), required=True),
    Field("colour", QT_TRANSLATE_NOOP("Forms", "Colour"), "colour"),
    Field("direction", QT_TRANSLATE_NOOP("Forms", "Direction (one paragraph per line)"), "lines", height=150),
    Field("related", QT_TRANSLATE_NOOP("Forms", "Related visions"), "ints"),
]

PRIORITY_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Title"), required=True),
    Field("lead", QT_TRANSLATE_NOOP("Forms", "Lead paragraph"), "text"),
    Field("situation", QT_TRANSLATE_NOOP("Forms", "Situation (✓ lines)"), "lines"),
    Field("past_actions", QT_TRANSLATE_NOOP("Forms", "Actions so far (✓ lines)"), "lines"),
]

WARD_FIELDS = [
    Field("headline", QT_TRANSLATE_NOOP("Forms", "Ward vision (headline)")),
    Field("description", QT_TRANSLATE_NOOP("Forms", "Description"), "text"),
    Field("policies", QT_TRANSLATE_NOOP("Forms", "Policies (one per line)"), "lines"),
    Field("allocation", QT_TRANSLATE_NOOP("Forms", "Allocation (¥1,000)"), "amount"),
    Field("printed_initial", QT_TRANSLATE_NOOP("Forms", "Printed total: initial"), "amount"),
    Field("printed_revised", QT_TRANSLATE_NOOP("Forms", "Printed total: revised"), "amount"),
    Field("printed_settled", QT_TRANSLATE_NOOP("Forms", "Printed total: settled"), "amount"),
]

FRONT_FIELDS = [
    Field("title", QT_TRANSLATE_NOOP("Forms", "Edition title"), required=True),
    Field("status", QT_TRANSLATE_NOOP("Forms", "Status"), "choice",
          choices=((QT_TRANSLATE_NOOP("Forms", "Draft (案)"), "draft"), (QT_TRANSLATE_NOOP("Forms", "Final"), "final"))),
    Field("slogan", QT_TRANSLATE_NOOP("Forms", "Slogan")),
    Field("publication_date", QT_TRANSLATE_NOOP("Forms", "Publication (YYYY-MM)"), "yearmonth"),
    Field("cover_parts", QT_TRANSLATE_NOOP("Forms", "Parts on the cover"), "lines", height=70),
    Field("cover_credit", QT_TRANSLATE_NOOP("Forms", "Cover artwork credit")),
    Field("about", QT_TRANSLATE_NOOP("Forms", "About the action plan"), "lines"),
    Field("pdca_title", QT_TRANSLATE_NOOP("Forms", "PDCA heading")),
    Field("pdca_steps", QT_TRANSLATE_NOOP("Forms", "PDCA steps"), "lines"),
    Field("pdca_cycle_title", QT_TRANSLATE_NOOP("Forms", "PDCA cycle heading")),
    Field("pdca_cycle_text", QT_TRANSLATE_NOOP("Forms", "PDCA cycle text"), "text"),
    Field("context", QT_TRANSLATE_NOOP("Forms", "Situation of the city"), "lines"),
    Field("priority_intro", QT_TRANSLATE_NOOP("Forms", "Priority items: introduction"), "lines"),
    Field("visions_intro", QT_TRANSLATE_NOOP("Forms", "Visions: introduction"), "text"),
    Field("cross_cutting", QT_TRANSLATE_NOOP("Forms", "Cross-cutting perspectives"), "lines"),
    Field("ward_intro", QT_TRANSLATE_NOOP("Forms", "Wards: introduction"), "lines"),
    Field("ward_policies", QT_TRANSLATE_NOOP("Forms", "Wards: policies"), "lines"),
    Field("ward_budget_lines", QT_TRANSLATE_NOOP("Forms", "Wards: budget summary lines"), "lines"),
]

CONTACT_FIELDS = [
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Organisation"), sub="organisation"),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Department"), sub="department", required=True),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Telephone"), sub="tel", pattern=PHONE,
          pattern_message=QT_TRANSLATE_NOOP("Forms", "digits, hyphens and brackets only, like 096-328-2033")),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "Fax"), sub="fax", pattern=PHONE,
          pattern_message=QT_TRANSLATE_NOOP("Forms", "digits, hyphens and brackets only, like 096-328-2033")),
    Field("contact", QT_TRANSLATE_NOOP("Forms", "E-mail"), sub="email", pattern=EMAIL,
          pattern_message=QT_TRANSLATE_NOOP("Forms", "an address like seisakukikaku@city.kumamoto.lg.jp")),
]


def initiative_form(doc, row_id: int, parent=None) -> RecordForm:
    pictures = PicturesEditor(doc, "initiative", row_id, "pictures", QCoreApplication.translate("Forms", "Pictures"))
    tables = SmallTablesEditor(doc, "initiative", row_id, "tables", QCoreApplication.translate("Forms", "Small tables"))
    item = doc.store.row("initiative", row_id)
    return RecordForm(doc, "initiative", row_id, INITIATIVE_FIELDS,
                      QCoreApplication.translate("Forms", "Initiative: %1").replace("%1", item["title"] if item else ""), parent,
                      extra=[pictures, tables])
