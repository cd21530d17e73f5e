"""The plan file on disk, touched only through SQLite.

On POSIX, closing *any* descriptor of a file drops every lock the process holds on it, SQLite's
included; another program then believes it is the file's last user and deletes the write-ahead
log the editor is still committing into. So nothing here opens a plan file with plain Python
I/O: the header is read with PRAGMAs, copies are made with SQLite's backup API, and stale
``-wal``/``-shm`` files are cleared through SQLite before a new file is put in their place.

Writes take the write lock up front (``BEGIN IMMEDIATE``) and wait up to ``BUSY_TIMEOUT``
seconds for another program's write to finish instead of failing at once.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

from .connection import Connection, LockedConnection
from .errors import PlanFileError
from .messages import msg
from .temporaries import temporary_beside

BUSY_TIMEOUT = 10.0  # seconds a write waits for another program's write to finish

# Every message a plan file can be refused with: the English text with %1 = the path and
# %2, %3 = details (see db/messages.py; the interface translates them in the "Db" context).
MESSAGES = {
    "no_such_file": "%1: no such file.",
    "is_folder": "%1: is a folder, not a plan file.",
    "not_sqlite": "%1: not a PlanBook plan file (it is not an SQLite database).",
    "other_app": "%1: not a PlanBook plan file (another application's database).",
    "other_db": "%1: not a PlanBook plan file (an SQLite database of something else).",
    "empty": "%1: is an empty file, not a plan file.",
    "newer": "%1: was saved by a newer PlanBook (file format %2; this PlanBook reads up to %3). "
             "Install the newer PlanBook to open it; the file was not changed.",
    "damaged": "%1: the file is damaged (%2).",
    "foreign_schema": "%1: the file contains things PlanBook does not create (%2). It was not "
                      "opened, so they cannot run; use a copy made by PlanBook instead.",
    "read_only_folder": "%1: the folder is read-only. PlanBook keeps a journal beside an open "
                        "plan file; copy the file to a folder you can write to.",
    "read_only": "%1: the file or its folder is read-only (%2).",
    "permission": "%1: permission denied (%2).",
    "disk_full": "%1: the disk is full. Nothing was changed; free some space and try again.",
    "no_folder": "%1: the folder cannot be used (%2).",
    "locked": "%1: another program is writing to the file and keeps it locked. Nothing was "
              "changed; try again.",
    "in_use": "%1: the file is open in another program; close it there first.",
    "io_error": "%1: the disk reported an error (%2).",
}


def plan_file_error(reason: str, path: Path | str, *details: object) -> PlanFileError:
    return PlanFileError(msg(MESSAGES[reason], path, *details), reason=reason)


def error_for(path: Path, error: BaseException) -> PlanFileError:
    """Say what really happened to ``path`` (a read-only folder, a full disk, …)."""
    if isinstance(error, PlanFileError):
        return error
    folder = path.parent
    if isinstance(error, OSError):
        code = error.errno
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return plan_file_error("disk_full", path)
        if code == errno.EROFS:
            return plan_file_error("read_only_folder", path)
        if code in (errno.EACCES, errno.EPERM):
            return plan_file_error("permission", path, error.strerror)
        if code in (errno.ENOENT, errno.ENOTDIR, errno.EEXIST) or not folder.is_dir():
            return plan_file_error("no_folder", path, error.strerror or error)
        return plan_file_error("io_error", path, error.strerror or error)
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _disk_full(folder)):
        return plan_file_error("disk_full", path)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return plan_file_error("locked", path)
    if name.startswith("SQLITE_NOTADB"):
        return plan_file_error("not_sqlite", path)
    if name.startswith("SQLITE_CORRUPT"):
        return plan_file_error("damaged", path, error)
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        if not folder.is_dir():
            return plan_file_error("no_folder", path, os.strerror(errno.ENOTDIR))
        if _read_only_folder(folder):
            return plan_file_error("read_only_folder", path)
        if name.startswith("SQLITE_READONLY"):
            return plan_file_error("read_only", path, error)
        return plan_file_error("permission", path, error)
    if name.startswith("SQLITE_IOERR"):
        return plan_file_error("io_error", path, error)
    return plan_file_error("damaged", path, error)


def _disk_full(folder: Path) -> bool:
    try:
        stat = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return stat.f_bavail * stat.f_frsize < 64 * 1024


def remove_new_empty_logs(path: Path, existed: dict[str, bool]) -> None:
    """After a failed open: remove the -wal/-shm that this attempt created and that hold
    nothing (an empty log; a wal-index too short to be one another program maps)."""
    for suffix, limit in (("-wal", 0), ("-shm", 32767)):
        log = Path(f"{path}{suffix}")
        try:
            if not existed.get(suffix) and log.stat().st_size <= limit:
                log.unlink()
        except OSError:
            pass


def logs_beside(path: Path) -> dict[str, bool]:
    return {suffix: Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")}


def _read_only_folder(folder: Path) -> bool:
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(folder, os.W_OK)


def file_uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def connect(uri: str) -> Connection:
    """A connection that waits ``BUSY_TIMEOUT`` for the write lock; foreign keys on; the
    schema's triggers and views may call only harmless functions."""
    db = Connection(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT,
                                    factory=LockedConnection))
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA trusted_schema = OFF")
    return db


def header(db: Connection) -> tuple[int, int]:
    """(application_id, user_version), read through SQLite (the newest may be in the WAL)."""
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # NOTADB, CORRUPT here
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    return application_id, user_version


# -- the schema a plan file may have ----------------------------------------------------------

BOOKKEEPING = "_sqlite_migrations"  # sqlite-utils' record of applied migrations (any version's)
Schema = dict[str, dict[str, object]]  # kind → name → columns (tables) or normalised SQL


def _normalise(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def schema_of(db: Connection) -> Schema:
    schema: Schema = {"table": {}, "index": {}, "trigger": {}, "view": {}}
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if name.startswith("sqlite_") or (kind in ("table", "index") and table == BOOKKEEPING):
            continue  # SQLite's own (autoindexes, sqlite_stat*); sqlite-utils' migration list
        if kind == "table":
            schema["table"][name] = tuple(
                r[1] for r in db.execute(f"PRAGMA table_xinfo({quote_name(name)})"))
        else:
            schema.setdefault(kind, {})[name] = _normalise(sql)
    return schema


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@functools.cache
def expected_schema(version: int) -> Schema:
    """What PlanBook's migrations create up to ``version`` (built once, in memory)."""
    from .schema import migrations

    db = Connection(sqlite3.connect(":memory:"))
    for step, _options in migrations.steps[:version]:  # as sqlite-utils would, without loading it
        step(db)
    schema = schema_of(db)
    db.close()
    return schema


def foreign_objects(db: Connection, version: int) -> list[str]:
    """Everything in the file's schema that PlanBook's migrations do not create, or create
    differently: planted triggers and views above all (they would run on the first edit)."""
    found, expected = schema_of(db), expected_schema(version)
    problems = []
    for kind in ("trigger", "view", "table", "index"):
        mine, theirs = expected.get(kind, {}), found.get(kind, {})
        for name in sorted(theirs):
            if name not in mine:
                problems.append(f"{kind} {name}")
            elif kind != "table" and theirs[name] != mine[name]:
                problems.append(f"{kind} {name} (changed)")
            elif kind == "table" and theirs[name] != mine[name]:
                problems.append(f"table {name} (other columns)")
        problems += [f"{kind} {name} (missing)" for name in sorted(set(mine) - set(theirs))
                     if kind == "table"]
    return problems


# -- creating and replacing files -------------------------------------------------------------

def clear_destination(path: Path) -> None:
    """Before another file is moved to ``path``: no -wal/-shm/-journal left beside it may be
    read together with the new file (SQLite would replay a stale log into it).

    When ``path`` is a database, SQLite itself folds in its own log and removes it (switching it
    to the rollback journal needs every other connection gone: a file that another program has
    open is refused, not replaced under it). Logs beside a missing or non-database file belong
    to nobody and are deleted."""
    if path.exists():
        conn = None
        try:
            conn = sqlite3.connect(file_uri(path, mode="rw"), uri=True, timeout=0,
                                   isolation_level=None)
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        except sqlite3.OperationalError as error:
            name = getattr(error, "sqlite_errorname", "")
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise plan_file_error("in_use", path) from error
        except sqlite3.DatabaseError:
            pass  # not a database: its neighbours are stale
        finally:
            if conn is not None:
                conn.close()
    for suffix in ("-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError as error:
            raise error_for(path, error) from error


def put_in_place(temporary: Path, path: Path) -> None:
    """Rename a finished file over ``path`` (after clearing stale logs), durably."""
    clear_destination(path)
    try:
        os.replace(temporary, path)
    except OSError as error:
        raise error_for(path, error) from error
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def temporary_for(path: Path, suffix: str) -> Iterator[Path]:
    """A unique temporary beside ``path`` (see db/temporaries.py: the stale ones that killed
    writers left are removed first, a live writer's never)."""
    with ExitStack() as stack:
        try:
            temporary = stack.enter_context(temporary_beside(path, suffix))
        except OSError as error:
            raise error_for(path, error) from error
        yield temporary


@contextmanager
def new_plan_file(path: Path) -> Iterator[Path]:
    """Build a plan file under a unique temporary name beside ``path``; it replaces ``path``
    only when the block succeeds (a leftover from a killed run is never reused)."""
    with temporary_for(path, ".building") as temporary:
        yield temporary
        put_in_place(temporary, path)


def copy_database(conn: sqlite3.Connection, destination: Path) -> Path:
    """A consistent copy of an open database at ``destination`` (SQLite's backup API),
    replacing it in one step; a failure leaves ``destination`` as it was."""
    destination = Path(destination)
    with temporary_for(destination, ".copy") as temporary:
        try:
            target = sqlite3.connect(file_uri(temporary, mode="rw"), uri=True,
                                     isolation_level=None)
            try:
                conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE").fetchone()  # one whole file
            finally:
                target.close()
        except sqlite3.Error as error:
            raise error_for(destination, error) from error
        put_in_place(temporary, destination)
    return destination


# -- where the file lives ----------------------------------------------------------------------

NETWORK_FILESYSTEMS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "9p", "fuse.sshfs",
                       "davfs", "fuse.davfs2"}


def is_network_path(path: Path) -> bool:
    """True for files on a file share (UNC path, mapped network drive, SMB/NFS mount)."""
    resolved = str(path.resolve())
    if sys.platform == "win32":
        if resolved.startswith("\\\\"):
            return True
        import ctypes

        drive = os.path.splitdrive(resolved)[0] + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == 4  # DRIVE_REMOTE
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    best, kind = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and (resolved + "/").startswith(fields[1].rstrip("/") + "/"):
            if len(fields[1]) > len(best):
                best, kind = fields[1], fields[2]
    return kind in NETWORK_FILESYSTEMS


def journal_mode_for(path: Path) -> str:
    """WAL locally; the rollback journal on a file share, where WAL's shared memory is unsafe."""
    return "DELETE" if is_network_path(path) else "WAL"
