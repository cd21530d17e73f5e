"""The editing layer: an open plan file, its undo stack and change notifications.

Everything the UI changes goes through ``PlanDocument``'s methods, which push undo commands;
the commands write to SQLite at once. ``changed`` is emitted after each command (or batch) with
``{table: (ids, structural)}`` so thin models can refresh only what changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from db import change_log
from db.errors import ChangedElsewhere, FinalEditionError
from db.planfile import error_for
from db.store import TABLE_ORDER, PlanStore

from ..db_text import db_text
from . import commands

EDIT_WAIT = 2.0  # seconds an edit waits for another program's write (the window is busy then)
RETRY_WAIT = 0.2  # … and each retry of an edit kept unsaved
RETRY_MS = 1500
UNDO_LIMIT = 1000  # steps kept; older ones (and the rows their snapshots hold) are let go


class PlanDocument(QObject):
    changed = Signal(dict)  # table -> (set of ids, structural)
    changed_elsewhere = Signal()  # another program wrote to the file; everything was reloaded
    refused = Signal(str)  # an edit, undo or redo that could not be done: why (UI language)
    unsaved_changed = Signal()  # edits kept unsaved (the file was locked) came or went

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        if not store.readonly:
            change_log.set_source(store, "editor")  # undo and redo say so (commands.Step)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._steps: list[commands.Step] = []  # what the stack holds, oldest first
        self._depth = 0
        self._pending: dict[str, tuple[set, bool]] = {}
        self._version = store.data_version()
        if not store.readonly:
            store.set_busy_timeout(EDIT_WAIT)
        # (table, row id, field) → (typed value, undo text): edits the file refused for now
        # (another program held the write lock); shown in their cells and retried until saved
        self.unsaved: dict[tuple[str, int, str], tuple[object, str]] = {}
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.retry_unsaved)

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
        self._release_dropped()
        for table in TABLE_ORDER:
            self._pending[table] = (set(), True)
        self._flush()
        self.changed_elsewhere.emit()
        return True

    @property
    def path(self) -> Path | None:
        return self.store.path

    def close(self) -> None:
        self.retry_timer.stop()
        self.undo_stack.clear()
        self._release_dropped()
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
    def push(self, step: commands.Step) -> bool:
        """Do the step and keep it in the history; False when a final year refused it."""
        try:
            with self.batch():
                self.undo_stack.push(step)
        except FinalEditionError as error:  # a final year: rolled back, not in the history
            step.release()
            self.refused.emit(db_text(error.message))
            return False
        except BaseException:
            step.release()  # refused: the stack dropped it
            raise
        self._steps.append(step)
        self._release_dropped()
        return True

    def _release_dropped(self) -> None:
        """Let go of what the steps the stack has deleted hold (their rows and values).

        PySide6 keeps a reference to every command pushed onto a QUndoStack even after the
        stack deletes it (beyond the undo limit, redo steps replaced by a new edit, clear()),
        so without this every edit of a session stayed in memory."""
        if len(self._steps) == self.undo_stack.count():
            return
        alive = {id(self.undo_stack.command(i)) for i in range(self.undo_stack.count())}
        kept = []
        for step in self._steps:
            if id(step) in alive:
                kept.append(step)
            else:
                step.release()
        self._steps = kept

    def set_fields(self, table: str, row_id: int, values: dict, text: str) -> bool:
        """One undo step; True when saved. False when the file was busy (the values are then
        kept, shown in their cells and retried every 1.5 s until saved) or when a final year
        refused them (said in a message; nothing is kept, since it can never be saved)."""
        current = self.store.row(table, row_id) or {}
        saved = True
        if not all(current.get(k) == v for k, v in values.items()):
            try:
                saved = self.push(commands.Step(self, text,
                                                [commands.SetFields(self, table, row_id, values)]))
            except sqlite3.OperationalError as error:
                for field, value in values.items():
                    self.unsaved[(table, row_id, field)] = (value, text)
                self.retry_timer.start()
                self.refused.emit(self.unsaved_message(error))
                self.unsaved_changed.emit()
                self.note(table, row_id)
                return False
        if any(self.unsaved.pop((table, row_id, field), None) for field in values):
            self.unsaved_changed.emit()
            self.note(table, row_id)
        return saved

    def unsaved_value(self, table: str, row_id: int, field: str):
        """(True, typed value) for an edit not saved yet, else (False, None)."""
        entry = self.unsaved.get((table, row_id, field))
        return (True, entry[0]) if entry is not None else (False, None)

    def unsaved_message(self, error: Exception) -> str:
        reason = db_text(error_for(Path(self.store.path or ""), error).message)
        return self.tr("Not saved yet: %1 PlanBook keeps the typed value and tries again "
                       "every few seconds.").replace("%1", reason)

    def retry_unsaved(self) -> bool:
        """Try to save the edits kept unsaved; True when none is left."""
        if not self.unsaved:
            self.retry_timer.stop()
            return True
        edits: dict[tuple[str, int], tuple[dict, str]] = {}
        for (table, row_id, field), (value, text) in list(self.unsaved.items()):
            edits.setdefault((table, row_id), ({}, text))[0][field] = value
        self.store.set_busy_timeout(RETRY_WAIT)
        try:
            for (table, row_id), (values, text) in edits.items():
                saved = self.set_fields(table, row_id, values, text)
                if not saved and any((table, row_id, f) in self.unsaved for f in values):
                    break  # still busy: the rest waits for the next try
        finally:
            self.store.set_busy_timeout(EDIT_WAIT)
        if self.unsaved:
            return False
        self.retry_timer.stop()
        self.refused.emit(self.tr("Saved: the edits that had to wait are in the file now."))
        return True

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

    def undo(self) -> bool:
        return self._step(self.undo_stack.index() - 1, undo=True)

    def redo(self) -> bool:
        return self._step(self.undo_stack.index(), undo=False)

    def _step(self, index: int, *, undo: bool) -> bool:
        """Undo or redo one step, or refuse and say why (nothing is written then): an edit
        still waits to be saved, another program changed the file (the history is cleared) or
        the step's target (ChangedElsewhere), or the file is locked."""
        if self.unsaved and not self.retry_unsaved():
            self.refused.emit(self.tr("An edit is still waiting to be saved; undo and redo "
                                      "wait for it."))
            return False
        if self.check_external_change() or not 0 <= index < self.undo_stack.count():
            return False
        step = self.undo_stack.command(index)
        try:
            step.apply_undo() if undo else step.apply_redo()
        except ChangedElsewhere as error:
            self.refused.emit(db_text(error.args[0]))
            return False
        except FinalEditionError as error:  # the step touches a year made final since
            self.refused.emit(db_text(error.message))
            return False
        except sqlite3.OperationalError as error:
            self.refused.emit(db_text(error_for(Path(self.store.path or ""), error).message))
            return False
        step.applied_already = True  # the stack only moves its index now
        with self.batch():
            self.undo_stack.undo() if undo else self.undo_stack.redo()
        return True
