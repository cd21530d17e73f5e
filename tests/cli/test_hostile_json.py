"""Hostile JSON given to `planbook import`: a message naming the JSON path, exit 2, no
traceback, and the plan file byte for byte as it was (issue 8, item 6)."""

import hashlib
import json
import os
import threading
from pathlib import Path

import pytest

from desktop.cli import main


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(capsys, plan: Path, source: Path, *expected: str) -> str:
    before = digest(plan)
    code = main(["import", "--db", str(plan), "--replace", str(source)])
    _, err = capsys.readouterr()
    assert code == 2, err
    assert "Traceback" not in err
    for text in expected:
        assert text in err, err
    assert digest(plan) == before
    return err


@pytest.fixture
def doc(sample_json):
    return json.loads(sample_json)


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_nesting_deeper_than_the_recursion_limit(tmp_path, capsys, sample_file):
    source = write(tmp_path, '{"format": "planbook", "plan": ' + "[" * 100_000 + "]" * 100_000 + "}")
    refused(capsys, sample_file, source, "nested too deeply")


def test_nesting_just_under_the_recursion_limit(tmp_path, capsys, sample_file, doc):
    doc["plan"]["notes"] = json.loads("[" * 900 + "]" * 900)
    refused(capsys, sample_file, write(tmp_path, json.dumps(doc)), "nested too deeply")


def test_a_number_of_five_thousand_digits(tmp_path, capsys, sample_file, sample_json):
    text = sample_json.replace('"amount": 13384000', '"amount": ' + "9" * 5000, 1)
    refused(capsys, sample_file, write(tmp_path, text),
            "editions[1].initiatives[", ".amount: must be a whole number, not a number of 5,000")


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**19])
def test_amounts_and_numbers_beyond_sqlite_integers(tmp_path, capsys, sample_file, doc, value):
    doc["editions"][0]["ward_plans"][0]["projects"][0]["initial"] = value
    doc["editions"][0]["ward_plans"][0]["projects"][1]["number"] = value
    err = refused(capsys, sample_file, write(tmp_path, json.dumps(doc)),
                  "editions[0].ward_plans[0].projects[0].initial:",
                  "editions[0].ward_plans[0].projects[1].number:")
    assert "too" in err or "must be" in err


def test_a_lone_surrogate(tmp_path, capsys, sample_file, doc):
    text = json.dumps(doc).replace('"title": "', '"title": "\\ud800', 3)
    refused(capsys, sample_file, write(tmp_path, text), "invalid character")


@pytest.mark.parametrize("mutate, where", [
    (lambda i: i.__setitem__("home", {"vision": [1]}), ".home.vision: no vision"),
    (lambda i: i.__setitem__("home", {"vision": 1, "measure": {"x": 1}}), ".home.measure:"),
    (lambda i: i.__setitem__("home", {"ward": ["中央区"]}), ".home.ward:"),
    (lambda i: i.__setitem__("home", [1]), ".home: must be an object"),
    (lambda i: i.__setitem__("status", ["new"]), ".status: must be one of"),
    (lambda i: i.__setitem__("tables", [{"columns": ["a"], "rows": [["1", "2"]]}]),
     ".tables[0].rows[0]: has 2 cells"),
    (lambda i: i.__setitem__("highlights", "text"), ".highlights: must be a list"),
    (lambda i: i.__setitem__("title", "長" * 100_000), ".title: too long: 100,000 characters"),
    (lambda i: i.__setitem__("highlights", ["x"] * 10_000), ".highlights: too many items"),
])
def test_wrong_types_and_sizes(tmp_path, capsys, sample_file, doc, mutate, where):
    mutate(doc["editions"][1]["initiatives"][0])
    refused(capsys, sample_file, write(tmp_path, json.dumps(doc)),
            "editions[1].initiatives[0]" + where)


def test_related_visions_beyond_integers(tmp_path, capsys, sample_file, doc):
    doc["editions"][1]["visions"][0]["related"] = [2**70]
    refused(capsys, sample_file, write(tmp_path, json.dumps(doc)), "editions[1].visions[0].related")


def test_a_fifo_is_refused_without_hanging(tmp_path, capsys, sample_file):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    result = []
    worker = threading.Thread(target=lambda: result.append(
        refused(capsys, sample_file, fifo, "not a regular file")), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader so the test run can end
        with open(fifo, "w") as pipe:
            pipe.write("{}")
        pytest.fail("planbook import blocked on a FIFO")
    assert result


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path, capsys, sample_file,
                                                        monkeypatch):
    import desktop.cli.cmd_file as cmd_file

    monkeypatch.setattr(cmd_file, "MAX_JSON_BYTES", 1024)
    source = tmp_path / "big.json"
    source.write_bytes(b" " * 4096)
    refused(capsys, sample_file, source, "too large (4 KB; PlanBook reads files of at most 1 KB)")


@pytest.mark.parametrize("detail, expected", [
    ('{"n": ' + "9" * 30 + "}", "detail: holds a number of 30 digits"),
    ('{"n": [NaN]}', "detail: must not hold NaN or Infinity"),
    ('{"n": "\\ud800"}', "detail: contains an invalid character"),
    ("[1]", "detail: must be an object"),
])
def test_free_objects_of_events_are_checked_too(tmp_path, capsys, sample_file, doc, detail,
                                                expected):
    """Found by make fuzz: an edition event's detail holding a 30-digit number crashed."""
    doc["editions"][0]["events"] = [{"kind": "created", "at": "2024-04-01T09:00:00",
                                     "user": "u", "reason": "", "detail": "@@DETAIL@@"}]
    text = json.dumps(doc).replace('"@@DETAIL@@"', detail)
    refused(capsys, sample_file, write(tmp_path, text), "editions[0].events[0]." + expected)
