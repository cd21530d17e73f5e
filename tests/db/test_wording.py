"""The seed's wording by place: priority-page titles, editable headings, ward group lines."""

import json

import pytest

from db.errors import ValidationError
from db.headings import HEADINGS
from db.interchange import export_json, import_document
from db.store import memory_plan


def test_priority_page_title_is_kept_apart_from_the_initiatives(sample_store):
    doc = sample_store.load(2024)
    action = next(a for p in doc.priorities for a in p.actions
                  if a.initiative.key == "v1-kekkon-center")
    assert action.title == "「結婚支援センター」の開設"
    assert action.shown_title == "「結婚支援センター」の開設"
    assert action.initiative.title == "結婚支援センターの開設"
    others = [a for p in doc.priorities for a in p.actions if a is not action]
    assert all(a.title is None and a.shown_title == a.initiative.title for a in others)


def test_headings_default_to_the_seeds_wording_and_the_edition_overrides_them(sample_store):
    edition = sample_store.edition(2024)
    assert edition.headings == {}
    assert edition.heading("ward_intro") == "めざすまちづくり"
    assert edition.heading("ward_policies") == "まちづくり支援の方針"
    assert edition.heading("priority_actions", year="令和6年度") == "令和6年度の主なアクション"
    edition.headings = {"ward_policies": "支援の方針"}
    sample_store.update_edition(edition)
    again = sample_store.edition(2024)
    assert again.heading("ward_policies") == "支援の方針"
    assert again.heading("ward_intro") == "めざすまちづくり"


def test_new_fields_survive_export_import_export(sample_json):
    data = json.loads(sample_json)
    edition = data["editions"][1]
    edition["headings"] = {"ward_policies": "支援の方針", "contents": "もくじ"}
    edition["priorities"][0]["actions"][2]["title"] = "児童手当を拡充"
    data["editions"][0]["ward_plans"][0]["groups"][0]["description"] = "担い手の負担を減らす"
    first = memory_plan()
    import_document(first, data)
    text = export_json(first)
    second = memory_plan()
    import_document(second, json.loads(text))
    assert export_json(second) == text
    doc = second.load(2024)
    assert doc.edition.headings == {"contents": "もくじ", "ward_policies": "支援の方針"}
    assert doc.priorities[0].actions[2].shown_title == "児童手当を拡充"
    assert second.load(2022).ward_plans[0].groups[0].description == "担い手の負担を減らす"


@pytest.mark.parametrize("headings, message", [
    ({"no_such_heading": "x"}, "editions[1].headings.no_such_heading: not a heading"),
    ({"ward_intro": 3}, "editions[1].headings.ward_intro: must be text"),
    (["ward_intro"], "editions[1].headings: must be an object"),
])
def test_bad_headings_are_refused_with_their_path(sample_json, headings, message):
    data = json.loads(sample_json)
    data["editions"][1]["headings"] = headings
    with pytest.raises(ValidationError) as refused:
        import_document(memory_plan(), data)
    assert any(message in p for p in refused.value.problems), refused.value.problems


def test_every_heading_has_a_default():
    assert all(text.strip() for text in HEADINGS.values())


def test_every_heading_is_documented_with_its_default():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "interchange-format.md").read_text("utf-8")
    for key, text in HEADINGS.items():
        assert f"| `{key}` | {text} |" in doc, key
