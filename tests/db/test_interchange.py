"""The JSON interchange format: round trip and refusals."""

import copy
import hashlib
import json

import pytest

from db.errors import ValidationError
from db.interchange import export_json, import_document, load_json_text
from db.store import memory_plan, open_plan


def test_export_import_export_is_byte_identical(sample_json):
    store = memory_plan()
    import_document(store, json.loads(sample_json))
    assert export_json(store) == sample_json


def test_sample_file_is_stored_in_canonical_form(sample_json):
    from db.sample import sample_text

    assert sample_text() == sample_json


def test_shared_initiative_is_one_record(sample_store):
    doc = sample_store.load(2024)
    action = next(a for p in doc.priorities for a in p.actions
                  if a.initiative.title == "児童手当の拡充")
    in_vision = next(i for i in doc.vision(1).initiatives if i.title == "児童手当の拡充")
    assert action.initiative.id == in_vision.id
    assert action.initiative.amount == 13_384_000
    assert action.initiative.previous_amount == 11_498_000


def sample_dict(sample_json):
    return json.loads(sample_json)


BREAKAGES = [
    (lambda d: d["editions"][1]["visions"][2]["measures"][1].pop("code"),
     "editions[1].visions[2].measures[1].code: required"),
    (lambda d: d["editions"][1]["initiatives"][0].__setitem__("amount", 1.5),
     "editions[1].initiatives[0].amount: must be a whole number"),
    (lambda d: d["editions"][1]["initiatives"][0].__setitem__("amount", "24,300"),
     "editions[1].initiatives[0].amount: must be a whole number, not text"),
    (lambda d: d["editions"][1]["priorities"][0]["actions"][0].__setitem__("initiative", "zz"),
     "editions[1].priorities[0].actions[0].initiative: no initiative with key 「zz」"),
    (lambda d: d["editions"][0]["ward_plans"][0].__setitem__("ward", "月区"),
     "editions[0].ward_plans[0].ward: 「月区」 is not in the top-level wards list"),
    (lambda d: d["editions"][1]["visions"][0].__setitem__("colour", "red"),
     "editions[1].visions[0].colour: must be \"#RRGGBB\""),
    (lambda d: d["editions"][0]["ward_plans"][0]["projects"][0].__setitem__("status", "old"),
     "editions[0].ward_plans[0].projects[0].status: must be one of new, expanded, continued"),
    (lambda d: d["editions"].append(copy.deepcopy(d["editions"][0])),
     "editions[2].fiscal_year: duplicate fiscal year 2022"),
    (lambda d: d.__setitem__("format_version", 99), "format_version: 99 is newer"),
    (lambda d: d.__setitem__("format", "other"), "format: must be \"planbook\""),
    (lambda d: d["editions"][1]["visions"][0]["measures"][1].__setitem__("code", "1-1"),
     "editions[1].visions[0].measures[1].code: duplicate measure code 「1-1」"),
]


@pytest.mark.parametrize("breakage, message", BREAKAGES)
def test_refused_import_names_the_path_and_leaves_the_file_unchanged(
        tmp_path, sample_json, breakage, message):
    path = tmp_path / "p.sqlite"
    open_plan(path, create=True).close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    data = sample_dict(sample_json)
    breakage(data)
    with open_plan(path) as store, pytest.raises(ValidationError) as refused:
        import_document(store, data)
    assert any(message in p for p in refused.value.problems), refused.value.problems
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_all_problems_are_reported_at_once(sample_json):
    data = sample_dict(sample_json)
    data["editions"][1]["initiatives"][0]["amount"] = -0.5
    data["editions"][1]["initiatives"][3]["title"] = ""
    with pytest.raises(ValidationError) as refused:
        import_document(memory_plan(), data)
    assert len(refused.value.problems) == 2


def test_replace_is_atomic(sample_json):
    store = memory_plan()
    import_document(store, json.loads(sample_json))
    bad = json.loads(sample_json)
    bad["editions"][0]["ward_plans"][0]["projects"][0]["initial"] = "x"
    with pytest.raises(ValidationError):
        import_document(store, bad, replace=True)
    assert export_json(store) == sample_json


def test_not_json():
    with pytest.raises(ValidationError, match="line 1, column 2: not valid JSON"):
        load_json_text("{,}")
