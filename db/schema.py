"""The plan file's schema as forward migrations (applied by sqlite-utils ``Migrations``).

Each migration runs in its own transaction and stamps ``PRAGMA user_version`` with its number,
so a file written by a newer PlanBook is recognised and refused before anything touches it.
Never edit a released migration: add the next one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import FINAL_EDITION

if TYPE_CHECKING:
    from sqlite_utils import Database

    from .connection import Connection

APPLICATION_ID = 0x504C4E42  # "PLNB": marks a SQLite file as a PlanBook plan file


class _Steps:
    """The migrations in order, declared with ``@migrations()`` as with sqlite-utils'
    ``Migrations``; sqlite-utils (slow to import) is loaded only when a file is migrated."""

    def __init__(self, name: str):
        self.name = name
        self.steps: list[tuple[Any, dict]] = []

    def __call__(self, **options: Any):
        def record(func):
            self.steps.append((func, options))
            return func
        return record

    def apply(self, db: Database | Connection, **options: Any) -> None:
        from sqlite_utils import Database
        from sqlite_utils.migrations import Migrations

        real = Migrations(self.name)
        for func, declared in self.steps:
            real(**declared)(func)
        real.apply(db if isinstance(db, Database) else Database(db.conn), **options)


migrations = _Steps("planbook")

_MONEY = "INTEGER CHECK (typeof({col}) IN ('integer', 'null'))"


def _money(col: str) -> str:
    return f"{col} " + _MONEY.format(col=col)


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    statements = [
        """CREATE TABLE plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '[]')""",
        """CREATE TABLE ward (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            kind TEXT NOT NULL DEFAULT 'ward' CHECK (kind IN ('ward', 'common')),
            position INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE edition (
            id INTEGER PRIMARY KEY,
            fiscal_year INTEGER NOT NULL UNIQUE CHECK (fiscal_year BETWEEN 1989 AND 2200),
            title TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
            slogan TEXT NOT NULL DEFAULT '',
            publication_date TEXT,
            cover_parts TEXT NOT NULL DEFAULT '[]',
            cover_credit TEXT NOT NULL DEFAULT '',
            about TEXT NOT NULL DEFAULT '[]',
            pdca_title TEXT NOT NULL DEFAULT '',
            pdca_steps TEXT NOT NULL DEFAULT '[]',
            pdca_cycle_title TEXT NOT NULL DEFAULT '',
            pdca_cycle_text TEXT NOT NULL DEFAULT '',
            context TEXT NOT NULL DEFAULT '[]',
            priority_intro TEXT NOT NULL DEFAULT '[]',
            visions_intro TEXT NOT NULL DEFAULT '',
            cross_cutting TEXT NOT NULL DEFAULT '[]',
            ward_intro TEXT NOT NULL DEFAULT '[]',
            ward_policies TEXT NOT NULL DEFAULT '[]',
            ward_budget_lines TEXT NOT NULL DEFAULT '[]',
            contact TEXT NOT NULL DEFAULT '{}')""",
        """CREATE TABLE vision (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL DEFAULT '#1F4E79',
            direction TEXT NOT NULL DEFAULT '[]',
            related TEXT NOT NULL DEFAULT '[]',
            UNIQUE (edition_id, number))""",
        """CREATE TABLE measure (
            id INTEGER PRIMARY KEY,
            vision_id INTEGER NOT NULL REFERENCES vision(id) ON DELETE CASCADE,
            code TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            goal TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE ward_plan (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            ward_id INTEGER NOT NULL REFERENCES ward(id) ON DELETE CASCADE,
            headline TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            policies TEXT NOT NULL DEFAULT '[]',
            """ + _money("allocation") + """,
            UNIQUE (edition_id, ward_id))""",
        """CREATE TABLE initiative (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (key <> ''),
            title TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            """ + _money("amount") + """,
            """ + _money("previous_amount") + """,
            budget_note TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            status TEXT CHECK (status IN ('new', 'expanded', 'continued')),
            section TEXT NOT NULL DEFAULT '',
            vision_id INTEGER REFERENCES vision(id) ON DELETE CASCADE,
            measure_code TEXT,
            ward_plan_id INTEGER REFERENCES ward_plan(id) ON DELETE CASCADE,
            highlights TEXT NOT NULL DEFAULT '[]',
            indicators TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '[]',
            tables TEXT NOT NULL DEFAULT '[]',
            pictures TEXT NOT NULL DEFAULT '[]',
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (edition_id, key),
            CHECK (vision_id IS NULL OR ward_plan_id IS NULL))""",
        """CREATE TABLE priority (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            lead TEXT NOT NULL DEFAULT '',
            situation TEXT NOT NULL DEFAULT '[]',
            past_actions TEXT NOT NULL DEFAULT '[]',
            UNIQUE (edition_id, number))""",
        """CREATE TABLE priority_action (
            id INTEGER PRIMARY KEY,
            priority_id INTEGER NOT NULL REFERENCES priority(id) ON DELETE CASCADE,
            initiative_id INTEGER NOT NULL REFERENCES initiative(id) ON DELETE CASCADE,
            heading TEXT NOT NULL DEFAULT '',
            description TEXT,
            position INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE ward_group (
            id INTEGER PRIMARY KEY,
            ward_plan_id INTEGER NOT NULL REFERENCES ward_plan(id) ON DELETE CASCADE,
            title TEXT NOT NULL DEFAULT '',
            show_subtotal INTEGER NOT NULL DEFAULT 0 CHECK (show_subtotal IN (0, 1)),
            position INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE ward_project (
            id INTEGER PRIMARY KEY,
            ward_plan_id INTEGER NOT NULL REFERENCES ward_plan(id) ON DELETE CASCADE,
            group_id INTEGER REFERENCES ward_group(id) ON DELETE SET NULL,
            number INTEGER,
            name TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            status TEXT CHECK (status IN ('new', 'expanded', 'continued')),
            """ + _money("initial") + """,
            """ + _money("revised") + """,
            """ + _money("settled") + """,
            position INTEGER NOT NULL DEFAULT 0)""",
    ]
    for statement in statements:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")


@migrations()
def m002_printed_totals_and_indexes(db: Database) -> None:
    """Ward sheets record the totals printed in their source; child lookups get indexes."""
    for column in ("printed_initial", "printed_revised", "printed_settled"):
        db.execute(f"ALTER TABLE ward_plan ADD COLUMN {_money(column)}")
    for table, column in [
        ("vision", "edition_id"),
        ("measure", "vision_id"),
        ("initiative", "vision_id"),
        ("initiative", "ward_plan_id"),
        ("priority", "edition_id"),
        ("priority_action", "priority_id"),
        ("priority_action", "initiative_id"),
        ("ward_plan", "ward_id"),
        ("ward_group", "ward_plan_id"),
        ("ward_project", "ward_plan_id"),
        ("ward_project", "group_id"),
    ]:
        db.execute(f"CREATE INDEX idx_{table}_{column} ON {table}({column})")
    db.execute("PRAGMA user_version = 2")


@migrations()
def m003_cycle_log_and_wording(db: Database) -> None:
    """The annual cycle, the change log and the seed's wording by place.

    - lineage: ``predecessor_id`` links an initiative or ward project to the record it was
      rolled over from (the previous edition); the 前年度 amount is derived from it;
    - ``priority_action.title``: the priority page's own title for an action (NULL: the
      initiative's title); ``edition.headings``: editable headings (JSON object, key → text);
      ``ward_group.description``;
    - ``edition_event``: who finalized, reopened or rolled over an edition, when and why;
    - ``snapshot``: what was printed (or sent out for review), for "changes since";
    - ``change_log``: who changed what and when, append-only;
    - ``plan.workbook_key``: the secret that makes ward workbooks' identity tamper-evident.
    """
    statements = [
        "ALTER TABLE initiative ADD COLUMN predecessor_id INTEGER "
        "REFERENCES initiative(id) ON DELETE SET NULL",
        "ALTER TABLE ward_project ADD COLUMN predecessor_id INTEGER "
        "REFERENCES ward_project(id) ON DELETE SET NULL",
        "CREATE INDEX idx_initiative_predecessor_id ON initiative(predecessor_id)",
        "CREATE INDEX idx_ward_project_predecessor_id ON ward_project(predecessor_id)",
        "ALTER TABLE priority_action ADD COLUMN title TEXT",
        "ALTER TABLE edition ADD COLUMN headings TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE ward_group ADD COLUMN description TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE plan ADD COLUMN workbook_key TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE edition_event (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('created', 'rolled_over', 'finalized', 'reopened')),
            at TEXT NOT NULL,
            user TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX idx_edition_event_edition_id ON edition_event(edition_id)",
        """CREATE TABLE snapshot (
            id INTEGER PRIMARY KEY,
            edition_id INTEGER NOT NULL REFERENCES edition(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('printed', 'review')),
            at TEXT NOT NULL,
            user TEXT NOT NULL DEFAULT '',
            page_count INTEGER,
            pdf_sha256 TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL DEFAULT '{}')""",
        "CREATE INDEX idx_snapshot_edition_id ON snapshot(edition_id)",
        """CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            fiscal_year INTEGER,
            record_type TEXT NOT NULL DEFAULT '',
            record_id INTEGER,
            record_label TEXT NOT NULL DEFAULT '',
            field TEXT NOT NULL DEFAULT '',
            old_value TEXT,
            new_value TEXT)""",
        "CREATE INDEX idx_change_log_at ON change_log(at)",
        """CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END""",
        """CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
            BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END""",
    ]
    for statement in statements:
        db.execute(statement)
    db.execute("PRAGMA user_version = 3")


# How each locked table reaches its edition: an SQL expression over the row (NEW or OLD).
_EDITION_OF = {
    "vision": "{row}.edition_id",
    "priority": "{row}.edition_id",
    "ward_plan": "{row}.edition_id",
    "initiative": "{row}.edition_id",
    "measure": "(SELECT edition_id FROM vision WHERE id = {row}.vision_id)",
    "priority_action": "(SELECT edition_id FROM priority WHERE id = {row}.priority_id)",
    "ward_group": "(SELECT edition_id FROM ward_plan WHERE id = {row}.ward_plan_id)",
    "ward_project": "(SELECT edition_id FROM ward_plan WHERE id = {row}.ward_plan_id)",
}


def _is_final(edition: str) -> str:
    return f"EXISTS (SELECT 1 FROM edition WHERE id = {edition} AND status = 'final')"


@migrations()
def m004_final_edition_lock(db: Database) -> None:
    """A final (確定) edition cannot change: triggers refuse every insert, update and delete of
    its rows. The one change allowed is the status going back to draft (reopening), alone."""
    raise_ = f"BEGIN SELECT RAISE(ABORT, '{FINAL_EDITION}'); END"
    others = [r[1] for r in db.execute("PRAGMA table_info(edition)").fetchall()
              if r[1] != "status"]
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in others)
    db.execute(f"""CREATE TRIGGER lock_edition_update BEFORE UPDATE ON edition
        WHEN OLD.status = 'final' AND (NEW.status = 'final' OR {changed}) {raise_}""")
    db.execute(f"""CREATE TRIGGER lock_edition_delete BEFORE DELETE ON edition
        WHEN OLD.status = 'final' {raise_}""")
    for table, edition in _EDITION_OF.items():
        new, old = edition.format(row="NEW"), edition.format(row="OLD")
        db.execute(f"""CREATE TRIGGER lock_{table}_insert BEFORE INSERT ON {table}
            WHEN {_is_final(new)} {raise_}""")
        db.execute(f"""CREATE TRIGGER lock_{table}_update BEFORE UPDATE ON {table}
            WHEN {_is_final(old)} OR {_is_final(new)} {raise_}""")
        db.execute(f"""CREATE TRIGGER lock_{table}_delete BEFORE DELETE ON {table}
            WHEN {_is_final(old)} {raise_}""")
    db.execute("PRAGMA user_version = 4")


SCHEMA_VERSION = len(migrations.steps)
