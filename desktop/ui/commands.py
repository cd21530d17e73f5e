"""Undo commands: one small ``QUndoCommand`` per kind of edit, over the store's generic rows.

Each command changes the plan file immediately (there is no Save) and tells the document which
rows changed so the models refresh. Multi-row edits are one command with children, executed in
one transaction, so one user action is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from .document import PlanDocument


class _Command(QUndoCommand):
    def __init__(self, doc: PlanDocument, text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.doc = doc


class SetFields(_Command):
    """Set columns of one row; undo puts the previous values back."""

    def __init__(self, doc, table: str, row_id: int, values: dict, text: str, parent=None):
        super().__init__(doc, text, parent)
        self.table, self.row_id, self.values = table, row_id, dict(values)
        self.old: dict | None = None

    def redo(self) -> None:
        self.old = self.doc.store.update_fields(self.table, self.row_id, self.values)
        self.doc.note(self.table, self.row_id)

    def undo(self) -> None:
        self.doc.store.update_fields(self.table, self.row_id, self.old)
        self.doc.note(self.table, self.row_id)


class InsertRow(_Command):
    """Insert one row; undo deletes it (keeping a snapshot), redo restores the same id."""

    def __init__(self, doc, table: str, values: dict, text: str, parent=None):
        super().__init__(doc, text, parent)
        self.table, self.values = table, dict(values)
        self.row_id: int | None = None
        self.snapshot = None

    def redo(self) -> None:
        if self.snapshot is None:
            self.row_id = self.doc.store.insert_row(self.table, self.values)
        else:
            self.doc.store.restore(self.snapshot)
        self.doc.note(self.table, self.row_id, structural=True)

    def undo(self) -> None:
        self.snapshot = self.doc.store.delete(self.table, self.row_id)
        self.doc.note(self.table, self.row_id, structural=True)
        for table in self.snapshot.rows:
            self.doc.note(table, None, structural=True)


class DeleteRow(_Command):
    """Delete a row with everything that cascades from it; undo restores all of it."""

    def __init__(self, doc, table: str, row_id: int, text: str, parent=None):
        super().__init__(doc, text, parent)
        self.table, self.row_id = table, row_id
        self.snapshot = None

    def redo(self) -> None:
        self.snapshot = self.doc.store.delete(self.table, self.row_id)
        for table in self.snapshot.rows:
            self.doc.note(table, None, structural=True)
        for table, *_ in self.snapshot.detached:
            self.doc.note(table, None, structural=True)

    def undo(self) -> None:
        self.doc.store.restore(self.snapshot)
        for table in self.snapshot.rows:
            self.doc.note(table, None, structural=True)
        for table, *_ in self.snapshot.detached:
            self.doc.note(table, None, structural=True)


class Reorder(_Command):
    """Give rows a new printed order; undo restores the previous order."""

    def __init__(self, doc, table: str, ids: list[int], text: str, parent=None):
        super().__init__(doc, text, parent)
        self.table, self.ids = table, list(ids)
        self.previous: list[int] | None = None

    def redo(self) -> None:
        self.previous = self.doc.store.reorder(self.table, self.ids)
        self.doc.note(self.table, None, structural=True)

    def undo(self) -> None:
        self.doc.store.reorder(self.table, self.previous)
        self.doc.note(self.table, None, structural=True)


class SyncRows(_Command):
    """Replace a set of rows by another state (used to make a ward Excel import undoable).

    ``before`` and ``after`` map row id → row dict (all columns). Redo the first time only
    records; the caller has already applied the change.
    """

    def __init__(self, doc, table: str, before: dict[int, dict], after: dict[int, dict],
                 text: str, parent=None):
        super().__init__(doc, text, parent)
        self.table, self.before, self.after = table, before, after
        self.first = True

    def _apply(self, current: dict[int, dict], target: dict[int, dict]) -> None:
        store = self.doc.store
        for row_id in current.keys() - target.keys():
            store.delete(self.table, row_id)
        for row_id, row in target.items():
            if row_id not in current:
                store.insert_row(self.table, row)
            else:
                changed = {k: v for k, v in row.items() if current[row_id].get(k) != v}
                if changed:
                    store.update_fields(self.table, row_id, changed)
        self.doc.note(self.table, None, structural=True)

    def redo(self) -> None:
        if self.first:
            self.first = False
            self.doc.note(self.table, None, structural=True)
            return
        self._apply(self.before, self.after)

    def undo(self) -> None:
        self._apply(self.after, self.before)


class Batch(_Command):
    """A parent for many child commands, run in one transaction with one notification."""

    def redo(self) -> None:
        with self.doc.batch():
            super().redo()

    def undo(self) -> None:
        with self.doc.batch():
            super().undo()
