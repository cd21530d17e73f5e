"""The plan file: open/create/migrate it (``open_plan``, ``memory_plan``) as a PlanStore.

PlanStore is RowStore (db/store_rows.py: the connection, transactions and the generic row
operations the editor's undo commands use) plus RecordStore (db/store_records.py: typed
readers and writers).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .connection import Connection
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
)
from .schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from .store_records import RecordStore
from .store_rows import (  # noqa: F401 - re-exported
    CASCADES,
    JSON_COLUMNS,
    ORDERED_TABLES,
    TABLE_ORDER,
    Snapshot,
)
from .temporaries import remove_stale_temporaries, remove_with_sidecars


class PlanStore(RecordStore):
    """An open plan file (or in-memory plan). Use as a context manager or call ``close()``."""


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


def open_plan(path: str | Path, *, create: bool = False, readonly: bool = False,
              snapshot: bool = True) -> PlanStore:
    """Open a plan file, migrating it forward (after a backup) when it is older.

    ``readonly`` never writes to the file: an older file is migrated in memory instead. It
    reads a copy of the whole file made in memory at once (no lock held afterwards). With
    ``snapshot=False`` a current file is read in place, and queries that must see one state
    of it run inside ``store.db.reading()`` (the editor's preview reads one section right
    after each edit: copying the whole plan for that cost more than the reading).
    ``create`` makes a new empty plan file when ``path`` does not exist (or is empty).
    A file whose schema holds anything PlanBook's migrations do not create (a planted
    trigger or view) is refused before anything runs. Opened for writing, it removes the
    temporaries that killed writers of this file left beside it (db/temporaries.py).
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
        if readonly and (snapshot or version < SCHEMA_VERSION):
            memory = connect(":memory:")
            db.conn.backup(memory.conn)
            db.close()
            db = memory
        elif 0 < version < SCHEMA_VERSION:
            copy_database(db.conn, path.with_name(f"{path.name}.v{version}.bak"))
        if not readonly:
            db.execute(f"PRAGMA journal_mode = {journal_mode_for(path)}").fetchone()
            remove_stale_temporaries(path)  # what killed writers of this file left beside it
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
