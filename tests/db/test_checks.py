"""The validation rules behind `planbook check` and the Problems panel."""

from db.checks import ERROR, WARNING, check_document
from db.cycle import reopen


def problems(store, year):
    return [(p.severity, p.table, p.field, p.message) for p in check_document(store.load(year))]


def test_ward_over_allocation_is_an_error(sample_store):
    reopen(sample_store, 2022, "test: change the settled year")
    plan = sample_store.load(2022).ward_plan("北区")
    sample_store.update_fields("ward_project", plan.projects[0].id, {"initial": 4000})
    found = [p for p in check_document(sample_store.load(2022)) if p.severity == ERROR]
    assert [p.location for p in found] == ["令和4年度 北区"]
    assert "当初予算の合計 19,200千円 が配分額 19,000千円 を 200千円 超えています" in found[0].message


def test_rows_that_do_not_add_up_to_the_printed_total_are_reported(sample_store):
    reopen(sample_store, 2022, "test: change the settled year")
    plan = sample_store.load(2022).ward_plan("西区")
    sample_store.update_fields("ward_project", plan.projects[0].id, {"settled": 0})
    found = [p for p in check_document(sample_store.load(2022)) if p.field == "printed_settled"]
    assert found and found[0].severity == WARNING
    assert "各行の合計 15,401千円 が資料の合計 15,461千円 と一致しません（差 △60千円）" in found[0].message


def test_duplicate_measure_code_and_missing_amount(sample_store):
    vision = sample_store.load(2024).vision(3)
    sample_store.update_fields("measure", vision.measures[1].id, {"code": "3-1"})
    sample_store.update_fields("initiative", vision.initiatives[0].id, {"amount": None})
    errors = [p for p in problems(sample_store, 2024) if p[0] == ERROR]
    assert ("error", "measure", "code", "施策コード 3-1 が重複しています") in errors
    assert ("error", "initiative", "amount", "金額が入力されていません") in errors


def test_duplicate_project_numbers(sample_store):
    reopen(sample_store, 2022, "test: change the settled year")
    plan = sample_store.load(2022).ward_plan("東区")
    sample_store.update_fields("ward_project", plan.projects[1].id, {"number": 1})
    errors = [p for p in problems(sample_store, 2022) if p[0] == ERROR]
    assert errors.count(("error", "ward_project", "number", "No.1 が重複しています")) == 2
