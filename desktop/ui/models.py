"""Thin Qt table models over the plan store's records.

``RecordTableModel`` shows a list of rows (dicts read through the store's typed API), writes
every edit through the ``PlanDocument`` (so it is an undo command committed at once) and
refreshes from the document's ``changed`` notifications: a changed row is re-read, a structural
change reloads the list. Subclasses say which rows, which columns and how a new row looks.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from db.money import MAX_AMOUNT, AmountError, format_amount, parse_amount
from db.records import STATUS_LABELS, STATUSES

from . import commands
from .document import PlanDocument

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
KIND_ROLE = Qt.ItemDataRole.UserRole + 4
_MIN = -(10**18)
_PLAIN = ("text", "readonly")


def tr(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


STATUS_TEXT = {"new": QT_TRANSLATE_NOOP("Status", "New"),
               "expanded": QT_TRANSLATE_NOOP("Status", "Expanded"),
               "continued": QT_TRANSLATE_NOOP("Status", "Continued")}


def status_label(code: str | None) -> str:
    if code is None:
        return ""
    return QCoreApplication.translate("Status", STATUS_TEXT[code])


def parse_status(text: str) -> str | None:
    """Accept a code, a Japanese label (新規/拡充/継続, 新), or the translated label."""
    text = unicodedata.normalize("NFKC", str(text or "")).strip().strip("【】[]")
    if not text:
        return None
    if text in STATUSES:
        return text
    for code, label in STATUS_LABELS.items():
        if text in (label, status_label(code)) or (code == "new" and text == "新"):
            return code
    raise ValueError(QCoreApplication.translate("Status", "「%1」 is not a status: use 新規, 拡充 or 継続")
                     .replace("%1", text))


MAX_INTEGER = MAX_AMOUNT  # SQLite's INTEGER: a larger number cannot be stored at all


AMOUNT_ERRORS = {
    "no_digits": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not an amount: no digits"),
    "decimal": QT_TRANSLATE_NOOP("Amounts",
                                 "「%1」 is not an amount: amounts are whole 千円, no decimals"),
    "format": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not an amount: use digits like 24,300 (in 千円)"),
    "negative": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not allowed: the amount cannot be negative"),
    "too_large": QT_TRANSLATE_NOOP("Amounts", "「%1」 is not an amount: the number is too large"),
}


def parse_cell_amount(text: str | None) -> int | None:
    """``parse_amount``, with its refusal in the interface's language."""
    try:
        return parse_amount(text)
    except AmountError as error:
        if error.reason not in AMOUNT_ERRORS:
            raise
        message = QCoreApplication.translate("Amounts", AMOUNT_ERRORS[error.reason])
        raise AmountError(message.replace("%1", error.text or ""), text=error.text,
                          reason=error.reason) from None


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass
class Column:
    field: str
    header: str  # English source text, translated in the "Columns" context
    kind: str = "text"  # text, amount, status, int, bool, choice, readonly
    width: int = 120
    editable: bool = True
    table: str | None = None  # the table written to (default: the model's)
    id_key: str = "id"  # which key of the row holds that table's id


class RecordTableModel(QAbstractTableModel):
    """Rows of one table (or a join) for a table view; subclasses fill in the specifics."""

    table = ""
    ordered = True  # rows have a printed order (position)
    error = Signal(str)
    reloaded = Signal()

    def __init__(self, doc: PlanDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.store = doc.store
        self.columns: list[Column] = self.make_columns()
        self.rows: list[dict] = []
        self._search: list[str | None] = []
        self.preview: tuple[int, int, int | None] | None = None  # row, column, typed amount
        self.rows = self.load()
        self._search = [None] * len(self.rows)
        self.warm_search()  # ~4 µs a row: the first filter keystroke then only filters
        doc.changed.connect(self.on_changed)

    # -- to override --------------------------------------------------------------------------
    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self) -> list[dict]:
        raise NotImplementedError

    def load_row(self, row_id: int) -> dict | None:
        """Re-read one row after a field change (default: reload everything)."""
        return None

    def scope_ids(self) -> list[int]:
        """Every id sharing this list's order (the rows shown may be a part of it)."""
        return [r["id"] for r in self.rows]

    def scope_positions(self) -> dict[int, int]:
        """Current ``position`` of the ids in ``scope_ids`` that this model knows (for undo)."""
        return {r["id"]: r["position"] for r in self.rows if "position" in r}

    def new_row_values(self) -> dict:
        raise NotImplementedError

    def watched_tables(self) -> set[str]:
        return {self.table} | {c.table for c in self.columns if c.table}

    def describe(self) -> str:
        return ""

    def empty_text(self) -> str:
        """What the empty table says (instead of a blank grid)."""
        return QCoreApplication.translate(
            "Columns", "No rows yet. Add one with Add (Ctrl+Ins) or paste rows from Excel "
                       "(Ctrl+V).")

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return tr(column.header)
            if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("amount", "int"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable and column.kind != "readonly":
            if column.kind == "bool":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def value(self, row: int, column: Column):
        return self.rows[row].get(column.field)

    def display(self, value, column: Column) -> str:
        if column.kind == "amount":
            return format_amount(value)
        if column.kind == "status":
            return status_label(value)
        if column.kind == "bool":
            return ""
        if column.kind == "choice":
            return self.choice_label(column, value)
        if value is None:
            return ""
        if isinstance(value, list):
            return " / ".join(str(v) for v in value)
        return str(value).replace("\n", " ")

    def choice_label(self, column: Column, value) -> str:
        return "" if value is None else str(value)

    def choices(self, column: Column) -> list[tuple[str, object]]:
        return []

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        column = self.columns[index.column()]
        value = self.value(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(value, column)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == "amount":
                return format_amount(value)
            if column.kind in ("status", "choice", "bool"):
                return value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.display(value, column)
            return text if len(text) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind in ("amount", "int"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column.kind == "amount" and value is not None \
                and value < 0:
            return QBrush(QColor("#B00020"))
        if role == SORT_ROLE:
            if column.kind in ("amount", "int"):
                return _MIN if value is None else int(value)
            return self.display(value, column)
        if role == RAW_ROLE:
            return value
        if role == ID_ROLE:
            return self.rows[index.row()]["id"]
        if role == KIND_ROLE:
            return column.kind
        return None

    # -- writing ----------------------------------------------------------------------------
    def convert(self, column: Column, value):
        """Turn what was typed or pasted into the stored value; ValueError says why not."""
        if column.kind == "amount":
            if isinstance(value, int) and not isinstance(value, bool):
                value = str(value)
            return parse_cell_amount(str(value) if value is not None else "")
        if column.kind == "status":
            return parse_status(value)
        if column.kind == "int":
            text = unicodedata.normalize("NFKC", str(value or "")).strip()
            if not text:
                return None
            if not text.lstrip("-").isdigit() or abs(int(text)) > MAX_INTEGER:
                raise ValueError(QCoreApplication.translate("Columns", "「%1」 is not a whole number")
                                 .replace("%1", str(value)))
            return int(text)
        if column.kind == "bool":
            if isinstance(value, str):
                return normalise(value) in ("1", "true", "yes", "○", "はい", "✓", "x")
            return bool(value)
        if column.kind == "choice":
            return self.convert_choice(column, value)
        return "" if value is None else str(value)

    def convert_choice(self, column: Column, value):
        return value

    def target(self, row: int, column: Column) -> tuple[str, int]:
        return column.table or self.table, self.rows[row][column.id_key]

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            stored = self.convert(column, value)
        except (ValueError, AmountError) as error:
            self.error.emit(str(error))
            return False
        table, row_id = self.target(index.row(), column)
        self.preview = None
        self.doc.set_fields(table, row_id, {column.field: stored},
                            QCoreApplication.translate("Columns", "Edit %1").replace(
                                "%1", tr(column.header)))
        return True

    def paste_block(self, top: int, left: int, block: list[list[str]]) -> list[str]:
        """Write a rectangle of text (Excel TSV) at (top, left) of the source rows."""
        targets = [top + r if top + r < len(self.rows) else None for r in range(len(block))]
        return self.paste_cells(targets, left, block)

    def paste_cells(self, targets: list[int | None], left: int, block: list[list[str]]
                    ) -> list[str]:
        """Write rows of text into source rows ``targets`` (None: append a new row).

        One undo step. Returns the problems when refused; then nothing is written.
        """
        problems: list[str] = []
        updates: list[tuple[str, int, dict]] = []
        new_rows: list[dict] = []
        for r, cells in enumerate(block):
            row = targets[r] if r < len(targets) else None
            shown = (row + 1) if row is not None else len(self.rows) + len(new_rows) + 1
            new_values: dict = {}
            for c, text in enumerate(cells):
                col = left + c
                if col >= len(self.columns):
                    break
                column = self.columns[col]
                if not column.editable or column.kind == "readonly":
                    continue
                try:
                    stored = self.convert(column, text)
                except (ValueError, AmountError) as error:
                    problems.append(QCoreApplication.translate("Columns", "row %1, %2: %3")
                                    .replace("%1", str(shown)).replace("%2", tr(column.header))
                                    .replace("%3", str(error)))
                    continue
                if row is None:
                    if (column.table or self.table) == self.table:
                        new_values[column.field] = stored
                else:
                    table, row_id = self.target(row, column)
                    for t, i, values in updates:
                        if (t, i) == (table, row_id):
                            values[column.field] = stored
                            break
                    else:
                        updates.append((table, row_id, {column.field: stored}))
            if row is None:
                new_rows.append(new_values)
        if problems:
            return problems
        if new_rows and not self.can_insert():
            return [QCoreApplication.translate("Columns", "rows cannot be added to this list here")]
        macro = self.doc.macro(QCoreApplication.translate("Columns", "Paste %1 rows")
                               .replace("%1", str(len(block))))
        for table, row_id, values in updates:
            macro.add(commands.SetFields(self.doc, table, row_id, values))
        if new_rows:
            inserted: list[commands.InsertRow] = []
            for values in new_rows:
                row_values = self.new_row_values()
                row_values.update(values)
                inserted.append(macro.add(commands.InsertRow(self.doc, self.table, row_values)))
            if self.ordered:
                macro.add(PlaceAfter(self, inserted, self.rows[-1]["id"] if self.rows else None))
        self.doc.push(macro)
        return []

    def can_insert(self) -> bool:
        return True

    # -- refresh ----------------------------------------------------------------------------
    def on_changed(self, changes: dict) -> None:
        watched = self.watched_tables()
        relevant = {t: v for t, v in changes.items() if t in watched}
        if not relevant:
            return
        if any(structural for _, structural in relevant.values()):
            self.reload()
            return
        for table, (ids, _) in relevant.items():
            keys = {"id"} if table == self.table else {c.id_key for c in self.columns
                                                       if c.table == table}
            for r, row in enumerate(self.rows):
                if any(row.get(k) in ids for k in keys):
                    fresh = self.load_row(row["id"])
                    if fresh is None:
                        self.reload()
                        return
                    self.rows[r] = fresh
                    self._search[r] = None
                    self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.load()
        self._search = [None] * len(self.rows)
        self.warm_search()
        self.endResetModel()
        self.reloaded.emit()

    # -- helpers for views ------------------------------------------------------------------
    def row_of(self, row_id: int) -> int:
        for r, row in enumerate(self.rows):
            if row["id"] == row_id:
                return r
        return -1

    def column_of(self, field: str) -> int:
        for c, column in enumerate(self.columns):
            if column.field == field:
                return c
        return -1

    def _search_parts(self, row: int) -> str:
        parts = []
        record = self.rows[row]
        for column in self.columns:
            value = record.get(column.field) if column.kind in _PLAIN else self.value(row, column)
            if value is None:
                continue
            if column.kind in _PLAIN and isinstance(value, str):
                parts.append(value)
            elif column.kind == "amount":
                parts.append(format_amount(value))
                parts.append(str(value))
            else:
                parts.append(self.display(value, column))
        return "\t".join(parts)

    def search_text(self, row: int) -> str:
        """The row's filter key (NFKC, case-folded), built once and cached until it changes."""
        text = self._search[row]
        if text is None:
            text = normalise(self._search_parts(row))
            self._search[row] = text
        return text

    def warm_search(self) -> None:
        """Build every missing filter key in one tight loop (on load, and before a filter pass)."""
        search = self._search
        for row in range(len(self.rows)):
            if search[row] is None:
                search[row] = normalise(self._search_parts(row))

    def totals(self, rows: list[int] | None = None) -> dict[str, int | None]:
        """Sum of each amount column (a typed-but-uncommitted value counts as typed)."""
        result: dict[str, int | None] = {}
        rows = range(len(self.rows)) if rows is None else rows
        for c, column in enumerate(self.columns):
            if column.kind != "amount":
                continue
            total = None
            for r in rows:
                value = self.rows[r].get(column.field)
                if self.preview and self.preview[0] == r and self.preview[1] == c:
                    value = self.preview[2]
                if value is not None:
                    total = (total or 0) + value
            result[column.field] = total
        return result


class PlaceAfter(commands.Op):
    """Put newly inserted rows right after ``after_id`` (None: at the end) in printed order."""

    def __init__(self, model: RecordTableModel, inserted, after_id: int | None):
        super().__init__(model.doc)
        self.model, self.inserted, self.after_id = model, inserted, after_id
        self.order: list[int] | None = None
        self.before: dict[int, int] | None = None

    def redo(self) -> None:
        if self.order is None:
            new_ids = [c.row_id for c in self.inserted]
            ids = [i for i in self.model.scope_ids() if i not in set(new_ids)]
            at = ids.index(self.after_id) + 1 if self.after_id in ids else len(ids)
            if self.after_id is None and self.model.rows:
                last = self.model.rows[-1]["id"]
                at = ids.index(last) + 1 if last in ids else len(ids)
            self.order = ids[:at] + new_ids + ids[at:]
        if self.before is None:  # a redo after an undo starts from exactly the same positions
            self.before = commands.positions(self.doc.store, self.model.table, self.order,
                                             self.model.scope_positions())
        self.doc.store.reorder(self.model.table, self.order)
        self.doc.note(self.model.table, None, structural=True)

    def undo(self) -> None:
        commands.restore_positions(self.doc.store, self.model.table, self.before)
        self.doc.note(self.model.table, None, structural=True)


def record_dict(record) -> dict:
    return dict(record.__dict__)


def unique_key(store, edition_id: int, prefix: str = "new") -> str:
    existing = {i.key for i in store.initiatives(edition_id)}
    while True:
        key = f"{prefix}-{uuid.uuid4().hex[:8]}"
        if key not in existing:
            return key


# -- concrete models -------------------------------------------------------------------------

class InitiativesModel(RecordTableModel):
    """Initiatives of one vision, one ward panel, or the whole edition."""

    table = "initiative"

    def __init__(self, doc, edition_id: int, *, vision_id: int | None = None,
                 ward_plan_id: int | None = None, parent=None):
        self.edition_id, self.vision_id, self.ward_plan_id = edition_id, vision_id, ward_plan_id
        self._vision_number = None
        self._ward_name = None
        if vision_id is not None:
            self._vision_number = doc.store.row("vision", vision_id)["number"]
        if ward_plan_id is not None:
            ward_id = doc.store.row("ward_plan", ward_plan_id)["ward_id"]
            self._ward_name = doc.store.row("ward", ward_id)["name"]
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
        items = self.store.initiatives(self.edition_id)
        if self.vision_id is not None:
            if self.store.row("vision", self.vision_id) is None:
                return []
            self._vision_number = self.store.row("vision", self.vision_id)["number"]
            items = [i for i in items if i.vision_number == self._vision_number]
        elif self.ward_plan_id is not None:
            items = [i for i in items if i.ward_name == self._ward_name]
        return [record_dict(i) for i in items]

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
                             "description": action.description or "",
                             "initiative_id": item.id, "title": item.title,
                             "amount": item.amount, "previous_amount": item.previous_amount})
        return rows

    def convert(self, column, value):
        stored = super().convert(column, value)
        if column.field == "description" and column.table is None and stored == "":
            return None
        return stored

    def new_row_values(self):
        return {"priority_id": self.priority_id, "heading": "", "position": 1 << 30}

    def can_insert(self):
        return False


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


class FilterProxy(QSortFilterProxyModel):
    """Filters on every column at once (NFKC, case-insensitive, all words must match).

    Typing narrows the filter: when the new words contain the previous ones, a row refused
    before is refused again without looking at its text, so each keystroke only re-checks the
    rows still shown.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._terms: list[str] = []
        self._refused: set[int] | None = None  # rows refused by the previous, wider filter
        self._refusing: set[int] = set()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        # before the proxy itself re-filters the changed rows
        for signal in (model.modelAboutToBeReset, model.rowsAboutToBeInserted,
                       model.rowsAboutToBeRemoved, model.layoutAboutToBeChanged,
                       model.dataChanged):
            signal.connect(self._forget)

    def _forget(self, *_args) -> None:
        self._refused = None

    def set_terms(self, text: str) -> None:
        terms = normalise(text).split()
        narrower = bool(self._terms) and self._refused is not None and all(
            any(old in new for new in terms) for old in self._terms)
        self._refused = self._refused if narrower else None
        self._refusing = set()
        model = self.sourceModel()
        if terms and self._refused is None and hasattr(model, "warm_search"):
            model.warm_search()  # every key in one tight loop before the pass
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._terms = terms
            self.invalidateRowsFilter()
        self._refused = self._refusing if terms else None

    def shown_source_rows(self) -> list[int]:
        """The source rows the filter lets through, in source order (cheap after a filter)."""
        model = self.sourceModel()
        if self._terms and self._refused is not None:
            refused = self._refused
            return [r for r in range(model.rowCount()) if r not in refused]
        return sorted(self.mapToSource(self.index(r, 0)).row() for r in range(self.rowCount()))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._terms:
            return True
        if self._refused is not None and source_row in self._refused:
            self._refusing.add(source_row)
            return False
        text = self.sourceModel().search_text(source_row)
        if all(term in text for term in self._terms):
            return True
        self._refusing.add(source_row)
        return False


def persistent(model, row: int, column: int = 0) -> QPersistentModelIndex:
    return QPersistentModelIndex(model.index(row, column))
