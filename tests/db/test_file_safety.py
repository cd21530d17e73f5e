"""The plan file stays whole when other programs use it too, and a hostile file cannot act.

Several tests run a second, real process against the same file: SQLite's locks are per
process, so only that shows what two programs really do to each other.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from db.cycle import reopen
from db.errors import PlanFileError
from db.planfile import copy_database
from db.store import open_plan

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_JSON = next((ROOT / "db" / "sample").glob("*.json"))


def python(code: str, *args: str, wait: bool = True, **kwargs):
    """Run ``code`` in a new Python process (the repository importable)."""
    command = [sys.executable, "-c", textwrap.dedent(code), *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if wait:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                              **kwargs)
    return subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, **kwargs)


@pytest.fixture
def sample_file(sample_file):
    """The sample with its settled 令和4年度 reopened: these tests edit its ward projects."""
    with open_plan(sample_file) as store:
        reopen(store, 2022, "tests edit the sample's ward projects")
    return sample_file


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def project_names(path: Path) -> dict[int, str]:
    with open_plan(path, readonly=True) as store:
        return dict(store.db.execute("SELECT id, name FROM ward_project").fetchall())


# -- 1. reading the open file in the same process never drops the writer's locks -------------

EDITOR = """
    import os, sys
    from db.store import open_plan
    path, first, second = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = open_plan(path)
    store.update_fields("ward_project", first, {"name": "edit 1"})
    for _ in range(3):  # what the editor's preview and analysis workers do
        with open_plan(path, readonly=True) as reader:
            reader.load(reader.fiscal_years()[-1])
    print("ready", flush=True)
    sys.stdin.readline()  # the other program imports now
    store.update_fields("ward_project", first, {"name": "edit 2"})
    store.update_fields("ward_project", second, {"description": "edit 3"})
    os._exit(0)  # a crash: nothing is closed or checkpointed
"""

IMPORTER = """
    import sys
    from db.store import open_plan
    with open_plan(sys.argv[1]) as store:
        store.update_fields("ward_project", int(sys.argv[2]), {"name": "imported"})
"""


def test_commits_survive_another_program_closing_the_file(sample_file):
    first, second, third = sorted(project_names(sample_file))[:3]
    editor = python(EDITOR, str(sample_file), str(first), str(second), wait=False)
    try:
        assert editor.stdout.readline().strip() == "ready"
        importer = python(IMPORTER, str(sample_file), str(third))
        assert importer.returncode == 0, importer.stderr
        editor.stdin.write("go\n")
        editor.stdin.flush()
        assert editor.wait(60) == 0
    finally:
        editor.kill()
    names = project_names(sample_file)
    assert names[first] == "edit 2"
    assert names[third] == "imported"
    with open_plan(sample_file, readonly=True) as store:
        assert store.row("ward_project", second)["description"] == "edit 3"
    assert integrity(sample_file) == "ok"


# -- 3. writes wait for another program's write instead of failing ---------------------------

BUSY_WRITER = """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
    print("ready", flush=True)
    end = time.monotonic() + float(sys.argv[2])
    n = 0
    while time.monotonic() < end:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE plan SET city = ?", [f"city {n}"])
        time.sleep(0.002)
        conn.execute("COMMIT")
        n += 1
    print(n, flush=True)
"""


def test_edits_succeed_while_another_program_writes_constantly(sample_file):
    store = open_plan(sample_file)
    ids = sorted(project_names(sample_file))
    writer = python(BUSY_WRITER, str(sample_file), "4", wait=False)
    try:
        assert writer.stdout.readline().strip() == "ready"
        failures = 0
        for n in range(150):
            try:
                with store.atomic():  # read, then write: the editor's undo steps do this
                    store.row("ward_project", ids[n % len(ids)])
                    time.sleep(0.001)
                    store.update_fields("ward_project", ids[n % len(ids)], {"name": f"n{n}"})
            except sqlite3.OperationalError:
                failures += 1
        assert writer.wait(60) == 0
        assert int(writer.stdout.readline()) > 100  # the other program really wrote
    finally:
        writer.kill()
        store.close()
    assert failures == 0


def test_a_write_waits_for_a_lock_held_for_a_while(sample_file):
    holder = python("""
        import sqlite3, sys, time
        conn = sqlite3.connect(sys.argv[1], isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        print("locked", flush=True)
        time.sleep(1.5)
        conn.execute("COMMIT")
    """, str(sample_file), wait=False)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with open_plan(sample_file) as store:
            started = time.monotonic()
            store.set_plan(store.plan())
            assert time.monotonic() - started > 0.5
    finally:
        holder.wait(30)


# -- 4. replacing a file with stale logs beside it ------------------------------------------

def stale_logs_beside(path: Path, tmp_path: Path) -> None:
    """Leave another database's -wal and -shm at ``path`` (a crashed program's leftovers)."""
    other = tmp_path / "other.sqlite"
    python("""
        import os, sqlite3, sys
        conn = sqlite3.connect(sys.argv[1], isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("CREATE TABLE t (x)")
        for n in range(200):
            conn.execute("INSERT INTO t VALUES (randomblob(900))")
        os._exit(0)  # killed: the log keeps its frames
    """, str(other))
    for suffix in ("-wal", "-shm"):
        os.replace(f"{other}{suffix}", f"{path}{suffix}")
    assert Path(f"{path}-wal").stat().st_size > 100_000


@pytest.mark.parametrize("existing", [False, True])
def test_save_copy_onto_stale_logs_gives_a_sound_file(tmp_path, sample_file, existing):
    destination = tmp_path / "copy.sqlite"
    if existing:
        copy_database(sqlite3.connect(":memory:"), destination)
    stale_logs_beside(destination, tmp_path)
    with open_plan(sample_file) as store:
        store.save_copy(destination)
        expected = store.db.execute("SELECT count(*) FROM initiative").fetchone()[0]
    assert integrity(destination) == "ok"
    with open_plan(destination, readonly=True) as copy:
        assert copy.db.execute("SELECT count(*) FROM initiative").fetchone()[0] == expected
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == ["copy.sqlite"]


def test_save_copy_refuses_a_file_another_program_has_open(tmp_path, sample_file):
    destination = tmp_path / "busy.sqlite"
    open_plan(destination, create=True).close()
    other = open_plan(destination)
    try:
        with open_plan(sample_file) as store, pytest.raises(PlanFileError, match="another program"):
            store.save_copy(destination)
        assert other.fiscal_years() == []
    finally:
        other.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "busy" in p.name) == ["busy.sqlite"]


def test_a_failed_copy_leaves_nothing_behind(tmp_path, sample_file, monkeypatch):
    destination = tmp_path / "copy.sqlite"
    destination.write_bytes(b"keep me")

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with open_plan(sample_file) as store, pytest.raises(PlanFileError, match="disk is full"):
        store.save_copy(destination)
    assert destination.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite", "plan.sqlite"]


# -- 6. hostile plan files --------------------------------------------------------------------

def plant(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


PLANTED = [
    "CREATE TRIGGER wipe AFTER UPDATE ON ward_project BEGIN DELETE FROM initiative; END",
    "CREATE TRIGGER wipe AFTER INSERT ON change_log BEGIN DELETE FROM initiative; END",
    "CREATE VIEW v AS SELECT * FROM initiative",
    "CREATE TABLE extra (x)",
    "CREATE TRIGGER bookkeeping AFTER INSERT ON _sqlite_migrations BEGIN DELETE FROM initiative; END",
]


@pytest.mark.parametrize("sql", PLANTED)
@pytest.mark.parametrize("readonly", [False, True])
def test_a_planted_trigger_or_view_is_refused_and_never_runs(sample_file, sql, readonly):
    count = "SELECT count(*) FROM initiative"
    conn = sqlite3.connect(sample_file)
    before = conn.execute(count).fetchone()[0]
    conn.close()
    plant(sample_file, sql)
    with pytest.raises(PlanFileError, match="does not create") as refused:
        open_plan(sample_file, readonly=readonly)
    assert refused.value.reason == "foreign_schema"
    conn = sqlite3.connect(sample_file)
    assert conn.execute(count).fetchone()[0] == before > 0
    conn.close()


def test_a_trigger_under_an_expected_name_is_refused(sample_file):
    conn = sqlite3.connect(sample_file)
    conn.executescript("""
        DROP TRIGGER change_log_no_update;
        CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
            BEGIN DELETE FROM initiative; END;
    """)
    conn.close()
    with pytest.raises(PlanFileError, match="change_log_no_update"):
        open_plan(sample_file)


def test_an_old_file_with_a_planted_trigger_is_refused_before_migrating(tmp_path):
    from tests.db.test_plan_file import make_version_1

    path = tmp_path / "old.sqlite"
    make_version_1(path)
    plant(path, "CREATE TRIGGER t AFTER UPDATE ON ward BEGIN DELETE FROM ward_project; END")
    with pytest.raises(PlanFileError, match="trigger t"):
        open_plan(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite"]  # no backup, no logs


def test_plan_files_of_every_version_pass_the_schema_check(tmp_path):
    from tests.db.test_plan_file import make_version_1

    path = tmp_path / "old.sqlite"
    make_version_1(path)
    with open_plan(path, readonly=True) as store:
        assert store.ward_plans(1)[0].allocation == 19000


# -- 6. permissions and what a failure is called ----------------------------------------------

def test_files_written_get_the_umask_permissions(tmp_path, sample_file):
    from desktop.publish.output import atomic_output

    old = os.umask(0o002)
    try:
        with open_plan(sample_file) as store:
            store.save_copy(tmp_path / "copy.sqlite")
        with atomic_output(tmp_path / "out.pdf", ".pdf") as temporary:
            temporary.write_bytes(b"%PDF-1.4")
        result = python("""
            import os, sys
            os.umask(0o002)
            from desktop.cli import main
            sys.exit(main(["--db", sys.argv[1], "export", "-o", sys.argv[2]]))
        """, str(sample_file), str(tmp_path / "plan.json"))
        assert result.returncode == 0, result.stderr
        result = python("""
            import os, sys
            os.umask(0o002)
            from desktop.cli import main
            sys.exit(main(["--db", sys.argv[1], "init", "--empty"]))
        """, str(tmp_path / "new.sqlite"))
        assert result.returncode == 0, result.stderr
    finally:
        os.umask(old)
    for name in ("copy.sqlite", "out.pdf", "plan.json", "new.sqlite"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o664, name


def test_a_folder_that_cannot_exist_is_named_as_such(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for readonly in (False, True):
        with pytest.raises(PlanFileError) as refused:
            open_plan(blocker / "plan.sqlite", create=True, readonly=readonly)
        assert refused.value.reason == "no_folder"
        assert "not a PlanBook" not in str(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


@pytest.mark.parametrize("name, reason", [
    ("SQLITE_FULL", "disk_full"), ("SQLITE_IOERR_WRITE", "io_error"),
    ("SQLITE_BUSY", "locked"), ("SQLITE_NOTADB", "not_sqlite")])
def test_sqlite_errors_are_named_for_what_happened(tmp_path, name, reason):
    from db.planfile import error_for

    error = sqlite3.OperationalError("x")
    error.sqlite_errorname = name
    assert error_for(tmp_path / "p.sqlite", error).reason == reason


def namespace_available() -> bool:
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True,
                              timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


CLI_IN_NAMESPACE = """
set -e
mount -t tmpfs -o size={size} tmpfs "$1"
cp "$2" "$1/plan.sqlite"
{prepare}
cd "$1"
PYTHONPATH="$3" "$4" -m desktop.cli --db "$1/plan.sqlite" {command} || echo "exit $?"
ls -a "$1"
"""


def run_in_namespace(tmp_path, sample_file, *, size: str, prepare: str, command: str) -> str:
    """Run ``planbook`` in a private mount namespace, on a tmpfs made for the test."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    script = CLI_IN_NAMESPACE.format(size=size, prepare=prepare, command=command)
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(mount),
                             str(sample_file), str(ROOT), sys.executable],
                            capture_output=True, text=True, timeout=120)
    return result.stdout + result.stderr


@pytest.mark.skipif(not namespace_available(), reason="needs unshare (user mount namespaces)")
def test_a_read_only_folder_is_reported_as_such_with_no_logs_left(tmp_path, sample_file):
    output = run_in_namespace(tmp_path, sample_file, size="8m",
                              prepare='mount -o remount,ro "$1"',
                              command=f"import {SAMPLE_JSON} --replace")
    assert "the folder is read-only" in output and "not a PlanBook" not in output, output
    assert "exit " in output and "Traceback" not in output
    assert "plan.sqlite-wal" not in output and "plan.sqlite-shm" not in output
    (tmp_path / "mnt").rmdir()
    output = run_in_namespace(tmp_path, sample_file, size="8m",
                              prepare='mount -o remount,ro "$1"', command="info")
    assert "exit" not in output, output  # reading works from a read-only folder
    assert "plan.sqlite-wal" not in output


@pytest.mark.skipif(not namespace_available(), reason="needs unshare (user mount namespaces)")
def test_a_full_disk_is_reported_as_such(tmp_path, sample_file):
    size = sample_file.stat().st_size + 40 * 1024
    output = run_in_namespace(
        tmp_path, sample_file, size=str(size),
        prepare='dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true',
        command=f"import {SAMPLE_JSON} --replace")
    assert "disk is full" in output and "not a PlanBook" not in output, output
    assert "plan.sqlite-wal" not in output and "plan.sqlite-shm" not in output


def planbook(*args: str):
    return python("""
        import sys
        from desktop.cli import main
        sys.exit(main(sys.argv[1:]))
    """, *args)


def test_init_over_stale_logs_and_a_leftover_building_file(tmp_path, sample_file):
    path = tmp_path / "new.sqlite"
    stale_logs_beside(path, tmp_path)
    leftover = tmp_path / ".new.sqlite.building"  # what a killed run of the old code left
    copy_database(sqlite3.connect(sample_file), leftover)
    result = planbook("--db", str(path), "init", "--empty")
    assert result.returncode == 0, result.stderr
    assert integrity(path) == "ok"
    with open_plan(path, readonly=True) as store:  # empty, as it said: the leftover not adopted
        assert store.db.execute("SELECT count(*) FROM initiative").fetchone()[0] == 0
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    assert leftover.exists()  # not ours to delete, never used
