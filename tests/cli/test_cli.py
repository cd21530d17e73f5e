"""The planbook command: every subcommand, its errors and exit codes, and its documentation."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from db.cycle import reopen
from desktop.cli import COMMANDS, build_parser, command_in, main

README = Path(__file__).resolve().parents[2] / "README.md"


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_export_import_round_trip(tmp_path, capsys, sample_json):
    db = tmp_path / "a.sqlite"
    assert run(capsys, "init", "--db", db)[0] == 0
    out = tmp_path / "a.json"
    assert run(capsys, "export", "--db", db, "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8") == sample_json
    db2 = tmp_path / "b.sqlite"
    assert run(capsys, "import", "--db", db2, out)[0] == 0
    out2 = tmp_path / "b.json"
    run(capsys, "export", "--db", db2, "-o", out2)
    assert out2.read_bytes() == out.read_bytes()


def test_init_empty_and_refuses_existing(tmp_path, capsys):
    db = tmp_path / "e.sqlite"
    assert run(capsys, "init", "--db", db, "--empty")[0] == 0
    code, _, err = run(capsys, "init", "--db", db)
    assert code == 2 and "already exists" in err


def test_read_commands_never_create_or_modify(tmp_path, capsys, sample_file):
    missing = tmp_path / "missing.sqlite"
    for argv in (("info",), ("check",), ("export", "-o", tmp_path / "x.json")):
        code, _, err = run(capsys, *argv, "--db", missing)
        assert code == 2 and "no such file" in err and "Traceback" not in err
        assert not missing.exists()
    before = digest(sample_file)
    files = sorted(p.name for p in sample_file.parent.iterdir())
    run(capsys, "info", "--db", sample_file)
    run(capsys, "check", "--db", sample_file)
    assert digest(sample_file) == before
    assert sorted(p.name for p in sample_file.parent.iterdir()) == files


def test_import_refusal_leaves_no_file_and_names_the_path(tmp_path, capsys, sample_json):
    data = json.loads(sample_json)
    data["editions"][0]["ward_plans"][1]["projects"][2]["revised"] = "abc"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "new.sqlite"
    code, _, err = run(capsys, "import", "--db", db, bad)
    assert code == 2
    assert "editions[0].ward_plans[1].projects[2].revised: must be a whole number" in err
    assert not db.exists()


def test_import_into_a_full_file_needs_replace(tmp_path, capsys, sample_file, sample_json):
    source = tmp_path / "s.json"
    source.write_text(sample_json, encoding="utf-8")
    before = digest(sample_file)
    code, _, err = run(capsys, "import", "--db", sample_file, source)
    assert code == 2 and "--replace" in err
    assert digest(sample_file) == before
    code, _, err = run(capsys, "import", "--db", sample_file, source, "--replace")
    assert code == 2 and "令和4年度 (2022) is final" in err  # a final year is never overwritten
    assert digest(sample_file) == before
    assert run(capsys, "reopen", "--db", sample_file, "--year", "2022", "--reason", "test")[0] == 0
    assert run(capsys, "import", "--db", sample_file, source, "--replace")[0] == 0


def test_info_prints_counts_and_ward_totals(capsys, sample_file):
    code, out, _ = run(capsys, "info", "--db", sample_file)
    assert code == 0
    assert "initiatives: 109" in out
    assert "中央区: 15 projects, 当初 19,000 / 補正後 17,620 / 決算 16,701千円" in out


@pytest.mark.parametrize("year", ["2024", "R6", "令和6"])
def test_check_accepts_all_year_forms(capsys, sample_file, year):
    code, out, _ = run(capsys, "check", "--db", sample_file, "--year", year)
    assert code == 0
    assert out.strip().endswith("0 errors, 0 warnings")


def test_check_exits_1_on_errors(tmp_path, capsys, sample_file):
    from db.store import open_plan

    with open_plan(sample_file) as store:
        reopen(store, 2022, "test: change the settled year")
        plan = store.load(2022).ward_plan("東区")
        store.update_fields("ward_project", plan.projects[0].id, {"initial": 5000})
    code, out, _ = run(capsys, "check", "--db", sample_file, "--year", "R4")
    assert code == 1
    assert "東区: 当初予算の合計 22,000千円 が配分額 19,000千円 を 3,000千円 超えています" in out


def test_bad_year_is_a_usage_error(capsys, sample_file):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--db", str(sample_file), "--year", "R"])
    assert exit_.value.code == 2
    assert "not a fiscal year" in capsys.readouterr().err
    code, _, err = run(capsys, "check", "--db", sample_file, "--year", "2030")
    assert code == 2 and "no fiscal year 2030" in err


def test_not_a_plan_file(tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not sqlite at all" * 20)
    code, _, err = run(capsys, "info", "--db", junk)
    assert code == 2 and "not a PlanBook plan file" in err and "Traceback" not in err


def test_every_subcommand_is_documented_in_the_readme():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    readme = README.read_text(encoding="utf-8")
    for name in commands:
        assert re.search(rf"planbook {re.escape(name)}\b", readme), f"README lacks `{name}`"


def choices(parser) -> list[str]:
    return list(parser._subparsers._group_actions[0].choices)


def test_each_command_loads_only_the_module_that_registers_it():
    assert sorted(choices(build_parser())) == sorted(COMMANDS)
    for name, module in COMMANDS.items():
        assert choices(build_parser(name)) == [n for n, m in COMMANDS.items() if m == module]
    assert command_in(["info", "--db", "x"]) == "info"
    assert command_in(["--db", "check", "info"]) == "info"  # a file named like a command
    assert command_in(["--db=x", "booklet", "-h"]) == "booklet"
    for argv in (["-h", "info"], ["--d", "x", "info"], [], ["--db", "x"]):
        assert command_in(argv) is None, argv


def test_help_before_a_command_is_the_whole_help(capsys):
    with pytest.raises(SystemExit):
        main(["-h", "info"])
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)


def test_gui_on_a_missing_file_is_refused_before_any_window(tmp_path, capsys):
    missing = tmp_path / "none.sqlite"
    code, _, err = run(capsys, "--db", missing)
    assert code == 2 and "no such file" in err
    assert not missing.exists()


def test_default_file_is_created_from_the_sample_once(sample_json):
    from db.interchange import export_json
    from db.store import open_plan
    from desktop.cli.common import ensure_default_file

    path = ensure_default_file()
    assert path.name == "planbook.sqlite"
    with open_plan(path, readonly=True) as store:
        assert export_json(store) == sample_json
    before = path.stat().st_mtime_ns
    assert ensure_default_file() == path
    assert path.stat().st_mtime_ns == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["planbook.sqlite"]


def test_editor_without_a_display_says_so(monkeypatch, capsys, sample_file):
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys, "--db", sample_file)
    assert code == 2 and "no display" in err


@pytest.mark.parametrize("command", [
    ["export"], ["booklet", "--year", "2024"], ["ward-sheets", "--year", "2022"],
    ["ward-xlsx", "export", "--year", "2022", "--ward", "中央区"],
])
def test_output_into_a_missing_folder_or_onto_a_folder_is_refused(
        tmp_path, capsys, sample_file, command):
    for target, message in ((tmp_path / "no" / "x.out", "does not exist"),
                            (tmp_path, "is a folder")):
        with pytest.raises(SystemExit) as exit_:
            main([*command, "--db", str(sample_file), "-o", str(target)])
        assert exit_.value.code == 2
        assert message in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_db_before_or_after_the_subcommand_is_the_same_file(tmp_path, capsys, sample_file):
    before = run(capsys, "--db", sample_file, "info")
    after = run(capsys, "info", "--db", sample_file)
    assert before == after and before[0] == 0 and "initiatives: 109" in before[1]
    from desktop.paths import default_db_path

    assert not default_db_path().exists()  # the per-user file was never touched


def test_refused_import_never_touches_an_older_file(tmp_path, capsys):
    """Validation comes first: an old-format file is not even migrated when JSON is bad."""
    from tests.db.test_plan_file import make_version_1

    old = tmp_path / "old.sqlite"
    make_version_1(old)
    before = digest(old)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "planbook", "format_version": 1, "plan": {}}', encoding="utf-8")
    code, _, err = run(capsys, "import", "--db", old, bad, "--replace")
    assert code == 2 and "plan.name: required" in err
    assert digest(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "old.sqlite"]


def test_damaged_file_is_a_message_not_a_traceback(tmp_path, capsys, sample_file):
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(sample_file.read_bytes())
    data[8192:] = b"\xa5" * (len(data) - 8192)
    damaged.write_bytes(bytes(data))
    code, _, err = run(capsys, "info", "--db", damaged)
    assert code == 2 and "Traceback" not in err
    assert "damaged.sqlite" in err


def test_init_leaves_nothing_behind_when_it_fails(tmp_path, capsys, monkeypatch):
    import db.sample

    def broken(store):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.cli.cmd_file.load_sample", broken)
    code, _, err = run(capsys, "init", "--db", tmp_path / "new.sqlite")
    assert code == 2 and "No space left" in err
    assert list(tmp_path.iterdir()) == []
    assert db.sample.load_sample is not broken
