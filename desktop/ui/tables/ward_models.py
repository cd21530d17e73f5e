"""The table models of a ward plan: its projects and their groups."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)

from .cells import Column
from .record_model import RecordTableModel
from .row_ops import record_dict


class WardProjectsModel(RecordTableModel):
    table = "ward_project"

    def __init__(self, doc, ward_plan_id: int, parent=None):
        self.ward_plan_id = ward_plan_id
        self.groups: list = []
        super().__init__(doc, parent)

    def make_columns(self):
        return [
            Column("number", QT_TRANSLATE_NOOP("Columns", "No."), "int", width=50),
            Column("name", QT_TRANSLATE_NOOP("Columns", "Project"), width=240),
            Column("initial", QT_TRANSLATE_NOOP("Columns", "Initial budget"), "amount", width=100),
            Column("revised", QT_TRANSLATE_NOOP("Columns", "Revised"), "amount", width=100),
            Column("settled", QT_TRANSLATE_NOOP("Columns", "Settled"), "amount", width=100),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), "status", width=70),
            Column("group_id", QT_TRANSLATE_NOOP("Columns", "Group"), "choice", width=150),
            Column("description", QT_TRANSLATE_NOOP("Columns", "Description"), width=300),
        ]

    def watched_tables(self):
        return {"ward_project", "ward_group", "ward_plan"}

    def empty_text(self):
        return QCoreApplication.translate(
            "Columns", "This ward has no projects for this year yet. Add one with Add (Ctrl+Ins), "
                       "paste rows from Excel (Ctrl+V) or import the ward's workbook "
                       "(File ▸ Import ward sheet from Excel).")

    def load(self):
        self.groups = self.store.ward_groups(self.ward_plan_id)
        return [record_dict(p) for p in self.store.ward_projects(self.ward_plan_id)]

    def load_row(self, row_id):
        return self.store.row("ward_project", row_id)

    def on_changed(self, changes: dict) -> None:
        ids, structural = changes.get("ward_group", (set(), False))
        if ids and not structural:  # a group renamed: the Group column shows its title
            self.groups = self.store.ward_groups(self.ward_plan_id)
            column = self.column_of("group_id")
            for r, row in enumerate(self.rows):
                if row.get("group_id") in ids:
                    self._search[r] = None
                    self.dataChanged.emit(self.index(r, column), self.index(r, column))
        super().on_changed(changes)

    def choices(self, column):
        return [("", None)] + [(g.title, g.id) for g in self.groups]

    def choice_label(self, column, value):
        for group in self.groups:
            if group.id == value:
                return group.title
        return ""

    def convert_choice(self, column, value):
        if value is None or isinstance(value, int):
            return value
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if not text:
            return None
        for group in self.groups:
            if unicodedata.normalize("NFKC", group.title).strip() == text:
                return group.id
        raise ValueError(QCoreApplication.translate("Columns", "「%1」 is not a group of this ward")
                         .replace("%1", str(value)))

    def new_row_values(self):
        numbers = [r["number"] for r in self.rows if r.get("number") is not None]
        return {"ward_plan_id": self.ward_plan_id, "name": "",
                "number": max(numbers, default=0) + 1, "position": 1 << 30}


class WardGroupsModel(RecordTableModel):
    table = "ward_group"

    def __init__(self, doc, ward_plan_id: int, parent=None):
        self.ward_plan_id = ward_plan_id
        super().__init__(doc, parent)

    def make_columns(self):
        return [Column("title", QT_TRANSLATE_NOOP("Columns", "Group heading"), width=360),
                Column("description", QT_TRANSLATE_NOOP("Columns", "Line after the heading"),
                       width=360),
                Column("show_subtotal", QT_TRANSLATE_NOOP("Columns", "Subtotal"), "bool", width=70)]

    def load(self):
        return [record_dict(g) for g in self.store.ward_groups(self.ward_plan_id)]

    def load_row(self, row_id):
        row = self.store.row("ward_group", row_id)
        if row:
            row["show_subtotal"] = bool(row["show_subtotal"])
        return row

    def new_row_values(self):
        return {"ward_plan_id": self.ward_plan_id, "title": "", "position": 1 << 30}
