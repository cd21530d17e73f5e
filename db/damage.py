"""Finding damaged content in a plan file before anything reads it into records.

SQLite's own checks (``PRAGMA quick_check``) find a damaged file structure; this finds content
no PlanBook ever writes but an edited or damaged file may hold: a fiscal year 1800, text where a
number belongs, a float amount, NULL in a required text, invalid JSON or JSON of the wrong shape
in a JSON column. Commands report every such place as ``table X row Y column Z`` instead of
failing somewhere inside a build with a traceback.
"""

from __future__ import annotations

import json
from typing import Any

from .messages import msg, shown
from .records import EDITION_STATUSES, STATUSES
from .store import JSON_COLUMNS, PlanStore

TEXT_LISTS = {
    ("plan", "notes"), ("vision", "direction"), ("ward_plan", "policies"),
    ("initiative", "highlights"), ("initiative", "indicators"), ("initiative", "notes"),
    ("priority", "situation"), ("priority", "past_actions"),
    *(("edition", c) for c in ("cover_parts", "about", "pdca_steps", "context", "priority_intro",
                               "cross_cutting", "ward_intro", "ward_policies",
                               "ward_budget_lines")),
}
CHOICES = {("edition", "status"): EDITION_STATUSES, ("initiative", "status"): STATUSES,
           ("ward_project", "status"): STATUSES}
RANGES = {("edition", "fiscal_year"): (1989, 2200)}
SHAPES = {
    ("edition", "contact"): {"organisation", "department", "tel", "fax", "email"},
    ("initiative", "tables"): {"title", "unit", "columns", "rows"},
    ("initiative", "pictures"): {"caption", "credit", "image"},
}
MAX_REPORTED = 20


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def json_shape_problem(table: str, column: str, value: Any) -> str | None:
    """Why a decoded JSON column value cannot be read into records (None when it can)."""
    if (table, column) in TEXT_LISTS:
        return None if _texts(value) else msg("must be a JSON list of texts")
    if (table, column) == ("vision", "related"):
        ok = isinstance(value, list) and all(isinstance(v, int) and not isinstance(v, bool)
                                             for v in value)
        return None if ok else msg("must be a JSON list of vision numbers")
    if (table, column) == ("edition", "headings"):
        ok = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        return None if ok else msg("must be a JSON object of texts")
    keys = SHAPES.get((table, column))
    if keys is None:
        return None
    items = [value] if column == "contact" else value
    if not isinstance(items, list) or not all(isinstance(i, dict) and set(i) <= keys
                                              for i in items):
        return msg("must be JSON with the keys %1", ", ".join(sorted(keys)))
    for item in items:
        for key, field in item.items():
            if key in ("columns",) and not _texts(field):
                return msg("%1 must be a list of texts", key)
            if key == "rows" and not (isinstance(field, list) and all(_texts(r) for r in field)):
                return msg("rows must be lists of texts")
            if key == "image" and field is not None and not isinstance(field, str):
                return msg("image must be text or null")
            if key not in ("columns", "rows", "image") and not isinstance(field, str):
                return msg("%1 must be text", key)
    return None


def _columns(db, table: str) -> dict[str, tuple[str, bool]]:
    """Column → (declared type, must have a value). A text column PlanBook creates with a
    default is NOT NULL too, even where an outside edit of the schema dropped that."""
    out = {}
    for _, column, declared, notnull, default, _ in db.execute(f'PRAGMA table_info("{table}")'):
        has_default = default is not None and str(default).upper() != "NULL"
        out[column] = (declared, bool(notnull) or ("INT" not in declared.upper() and has_default))
    return out


def _allowed(declared: str, notnull: bool) -> tuple[str, tuple[str, ...]]:
    """The column's kind and the ``typeof`` values it may hold."""
    kind = "integer" if "INT" in declared.upper() else "text"
    return kind, (kind,) if notnull else (kind, "null")


def _kind_problems(table: str, columns: dict[str, tuple[str, bool]], rows) -> dict:
    """(column, check) → [(rowid, message)] for the type, range and choice checks, in row order.
    ``rows``: (rowid, value, typeof(value), …) for every column, of the rows some check may
    fail (the query's WHERE only preselects: the verdict is taken here)."""
    found: dict = {}
    names = list(columns)
    for row in rows:
        rowid = row[0]
        for position, column in enumerate(names):
            value, typed = row[1 + 2 * position], row[2 + 2 * position]
            kind, allowed = _allowed(*columns[column])
            if typed not in allowed:
                what = (msg("is empty (NULL) but must have a value") if typed == "null" else
                        msg("holds %1 %2 where %3 belongs", typed, shown(value), kind))
                found.setdefault((column, 0), []).append((rowid, what))
            if (table, column) in RANGES and typed == "integer":
                low, high = RANGES[table, column]
                if not low <= value <= high:
                    found.setdefault((column, 1), []).append(
                        (rowid, msg("%1 is outside %2–%3", value, low, high)))
            choices = CHOICES.get((table, column))
            if choices and value is not None and value not in choices:
                found.setdefault((column, 2), []).append(
                    (rowid, msg("「%1」 is not one of %2", shown(value), ", ".join(choices))))
    return found


def _suspects(db, table: str, columns: dict[str, tuple[str, bool]]):
    """The rows of ``table`` that may fail a type, range or choice check (one query)."""
    tests = []
    for column, (declared, notnull) in columns.items():
        marks = ", ".join(f"'{a}'" for a in _allowed(declared, notnull)[1])
        tests.append(f'typeof("{column}") NOT IN ({marks})')
        if (table, column) in RANGES:
            low, high = RANGES[table, column]
            tests.append(f"(typeof(\"{column}\") = 'integer' AND \"{column}\" NOT BETWEEN {low} "
                         f"AND {high})")
        if (table, column) in CHOICES:
            listed = ", ".join(f"'{c}'" for c in CHOICES[table, column])
            tests.append(f'("{column}" IS NOT NULL AND (typeof("{column}") <> \'text\' OR '
                         f'"{column}" COLLATE BINARY NOT IN ({listed})))')
    values = ", ".join(f'"{c}", typeof("{c}")' for c in columns)
    return db.execute(f'SELECT rowid, {values} FROM "{table}" WHERE {" OR ".join(tests)} '
                      'ORDER BY rowid')


def _json_problems(table: str, columns: list[str], rows) -> dict:
    """(column, 3) → [(rowid, message)] for the JSON columns' text values, in row order."""
    found: dict = {}
    for row in rows:
        for position, column in enumerate(columns):
            text = row[1 + position]
            if not isinstance(text, str):
                continue
            try:
                value = json.loads(text)
            except (ValueError, RecursionError):
                found.setdefault((column, 3), []).append((row[0], msg("is not valid JSON")))
                continue
            problem = json_shape_problem(table, column, value)
            if problem:
                found.setdefault((column, 3), []).append((row[0], problem))
    return found


def content_damage(store: PlanStore) -> list[str]:
    """Every place (up to MAX_REPORTED) whose content PlanBook cannot read: by table, column
    and check (type, range, choice, JSON), each in row order; then dangling references."""
    db = store.db
    found: list[str] = []

    def add(table: str, row: Any, column: str, what: str) -> None:
        if len(found) < MAX_REPORTED:
            found.append(msg("table %1 row %2 column %3: %4", table, row, column, what))

    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name")]
    for table in tables:
        columns = _columns(db, table)
        problems = _kind_problems(table, columns, _suspects(db, table, columns))
        json_columns = [c for c in columns if c in JSON_COLUMNS.get(table, ())]
        if json_columns:
            listed = ", ".join(f'"{c}"' for c in json_columns)
            problems.update(_json_problems(table, json_columns,
                                           db.execute(f'SELECT rowid, {listed} FROM "{table}" '
                                                      'ORDER BY rowid')))
        for column in columns:
            for check in range(4):
                for rowid, what in problems.get((column, check), ())[:MAX_REPORTED]:
                    add(table, rowid, column, what)
    for table, rowid, parent, key in db.execute("PRAGMA foreign_key_check"):
        columns = [r[3] for r in db.execute(f'PRAGMA foreign_key_list("{table}")') if r[0] == key]
        add(table, rowid, ", ".join(columns) or "?",
            msg("refers to a missing %1 row", parent))
    return found
