"""The navigator's outline lists what the full records hold, in the same order."""

from __future__ import annotations

import pytest

from db.outline import outline
from db.records import Initiative
from db.sample import load_sample
from db.store import memory_plan
from db.synthetic import synthetic_plan


def from_records(store, edition_id: int) -> tuple:
    initiatives = store.initiatives(edition_id)
    return ([(p.id, p.number, p.title) for p in store.priorities(edition_id)],
            [(v.id, v.number, v.title, len(store.measures(v.id)))
             for v in store.visions(edition_id)],
            [(i.id, i.title, i.vision_number) for i in initiatives],
            [(w.id, w.ward.name, len(w.projects)) for w in store.ward_plans(edition_id)])


@pytest.mark.parametrize("fill", ["sample", "synthetic"])
def test_the_outline_is_what_the_records_hold(fill):
    store = memory_plan()
    if fill == "sample":
        load_sample(store)
    else:
        synthetic_plan(store, initiatives=300, projects_per_ward=7)
    listed = []
    for edition in store.editions():
        entries = outline(store, edition.id)
        listed.append((entries.priorities, entries.visions, entries.initiatives,
                       entries.ward_plans))
        assert listed[-1] == from_records(store, edition.id)
    assert all(any(kind) for kind in zip(*listed, strict=True))  # each kind in some edition


def test_an_initiative_in_no_vision_and_a_moved_one_keep_their_place():
    store = memory_plan()
    load_sample(store)
    edition = store.edition(2024)
    first = store.initiatives(edition.id)[0]
    store.add_initiative(edition.id, Initiative("zz", "", vision_number=None))  # untitled, no home
    store.update_fields("initiative", first.id, {"position": 10_000})
    assert outline(store, edition.id).initiatives[-1][0] == first.id
    assert outline(store, edition.id).initiatives == from_records(store, edition.id)[2]
