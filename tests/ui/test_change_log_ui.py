"""The editor writes the change log: an edit as "editor", its undo and redo as such."""

from __future__ import annotations

from db import change_log
from db.store import open_plan


def test_edit_undo_and_redo_are_logged_and_survive_a_restart(window, plan_path):
    store = window.doc.store
    before = change_log.count(store)
    item = store.initiatives(store.edition(2024).id)[0]
    window.doc.set_fields("initiative", item.id, {"amount": 4321}, "Edit amount")
    window.actions_["actionUndo"].trigger()
    window.actions_["actionRedo"].trigger()
    log = change_log.entries(store)[before:]
    assert [(e.source, e.field, e.old_value, e.new_value) for e in log] == [
        ("editor", "amount", "1000", "4321"),
        ("undo", "amount", "4321", "1000"),
        ("redo", "amount", "1000", "4321")]
    assert {e.record_label for e in log} == {item.title}
    window.close_document()
    with open_plan(plan_path, readonly=True) as reopened:
        assert [e.source for e in change_log.entries(reopened)[before:]] == [
            "editor", "undo", "redo"]
