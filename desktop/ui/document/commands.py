"""Undo commands: one small class per kind of edit, over the store's generic row operations.

Each operation changes the plan file immediately (there is no Save) and tells the document which
rows changed so the models refresh. A ``Step`` (the ``QUndoCommand`` on the stack) runs one or
many operations in one transaction, so one user action (a paste of 200 rows) is one undo step.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from db import change_log


class Editable(Protocol):
    """What a command needs of the document (``PlanDocument`` has it; this module does not
    import the document, which imports the commands)."""

    store: object

    def note(self, table: str, row_id: int | None, structural: bool = False) -> None: ...

    def batch(self) -> AbstractContextManager[None]: ...


class Op:
    """One reversible change; ``redo`` runs first when the step is pushed."""

    def __init__(self, doc: Editable):
        self.doc = doc

    def redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


class Step(QUndoCommand):
    """What the undo stack holds: operations applied in order, undone in reverse."""

    def __init__(self, doc: Editable, text: str, ops: list[Op] | None = None):
        super().__init__(text)
        self.doc = doc
        self.ops: list[Op] = list(ops or [])
        self.done = False  # redone at least once (the push)
        self.applied_already = False  # the document ran this undo/redo before the stack moved

    def add(self, op: Op) -> Op:
        self.ops.append(op)
        return op

    def release(self) -> None:
        """The stack deleted this step: drop what it holds (see PlanDocument.push)."""
        self.ops = []

    def redo(self) -> None:
        if self.applied_already:  # PlanDocument.redo ran it (to be able to refuse it)
            self.applied_already = False
            return
        try:
            self.apply_redo()
        except Exception:
            if not self.done:
                # the first redo (in push) failed and its transaction rolled back: an obsolete
                # command is dropped by QUndoStack.push, so no undo step claims a change the
                # file does not have (undoing it would fail or write old values over newer ones)
                self.setObsolete(True)
            raise

    def undo(self) -> None:
        if self.applied_already:  # PlanDocument.undo ran it (to be able to refuse it)
            self.applied_already = False
            return
        self.apply_undo()

    def apply_redo(self) -> None:
        # the push is the edit itself (logged as the document's source); later ones are redos
        again = change_log.source(self.doc.store, "redo") if self.done else nullcontext()
        with self.doc.batch(), again:
            for op in self.ops:
                op.redo()
        self.done = True

    def apply_undo(self) -> None:
        with self.doc.batch(), change_log.source(self.doc.store, "undo"):
            for op in reversed(self.ops):
                op.undo()


class SetFields(Op):
    """Set columns of one row; undo puts the previous values back."""

    def __init__(self, doc, table: str, row_id: int, values: dict):
        super().__init__(doc)
        self.table, self.row_id, self.values = table, row_id, dict(values)
        self.old: dict | None = None

    def redo(self) -> None:
        # a redo after an undo: only if the fields still hold what the undo put back
        self.old = self.doc.store.update_fields(self.table, self.row_id, self.values,
                                                expect=self.old)
        self.doc.note(self.table, self.row_id)

    def undo(self) -> None:
        # refused (ChangedElsewhere) when another program has changed a field since
        self.doc.store.update_fields(self.table, self.row_id, self.old, expect=self.values)
        self.doc.note(self.table, self.row_id)


class InsertRow(Op):
    """Insert one row; undo deletes it (keeping a snapshot), redo restores the same id."""

    def __init__(self, doc, table: str, values: dict):
        super().__init__(doc)
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


class DeleteRow(Op):
    """Delete a row with everything that cascades from it; undo restores all of it."""

    def __init__(self, doc, table: str, row_id: int):
        super().__init__(doc)
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


def positions(store, table: str, ids: list[int], known: dict[int, int] | None = None
              ) -> dict[int, int]:
    """Each row's ``position``; ``known`` holds positions the caller has already read."""
    known = known or {}
    out = {row_id: known[row_id] for row_id in ids if row_id in known}
    missing = [row_id for row_id in ids if row_id not in known]
    if missing:
        out.update(store.positions(table, missing))
    return out


def restore_positions(store, table: str, before: dict[int, int]) -> None:
    """Put back the exact positions ``positions`` read, not just their order.

    ``store.reorder`` numbers rows 0..n-1; when the rows had other numbers (a gap left by rows
    deleted earlier, new rows at the end), restoring only the order would leave them numbered
    differently, and undoing that earlier delete would then put its rows back among the wrong
    neighbours.
    """
    store.set_positions(table, before)


class Reorder(Op):
    """Give rows a new printed order; undo restores their previous positions exactly."""

    def __init__(self, doc, table: str, ids: list[int], known: dict[int, int] | None = None):
        super().__init__(doc)
        self.table, self.ids = table, list(ids)
        self.known = known
        self.before: dict[int, int] | None = None

    def redo(self) -> None:
        if self.before is None:  # a redo after an undo starts from exactly the same positions
            self.before = positions(self.doc.store, self.table, self.ids, self.known)
        self.doc.store.reorder(self.table, self.ids)
        self.doc.note(self.table, None, structural=True)

    def undo(self) -> None:
        restore_positions(self.doc.store, self.table, self.before)
        self.doc.note(self.table, None, structural=True)


class SyncRows(Op):
    """Replace a set of rows by another state (used to make a ward Excel import undoable).

    ``before`` and ``after`` map row id → row dict (all columns). Redo the first time only
    records; the caller has already applied the change.
    """

    def __init__(self, doc, table: str, before: dict[int, dict], after: dict[int, dict],
                 ):
        super().__init__(doc)
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
