"""The connection a PlanStore talks to: a thin layer over ``sqlite3`` with sqlite-utils'
transaction rules, without importing sqlite-utils (about 80 ms), so that a command that only
reads a current file (``planbook info``) starts at once. sqlite-utils is still what applies
the migrations (db/schema.py loads it only when a file needs them).

The rules kept, as sqlite-utils 4 has them: a write outside a transaction is committed at once;
``atomic()`` is a transaction (``BEGIN IMMEDIATE``), or a savepoint when nested; triggers fire
recursively.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .errors import FINAL_EDITION, FinalEditionError

_SAVEPOINTS = itertools.count(1)
_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_FIRST_KEYWORD = re.compile(r"(?:\s|;|\ufeff|--[^\n]*(?:\n|$)|/\*.*?\*/)*([A-Za-z]*)", re.S)


def _first_keyword(sql: str) -> str:
    return _FIRST_KEYWORD.match(sql).group(1).upper()


class LockedConnection(sqlite3.Connection):
    """``sqlite3.connect(..., factory=LockedConnection)``: the final-edition lock's refusals
    (a trigger's RAISE) arrive as ``FinalEditionError`` however the statement was run."""

    def execute(self, *args, **kwargs):
        try:
            return super().execute(*args, **kwargs)
        except sqlite3.IntegrityError as error:
            raise _refusal(error) from error

    def executemany(self, *args, **kwargs):
        try:
            return super().executemany(*args, **kwargs)
        except sqlite3.IntegrityError as error:
            raise _refusal(error) from error


def _refusal(error: sqlite3.IntegrityError) -> Exception:
    return FinalEditionError() if str(error) == FINAL_EDITION else error


class Connection:
    """An open SQLite database. ``conn`` is the ``sqlite3.Connection`` underneath."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.execute("PRAGMA recursive_triggers = on")

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed at once."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and conn.in_transaction:
                conn.execute("ROLLBACK")  # the failed statement's implicit transaction
            raise
        if (not was_in_transaction and conn.in_transaction and cursor.description is None
                and _first_keyword(sql) not in _CONTROL):
            conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, parameters: Sequence | dict[str, Any] | None = None
              ) -> Iterator[dict]:
        """Rows as dictionaries (column → value)."""
        cursor = self.execute(sql, parameters)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction; nested, a savepoint (an error undoes only the inner block)."""
        conn = self.conn
        if conn.in_transaction:
            savepoint = f"planbook_{next(_SAVEPOINTS)}"
            conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:  # a RAISE(ROLLBACK) trigger may have ended it
                    conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        # Take the write lock now, waiting for it (busy timeout): a deferred transaction that
        # reads first fails at once with "database is locked" when another program commits.
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """One read transaction: the queries inside see one state of the database (in WAL
        mode writers go on meanwhile; with a rollback journal they wait until it ends)."""
        conn = self.conn
        if conn.in_transaction:
            yield self
            return
        conn.execute("BEGIN")
        try:
            yield self
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
