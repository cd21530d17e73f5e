"""The Excel round trip: export a ward's workbook, edit it as a clerk would, import it back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from db.cycle import reopen
from db.errors import ValidationError
from db.records import Edition, Totals, Ward, WardGroup, WardPlan, WardProject
from db.store import PlanStore, open_plan
from desktop.cli import main
from desktop.publish.ward_excel import (
    FIRST_ROW,
    FORMAT_VERSION,
    HEADER_ROW,
    META_SHEET,
    apply_ward_import,
    export_ward_workbook,
    plan_ward_import,
    read_ward_workbook,
)

CHUO_PROJECTS = [
    # number, name, group, status, initial, revised, settled
    (1, "地域コミュニティセンターのデジタル化実証実験事業", 0, "new", 1000, 1000, 996),
    (2, "校区の魅力発見発信事業", 0, None, 1000, None, None),
    (3, "eスポーツを活用した地域交流推進事業", 1, "new", 2900, 2900, 2870),
    (4, "地域デビュー応援事業", 1, "continued", 700, 1720, 1567),
    (5, "お互いさまのまちづくり啓発事業", 1, "expanded", 900, 1300, 1196),
]


def build(store: PlanStore) -> None:
    """Two wards in 2022 and one in 2023, through the store API only."""
    with store.atomic():
        e2022 = store.add_edition(Edition(fiscal_year=2022))
        e2023 = store.add_edition(Edition(fiscal_year=2023))
        chuo, higashi = Ward("中央区"), Ward("東区")
        store.add_ward(chuo)
        store.add_ward(higashi)
        plan = WardPlan(ward=chuo, headline="新たな出会いと未来創造の都会", allocation=19000,
                        printed_totals=Totals(19000, 17620, 16701))
        store.add_ward_plan(e2022, plan)
        groups = [store.add_ward_group(plan.id, WardGroup("地域活動の負担軽減")),
                  store.add_ward_group(plan.id, WardGroup("生きがいとしての地域活動", True))]
        for number, name, group, status, initial, revised, settled in CHUO_PROJECTS:
            store.add_ward_project(plan.id, WardProject(
                name, number, f"{name}の説明。" * 3, status, initial, revised, settled,
                groups[group]))
        other = WardPlan(ward=higashi, allocation=19000)
        store.add_ward_plan(e2022, other)
        store.add_ward_project(other.id, WardProject("東区地域活性化支援事業", 1, "", None, 800))
        later = WardPlan(ward=chuo, allocation=19000)
        store.add_ward_plan(e2023, later)
        store.add_ward_project(later.id, WardProject("翌年度の事業", 1, "", None, 500))


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "plan.sqlite"
    with open_plan(path, create=True) as store:
        build(store)
    return path


@pytest.fixture
def exported(plan_file, tmp_path) -> Path:
    with open_plan(plan_file, readonly=True) as store:
        return export_ward_workbook(store.load(2022), "中央区", tmp_path / "chuo.xlsx")


def digest(path: Path) -> str:
    """The plan file's bytes (the store is closed, so the WAL is checkpointed and gone)."""
    assert not Path(str(path) + "-wal").exists()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit(path: Path, changes: dict[str, object], sheet: str = "中央区") -> Path:
    wb = load_workbook(path)
    for ref, value in changes.items():
        wb[sheet][ref] = value
    wb.save(path)
    return path


def plan_import(plan_file: Path, workbook: Path):
    with open_plan(plan_file) as store:
        return plan_ward_import(store, read_ward_workbook(workbook))


def refused(plan_file: Path, workbook: Path) -> list[str]:
    """Import through the API and the CLI; both refuse and leave the file byte-for-byte as is."""
    before = digest(plan_file)
    with pytest.raises(ValidationError) as caught:
        with open_plan(plan_file) as store:
            plan = plan_ward_import(store, read_ward_workbook(workbook))
            apply_ward_import(store, plan)
    assert digest(plan_file) == before
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(workbook)]) == 2
    assert digest(plan_file) == before
    return caught.value.problems


# -- the exported workbook -----------------------------------------------------------------------

def test_export_structure(exported):
    wb = load_workbook(exported)
    assert wb.sheetnames == ["中央区", META_SHEET]
    ws = wb["中央区"]
    assert ws["A1"].value == "令和4年度 中央区まちづくり推進経費"
    headers = [c.value for c in ws[HEADER_ROW]][:9]
    assert headers == ["No.", "事業名", "事業内容", "当初予算", "補正後", "決算額", "区分",
                       "新規・継続・拡充", "削除"]
    names = [ws.cell(FIRST_ROW + i, 2).value for i in range(5)]
    assert names == [p[1] for p in CHUO_PROJECTS]
    assert ws.cell(FIRST_ROW + 1, 5).value is None  # an empty amount stays empty, not 0
    assert ws.cell(FIRST_ROW, 4).number_format == '#,##0;"△"#,##0'
    total = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 2).value == "合計")
    assert ws.cell(total, 4).value == f"=SUM(D{FIRST_ROW}:D{total - 1})"
    assert ws.cell(total, 5).value.startswith("=SUM(E")
    assert ws.cell(total + 1, 4).value == 19000
    assert ws.cell(total + 2, 4).value.startswith("=IF(")
    assert ws.cell(total + 3, 4).number_format == "0.0%"
    whole = [v for v in ws.data_validations.dataValidation if v.type == "whole"]
    assert any(v.operator == "greaterThanOrEqual" and v.formula1 == "0"
               and f"D{FIRST_ROW}:F{total - 1}" in str(v.sqref) for v in whole)
    lists = {v.formula1 for v in ws.data_validations.dataValidation if v.type == "list"}
    assert '"新規,継続,拡充"' in lists and "PlanBookGroups" in lists
    assert ws.freeze_panes == f"C{FIRST_ROW}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.protection.sheet and not ws.protection.password
    for letter in "JKLM":
        assert ws.column_dimensions[letter].hidden
        assert ws[f"{letter}{FIRST_ROW}"].protection.locked
    assert [ws.cell(FIRST_ROW, c).value for c in (10, 11, 12)] == [1, "中央区", 2022]
    for column in range(1, 10):
        assert not ws.cell(FIRST_ROW, column).protection.locked
    assert ws.cell(total, 4).protection.locked
    meta = wb[META_SHEET]
    assert meta.sheet_state == "hidden" and meta.protection.sheet
    values = {r[0]: r[1] for r in meta.iter_rows(max_col=2, values_only=True)}
    assert values["format_version"] == FORMAT_VERSION and values["ward"] == "中央区"
    assert values["fiscal_year"] == 2022
    assert wb.security.lockStructure


def test_export_unknown_ward_is_refused(plan_file, tmp_path):
    with open_plan(plan_file, readonly=True) as store:
        with pytest.raises(ValidationError, match="西区: no ward sheet for 令和4年度"):
            export_ward_workbook(store.load(2022), "西区", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    assert list(tmp_path.glob("*.xlsx")) == []


# -- round trips ---------------------------------------------------------------------------------

def test_round_trip_without_edits_changes_nothing(plan_file, exported):
    before = digest(plan_file)
    plan = plan_import(plan_file, exported)
    assert plan.is_empty and plan.warnings == []
    assert "変更なし" in plan.summary()
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(exported)]) == 0
    assert digest(plan_file) == before


def test_one_edited_cell_is_exactly_one_change(plan_file, exported):
    edit(exported, {f"E{FIRST_ROW + 3}": 1800})
    plan = plan_import(plan_file, exported)
    assert not plan.added and not plan.removed and plan.order is None
    assert len(plan.changed) == 1
    change = plan.changed[0]
    assert change.project.name == "地域デビュー応援事業"
    assert change.fields == {"revised": (1720, 1800)}
    assert "補正後: 1,720 → 1,800" in plan.summary()
    with open_plan(plan_file) as store:
        apply_ward_import(store, plan)
    with open_plan(plan_file, readonly=True) as store:
        projects = store.load(2022).ward_plan("中央区").projects
        assert [p.revised for p in projects] == [1000, None, 2900, 1800, 1300]
        assert [p.name for p in projects] == [p[1] for p in CHUO_PROJECTS]


def test_text_group_and_status_edits(plan_file, exported):
    edit(exported, {f"B{FIRST_ROW}": "新しい名前", f"G{FIRST_ROW}": "生きがいとしての地域活動",
                    f"H{FIRST_ROW + 1}": "拡充", f"D{FIRST_ROW + 1}": "１，２００千円"})
    plan = plan_import(plan_file, exported)
    fields = {c.project.number: c.fields for c in plan.changed}
    assert fields[1]["name"] == ("地域コミュニティセンターのデジタル化実証実験事業", "新しい名前")
    assert set(fields[1]) == {"name", "group_id"}
    assert fields[2] == {"status": (None, "expanded"), "initial": (1000, 1200)}


def test_added_row_becomes_a_new_project(plan_file, exported):
    row = FIRST_ROW + 5  # the first spare row
    edit(exported, {f"A{row}": 6, f"B{row}": "新しい事業", f"C{row}": "説明", f"D{row}": 500,
                    f"H{row}": "新規"})
    plan = plan_import(plan_file, exported)
    assert [(r, p.name, p.initial, p.status) for r, p in plan.added] == [
        (row, "新しい事業", 500, "new")]
    assert not plan.changed and not plan.removed and plan.order is None
    assert f"+ {row}行目: No.6 新しい事業" in plan.summary()
    with open_plan(plan_file) as store:
        apply_ward_import(store, plan)
    with open_plan(plan_file, readonly=True) as store:
        projects = store.load(2022).ward_plan("中央区").projects
    assert [p.number for p in projects] == [1, 2, 3, 4, 5, 6]
    assert projects[-1].revised is None


def test_row_inserted_in_the_middle_keeps_its_place(plan_file, exported):
    wb = load_workbook(exported)
    ws = wb["中央区"]
    ws.insert_rows(FIRST_ROW + 1)
    ws[f"B{FIRST_ROW + 1}"] = "間の事業"
    wb.save(exported)
    plan = plan_import(plan_file, exported)
    assert len(plan.added) == 1 and plan.order is not None
    with open_plan(plan_file) as store:
        apply_ward_import(store, plan)
    with open_plan(plan_file, readonly=True) as store:
        names = [p.name for p in store.load(2022).ward_plan("中央区").projects]
    assert names[:3] == [CHUO_PROJECTS[0][1], "間の事業", CHUO_PROJECTS[1][1]]


def test_deleted_rows_become_removals(plan_file, exported):
    wb = load_workbook(exported)
    ws = wb["中央区"]
    ws.delete_rows(FIRST_ROW + 1)  # 校区の魅力発見発信事業: the row is gone
    ws[f"I{FIRST_ROW + 3}"] = "削除"  # お互いさまのまちづくり啓発事業: marked 削除 (now one row up)
    wb.save(exported)
    plan = plan_import(plan_file, exported)
    assert sorted(p.number for p in plan.removed) == [2, 5]
    assert not plan.added and not plan.changed
    summary = plan.summary()
    assert "- No.2 校区の魅力発見発信事業 (1,000 / - / -)" in summary
    assert "削除 2件" in summary
    with open_plan(plan_file) as store:
        apply_ward_import(store, plan)
    with open_plan(plan_file, readonly=True) as store:
        assert [p.number for p in store.load(2022).ward_plan("中央区").projects] == [1, 3, 4]


def test_totals_typed_over_are_ignored_with_a_warning(plan_file, exported):
    wb = load_workbook(exported)
    ws = wb["中央区"]
    total = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 2).value == "合計")
    ws.cell(total, 5).value = 99999
    wb.save(exported)
    plan = plan_import(plan_file, exported)
    assert plan.is_empty
    assert plan.warnings == [f"中央区!E{total}: 合計の数式が「99999」で上書きされていました。"
                             "PlanBook はこの値を使わず、各行から合計します"]
    assert "注意: 中央区!E" in plan.summary()


def test_apply_is_all_or_nothing(plan_file, exported, monkeypatch):
    edit(exported, {f"E{FIRST_ROW}": 1, f"B{FIRST_ROW + 5}": "追加"})
    wb = load_workbook(exported)
    wb["中央区"].delete_rows(FIRST_ROW + 2)
    wb.save(exported)
    before = digest(plan_file)
    with open_plan(plan_file) as store:
        plan = plan_ward_import(store, read_ward_workbook(exported))

        def broken(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(store, "add_ward_project", broken)
        with pytest.raises(RuntimeError):
            apply_ward_import(store, plan)
    assert digest(plan_file) == before


def test_cli_dry_run_changes_nothing(plan_file, exported, capsys):
    edit(exported, {f"F{FIRST_ROW}": 990})
    before = digest(plan_file)
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(exported), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "変更 1件" in out and "決算額: 996 → 990" in out and "dry run" in out
    assert digest(plan_file) == before
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(exported)]) == 0
    assert digest(plan_file) != before


def test_cli_export(plan_file, tmp_path, capsys):
    out = tmp_path / "sub" / "中央区.xlsx"
    out.parent.mkdir()
    assert main(["ward-xlsx", "export", "--db", str(plan_file), "--year", "R4", "--ward",
                 "中央区", "-o", str(out)]) == 0
    assert read_ward_workbook(out).ward == "中央区"
    assert main(["ward-xlsx", "export", "--db", str(plan_file), "--year", "2022", "--ward",
                 "西区", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "no ward sheet for 西区" in capsys.readouterr().err


# -- refusals: each lists every problem, and the plan file stays byte-for-byte the same ----------

def test_non_numeric_amount(plan_file, exported):
    edit(exported, {f"E{FIRST_ROW + 3}": "1,2,3"})
    assert refused(plan_file, exported) == [
        "中央区!E7: 「1,2,3」 is not an amount: use digits like 24,300 (in 千円)"]


def test_negative_and_decimal_amounts(plan_file, exported):
    edit(exported, {f"D{FIRST_ROW}": -5, f"F{FIRST_ROW}": "△300", f"E{FIRST_ROW + 1}": 1.5})
    assert refused(plan_file, exported) == [
        "中央区!D4: 「△5」 is not allowed: the amount cannot be negative",
        "中央区!F4: 「△300」 is not allowed: the amount cannot be negative",
        "中央区!E5: 「1.5」 is not an amount: amounts are whole 千円, no decimals"]


def test_duplicate_numbers(plan_file, exported):
    edit(exported, {f"A{FIRST_ROW + 2}": 1})
    assert refused(plan_file, exported) == ["中央区!A6: No. 1 is used twice (rows 4 and 6)"]


def test_missing_name(plan_file, exported):
    edit(exported, {f"B{FIRST_ROW + 1}": None, f"D{FIRST_ROW + 6}": 300})
    assert refused(plan_file, exported) == [
        "中央区!B5: 事業名 is missing (every project needs a name; to remove a project choose 削除 "
        "in its row)",
        "中央区!B10: 事業名 is missing (every project needs a name; to remove a project choose "
        "削除 in its row)"]


def test_row_for_another_ward(plan_file, exported):
    edit(exported, {f"K{FIRST_ROW + 2}": "東区"})
    assert refused(plan_file, exported) == [
        "中央区!K6: this row belongs to 東区 令和4年度, not to 中央区 令和4年度; a 中央区 file "
        "may change only 中央区's projects for 令和4年度"]


def test_row_for_another_year(plan_file, exported):
    edit(exported, {f"L{FIRST_ROW}": 2023})
    assert refused(plan_file, exported) == [
        "中央区!K4: this row belongs to 中央区 令和5年度, not to 中央区 令和4年度; a 中央区 file "
        "may change only 中央区's projects for 令和4年度"]


def test_project_of_another_ward_is_refused(plan_file, exported):
    with open_plan(plan_file, readonly=True) as store:
        other_id = store.load(2022).ward_plan("東区").projects[0].id
    edit(exported, {f"J{FIRST_ROW}": other_id})
    problems = refused(plan_file, exported)
    assert problems == [f"中央区!J4: project {other_id} is not one of 中央区's projects for "
                        "令和4年度 (it was removed from the database, or the row came from "
                        "another file)"]


def test_unknown_group_and_status(plan_file, exported):
    edit(exported, {f"G{FIRST_ROW}": "その他", f"H{FIRST_ROW}": "廃止"})
    problems = refused(plan_file, exported)
    assert problems == [
        "中央区!H4: 「廃止」 is not a status: use 新規, 継続 or 拡充 (or leave it blank)"]
    edit(exported, {f"H{FIRST_ROW}": "継続"})
    assert refused(plan_file, exported) == [
        "中央区!G4: 「その他」 is not one of 中央区's groups (地域活動の負担軽減、"
        "生きがいとしての地域活動)"]


def test_every_problem_is_listed_at_once(plan_file, exported):
    edit(exported, {f"E{FIRST_ROW + 3}": "1,2,3", f"A{FIRST_ROW + 2}": 1,
                    f"B{FIRST_ROW + 4}": "", f"D{FIRST_ROW}": -1, f"K{FIRST_ROW + 1}": "西区"})
    problems = refused(plan_file, exported)
    assert [p.split(":")[0] for p in problems] == [
        "中央区!D4", "中央区!K5", "中央区!E7", "中央区!B8", "中央区!A6"]


def test_not_a_ward_sheet(plan_file, tmp_path):
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    assert refused(plan_file, plain) == [
        "plain.xlsx: not a PlanBook ward sheet (it has no PlanBook sheet); export the ward's sheet "
        "with PlanBook, edit it, and import that file"]
    text = tmp_path / "notes.xlsx"
    text.write_text("hello", encoding="utf-8")
    problems = refused(plan_file, text)
    assert problems[0].startswith("notes.xlsx: not a PlanBook ward sheet (not an .xlsx workbook")


def test_newer_format_version(plan_file, exported):
    wb = load_workbook(exported)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 20) if meta.cell(r, 1).value == "format_version")
    meta.cell(row, 2).value = FORMAT_VERSION + 1
    wb.save(exported)
    assert refused(plan_file, exported) == [
        f"chuo.xlsx: written by a newer PlanBook (ward sheet format {FORMAT_VERSION + 1}; this "
        f"PlanBook reads up to {FORMAT_VERSION}); install the newer PlanBook to import it"]


def test_ward_missing_from_database(plan_file, exported, tmp_path):
    other = tmp_path / "other.sqlite"
    with open_plan(other, create=True) as store:
        store.add_edition(Edition(fiscal_year=2022))
    assert refused(other, exported) == [
        "chuo.xlsx: this database has no 中央区 sheet for 令和4年度"]


def test_copied_row_with_the_same_id(plan_file, exported):
    wb = load_workbook(exported)
    ws = wb["中央区"]
    for column in range(1, 13):
        ws.cell(FIRST_ROW + 6, column).value = ws.cell(FIRST_ROW, column).value
    ws.cell(FIRST_ROW + 6, 1).value = 9
    wb.save(exported)
    assert refused(plan_file, exported) == [
        "中央区!J10: the same project appears twice (rows 4 and 10); a copied row keeps the "
        "original's hidden ID, so enter new projects in empty rows"]


def test_every_sample_ward_round_trips_unchanged(sample_store, tmp_path):
    reopen(sample_store, 2022, "test: change the settled year")
    doc = sample_store.load(2022)
    assert len(doc.ward_plans) >= 5
    for plan in doc.ward_plans:
        if not plan.projects:
            continue
        path = export_ward_workbook(doc, plan.ward.name, tmp_path / f"{plan.ward.name}.xlsx")
        book = read_ward_workbook(path)
        assert len(book.rows) == len(plan.projects)
        result = plan_ward_import(sample_store, book)
        assert result.is_empty, result.summary()


# -- the database changed after the export -------------------------------------------------------

def _chuo_project(store: PlanStore, number: int) -> WardProject:
    return next(p for p in store.load(2022).ward_plan("中央区").projects if p.number == number)


def test_planbook_edits_after_the_export_are_not_reverted(plan_file, exported):
    with open_plan(plan_file) as store:
        store.update_fields("ward_project", _chuo_project(store, 3).id, {"settled": 2000})
    edit(exported, {f"F{FIRST_ROW}": 990})  # the clerk changes another project
    plan = plan_import(plan_file, exported)
    assert [(c.project.number, c.fields) for c in plan.changed] == [(1, {"settled": (996, 990)})]
    assert plan.warnings == []


def test_an_edit_on_both_sides_takes_the_workbook_with_a_warning(plan_file, exported):
    with open_plan(plan_file) as store:
        store.update_fields("ward_project", _chuo_project(store, 3).id, {"settled": 2000})
    edit(exported, {f"F{FIRST_ROW + 2}": 2500})
    plan = plan_import(plan_file, exported)
    assert [(c.project.number, c.fields) for c in plan.changed] == [
        (3, {"settled": (2000, 2500)})]
    assert plan.warnings == [
        "中央区!B6: 「eスポーツを活用した地域交流推進事業」の決算額は書き出し後に PlanBook でも"
        "変更されています（2,870 → 2,000）。ブックの 2,500 で置き換えます"]


def test_a_project_added_in_planbook_after_the_export_is_kept(plan_file, exported):
    with open_plan(plan_file) as store:
        plan_id = store.load(2022).ward_plan("中央区").id
        store.add_ward_project(plan_id, WardProject("後から追加した事業", 6, "", None, 100))
    wb = load_workbook(exported)
    ws = wb["中央区"]
    ws.insert_rows(FIRST_ROW)  # a new first row, so the order changes too
    ws[f"B{FIRST_ROW}"] = "先頭の新しい事業"
    wb.save(exported)
    plan = plan_import(plan_file, exported)
    assert plan.removed == [] and len(plan.added) == 1 and plan.order is not None
    assert plan.warnings == ["No.6 後から追加した事業: このブックの書き出し後に PlanBook で追加された"
                             "事業のため、削除せずに残します"]
    with open_plan(plan_file) as store:
        apply_ward_import(store, plan)
    with open_plan(plan_file, readonly=True) as store:
        names = [p.name for p in store.load(2022).ward_plan("中央区").projects]
    assert names == ["先頭の新しい事業"] + [p[1] for p in CHUO_PROJECTS] + ["後から追加した事業"]
