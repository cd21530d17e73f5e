"""The fuzz suite with a modest number of examples (``make fuzz`` runs thousands): hostile JSON,
workbooks, amount texts and plan files never crash, never hang, and a refusal never changes
the plan file (issue 8); a killed editor loses no edit it committed."""

from __future__ import annotations

import json
import shutil

import pytest
from fuzz_cases import drive
from fuzz_editor_kill import EditorKillCampaign
from fuzz_harness import AmountParsing, HostilePlanFile, JsonImport, WorkbookImport

from db.store import open_plan


@pytest.mark.parametrize("target, count", [(JsonImport, 100), (WorkbookImport, 100),
                                           (AmountParsing, 1000), (HostilePlanFile, 100)])
def test_entry_point_survives_fuzzing(tmp_path, target, count):
    fuzzed = target(tmp_path)
    drive(fuzzed, count, fail_fast=True)
    tally = fuzzed.tally
    assert tally.cases >= min(count, 20)
    assert tally.outcomes["crash"] == tally.outcomes["hang"] == 0, tally.crashes
    assert tally.changed_on_refusal == 0
    assert tally.outcomes["refused"] > 0  # the cases are hostile enough to be refused
    assert tally.outcomes["accepted"] > 0  # and some get through to the writing code


def test_killed_editors_lose_no_committed_edit(tmp_path):
    """kill -9 of three real editors while they edit (``make fuzz`` kills 40)."""
    campaign = EditorKillCampaign(tmp_path, editing=1.5)
    campaign.run(3, parallel=3)
    assert campaign.problems == []
    assert campaign.figures["kills"] == 3
    assert campaign.figures["steps committed before the kills"] > 0


def journal(path, *entries) -> None:
    path.write_text("".join(json.dumps(e) + "\n" for e in entries), "utf-8")


def test_the_editor_kill_check_sees_a_lost_or_half_edit(tmp_path):
    campaign = EditorKillCampaign(tmp_path)
    target, log = tmp_path / "killed.sqlite", tmp_path / "journal.jsonl"
    shutil.copy(campaign.base, target)
    table = "ward_project"
    first, second = sorted({row_id for _, row_id, _ in campaign.baseline})[:2]
    paste = [[table, first, "name", "one"], [table, second, "name", "two"]]
    journal(log, {"intent": 1, "kind": "paste", "cells": paste}, {"done": 1})
    campaign.check(1, target, log)  # reported committed, not in the file: lost
    assert campaign.figures["lost committed edits"] == 2
    journal(log, {"intent": 1, "kind": "paste", "cells": paste})
    with open_plan(target) as store:  # half the paste in the file
        store.update_fields(table, first, {"name": "one"})
    campaign.check(2, target, log)
    assert campaign.figures["half edits"] == 1
    with open_plan(target) as store:
        store.update_fields(table, second, {"name": "two"})
    campaign.check(3, target, log)  # the whole paste: committed before the kill, not reported
    assert campaign.figures["file = the step under way, whole"] == 1
    assert len(campaign.problems) == 2
