"""The plan file's rows: the connection, JSON columns, and the generic row operations.

Every write runs inside ``atomic()`` (a transaction, or a savepoint when nested), so the file on
disk is always a consistent document. The generic row operations (``update_fields``,
``delete``/``restore``, ``reorder``) are what the editor's undo commands use; the typed
readers and writers are in db/store_records.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from .connection import Connection
from .errors import ChangedElsewhere
from .messages import msg, shown
from .planfile import copy_database

# Columns holding JSON text, per table (lists unless noted).
JSON_COLUMNS: dict[str, set[str]] = {
    "plan": {"notes"},
    "edition": {
        "cover_parts", "about", "pdca_steps", "context", "priority_intro", "cross_cutting",
        "ward_intro", "ward_policies", "ward_budget_lines", "contact", "headings",
    },
    "vision": {"direction", "related"},
    "ward_plan": {"policies"},
    "initiative": {"highlights", "indicators", "notes", "tables", "pictures"},
    "priority": {"situation", "past_actions"},
}

# Parent → children that SQLite deletes (CASCADE) or detaches (SET NULL) with it.
CASCADES: dict[str, list[tuple[str, str, str]]] = {
    "edition": [("vision", "edition_id", "cascade"), ("priority", "edition_id", "cascade"),
                ("ward_plan", "edition_id", "cascade"), ("initiative", "edition_id", "cascade")],
    "ward": [("ward_plan", "ward_id", "cascade")],
    "vision": [("measure", "vision_id", "cascade"), ("initiative", "vision_id", "cascade")],
    "ward_plan": [("initiative", "ward_plan_id", "cascade"), ("ward_group", "ward_plan_id", "cascade"),
                  ("ward_project", "ward_plan_id", "cascade")],
    "initiative": [("priority_action", "initiative_id", "cascade")],
    "priority": [("priority_action", "priority_id", "cascade")],
    "ward_group": [("ward_project", "group_id", "set null")],
}
# Insertion order that satisfies every foreign key.
TABLE_ORDER = ["plan", "ward", "edition", "vision", "measure", "ward_plan", "initiative",
               "priority", "priority_action", "ward_group", "ward_project"]
ORDERED_TABLES = {"measure", "initiative", "priority_action", "ward_group", "ward_project", "ward"}


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


@dataclass
class Snapshot:
    """Rows removed by a delete (with everything that cascaded), enough to put them back."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    detached: list[tuple[str, int, str, int]] = field(default_factory=list)  # table, id, col, old


class RowStore:
    """An open plan file's connection and its generic row operations (see PlanStore)."""

    def __init__(self, db: Connection, path: Path | None, readonly: bool = False):
        self.db = db
        self.path = path
        self.readonly = readonly
        # every change made through a writable store is logged (db/change_log.py)
        self.change_context = None
        if not readonly:
            from . import change_log  # reading a file (`planbook info`) needs none of it

            self.change_context = change_log.install(db)

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[Self]:
        with self.db.atomic():
            yield self

    def save_copy(self, destination: str | Path) -> Path:
        """Write a consistent copy of the whole plan to ``destination`` (replaced atomically;
        SQLite's backup API, never a file copy of the open file)."""
        return copy_database(self.db.conn, Path(destination))

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another program's write to finish."""
        self.db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def damage(self) -> str | None:
        """SQLite's quick check: None when the file is sound, else its first complaint."""
        result = self.db.execute("PRAGMA quick_check(1)").fetchone()[0]
        return None if result == "ok" else result

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (before copying or moving it)."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def data_version(self) -> int:
        """Changes when another connection commits to the file (for "changed on disk")."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    # -- helpers -----------------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple | list = ()) -> list[dict]:
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _each_row(self, sql: str, params: tuple | list = ()) -> Iterator[dict]:
        """``_rows`` one at a time: a caller turning 10,000 rows into records does not hold
        every row as a tuple and as a dict beside them (the checks' peak halves)."""
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def _decode(self, table: str, row: dict) -> dict:
        for column in JSON_COLUMNS.get(table, ()):
            value = row.get(column)
            if isinstance(value, str):
                # most lists are empty: 5 per initiative, 50,000 json.loads at 10,000
                row[column] = [] if value == "[]" else json.loads(value)
        return row

    def _encode(self, table: str, values: dict) -> dict:
        out = {}
        for column, value in values.items():
            if column in JSON_COLUMNS.get(table, ()) and not isinstance(value, str):
                value = _dump(value)
            elif isinstance(value, bool):
                value = int(value)
            out[column] = value
        return out

    def _insert(self, table: str, values: dict) -> int:
        values = self._encode(table, values)
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self.db.atomic():
            cursor = self.db.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values()))
        return cursor.lastrowid

    def _next_position(self, table: str, where: str, params: list) -> int:
        row = self.db.execute(
            f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE {where}", params).fetchone()
        return row[0]

    # -- generic row operations (the editor's undo commands use these) -----------------------
    def columns(self, table: str) -> list[str]:
        if table not in TABLE_ORDER:
            raise ValueError(f"unknown table {table!r}")
        return [r[1] for r in self.db.execute(f"PRAGMA table_info({table})")]

    def row(self, table: str, row_id: int) -> dict | None:
        self.columns(table)
        rows = self._rows(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        return self._decode(table, rows[0]) if rows else None

    def update_fields(self, table: str, row_id: int, values: dict,
                      expect: dict | None = None) -> dict:
        """Set columns of one row; returns their previous values (for undo).

        ``expect``: the values those columns must still have (an undo: what the step wrote);
        when another program has changed one since, nothing is written and ChangedElsewhere
        says which field now holds what."""
        known = set(self.columns(table))
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"{table} has no column {sorted(unknown)[0]!r}")
        encoded = self._encode(table, values)
        assignments = ", ".join(f"{c} = ?" for c in encoded)
        with self.db.atomic():  # the write lock first: nobody changes the row in between
            old = self.row(table, row_id)
            if old is None:
                raise KeyError(f"{table} {row_id}")
            for column, value in (expect or {}).items():
                if old[column] != value:
                    raise ChangedElsewhere(msg(
                        "「%1」 was changed by another program (it is now 「%2」): the undo was "
                        "not applied, so that change is kept.", column, shown(old[column])))
            self.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?",
                            [*encoded.values(), row_id])
        return {c: old[c] for c in values}

    def insert_row(self, table: str, values: dict) -> int:
        self.columns(table)
        return self._insert(table, values)

    def delete(self, table: str, row_id: int) -> Snapshot:
        """Delete one row and what cascades from it; the snapshot restores all of it."""
        snapshot = Snapshot()
        self._collect(table, [row_id], snapshot)
        with self.db.atomic():
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])
        return snapshot

    def _collect(self, table: str, ids: list[int], snapshot: Snapshot) -> None:
        if not ids:
            return
        marks = ", ".join("?" for _ in ids)
        rows = self._rows(f"SELECT * FROM {table} WHERE id IN ({marks})", ids)
        known = {r["id"] for r in snapshot.rows.get(table, [])}
        snapshot.rows.setdefault(table, []).extend(r for r in rows if r["id"] not in known)
        for child, column, action in CASCADES.get(table, []):
            child_rows = self._rows(
                f"SELECT id FROM {child} WHERE {column} IN ({marks})", ids)
            child_ids = [r["id"] for r in child_rows]
            if action == "cascade":
                self._collect(child, child_ids, snapshot)
            else:
                for r in self._rows(f"SELECT id, {column} FROM {child} WHERE {column} IN ({marks})",
                                    ids):
                    snapshot.detached.append((child, r["id"], column, r[column]))

    def restore(self, snapshot: Snapshot) -> None:
        """Undo a ``delete``: reinsert every row with its original id, then reattach."""
        with self.db.atomic():
            for table in TABLE_ORDER:
                for row in snapshot.rows.get(table, []):
                    columns = ", ".join(row)
                    marks = ", ".join("?" for _ in row)
                    self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                                    list(row.values()))
            for table, row_id, column, value in snapshot.detached:
                self.db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [value, row_id])

    def positions(self, table: str, ids: list[int]) -> dict[int, int]:
        """Each row's ``position`` (one query), for undoing a reorder exactly."""
        if table not in ORDERED_TABLES:
            raise ValueError(f"{table} has no order")
        out: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            out.update(self.db.execute(
                f"SELECT id, position FROM {table} WHERE id IN ({marks})", chunk).fetchall())
        return out

    def set_positions(self, table: str, positions: dict[int, int]) -> None:
        """Put rows back at exactly these positions (the inverse of ``positions``)."""
        if table not in ORDERED_TABLES:
            raise ValueError(f"{table} has no order")
        with self.db.atomic():
            self.db.conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",
                                     [(position, row_id) for row_id, position in positions.items()])

    def reorder(self, table: str, ids: list[int]) -> list[int]:
        """Give ``ids`` positions 0..n-1 in that order; returns the previous order (for undo)."""
        if table not in ORDERED_TABLES:
            raise ValueError(f"{table} has no order")
        marks = ", ".join("?" for _ in ids)
        previous = [r["id"] for r in self._rows(
            f"SELECT id FROM {table} WHERE id IN ({marks}) ORDER BY position, id", ids)]
        with self.db.atomic():
            for position, row_id in enumerate(ids):
                self.db.execute(f"UPDATE {table} SET position = ? WHERE id = ?",
                                [position, row_id])
        return previous
