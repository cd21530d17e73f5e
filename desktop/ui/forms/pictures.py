"""The pictures of an initiative: files read, scaled and stored as base64 images."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    Qt,
)
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..file_dialogs import open_file_name
from .json_list import JsonListEditor


def t(text: str) -> str:
    return QCoreApplication.translate("Forms", text)


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
        path = open_file_name(
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
