"""The editing layer: an open plan file, its undo stack and change notifications.

Everything the UI changes goes through ``PlanDocument``'s methods, which push undo commands;
the commands write to SQLite at once. ``changed`` is emitted after each command (or batch) with
``{table: (ids, structural)}`` so thin models can refresh only what changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from db import change_log
from db.store import TABLE_ORDER, PlanStore

from . import commands


class PlanDocument(QObject):
    changed = Signal(dict)  # table -> (set of ids, structural)
    changed_elsewhere = Signal()  # another program wrote to the file; everything was reloaded

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        if not store.readonly:
            change_log.set_source(store, "editor")  # undo and redo say so (commands.Step)
        self.undo_stack = QUndoStack(self)
        self._depth = 0
        self._pending: dict[str, tuple[set, bool]] = {}
        self._version = store.data_version()

    def check_external_change(self) -> bool:
        """Notice a commit by another connection (a second PlanBook window, `planbook import`
        or `ward-xlsx import`) and reload everything from the file.

        The undo history is cleared then: its steps were recorded against rows another
        program has since changed, and replaying them could silently undo that program's work.
        """
        if self._depth or self.store.readonly:
            return False
        version = self.store.data_version()
        if version == self._version:
            return False
        self._version = version
        self.undo_stack.clear()
        for table in TABLE_ORDER:
            self._pending[table] = (set(), True)
        self._flush()
        self.changed_elsewhere.emit()
        return True

    @property
    def path(self) -> Path | None:
        return self.store.path

    def close(self) -> None:
        self.undo_stack.clear()
        self.store.close()

    # -- notifications ----------------------------------------------------------------------
    def note(self, table: str, row_id: int | None, structural: bool = False) -> None:
        ids, was_structural = self._pending.get(table, (set(), False))
        if row_id is not None:
            ids.add(row_id)
        self._pending[table] = (ids, was_structural or structural or row_id is None)
        if self._depth == 0:
            self._flush()

    @contextmanager
    def batch(self) -> Iterator[None]:
        self._depth += 1
        try:
            with self.store.atomic():
                yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._flush()

    def _flush(self) -> None:
        pending, self._pending = self._pending, {}
        if pending:
            self.changed.emit(pending)

    # -- edits (each is one undo step) ------------------------------------------------------
    def push(self, step: commands.Step) -> None:
        with self.batch():
            self.undo_stack.push(step)

    def set_fields(self, table: str, row_id: int, values: dict, text: str) -> None:
        current = self.store.row(table, row_id) or {}
        if all(current.get(k) == v for k, v in values.items()):
            return
        self.push(commands.Step(self, text, [commands.SetFields(self, table, row_id, values)]))

    def insert_row(self, table: str, values: dict, text: str) -> int:
        op = commands.InsertRow(self, table, values)
        self.push(commands.Step(self, text, [op]))
        return op.row_id

    def delete_rows(self, table: str, ids: list[int], text: str) -> None:
        self.push(commands.Step(self, text, [commands.DeleteRow(self, table, i) for i in ids]))

    def reorder(self, table: str, ids: list[int], text: str,
                known: dict[int, int] | None = None) -> None:
        """``known``: the rows' current positions when the caller has them (saves reading)."""
        self.push(commands.Step(self, text, [commands.Reorder(self, table, ids, known)]))

    def macro(self, text: str) -> commands.Step:
        """One undo step: ``step.add(commands.X(doc, …))`` for each change, then ``push(step)``."""
        return commands.Step(self, text)

    def undo(self) -> None:
        with self.batch():
            self.undo_stack.undo()

    def redo(self) -> None:
        with self.batch():
            self.undo_stack.redo()
