"""The small tables of an initiative: a title, a unit and cells pasted from Excel."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)
from PySide6.QtWidgets import (
    QPlainTextEdit,
)

from .json_list import JsonListEditor
from .record_form import FocusOut


class SmallTablesEditor(JsonListEditor):
    def build_editors(self) -> None:
        self.title_edit = self._line(QT_TRANSLATE_NOOP("Forms", "Title"))
        self.unit = self._line(QT_TRANSLATE_NOOP("Forms", "Unit"))
        self.cells = QPlainTextEdit(self.editors)
        self.cells.setPlaceholderText(QCoreApplication.translate("Forms", "Columns on the first line, then one row per line; "
                                        "cells separated by tabs (paste from Excel)"))
        self.cells.setMaximumHeight(120)
        self.cells.setTabChangesFocus(True)
        focus = FocusOut(self.commit_current)
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
