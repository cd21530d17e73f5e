"""The change log: who changed which record, when, from where (table ``change_log``, m003).

Every writable ``PlanStore`` gets temporary triggers on its connection (``install``), so every
insert, update and delete of a plan record is logged by SQLite itself, in the same transaction
as the change, whichever code path made it: the editor, undo/redo, the JSON import, the ward
workbook import, a new year. The table is append-only (m003's triggers refuse UPDATE/DELETE).

- An update logs one entry per changed column (old and new value; long values are cut at
  ``VALUE_LIMIT`` characters). Positions (the printed order) and the plan's workbook secret are
  not logged.
- An insert logs one entry with field ``(added)`` and the record's label as the new value; a
  delete one with field ``(deleted)`` and the label as the old value (cascaded rows too).
- The writer names itself with ``source(store, "undo")`` (or ``set_source`` for the rest of
  the session) and the person with ``set_user``; by default the OS user and an empty source.
  ``unlogged(store)`` is for building a new plan (the sample, a synthetic plan, a whole-plan
  import that brings its own log), not for changing one.
"""

from __future__ import annotations

import datetime
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any

from .messages import msg

ADDED, DELETED = "(added)", "(deleted)"
VALUE_LIMIT = 2000
NOT_LOGGED = {"id", "position", "workbook_key"}  # workbook_key: a secret, never copied out

# Per table: the record's human label and its fiscal year, as SQL over ``{r}`` (new. or old.).
LABELS: dict[str, tuple[str, str]] = {
    "plan": ("{r}.name", "NULL"),
    "ward": ("{r}.name", "NULL"),
    "edition": ("{r}.title", "{r}.fiscal_year"),
    "vision": ("{r}.number || '. ' || {r}.title", "(SELECT fiscal_year FROM main.edition e "
               "WHERE e.id = {r}.edition_id)"),
    "measure": ("{r}.code || ' ' || {r}.title", "(SELECT e.fiscal_year FROM main.vision v JOIN "
                "main.edition e ON e.id = v.edition_id WHERE v.id = {r}.vision_id)"),
    "ward_plan": ("(SELECT name FROM main.ward w WHERE w.id = {r}.ward_id)",
                  "(SELECT fiscal_year FROM main.edition e WHERE e.id = {r}.edition_id)"),
    "initiative": ("{r}.title", "(SELECT fiscal_year FROM main.edition e "
                   "WHERE e.id = {r}.edition_id)"),
    "priority": ("{r}.title", "(SELECT fiscal_year FROM main.edition e "
                 "WHERE e.id = {r}.edition_id)"),
    "priority_action": ("COALESCE({r}.title, (SELECT title FROM main.initiative i "
                        "WHERE i.id = {r}.initiative_id))",
                        "(SELECT e.fiscal_year FROM main.priority p JOIN main.edition e "
                        "ON e.id = p.edition_id WHERE p.id = {r}.priority_id)"),
    "ward_group": ("{r}.title", "(SELECT e.fiscal_year FROM main.ward_plan wp JOIN main.edition "
                   "e ON e.id = wp.edition_id WHERE wp.id = {r}.ward_plan_id)"),
    "ward_project": ("{r}.name", "(SELECT e.fiscal_year FROM main.ward_plan wp JOIN main.edition "
                     "e ON e.id = wp.edition_id WHERE wp.id = {r}.ward_plan_id)"),
}


@dataclass
class Entry:
    """One change: a field of a record, its old and new value, who, when and through what."""

    at: str
    user: str
    source: str
    fiscal_year: int | None
    record_type: str
    record_id: int | None
    record_label: str
    field: str
    old_value: str | None
    new_value: str | None
    id: int | None = None


COLUMNS = [f.name for f in fields(Entry) if f.name != "id"]


def default_user() -> str:
    """The OS user name (what the log says when no name was set)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


class Context:
    """Who writes and from where, read by the triggers through SQL functions."""

    def __init__(self) -> None:
        self.user = default_user()
        self.source: str | None = ""


def now() -> str:
    return datetime.datetime.now().astimezone().isoformat(timespec="seconds")


def _clip(expression: str) -> str:
    return (f"CASE WHEN length({expression}) > {VALUE_LIMIT} THEN substr({expression}, 1, "
            f"{VALUE_LIMIT}) || '…' ELSE {expression} END")


def _insert(table: str, r: str, field: str, old: str, new: str, where: str = "") -> str:
    label, year = (s.format(r=r) for s in LABELS[table])
    return (f"INSERT INTO change_log ({', '.join(COLUMNS)}) SELECT planbook_log_at(), "
            f"planbook_log_user(), planbook_log_source(), {year}, '{table}', {r}.id, "
            f"COALESCE({label}, ''), {field}, {old}, {new}{where};")


def install(db) -> Context:
    """Log every change made through this connection (a writable plan file's)."""
    context = Context()
    conn = db.conn
    conn.create_function("planbook_log_at", 0, now)
    conn.create_function("planbook_log_user", 0, lambda: context.user)
    conn.create_function("planbook_log_source", 0, lambda: context.source)
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "change_log" not in tables:
        return context
    when = "WHEN planbook_log_source() IS NOT NULL"
    for table in LABELS:
        if table not in tables:
            continue
        label_new = LABELS[table][0].format(r="new")
        label_old = LABELS[table][0].format(r="old")
        db.execute(f"CREATE TEMP TRIGGER log_insert_{table} AFTER INSERT ON main.{table} {when} "
                   f"BEGIN {_insert(table, 'new', repr(ADDED), 'NULL', label_new)} END")
        db.execute(f"CREATE TEMP TRIGGER log_delete_{table} AFTER DELETE ON main.{table} {when} "
                   f"BEGIN {_insert(table, 'old', repr(DELETED), label_old, 'NULL')} END")
        columns = [row[1] for row in db.execute(f"PRAGMA main.table_info({table})")
                   if row[1] not in NOT_LOGGED]
        body = " ".join(_insert(table, "new", f"'{c}'", _clip(f"old.{c}"), _clip(f"new.{c}"),
                                f" WHERE old.{c} IS NOT new.{c}") for c in columns)
        db.execute(f"CREATE TEMP TRIGGER log_update_{table} AFTER UPDATE OF "
                   f"{', '.join(columns)} ON main.{table} {when} BEGIN {body} END")
    return context


def _context(store) -> Context:
    if store.change_context is None:
        raise ValueError("a read-only plan is not changed, so it has no change log context")
    return store.change_context


def set_user(store, user: str) -> None:
    """Name the person writing (a name set in the preferences; default: the OS user)."""
    if user.strip():
        _context(store).user = user.strip()


def set_source(store, name: str) -> None:
    """Name what writes for the rest of the session (``editor``, ``import``, ``excel``…)."""
    _context(store).source = name


@contextmanager
def source(store, name: str | None) -> Iterator[None]:
    """Log the changes made inside as coming from ``name`` (None: do not log them)."""
    context = store.change_context
    if context is None:
        yield
        return
    previous, context.source = context.source, name
    try:
        yield
    finally:
        context.source = previous


def unlogged(store):
    """Build a new plan without logging each record (see the module's docstring)."""
    return source(store, None)


# -- reading ------------------------------------------------------------------------------------

def entries(store, *, fiscal_year: int | None = None, since: str | None = None,
            user: str | None = None, record_type: str | None = None,
            record_id: int | None = None, limit: int | None = None) -> list[Entry]:
    """The log in the order it was written; ``since``: an ISO date (``2026-12-01``) or time."""
    where, params = [], []
    for column, value in (("fiscal_year", fiscal_year), ("user", user),
                          ("record_type", record_type), ("record_id", record_id)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if since:
        where.append("at >= ?")
        params.append(since)
    sql = "SELECT * FROM change_log" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY id"
    if limit is not None:
        sql = f"SELECT * FROM ({sql.replace('ORDER BY id', 'ORDER BY id DESC')} LIMIT ?) " \
              "ORDER BY id"
        params.append(limit)
    cursor = store.db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [Entry(**dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def users(store) -> list[str]:
    return [row[0] for row in store.db.execute(
        "SELECT DISTINCT user FROM change_log ORDER BY user")]


def count(store) -> int:
    return store.db.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]


# -- the JSON interchange -----------------------------------------------------------------------

def export_entries(store) -> list[dict]:
    return [{c: getattr(e, c) for c in COLUMNS} for e in entries(store)]


def restore(store, items: list[dict]) -> None:
    """Write entries read from a JSON document as they are (a whole-plan import)."""
    marks = ", ".join("?" for _ in COLUMNS)
    store.db.conn.executemany(
        f"INSERT INTO change_log ({', '.join(COLUMNS)}) VALUES ({marks})",
        [[item[c] for c in COLUMNS] for item in items])


TEXT_COLUMNS = ("at", "user", "source", "record_type", "record_label", "field")
TEXT_LIMIT = 1000


def parse_entries(value: Any, fail) -> list[dict]:
    """Check the ``change_log`` list of a JSON document; ``fail(path, message)`` collects."""
    if not isinstance(value, list):
        fail("change_log", msg("must be a list"))
        return []
    out = []
    for n, item in enumerate(value):
        path = f"change_log[{n}]"
        if not isinstance(item, dict):
            fail(path, msg("must be an object"))
            continue
        unknown = sorted(set(item) - set(COLUMNS))
        if unknown:
            fail(f"{path}.{unknown[0]}", msg("unknown field"))
        entry = {}
        for column in COLUMNS:
            v = item.get(column)
            where = f"{path}.{column}"
            if column in ("fiscal_year", "record_id"):
                if v is not None and (isinstance(v, bool) or not isinstance(v, int)
                                      or abs(v) > 2**63 - 1):
                    fail(where, msg("must be a whole number or null"))
            elif column in TEXT_COLUMNS:
                if not isinstance(v, str):
                    fail(where, msg("must be text"))
                elif len(v) > TEXT_LIMIT:
                    fail(where, msg("longer than %1 characters", TEXT_LIMIT))
            elif v is not None and not isinstance(v, str):
                fail(where, msg("must be text or null"))
            elif v is not None and len(v) > VALUE_LIMIT + 1:
                fail(where, msg("longer than %1 characters", VALUE_LIMIT + 1))
            entry[column] = v
        out.append(entry)
    return out
