"""Thin Qt table models over the plan store's records.

``RecordTableModel`` shows a list of rows (dicts read through the store's typed API), writes
every edit through the ``PlanDocument`` (so it is an undo command committed at once) and
refreshes from the document's ``changed`` notifications: a changed row is re-read, a structural
change reloads the list. Subclasses say which rows, which columns and how a new row looks.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from db.money import AmountError, format_amount

from ..db_text import check_limits
from ..document.document import PlanDocument
from .cells import (
    ID_ROLE,
    KIND_ROLE,
    MAX_INTEGER,
    RAW_ROLE,
    SORT_ROLE,
    Column,
    normalise,
    parse_cell_amount,
    parse_status,
    status_label,
    tr,
)

_MIN = -(10**18)
_PLAIN = ("text", "readonly")


UNSAVED_TINT = "#FFE08A"  # a cell whose typed value waits to be saved


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
        if self.doc.unsaved and column.field:  # typed, but the file was locked: shown, tinted
            unsaved, typed = self.doc.unsaved_value(*self.target(index.row(), column),
                                                    column.field)
            if unsaved:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(QColor(UNSAVED_TINT))
                if role == Qt.ItemDataRole.ToolTipRole:
                    return QCoreApplication.translate(
                        "Columns", "Not saved yet: another program is writing to the file. "
                        "PlanBook tries again every few seconds.")
                value = typed
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
        text = "" if value is None else str(value)
        check_limits(column.table or self.table, column.field, text)
        return text

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
