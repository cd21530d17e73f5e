"""The plan file: open/create/migrate it and read and write typed records.

Every write runs inside ``PlanStore.atomic()`` (a transaction, or a savepoint when nested), so
the file on disk is always a consistent document. The generic row operations at the bottom
(``update_fields``, ``delete``/``restore``, ``reorder``) are what the editor's undo commands use.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import change_log
from .connection import Connection
from .errors import ChangedElsewhere
from .messages import msg, shown
from .planfile import (
    connect,
    copy_database,
    error_for,
    file_uri,
    foreign_objects,
    header,
    is_network_path,  # noqa: F401 - re-exported
    journal_mode_for,
    logs_beside,
    plan_file_error,
    remove_new_empty_logs,
    remove_with_sidecars,
)
from .records import (
    Contact,
    Edition,
    EditionDocument,
    Initiative,
    Measure,
    Picture,
    Plan,
    Priority,
    PriorityAction,
    SmallTable,
    Totals,
    Vision,
    Ward,
    WardGroup,
    WardPlan,
    WardProject,
)
from .schema import APPLICATION_ID, SCHEMA_VERSION, migrations

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


class PlanStore:
    """An open plan file (or in-memory plan). Use as a context manager or call ``close()``."""

    def __init__(self, db: Connection, path: Path | None, readonly: bool = False):
        self.db = db
        self.path = path
        self.readonly = readonly
        # every change made through a writable store is logged (db/change_log.py)
        self.change_context = None if readonly else change_log.install(db)

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[PlanStore]:
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

    def _decode(self, table: str, row: dict) -> dict:
        for column in JSON_COLUMNS.get(table, ()):
            if column in row and isinstance(row[column], str):
                row[column] = json.loads(row[column])
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

    # -- plan and wards ----------------------------------------------------------------------
    def plan(self) -> Plan:
        rows = self._rows("SELECT name, city, notes, workbook_key FROM plan WHERE id = 1")
        if not rows:
            return Plan()
        row = self._decode("plan", rows[0])
        return Plan(row["name"], row["city"], row["notes"], row["workbook_key"])

    def set_plan(self, plan: Plan) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO plan (id, name, city, notes, workbook_key) VALUES (1, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, city = excluded.city, "
                "notes = excluded.notes, workbook_key = excluded.workbook_key",
                [plan.name, plan.city, _dump(plan.notes), plan.workbook_key])

    def ensure_workbook_key(self) -> str:
        """The secret that signs ward workbooks, made (once, at random) when there is none."""
        key = self.plan().workbook_key
        if not key:
            import secrets  # only here: most commands never need a key

            key = secrets.token_hex(32)
            with self.db.atomic():
                self.db.execute("INSERT INTO plan (id) VALUES (1) ON CONFLICT(id) DO NOTHING")
                self.db.execute("UPDATE plan SET workbook_key = ? WHERE id = 1", [key])
        return key

    def wards(self) -> list[Ward]:
        return [Ward(r["name"], r["kind"], r["position"], r["id"])
                for r in self._rows("SELECT * FROM ward ORDER BY position, id")]

    def add_ward(self, ward: Ward) -> int:
        position = self._next_position("ward", "1", [])
        ward.id = self._insert("ward", {"name": ward.name, "kind": ward.kind, "position": position})
        ward.position = position
        return ward.id

    # -- editions ----------------------------------------------------------------------------
    def fiscal_years(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT fiscal_year FROM edition ORDER BY fiscal_year")]

    def editions(self) -> list[Edition]:
        return [self._edition(r) for r in self._rows("SELECT * FROM edition ORDER BY fiscal_year")]

    def edition(self, fiscal_year: int) -> Edition | None:
        rows = self._rows("SELECT * FROM edition WHERE fiscal_year = ?", [fiscal_year])
        return self._edition(rows[0]) if rows else None

    def _edition(self, row: dict) -> Edition:
        row = self._decode("edition", row)
        row["contact"] = Contact(**row["contact"])
        return Edition(**row)

    @staticmethod
    def _edition_values(edition: Edition) -> dict:
        values = {k: v for k, v in edition.__dict__.items() if k != "id"}
        values["contact"] = dict(edition.contact.__dict__)
        return values

    def add_edition(self, edition: Edition) -> int:
        edition.id = self._insert("edition", self._edition_values(edition))
        return edition.id

    def update_edition(self, edition: Edition) -> None:
        self.update_fields("edition", edition.id, self._edition_values(edition))

    # -- visions and measures ----------------------------------------------------------------
    def visions(self, edition_id: int) -> list[Vision]:
        rows = self._rows("SELECT * FROM vision WHERE edition_id = ? ORDER BY number", [edition_id])
        return [Vision(**self._decode("vision", r)) for r in rows]

    def add_vision(self, edition_id: int, vision: Vision) -> int:
        vision.edition_id = edition_id
        vision.id = self._insert("vision", {
            "edition_id": edition_id, "number": vision.number, "title": vision.title,
            "colour": vision.colour, "direction": vision.direction, "related": vision.related})
        return vision.id

    def measures(self, vision_id: int) -> list[Measure]:
        rows = self._rows("SELECT * FROM measure WHERE vision_id = ? ORDER BY position, id",
                          [vision_id])
        return [Measure(**r) for r in rows]

    def add_measure(self, vision_id: int, measure: Measure) -> int:
        measure.vision_id = vision_id
        measure.position = self._next_position("measure", "vision_id = ?", [vision_id])
        measure.id = self._insert("measure", {
            "vision_id": vision_id, "code": measure.code, "title": measure.title,
            "goal": measure.goal, "position": measure.position})
        return measure.id

    # -- initiatives -------------------------------------------------------------------------
    _INITIATIVE_SQL = (
        "SELECT i.*, v.number AS vision_number, w.name AS ward_name, "
        "pre.amount AS predecessor_amount FROM initiative i "
        "LEFT JOIN initiative pre ON pre.id = i.predecessor_id "
        "LEFT JOIN vision v ON v.id = i.vision_id "
        "LEFT JOIN ward_plan wp ON wp.id = i.ward_plan_id LEFT JOIN ward w ON w.id = wp.ward_id ")

    def _initiative(self, row: dict) -> Initiative:
        row = self._decode("initiative", row)
        row["tables"] = [SmallTable(**t) for t in row["tables"]]
        row["pictures"] = [Picture(**p) for p in row["pictures"]]
        row.pop("vision_id")
        row.pop("ward_plan_id")
        return Initiative(**row)

    def initiatives(self, edition_id: int) -> list[Initiative]:
        rows = self._rows(self._INITIATIVE_SQL + "WHERE i.edition_id = ? ORDER BY i.position, i.id",
                          [edition_id])
        return [self._initiative(r) for r in rows]

    def initiative(self, initiative_id: int) -> Initiative | None:
        rows = self._rows(self._INITIATIVE_SQL + "WHERE i.id = ?", [initiative_id])
        return self._initiative(rows[0]) if rows else None

    def _homes(self, edition_id: int) -> tuple[dict[int, int], dict[str, int]]:
        """Vision number → id and ward name → ward plan id, for placing initiatives."""
        visions = dict(self.db.execute(
            "SELECT number, id FROM vision WHERE edition_id = ?", [edition_id]).fetchall())
        wards = dict(self.db.execute(
            "SELECT w.name, wp.id FROM ward_plan wp JOIN ward w ON w.id = wp.ward_id "
            "WHERE wp.edition_id = ?", [edition_id]).fetchall())
        return visions, wards

    def _initiative_values(self, edition_id: int, item: Initiative,
                           homes: tuple[dict[int, int], dict[str, int]] | None = None) -> dict:
        visions, wards = homes or self._homes(edition_id)
        vision_id = ward_plan_id = None
        if item.vision_number is not None:
            if item.vision_number not in visions:
                raise ValueError(f"initiative {item.key}: no vision {item.vision_number}")
            vision_id = visions[item.vision_number]
        if item.ward_name is not None:
            if item.ward_name not in wards:
                raise ValueError(f"initiative {item.key}: no ward plan for {item.ward_name}")
            ward_plan_id = wards[item.ward_name]
        return {
            "edition_id": edition_id, "key": item.key, "title": item.title,
            "description": item.description, "amount": item.amount,
            "previous_amount": item.previous_amount, "budget_note": item.budget_note,
            "category": item.category, "status": item.status, "section": item.section,
            "vision_id": vision_id, "measure_code": item.measure_code,
            "ward_plan_id": ward_plan_id, "highlights": item.highlights,
            "indicators": item.indicators, "notes": item.notes,
            "tables": [t.__dict__ for t in item.tables],
            "pictures": [p.__dict__ for p in item.pictures], "position": item.position,
            "predecessor_id": item.predecessor_id,
        }

    def add_initiative(self, edition_id: int, item: Initiative) -> int:
        item.edition_id = edition_id
        item.position = self._next_position("initiative", "edition_id = ?", [edition_id])
        item.id = self._insert("initiative", self._initiative_values(edition_id, item))
        return item.id

    def add_initiatives(self, edition_id: int, items: list[Initiative]) -> None:
        """Append many initiatives in one transaction (imports, generated plans)."""
        homes = self._homes(edition_id)
        position = self._next_position("initiative", "edition_id = ?", [edition_id])
        with self.db.atomic():
            for offset, item in enumerate(items):
                item.edition_id, item.position = edition_id, position + offset
                values = self._encode("initiative", self._initiative_values(edition_id, item, homes))
                cursor = self.db.execute(
                    f"INSERT INTO initiative ({', '.join(values)}) "
                    f"VALUES ({', '.join('?' for _ in values)})", list(values.values()))
                item.id = cursor.lastrowid

    def update_initiative(self, item: Initiative) -> None:
        values = self._initiative_values(item.edition_id, item)
        values.pop("edition_id")
        self.update_fields("initiative", item.id, values)

    # -- priorities --------------------------------------------------------------------------
    def priorities(self, edition_id: int, initiatives: dict[int, Initiative] | None = None
                   ) -> list[Priority]:
        rows = self._rows("SELECT * FROM priority WHERE edition_id = ? ORDER BY number",
                          [edition_id])
        result = []
        for row in rows:
            priority = Priority(**self._decode("priority", row))
            for action in self._rows(
                    "SELECT * FROM priority_action WHERE priority_id = ? ORDER BY position, id",
                    [priority.id]):
                item = (initiatives or {}).get(action["initiative_id"]) or self.initiative(
                    action["initiative_id"])
                priority.actions.append(PriorityAction(
                    action["heading"], item, action["description"], action["position"],
                    action["id"], action["title"]))
            result.append(priority)
        return result

    def add_priority(self, edition_id: int, priority: Priority) -> int:
        priority.edition_id = edition_id
        priority.id = self._insert("priority", {
            "edition_id": edition_id, "number": priority.number, "title": priority.title,
            "lead": priority.lead, "situation": priority.situation,
            "past_actions": priority.past_actions})
        return priority.id

    def add_priority_action(self, priority_id: int, action: PriorityAction) -> int:
        action.position = self._next_position("priority_action", "priority_id = ?", [priority_id])
        action.id = self._insert("priority_action", {
            "priority_id": priority_id, "initiative_id": action.initiative.id,
            "heading": action.heading, "title": action.title,
            "description": action.description, "position": action.position})
        return action.id

    # -- wards per year ----------------------------------------------------------------------
    def ward_plans(self, edition_id: int) -> list[WardPlan]:
        rows = self._rows(
            "SELECT wp.*, w.name AS ward_name, w.kind AS ward_kind, w.position AS ward_position "
            "FROM ward_plan wp JOIN ward w ON w.id = wp.ward_id WHERE wp.edition_id = ? "
            "ORDER BY w.position, w.id", [edition_id])
        plans = []
        for row in rows:
            row = self._decode("ward_plan", row)
            plan = WardPlan(
                ward=Ward(row["ward_name"], row["ward_kind"], row["ward_position"], row["ward_id"]),
                headline=row["headline"], description=row["description"],
                policies=row["policies"], allocation=row["allocation"],
                printed_totals=Totals(row["printed_initial"], row["printed_revised"],
                                      row["printed_settled"]),
                id=row["id"], edition_id=edition_id)
            plan.groups = self.ward_groups(plan.id)
            plan.projects = self.ward_projects(plan.id)
            plans.append(plan)
        return plans

    def add_ward_plan(self, edition_id: int, plan: WardPlan) -> int:
        plan.edition_id = edition_id
        plan.id = self._insert("ward_plan", {
            "edition_id": edition_id, "ward_id": plan.ward.id, "headline": plan.headline,
            "description": plan.description, "policies": plan.policies,
            "allocation": plan.allocation, "printed_initial": plan.printed_totals.initial,
            "printed_revised": plan.printed_totals.revised,
            "printed_settled": plan.printed_totals.settled})
        return plan.id

    def ward_groups(self, ward_plan_id: int) -> list[WardGroup]:
        rows = self._rows("SELECT * FROM ward_group WHERE ward_plan_id = ? ORDER BY position, id",
                          [ward_plan_id])
        return [WardGroup(r["title"], bool(r["show_subtotal"]), r["position"], r["id"],
                          r["ward_plan_id"], r["description"]) for r in rows]

    def add_ward_group(self, ward_plan_id: int, group: WardGroup) -> int:
        group.ward_plan_id = ward_plan_id
        group.position = self._next_position("ward_group", "ward_plan_id = ?", [ward_plan_id])
        group.id = self._insert("ward_group", {
            "ward_plan_id": ward_plan_id, "title": group.title,
            "description": group.description, "show_subtotal": group.show_subtotal,
            "position": group.position})
        return group.id

    def ward_projects(self, ward_plan_id: int) -> list[WardProject]:
        rows = self._rows(
            "SELECT * FROM ward_project WHERE ward_plan_id = ? ORDER BY position, id",
            [ward_plan_id])
        return [WardProject(**r) for r in rows]

    @staticmethod
    def ward_project_values(project: WardProject) -> dict:
        return {k: getattr(project, k) for k in (
            "group_id", "number", "name", "description", "status", "initial", "revised",
            "settled")}

    def add_ward_project(self, ward_plan_id: int, project: WardProject) -> int:
        project.ward_plan_id = ward_plan_id
        project.position = self._next_position("ward_project", "ward_plan_id = ?", [ward_plan_id])
        values = self.ward_project_values(project)
        values.update(ward_plan_id=ward_plan_id, position=project.position)
        project.id = self._insert("ward_project", values)
        return project.id

    # -- whole editions ----------------------------------------------------------------------
    def load(self, fiscal_year: int) -> EditionDocument:
        """Everything one fiscal year prints, resolved into records (one query per table)."""
        edition = self.edition(fiscal_year)
        if edition is None:
            raise KeyError(fiscal_year)
        initiatives = self.initiatives(edition.id)
        by_id = {i.id: i for i in initiatives}
        visions = self.visions(edition.id)
        for vision in visions:
            vision.measures = self.measures(vision.id)
            vision.initiatives = [i for i in initiatives if i.vision_number == vision.number]
        ward_plans = self.ward_plans(edition.id)
        for plan in ward_plans:
            plan.initiatives = [i for i in initiatives if i.ward_name == plan.ward.name]
        return EditionDocument(self.plan(), edition, self.priorities(edition.id, by_id), visions,
                               ward_plans, initiatives)

    def load_vision(self, fiscal_year: int, number: int) -> EditionDocument:
        """One vision's part of a fiscal year (the vision, its measures and initiatives; no
        priorities or wards): what the preview needs to set that section, read in time that
        does not grow with the rest of the plan."""
        edition = self.edition(fiscal_year)
        if edition is None:
            raise KeyError(fiscal_year)
        visions = self._rows("SELECT * FROM vision WHERE edition_id = ? AND number = ?",
                             [edition.id, number])
        if not visions:
            raise KeyError(number)
        vision = Vision(**self._decode("vision", visions[0]))
        vision.measures = self.measures(vision.id)
        rows = self._rows(self._INITIATIVE_SQL + "WHERE i.vision_id = ? ORDER BY i.position, i.id",
                          [vision.id])
        vision.initiatives = [self._initiative(r) for r in rows]
        return EditionDocument(self.plan(), edition, [], [vision], [], vision.initiatives)

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


# -- opening files -----------------------------------------------------------------------------

def _open_existing(path: Path, readonly: bool) -> Connection:
    """A connection to an existing file, taking SQLite's locks like any other user of it.

    Read-only use opens it read-write all the same (``query_only``), so that the last
    connection to close removes -wal/-shm as usual; only where that is impossible (a read-only
    folder) is the file opened read-only, or, with no log beside it, as immutable."""
    attempts = [file_uri(path, mode="rw")]
    if readonly:
        attempts.append(file_uri(path, mode="ro"))
        if not Path(f"{path}-wal").exists():
            attempts.append(file_uri(path, mode="ro", immutable="1"))
    first: sqlite3.Error | None = None
    existed = logs_beside(path)
    for uri in attempts:
        db = None
        try:
            db = connect(uri)
            if readonly:
                db.execute("PRAGMA query_only = ON")
            header(db)
            return db
        except sqlite3.Error as error:
            if db is not None:
                db.close()
            name = getattr(error, "sqlite_errorname", "") or ""
            first = first or error
            if not name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM")):
                break
    remove_new_empty_logs(path, existed)
    raise error_for(path, first) from first


def open_plan(path: str | Path, *, create: bool = False, readonly: bool = False) -> PlanStore:
    """Open a plan file, migrating it forward (after a backup) when it is older.

    ``readonly`` never writes to the file: an older file is migrated in memory instead.
    ``create`` makes a new empty plan file when ``path`` does not exist (or is empty).
    A file whose schema holds anything PlanBook's migrations do not create (a planted
    trigger or view) is refused before anything runs.
    """
    path = Path(path)
    if path.is_dir():
        raise plan_file_error("is_folder", path)
    if not path.exists():
        if not create:
            raise plan_file_error("no_such_file", path)
        return _create(path)
    db = _open_existing(path, readonly)
    try:
        application_id, version = header(db)
        tables = set(db.table_names())
        if application_id != APPLICATION_ID and not (application_id == 0 and version == 0):
            raise plan_file_error("other_app", path)
        if version > SCHEMA_VERSION:
            raise plan_file_error("newer", path, version, SCHEMA_VERSION)
        if application_id == 0 and (tables - {"_sqlite_migrations"}):
            raise plan_file_error("other_db", path)
        if application_id == 0 and not create:
            raise plan_file_error("empty", path)
        foreign = foreign_objects(db, version) if application_id else []
        if foreign:
            raise plan_file_error("foreign_schema", path, ", ".join(foreign))
        if readonly:
            memory = connect(":memory:")
            db.conn.backup(memory.conn)
            db.close()
            db = memory
        elif 0 < version < SCHEMA_VERSION:
            copy_database(db.conn, path.with_name(f"{path.name}.v{version}.bak"))
        if not readonly:
            db.execute(f"PRAGMA journal_mode = {journal_mode_for(path)}").fetchone()
        if version < SCHEMA_VERSION:
            migrations.apply(db)
    except sqlite3.Error as error:
        db.close()
        raise error_for(path, error) from error
    except BaseException:
        db.close()
        raise
    return PlanStore(db, path, readonly)


def _create(path: Path) -> PlanStore:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise error_for(path, error) from error
    db = None
    try:
        db = connect(file_uri(path, mode="rwc"))
        db.execute(f"PRAGMA journal_mode = {journal_mode_for(path)}").fetchone()
        migrations.apply(db)
    except sqlite3.Error as error:
        if db is not None:
            db.close()
        remove_with_sidecars(path)
        raise error_for(path, error) from error
    return PlanStore(db, path)


def memory_plan() -> PlanStore:
    """A new, empty plan that lives in memory (tests, previews, validation)."""
    db = connect(":memory:")
    migrations.apply(db)
    return PlanStore(db, None)
