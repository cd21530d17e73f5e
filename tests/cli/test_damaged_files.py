"""Plan files with content no PlanBook writes (issue 8, item 6): every reading command says
"damaged file: table X row Y column Z", exits 2, prints no traceback and changes nothing."""

import hashlib
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main


@pytest.fixture
def sample_file(unlocked_sample_file):
    """These tests damage the sample's ward sheets, which the sample's final 令和4年度 locks."""
    return unlocked_sample_file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path, *statements: str, relax: str | None = None) -> None:
    """Edit the file with plain sqlite3, as an outside tool would (CHECKs off; with ``relax``,
    NOT NULL dropped from that table's schema through writable_schema)."""
    conn = sqlite3.connect(path)
    try:
        if relax:
            conn.execute("PRAGMA writable_schema = ON")
            conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'title TEXT NOT NULL', "
                         "'title TEXT') WHERE name = ?", [relax])
            conn.commit()
            conn.close()
            conn = sqlite3.connect(path)
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


DAMAGE = {
    "fiscal year 1800": (["UPDATE edition SET fiscal_year = 1800 WHERE fiscal_year = 2022"], None,
                         "table edition row 1 column fiscal_year: 1800 is outside 1989–2200"),
    "invalid JSON": (["UPDATE initiative SET highlights = '[\"x\",' WHERE id = 3"], None,
                     "table initiative row 3 column highlights: is not valid JSON"),
    "JSON of the wrong shape": (["UPDATE edition SET contact = '[1]' WHERE id = 2",
                                 "UPDATE initiative SET tables = '[{\"rows\": 5}]' WHERE id = 4"],
                                None, "table edition row 2 column contact: must be JSON"),
    "NULL title": (["UPDATE initiative SET title = NULL WHERE id = 5"], "initiative",
                   "table initiative row 5 column title: is empty (NULL) but must have a value"),
    "float amount": (["UPDATE initiative SET amount = 1.5 WHERE id = 6",
                      "UPDATE ward_project SET initial = 'many' WHERE id = 7"], None,
                     "table initiative row 6 column amount: holds real 1.5 where integer belongs"),
    "dangling reference": (["PRAGMA foreign_keys = OFF",
                            "UPDATE initiative SET id = 99999 WHERE id = 1"], None,
                           "column initiative_id: refers to a missing initiative row"),
    "unknown status": (["UPDATE ward_project SET status = 'old' WHERE id = 2"], None,
                       "table ward_project row 2 column status: 「old」 is not one of"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_reading_commands_name_the_damaged_place(tmp_path, capsys, sample_file, kind):
    statements, relax, expected = DAMAGE[kind]
    damage(sample_file, *statements, relax=relax)
    before = digest(sample_file)
    commands = [["info"], ["check"], ["export", "-o", str(tmp_path / "x.json")],
                ["booklet", "--year", "2024", "-o", str(tmp_path / "b.pdf")],
                ["ward-sheets", "--year", "2024", "-o", str(tmp_path / "w.pdf")],
                ["ward-xlsx", "export", "--ward", "中央区", "-o", str(tmp_path / "c.xlsx")]]
    for argv in commands:
        code = main([*argv, "--db", str(sample_file)])
        err = capsys.readouterr().err
        assert code == 2, (argv, err)
        assert "Traceback" not in err
        assert "damaged file" in err and expected in err, (argv, err)
    assert digest(sample_file) == before
    assert not list(tmp_path.glob("*.json")) and not list(tmp_path.glob("*.pdf"))


def test_a_damaged_file_can_still_be_replaced_by_an_import(tmp_path, capsys, sample_file):
    good = tmp_path / "good.json"
    assert main(["export", "--db", str(sample_file), "-o", str(good)]) == 0
    damage(sample_file, "UPDATE edition SET fiscal_year = 1800 WHERE fiscal_year = 2022")
    assert main(["import", "--db", str(sample_file), "--replace", str(good)]) == 0
    assert main(["check", "--db", str(sample_file)]) in (0, 1)
    assert "damaged" not in capsys.readouterr().err
