"""The annual cycle in the data layer: new year, lineage, the final-edition lock, finalize and
reopen, snapshots and changes since, and the JSON round trip of all of it."""

import hashlib
import json

import pytest

from db import change_log
from db.changes import changes_between
from db.compare import compare_years
from db.cycle import CycleError, WarningsToConfirm, finalize, new_year, plan_new_year, reopen
from db.errors import FinalEditionError, ValidationError
from db.history import events
from db.interchange import export_edition, export_json, import_document
from db.records import Initiative, WardProject
from db.snapshots import edition_content, latest_snapshot, record_snapshot
from db.store import memory_plan, open_plan


def test_rolling_the_sample_2024_into_2025_copies_everything(sample_store):
    before = export_edition(sample_store, sample_store.load(2024))
    rollover = new_year(sample_store, 2024, user="tanaka")
    old, new = sample_store.load(2024), sample_store.load(2025)
    assert rollover.plan.counts == {"visions": 8, "measures": 29, "priorities": 2,
                                    "priority_actions": 14, "initiatives": 109, "ward_plans": 6,
                                    "ward_groups": 0, "ward_projects": 0}
    assert len(new.visions) == 8 and sum(len(v.measures) for v in new.visions) == 29
    assert [len(p.actions) for p in new.priorities] == [len(p.actions) for p in old.priorities]
    assert len(new.initiatives) == 109 and len(new.ward_plans) == 6
    assert new.edition.title == "令和7年度アクションプラン" and new.edition.status == "draft"
    assert new.edition.publication_date == "2025-06"
    assert new.edition.contact == old.edition.contact and new.edition.about == old.edition.about
    by_id = {i.id: i for i in old.initiatives}
    for item in new.initiatives:  # every 前年度 is its predecessor's amount
        predecessor = by_id[item.predecessor_id]
        assert item.previous == predecessor.amount and item.amount is None
        assert item.title == predecessor.title and item.vision_number == predecessor.vision_number
        assert item.status == {"new": "continued"}.get(predecessor.status, predecessor.status)
    assert sum(i.previous for i in new.initiatives) == sum(i.amount for i in old.initiatives) \
        == 28_833_190
    shared = next(a.initiative for p in new.priorities for a in p.actions
                  if a.initiative.title == "児童手当の拡充")
    assert shared.id in {i.id for i in new.vision(1).initiatives}  # still one record
    assert export_edition(sample_store, sample_store.load(2024)) == before  # source unchanged
    assert [(e.kind, e.user, e.detail["from"]) for e in events(sample_store, 2025)] == [
        ("rolled_over", "tanaka", 2024)]
    places = [r.place for r in rollover.review]
    assert any("予算注記" in p for p in places) and "前付け 表題" not in places


def test_rolling_the_final_2022_ward_sheets_empties_the_budgets(sample_store):
    old = sample_store.load(2022)
    new_year(sample_store, 2022, 2023)
    new = sample_store.load(2023)
    assert sample_store.edition(2022).status == "final"
    assert [len(w.projects) for w in new.ward_plans] == [15, 21, 10, 18, 9]
    for was, now in zip(old.ward_plans, new.ward_plans, strict=True):
        assert now.allocation == was.allocation == 19000
        assert [g.title for g in now.groups] == [g.title for g in was.groups]
        titles = {g.id: g.title for g in now.groups}
        was_titles = {g.id: g.title for g in was.groups}
        for p, q in zip(was.projects, now.projects, strict=True):
            assert (q.name, q.description, q.predecessor_id) == (p.name, p.description, p.id)
            assert (q.initial, q.revised, q.settled) == (None, None, None)
            assert titles.get(q.group_id) == was_titles.get(p.group_id)
        assert now.printed_totals.initial is None


@pytest.mark.parametrize("args, message", [
    ((2024,), None), ((2024, 2022), "already exists and is final"),
    ((2019,), "no fiscal year 2019 in the file (it has 2022, 2024)"),
    ((2024, 2027), "use --force"), ((2024, 2201), "out of range")])
def test_bad_and_existing_years_are_refused(sample_store, args, message):
    if message is None:
        new_year(sample_store, *args)
        args, message = (2024,), "令和7年度 (2025) already exists"
    before = export_json(sample_store)
    with pytest.raises(CycleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        new_year(sample_store, *args)
    assert export_json(sample_store) == before


def test_skipping_years_needs_force(sample_store):
    new_year(sample_store, 2024, 2026, force=True)
    assert sample_store.fiscal_years() == [2022, 2024, 2026]
    assert plan_new_year(sample_store, 2026).to_year == 2027


def test_previous_is_derived_and_typed_only_without_predecessor(sample_store):
    new_year(sample_store, 2024)
    old, new = sample_store.load(2024), sample_store.load(2025)
    sample_store.update_fields("initiative", old.initiatives[0].id, {"amount": 123})
    item = sample_store.initiative(new.initiatives[0].id)
    assert item.previous == 123
    edition_id = new.edition.id
    sample_store.add_initiative(edition_id, Initiative("typed", "手入力", previous_amount=77,
                                                       vision_number=1))
    fresh = next(i for i in sample_store.initiatives(edition_id) if i.key == "typed")
    assert fresh.previous == 77 and fresh.predecessor_id is None
    sample_store.update_fields("initiative", item.id, {"title": "改名", "vision_id":
                                                       new.vision(3).id})
    moved = sample_store.initiative(item.id)  # renaming and moving keep the lineage
    assert moved.predecessor_id == old.initiatives[0].id and moved.previous == 123


def file_hash(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_final_edition_refuses_every_write_and_the_file_is_unchanged(sample_file):
    with open_plan(sample_file) as store:
        store.checkpoint()
        doc = store.load(2022)
        plan = doc.ward_plans[0]
        project = plan.projects[0]
        before = file_hash(sample_file)
        attempts = [
            lambda: store.update_fields("ward_project", project.id, {"initial": 1}),
            lambda: store.delete("ward_project", project.id),
            lambda: store.add_ward_project(plan.id, WardProject("追加")),
            lambda: store.update_fields("ward_plan", plan.id, {"headline": "x"}),
            lambda: store.delete("ward_group", plan.groups[0].id) if plan.groups else
            store.delete("ward_plan", plan.id),
            lambda: store.reorder("ward_project", [p.id for p in reversed(plan.projects)]),
            lambda: store.update_fields("edition", doc.edition.id, {"title": "x"}),
            lambda: store.update_fields("edition", doc.edition.id,
                                        {"status": "draft", "title": "x"}),
            lambda: store.delete("edition", doc.edition.id),
            lambda: import_document(store, json.loads(export_json(store)), replace=True),
        ]
        for attempt in attempts:
            with pytest.raises(FinalEditionError):
                attempt()
        store.checkpoint()
        assert file_hash(sample_file) == before
        assert store.load(2022).ward_plans[0].projects[0] == project


def test_finalize_runs_the_checks_and_reopen_is_recorded(sample_store):
    new_year(sample_store, 2024)
    with pytest.raises(ValidationError, match="金額が入力されていません"):
        finalize(sample_store, 2025)  # errors block: no amounts yet
    assert sample_store.edition(2025).status == "draft"
    for item in sample_store.load(2025).initiatives:
        sample_store.update_fields("initiative", item.id, {"amount": 10})
    measure = sample_store.load(2025).vision(1).measures[0]
    sample_store.update_fields("measure", measure.id, {"code": "1-A"})  # a warning
    with pytest.raises(WarningsToConfirm) as pending:
        finalize(sample_store, 2025)
    assert pending.value.warnings and sample_store.edition(2025).status == "draft"
    accepted = finalize(sample_store, 2025, user="suzuki", accept_warnings=True)
    assert accepted == pending.value.warnings
    assert sample_store.edition(2025).status == "final"
    with pytest.raises(CycleError, match="already final"):
        finalize(sample_store, 2025, accept_warnings=True)
    with pytest.raises(CycleError, match="say why"):
        reopen(sample_store, 2025, "  ")
    reopen(sample_store, 2025, "議会の修正", user="sato")
    assert sample_store.edition(2025).status == "draft"
    log = events(sample_store, 2025)
    assert [(e.kind, e.user, e.reason) for e in log] == [
        ("rolled_over", log[0].user, ""), ("finalized", "suzuki", ""),
        ("reopened", "sato", "議会の修正")]
    assert log[1].detail == {"warnings": len(accepted)} and log[2].at
    logged = [(e.source, e.field, e.old_value, e.new_value)
              for e in change_log.entries(sample_store, fiscal_year=2025)
              if e.source in ("new-year", "finalize", "reopen")]
    assert [x[:2] for x in logged] == [("new-year", "(added)"), ("finalize", "status"),
                                       ("reopen", "status"), ("reopen", "reason")]
    assert logged[1][2:] == ("draft", "final") and logged[3][3] == "議会の修正"
    # the copy is one entry, not 109 "(added)": the initiatives' entries are the typed amounts
    assert len(change_log.entries(sample_store, fiscal_year=2025, record_type="initiative")) \
        == 109


def test_snapshot_then_edit_lists_the_edit_field_by_field(sample_store):
    record_snapshot(sample_store, 2024, "review", note="議会提出", page_count=36)
    doc = sample_store.load(2024)
    item = doc.initiatives[10]
    sample_store.update_fields("initiative", item.id, {"description": "新しい説明文", "amount": 5})
    changes = changes_between(latest_snapshot(sample_store, 2024).content,
                              edition_content(sample_store, 2024))
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("説明", item.description, "新しい説明文"),
        ("金額", f"{item.amount:,}千円", "5千円")]
    assert changes[0].place == f"取組 「{item.title}」"


def test_compare_shows_exactly_the_edits(sample_store):
    new_year(sample_store, 2024)
    new = sample_store.load(2025)
    with sample_store.atomic():
        for item in new.initiatives:
            sample_store.update_fields("initiative", item.id, {"amount": item.previous})
    v1 = new.vision(1).initiatives
    sample_store.update_fields("initiative", v1[0].id, {"amount": v1[0].previous - 100})
    sample_store.update_fields("initiative", v1[1].id, {"title": "新しい名前"})
    sample_store.update_fields("initiative", v1[2].id, {"vision_id": new.vision(2).id})
    sample_store.delete("initiative", v1[3].id)
    sample_store.add_initiative(new.edition.id, Initiative("added", "新しい取組", amount=900,
                                                           vision_number=1))
    c = compare_years(sample_store, 2024, 2025)
    assert c.counts() == {"added": 1, "discontinued": 1, "renamed": 1, "moved": 1, "changed": 1}
    vision1 = next(s for s in c.sections if s.title.startswith("ビジョン1"))
    marked = {r.title: r.marks for r in vision1.rows if r.marks}
    assert marked == {"新しい名前": ("renamed",), "新しい取組": ("added",),
                      v1[3].title: ("discontinued",)}
    cut = next(r for r in vision1.rows if r.id == v1[0].id)
    assert (cut.difference, round(cut.percent, 3)) == (-100, round(-10000 / v1[0].previous, 3))
    moved = next(r for s in c.sections for r in s.rows if r.id == v1[2].id)
    assert moved.marks == ("moved",) and moved.note == "← ビジョン1"
    assert vision1.amount - vision1.previous == vision1.difference
    assert c.amount == c.previous - 100 - v1[3].previous + 900


def test_lineage_events_and_snapshots_survive_export_import_export(sample_store):
    new_year(sample_store, 2022, 2023)
    new_year(sample_store, 2024)
    record_snapshot(sample_store, 2024, "review", page_count=36, note="案")
    text = export_json(sample_store)
    data = json.loads(text)
    assert data["editions"][3]["initiatives"][0]["predecessor"] == {
        "fiscal_year": 2024, "key": data["editions"][2]["initiatives"][0]["key"]}
    assert data["editions"][1]["ward_plans"][0]["projects"][2]["predecessor"] == {
        "fiscal_year": 2022, "ward": "中央区", "project": 2}
    assert [s["note"] for s in data["editions"][2]["snapshots"]] == ["案"]
    copy = memory_plan()
    import_document(copy, json.loads(text))
    assert export_json(copy) == text
    assert copy.edition(2022).status == "final"
    assert compare_years(copy, 2024, 2025).counts() == compare_years(sample_store, 2024,
                                                                     2025).counts()
    bad = json.loads(text)
    bad["editions"][3]["initiatives"][0]["predecessor"]["key"] = "nope"
    with pytest.raises(ValidationError, match=r"editions\[3\]\.initiatives\[0\]\.predecessor: "
                                              "no initiative 「nope」 in 2024"):
        import_document(memory_plan(), bad)
