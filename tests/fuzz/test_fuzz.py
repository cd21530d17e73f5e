"""The fuzz suite with a modest number of examples (``make fuzz`` runs thousands): hostile JSON,
workbooks, amount texts and plan files never crash, never hang, and a refusal never changes
the plan file (issue 8)."""

from __future__ import annotations

import pytest
from fuzz_cases import drive
from fuzz_harness import AmountParsing, HostilePlanFile, JsonImport, WorkbookImport


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
