"""The change log: every writer logs in the same transaction; append-only; kept by the JSON."""

from __future__ import annotations

import json
import sqlite3

import pytest

from db import change_log
from db.errors import ValidationError
from db.interchange import export_json, import_document
from db.store import memory_plan, open_plan


def first_initiative(store):
    edition = store.edition(2024)
    return store.initiatives(edition.id)[0]


def test_an_edit_logs_who_what_and_old_and_new_values(sample_store):
    item = first_initiative(sample_store)
    assert change_log.count(sample_store) == 0  # building the sample is not a change
    change_log.set_user(sample_store, "田中")
    change_log.set_source(sample_store, "editor")
    sample_store.update_fields("initiative", item.id, {"amount": 5, "title": item.title})
    [entry] = change_log.entries(sample_store)
    assert (entry.user, entry.source, entry.fiscal_year, entry.record_type, entry.record_id,
            entry.record_label, entry.field, entry.old_value, entry.new_value) == (
        "田中", "editor", 2024, "initiative", item.id, item.title, "amount",
        str(item.amount), "5")
    assert entry.at[:4].isdigit() and "T" in entry.at


def test_delete_and_restore_log_every_record_with_its_source(sample_store):
    item = first_initiative(sample_store)
    snapshot = sample_store.delete("initiative", item.id)
    with change_log.source(sample_store, "undo"):
        sample_store.restore(snapshot)
    log = change_log.entries(sample_store)
    deleted = [e for e in log if e.field == change_log.DELETED]
    added = [e for e in log if e.field == change_log.ADDED]
    assert ("initiative", item.id, item.title) in {(e.record_type, e.record_id, e.old_value)
                                                   for e in deleted}
    assert {e.source for e in added} == {"undo"}
    assert len(added) == len(deleted) >= 1


def test_a_rolled_back_change_leaves_no_entry(sample_store):
    item = first_initiative(sample_store)
    with pytest.raises(sqlite3.IntegrityError), sample_store.atomic():
        sample_store.update_fields("initiative", item.id, {"title": "変更"})
        sample_store.update_fields("initiative", item.id, {"edition_id": 999999})
    assert change_log.count(sample_store) == 0


def test_the_log_is_append_only(sample_store):
    sample_store.update_fields("initiative", first_initiative(sample_store).id, {"amount": 1})
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        sample_store.db.execute("UPDATE change_log SET user = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        sample_store.db.execute("DELETE FROM change_log")


def test_the_log_survives_closing_and_reopening(sample_file):
    with open_plan(sample_file) as store:
        change_log.set_source(store, "editor")
        store.update_fields("initiative", first_initiative(store).id, {"amount": 77})
    with open_plan(sample_file, readonly=True) as store:
        [entry] = change_log.entries(store)
        assert (entry.source, entry.new_value) == ("editor", "77")
    with open_plan(sample_file) as store:  # a writer again: the log grows, nothing lost
        store.update_fields("initiative", first_initiative(store).id, {"amount": 78})
        assert [e.new_value for e in change_log.entries(store)] == ["77", "78"]


def test_json_keeps_the_log_byte_for_byte(sample_store):
    change_log.set_user(sample_store, "佐藤")
    sample_store.update_fields("initiative", first_initiative(sample_store).id,
                               {"description": "改行\nと「引用」"})
    text = export_json(sample_store)
    assert json.loads(text)["change_log"][0]["user"] == "佐藤"
    copy = memory_plan()
    import_document(copy, json.loads(text))
    assert export_json(copy) == text


def test_a_replacing_import_is_logged_as_import(unlocked_sample_store, sample_json):
    sample_store = unlocked_sample_store  # a final year is never replaced (db/cycle.py)
    import_document(sample_store, json.loads(sample_json), replace=True)
    log = change_log.entries(sample_store)
    assert {e.source for e in log} == {"import"}
    assert {e.field for e in log} == {change_log.ADDED, change_log.DELETED}


def test_a_bad_log_in_json_is_refused_with_its_path(sample_json):
    document = json.loads(sample_json)
    document["change_log"] = [{"at": "2026-01-01T00:00:00+09:00", "user": 5}]
    with pytest.raises(ValidationError) as refused:
        import_document(memory_plan(), document)
    assert any(p.startswith("change_log[0].user:") for p in refused.value.problems)


def test_readonly_stores_have_no_context_and_log_nothing(sample_file):
    with open_plan(sample_file, readonly=True) as store:
        assert store.change_context is None
        with change_log.source(store, "undo"):  # harmless: nothing is written
            pass
        with pytest.raises(ValueError):
            change_log.set_user(store, "x")
