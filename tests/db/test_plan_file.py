"""Opening plan files: creation, migrations, refusals that leave files untouched."""

import hashlib
import sqlite3

import pytest
from sqlite_utils import Database

from db.errors import PlanFileError
from db.records import Edition, Ward, WardPlan, WardProject
from db.schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from db.store import open_plan


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_current_marked_and_wal(tmp_path):
    path = tmp_path / "new.sqlite"
    with open_plan(path, create=True) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_missing_file_is_not_created_unless_asked(tmp_path):
    path = tmp_path / "nope.sqlite"
    with pytest.raises(PlanFileError, match="no such file"):
        open_plan(path)
    assert not path.exists()


def make_version_1(path):
    """A file as PlanBook's first schema wrote it, with one ward project."""
    db = Database(sqlite3.connect(path))
    migrations.apply(db, stop_before="m002_printed_totals_and_indexes")
    db.execute("INSERT INTO ward (name) VALUES ('中央区')")
    db.execute("INSERT INTO edition (fiscal_year) VALUES (2022)")
    db.execute("INSERT INTO ward_plan (edition_id, ward_id, allocation) VALUES (1, 1, 19000)")
    db.execute("INSERT INTO ward_project (ward_plan_id, name, initial) VALUES (1, 'x', 700)")
    db.conn.commit()
    db.close()


def test_version_1_file_migrates_forward_with_a_backup(tmp_path):
    path = tmp_path / "old.sqlite"
    make_version_1(path)
    before = dump(path)
    with open_plan(path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (plan,) = store.ward_plans(1)
        assert plan.projects[0].initial == 700
        assert plan.printed_totals.initial is None
    backup = tmp_path / "old.sqlite.v1.bak"  # written with SQLite's backup API: same content
    assert dump(backup) == before


def dump(path):
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA user_version").fetchone()[0], list(conn.iterdump()))
    finally:
        conn.close()


def test_readonly_open_of_an_old_file_never_writes(tmp_path):
    path = tmp_path / "old.sqlite"
    make_version_1(path)
    before = digest(path)
    with open_plan(path, readonly=True) as store:
        assert store.ward_plans(1)[0].allocation == 19000
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite"]


def test_a_readonly_store_without_snapshot_reads_the_file_in_place(tmp_path, sample_file):
    """The preview's reading: no copy of the whole plan, a read transaction for one view of
    it, no writes; an older file is still migrated in memory, never on disk."""
    with open_plan(sample_file, readonly=True, snapshot=False) as store, store.db.reading():
        assert store.db.execute("PRAGMA database_list").fetchone()[2] == str(sample_file)
        assert store.db.conn.in_transaction
        doc = store.load_vision(2024, 1)
        assert doc.visions[0].initiatives
        with pytest.raises(sqlite3.OperationalError):  # query_only
            store.db.execute("DELETE FROM initiative")
    with open_plan(sample_file, readonly=True) as store:  # the default: a copy in memory
        assert store.db.execute("PRAGMA database_list").fetchone()[2] == ""
    path = tmp_path / "old.sqlite"
    make_version_1(path)
    before = digest(path)
    with open_plan(path, readonly=True, snapshot=False) as store:
        assert store.ward_plans(1)[0].allocation == 19000
    assert digest(path) == before


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    open_plan(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(PlanFileError, match="newer PlanBook"):
        open_plan(path)
    assert digest(path) == before


@pytest.mark.parametrize("content", [b"hello, not a database" * 10, b"%PDF-1.7\n" + b"x" * 200])
def test_non_database_is_refused_untouched(tmp_path, content):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match="not a PlanBook plan file"):
        open_plan(path)
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(PlanFileError, match="something else"):
        open_plan(path)
    assert digest(path) == before


def test_truncated_database_is_refused(tmp_path, sample_file):
    data = sample_file.read_bytes()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(data[:200] + b"\0" * 50)
    with pytest.raises(PlanFileError):
        open_plan(broken)


def test_money_columns_refuse_floats_and_text(tmp_path):
    with open_plan(tmp_path / "p.sqlite", create=True) as store:
        ward_id = store.add_ward(Ward("中央区"))
        edition_id = store.add_edition(Edition(2022))
        plan_id = store.add_ward_plan(edition_id, WardPlan(Ward("中央区", id=ward_id)))
        for bad in (1.5, "abc", "7.5"):
            with pytest.raises(sqlite3.IntegrityError):
                store.add_ward_project(plan_id, WardProject("x", initial=bad))
        assert store.ward_projects(plan_id) == []


def test_files_on_a_network_share_use_the_rollback_journal(tmp_path, monkeypatch):
    """WAL needs shared memory, which SMB/NFS shares do not provide safely."""
    import db.planfile

    monkeypatch.setattr(db.planfile, "is_network_path", lambda path: True)
    path = tmp_path / "shared.sqlite"
    with open_plan(path, create=True) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    monkeypatch.setattr(db.planfile, "is_network_path", lambda path: False)
    with open_plan(path) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_local_temp_folder_is_not_a_network_path(tmp_path):
    from db.planfile import is_network_path

    assert not is_network_path(tmp_path / "x.sqlite")


def test_a_new_plan_open_for_writing_can_be_read_at_the_same_time(tmp_path):
    """The header's application id may still be only in the WAL (e.g. the editor has it open)."""
    from db.interchange import export_json
    from db.sample import load_sample

    path = tmp_path / "new.sqlite"
    writer = open_plan(path, create=True)
    try:
        load_sample(writer)
        with open_plan(path, readonly=True) as reader:
            assert export_json(reader) == export_json(writer)
    finally:
        writer.close()


def test_read_only_opens_leave_no_logs_behind(tmp_path, monkeypatch):
    import db.planfile

    for shared in (False, True):  # WAL locally, the rollback journal on a share
        monkeypatch.setattr(db.planfile, "is_network_path", lambda path, shared=shared: shared)
        path = tmp_path / f"{'shared' if shared else 'local'}.sqlite"
        open_plan(path, create=True).close()
        with open_plan(path, readonly=True) as store:
            assert store.fiscal_years() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["local.sqlite", "shared.sqlite"]


def test_damage_is_reported_by_the_quick_check(tmp_path, sample_file):
    with open_plan(sample_file, readonly=True) as store:
        assert store.damage() is None
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(sample_file.read_bytes())
    data[8192:] = b"\xa5" * (len(data) - 8192)
    damaged.write_bytes(bytes(data))
    try:
        with open_plan(damaged, readonly=True) as store:
            assert store.damage() is not None
    except (PlanFileError, sqlite3.DatabaseError):
        pass  # refused even earlier: just as good
