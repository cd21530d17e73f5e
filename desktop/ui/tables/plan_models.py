"""The table models of the plan's main lists: initiatives, measures, visions, priorities
and priority actions."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from .cells import Column
from .record_model import RecordTableModel
from .row_ops import record_dict, unique_key


class InitiativesModel(RecordTableModel):
    """Initiatives of one vision, one ward panel, or the whole edition."""

    table = "initiative"

    def __init__(self, doc, edition_id: int, *, vision_id: int | None = None,
                 ward_plan_id: int | None = None, parent=None):
        self.edition_id, self.vision_id, self.ward_plan_id = edition_id, vision_id, ward_plan_id
        super().__init__(doc, parent)

    def make_columns(self):
        return [
            Column("category", QT_TRANSLATE_NOOP("Columns", "Category"), width=110),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), width=260),
            Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), "status", width=70),
            Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount (¥1,000)"), "amount", width=120),
            Column("previous_amount", QT_TRANSLATE_NOOP("Columns", "Previous year"), "amount", width=120),
            Column("budget_note", QT_TRANSLATE_NOOP("Columns", "Budget note"), width=120),
            Column("measure_code", QT_TRANSLATE_NOOP("Columns", "Measure"), width=70),
            Column("section", QT_TRANSLATE_NOOP("Columns", "Section"), width=140),
            Column("description", QT_TRANSLATE_NOOP("Columns", "Description"), width=300),
        ]

    def watched_tables(self):
        return {"initiative", "vision", "ward_plan"}

    def load(self):
        if self.vision_id is not None and self.store.row("vision", self.vision_id) is None:
            return []
        # (only the vision's or the ward's: a vision page of a 10,000-initiative plan read all
        # of them to keep an eighth)
        items = self.store.initiatives(self.edition_id, vision_id=self.vision_id,
                                       ward_plan_id=self.ward_plan_id)
        return [record_dict(i) for i in items]

    def value(self, row, column):
        if column.field == "previous_amount" and self.rows[row].get("predecessor_id"):
            return self.rows[row].get("predecessor_amount")  # derived: last year's amount
        return super().value(row, column)

    def flags(self, index):
        return derived_previous_flags(self, index, super().flags(index))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        shown = derived_previous_data(self, index, role)
        return shown if shown is not None else super().data(index, role)

    def empty_text(self):
        return QCoreApplication.translate(
            "Columns", "No initiatives here yet. Add one with Add (Ctrl+Ins) or paste rows from "
                       "Excel (Ctrl+V).")

    def load_row(self, row_id):
        item = self.store.initiative(row_id)
        return record_dict(item) if item else None

    def scope_ids(self):
        return [i.id for i in self.store.initiatives(self.edition_id)]

    def scope_positions(self):
        return {i.id: i.position for i in self.store.initiatives(self.edition_id)}

    def new_row_values(self):
        return {"edition_id": self.edition_id, "key": unique_key(self.store, self.edition_id),
                "title": "", "vision_id": self.vision_id, "ward_plan_id": self.ward_plan_id,
                "position": 1 << 30}

    def convert(self, column, value):
        stored = super().convert(column, value)
        if column.field == "measure_code" and stored == "":
            return None
        return stored


class MeasuresModel(RecordTableModel):
    table = "measure"

    def __init__(self, doc, vision_id: int, parent=None):
        self.vision_id = vision_id
        super().__init__(doc, parent)

    def make_columns(self):
        return [Column("code", QT_TRANSLATE_NOOP("Columns", "Code"), width=70), Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), width=260),
                Column("goal", QT_TRANSLATE_NOOP("Columns", "Goal"), width=420)]

    def load(self):
        return [record_dict(m) for m in self.store.measures(self.vision_id)]

    def empty_text(self):
        return QCoreApplication.translate(
            "Columns", "This vision has no measures yet. Add one with Add (Ctrl+Ins) or paste "
                       "code, title and goal from Excel (Ctrl+V).")

    def load_row(self, row_id):
        return self.store.row("measure", row_id)

    def new_row_values(self):
        return {"vision_id": self.vision_id, "code": "", "title": "", "goal": "",
                "position": 1 << 30}


class EditionItemsModel(RecordTableModel):
    """An edition's numbered items (visions, priority items) as one list. Rows are edited,
    moved and deleted here but never inserted (``can_insert`` is False), so these models have
    no ``new_row_values``."""

    ordered = False

    def __init__(self, doc, edition_id: int, parent=None):
        self.edition_id = edition_id
        super().__init__(doc, parent)

    def load_row(self, row_id):
        return self.store.row(self.table, row_id)

    def can_insert(self):
        return False


class VisionsModel(EditionItemsModel):
    table = "vision"

    def make_columns(self):
        return [Column("number", QT_TRANSLATE_NOOP("Columns", "No."), "int", width=50, editable=False),
                Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), width=360), Column("colour", QT_TRANSLATE_NOOP("Columns", "Colour"), width=90)]

    def load(self):
        return [{k: v for k, v in record_dict(v).items() if k not in ("measures", "initiatives")}
                for v in self.store.visions(self.edition_id)]


class PrioritiesModel(EditionItemsModel):
    table = "priority"

    def make_columns(self):
        return [Column("number", QT_TRANSLATE_NOOP("Columns", "No."), "int", width=50, editable=False),
                Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), width=420)]

    def load(self):
        return [{"id": p.id, "number": p.number, "title": p.title}
                for p in self.store.priorities(self.edition_id)]


class PriorityActionsModel(RecordTableModel):
    """A priority item's main actions; title and amounts belong to the shared initiative."""

    table = "priority_action"

    def __init__(self, doc, priority_id: int, edition_id: int, parent=None):
        self.priority_id, self.edition_id = priority_id, edition_id
        super().__init__(doc, parent)

    def make_columns(self):
        return [
            Column("heading", QT_TRANSLATE_NOOP("Columns", "Heading"), width=200),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title"), width=260, table="initiative", id_key="initiative_id"),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Title on this page"), width=240),
            Column("amount", QT_TRANSLATE_NOOP("Columns", "Amount (¥1,000)"), "amount", width=120, table="initiative",
                   id_key="initiative_id"),
            Column("previous_amount", QT_TRANSLATE_NOOP("Columns", "Previous year"), "amount", width=120, table="initiative",
                   id_key="initiative_id"),
            Column("description", QT_TRANSLATE_NOOP("Columns", "Description on this page"), width=300),
        ]

    def load(self):
        rows = []
        for priority in self.store.priorities(self.edition_id):
            if priority.id != self.priority_id:
                continue
            for action in priority.actions:
                item = action.initiative
                rows.append({"id": action.id, "heading": action.heading,
                             "page_title": action.title or "",
                             "description": action.description or "",
                             "initiative_id": item.id, "title": item.title,
                             "amount": item.amount, "previous_amount": item.previous_amount,
                             "predecessor_id": item.predecessor_id,
                             "predecessor_amount": item.predecessor_amount})
        return rows

    def value(self, row, column):
        if column.field == "title" and column.table is None:  # the priority page's own title
            return self.rows[row].get("page_title")
        if column.field == "previous_amount" and self.rows[row].get("predecessor_id"):
            return self.rows[row].get("predecessor_amount")  # derived: last year's amount
        return super().value(row, column)

    def flags(self, index):
        return derived_previous_flags(self, index, super().flags(index))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        shown = derived_previous_data(self, index, role)
        return shown if shown is not None else super().data(index, role)

    def convert(self, column, value):
        stored = super().convert(column, value)
        if column.field in ("title", "description") and column.table is None and stored == "":
            return None  # empty: the initiative's own wording prints
        return stored

    def new_row_values(self):
        return {"priority_id": self.priority_id, "heading": "", "position": 1 << 30}

    def can_insert(self):
        return False


def _derived_previous(model, index) -> bool:
    """A 前年度 cell of an initiative that has a predecessor: derived, not typed."""
    return (index.isValid() and model.columns[index.column()].field == "previous_amount"
            and bool(model.rows[index.row()].get("predecessor_id")))


def derived_previous_flags(model, index, flags):
    if _derived_previous(model, index):
        return flags & ~Qt.ItemFlag.ItemIsEditable
    return flags


def derived_previous_data(model, index, role):
    """Grey and explained: the 前年度 comes from last year's amount (lineage)."""
    if not _derived_previous(model, index):
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor("#6B6B6B"))
    if role == Qt.ItemDataRole.ToolTipRole:
        return QCoreApplication.translate(
            "Columns", "From the previous year's amount (automatic): change it there")
    return None
