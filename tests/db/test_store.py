"""Foreign keys, cascades, and the generic operations undo relies on."""

import sqlite3

import pytest

from db.cycle import reopen
from db.records import Edition, Initiative, Measure, Vision


def counts(store):
    return {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("vision", "measure", "initiative", "priority_action", "ward_project",
                      "ward_group")}


def test_foreign_keys_are_enforced(sample_store):
    with pytest.raises(sqlite3.IntegrityError):
        sample_store.insert_row("measure", {"vision_id": 9999, "code": "9-1"})


def test_deleting_a_vision_cascades_and_restore_puts_everything_back(sample_store):
    before = counts(sample_store)
    doc = sample_store.load(2024)
    vision = doc.vision(1)
    shared = [a for p in doc.priorities for a in p.actions if a.initiative.vision_number == 1]
    assert shared, "vision 1 initiatives also appear under a priority item"
    snapshot = sample_store.delete("vision", vision.id)
    after = counts(sample_store)
    assert after["vision"] == before["vision"] - 1
    assert after["measure"] == before["measure"] - len(vision.measures)
    assert after["initiative"] == before["initiative"] - len(vision.initiatives)
    assert after["priority_action"] == before["priority_action"] - len(shared)
    sample_store.restore(snapshot)
    assert counts(sample_store) == before
    again = sample_store.load(2024)
    assert again.vision(1) == vision
    assert [a.initiative.key for p in again.priorities for a in p.actions] == [
        a.initiative.key for p in doc.priorities for a in p.actions]


def test_deleting_a_ward_group_detaches_projects_and_restore_reattaches(sample_store):
    reopen(sample_store, 2022, "test: change the settled year")
    doc = sample_store.load(2022)
    plan = next(w for w in doc.ward_plans if w.groups)
    group = plan.groups[0]
    members = [p.id for p in plan.projects if p.group_id == group.id]
    assert members
    snapshot = sample_store.delete("ward_group", group.id)
    assert all(p.group_id is None for p in sample_store.ward_projects(plan.id) if p.id in members)
    sample_store.restore(snapshot)
    assert [p.id for p in sample_store.ward_projects(plan.id) if p.group_id == group.id] == members


def test_update_fields_returns_old_values_and_validates_columns(sample_store):
    item = sample_store.load(2024).initiatives[0]
    old = sample_store.update_fields("initiative", item.id, {"amount": 1, "highlights": ["a"]})
    assert old == {"amount": item.amount, "highlights": item.highlights}
    assert sample_store.initiative(item.id).highlights == ["a"]
    with pytest.raises(ValueError, match="no column"):
        sample_store.update_fields("initiative", item.id, {"nonsense": 1})
    with pytest.raises(ValueError, match="unknown table"):
        sample_store.update_fields("sqlite_master", 1, {"name": "x"})


def test_reorder_and_back(sample_store):
    vision = sample_store.load(2024).vision(1)
    ids = [m.id for m in vision.measures]
    previous = sample_store.reorder("measure", list(reversed(ids)))
    assert [m.id for m in sample_store.measures(vision.id)] == list(reversed(ids))
    sample_store.reorder("measure", previous)
    assert [m.id for m in sample_store.measures(vision.id)] == ids


def test_atomic_rolls_back_everything(sample_store):
    before = counts(sample_store)
    edition_id = sample_store.edition(2024).id
    with pytest.raises(RuntimeError), sample_store.atomic():
        vision = Vision(99, "temporary")
        sample_store.add_vision(edition_id, vision)
        sample_store.add_measure(vision.id, Measure("99-1", "x"))
        sample_store.add_initiative(edition_id, Initiative("tmp", "x", vision_number=99))
        raise RuntimeError
    assert counts(sample_store) == before


def test_deleting_an_edition_removes_the_year(sample_store):
    sample_store.delete("edition", sample_store.edition(2024).id)
    assert sample_store.fiscal_years() == [2022]
    assert sample_store.edition(2024) is None
    sample_store.add_edition(Edition(2024))
    assert sample_store.fiscal_years() == [2022, 2024]


def test_save_copy_is_a_complete_plan_file(tmp_path, sample_file):
    from db.interchange import export_json
    from db.store import open_plan

    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(b"old content")
    with open_plan(sample_file) as store:
        store.save_copy(copy)
        original = export_json(store)
    with open_plan(copy, readonly=True) as store:
        assert export_json(store) == original
    assert not (tmp_path / ".copy.sqlite.tmp").exists()


def test_initiatives_of_one_vision_or_ward_panel_are_those_of_the_edition_in_order(sample_store):
    for edition in sample_store.editions():
        everything = sample_store.initiatives(edition.id)
        for vision in sample_store.visions(edition.id):
            assert sample_store.initiatives(edition.id, vision_id=vision.id) == [
                i for i in everything if i.vision_number == vision.number]
        for plan in sample_store.ward_plans(edition.id):
            assert sample_store.initiatives(edition.id, ward_plan_id=plan.id) == [
                i for i in everything if i.ward_name == plan.ward.name]
    edition = sample_store.edition(2024)
    assert any(sample_store.initiatives(edition.id, ward_plan_id=p.id)
               for p in sample_store.ward_plans(edition.id))  # (the sample has ward panels)
