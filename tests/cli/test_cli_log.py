"""planbook log, and the log written by the CLI's imports (JSON --replace, ward workbook)."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook

from db import change_log
from db.store import open_plan
from desktop.cli import main
from desktop.publish.ward_excel import FIRST_ROW


@pytest.fixture
def sample_file(unlocked_sample_file):
    """These tests write to the sample's ward sheets, which its final 令和4年度 locks."""
    return unlocked_sample_file


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_log_of_an_untouched_plan_is_empty(sample_file, capsys):
    assert run(capsys, "log", "--db", sample_file) == (0, "no changes logged\n", "")


def test_workbook_and_json_imports_are_logged_and_listed(sample_file, tmp_path, capsys):
    workbook = tmp_path / "chuo.xlsx"
    assert run(capsys, "ward-xlsx", "export", "--db", sample_file, "--year", "2022",
               "--ward", "中央区", "-o", workbook)[0] == 0
    wb = load_workbook(workbook)
    sheet = wb["中央区"]
    old = sheet[f"D{FIRST_ROW}"].value
    sheet[f"D{FIRST_ROW}"] = old + 1
    wb.save(workbook)
    assert run(capsys, "ward-xlsx", "import", "--db", sample_file, workbook)[0] == 0

    code, out, _ = run(capsys, "log", "--db", sample_file)
    assert code == 0
    [line] = out.splitlines()  # the workbook's secret key, made on export, is never logged
    assert " excel 2022  ward_project #" in line
    assert f"initial: {old} → {old + 1}" in line

    exported = tmp_path / "plan.json"
    run(capsys, "export", "--db", sample_file, "-o", exported)
    assert json.loads(exported.read_text("utf-8"))["change_log"][0]["source"] == "excel"
    assert run(capsys, "import", "--db", sample_file, exported, "--replace")[0] == 0
    with open_plan(sample_file, readonly=True) as store:
        sources = [e.source for e in change_log.entries(store)]
    assert sources[0] == "excel" and set(sources[1:]) == {"import"}

    csv_file = tmp_path / "log.csv"
    code, out, _ = run(capsys, "log", "--db", sample_file, "--year", "2022", "-o", csv_file)
    assert code == 0
    with open(csv_file, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["source"] == "excel" and rows[0]["field"] == "initial"
    assert {r["fiscal_year"] for r in rows} == {"2022"}
    assert out == f"{len(rows)} changes written to {csv_file}\n"


def test_since_and_year_filter(sample_file, capsys):
    with open_plan(sample_file) as store:
        change_log.set_source(store, "editor")
        item = store.initiatives(store.edition(2024).id)[0]
        store.update_fields("initiative", item.id, {"amount": 1})
    assert "amount:" in run(capsys, "log", "--db", sample_file, "--year", "R6")[1]
    assert run(capsys, "log", "--db", sample_file, "--year", "2022")[1] == "no changes logged\n"
    assert run(capsys, "log", "--db", sample_file, "--since", "2999-01-01")[1] == \
        "no changes logged\n"
    assert "amount:" in run(capsys, "log", "--db", sample_file, "--since", "2000-01-01")[1]
    with pytest.raises(SystemExit) as usage:
        main(["log", "--db", str(sample_file), "--since", "yesterday"])
    assert usage.value.code == 2
    assert "not a date like 2026-12-01" in capsys.readouterr().err
    code, _, err = run(capsys, "log", "--db", sample_file, "--year", "2030")
    assert code != 0 and "no fiscal year 2030" in err
