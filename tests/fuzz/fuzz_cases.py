"""What hypothesis draws for each fuzzed entry point, and one driver for the suite and
``make fuzz`` (PLANBOOK_FUZZ_EXAMPLES sets the number of cases per entry point)."""

from __future__ import annotations

import os

import hypothesis
from fuzz_harness import PLAN_TABLES, PLANTED, AmountParsing, HostilePlanFile, JsonImport, Target
from fuzz_harness import WorkbookImport as WorkbookImport
from fuzz_strategies import AMOUNT_TEXT, DEEP, HUGE_INTS, TEXT, VALUES, json_number_texts
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st


def examples(default: int) -> int:
    return int(os.environ.get("PLANBOOK_FUZZ_EXAMPLES", default))


def json_cases(target: JsonImport):
    place = st.sampled_from(target.paths)
    mutation = st.one_of(
        st.tuples(st.just("set"), place, VALUES),
        st.tuples(st.just("delete"), place, st.none()),
        st.tuples(st.just("raw"), place, st.one_of(json_number_texts(), DEEP)))
    return st.tuples(st.lists(mutation, min_size=1, max_size=3),
                     st.one_of(st.none(), st.none(), st.none(), st.integers(0, 4000)))


def workbook_cases(target: WorkbookImport):
    data_ref = st.builds(lambda c, r: f"{c}{r}", st.sampled_from("ABCDEFGHIJKLMN"),
                         st.integers(3, 30))
    meta_ref = st.builds(lambda c, r: f"{c}{r}", st.sampled_from("AB"), st.integers(1, 12))
    numbers = st.one_of(json_number_texts(), st.integers(-(2**70), 2**70).map(str),
                        HUGE_INTS.map(str), st.floats().map(repr))
    edit = st.one_of(
        st.tuples(st.just("data"), data_ref, st.just("text"), TEXT),
        st.tuples(st.just("data"), data_ref, st.just("number"), numbers),
        st.tuples(st.just("data"), data_ref, st.just("formula"),
                  st.sampled_from(['SUM(D4:D9)', 'HYPERLINK("http://x","y")', "1/0", "A1"])),
        st.tuples(st.just("data"), data_ref, st.just("empty"), st.just("")),
        st.tuples(st.just("data"), data_ref, st.just("far"),
                  st.integers(60, 1_048_576).map(str)),
        st.tuples(st.just("meta"), meta_ref, st.sampled_from(["text", "number", "empty"]),
                  st.one_of(TEXT, numbers)))
    return st.tuples(st.lists(edit, min_size=1, max_size=4))


def amount_cases(target: AmountParsing):
    return st.tuples(AMOUNT_TEXT)


def plan_file_cases(target: HostilePlanFile):
    value = st.one_of(st.none(), st.integers(-(2**64), 2**64), st.floats(), TEXT,
                      st.binary(max_size=16),
                      st.sampled_from(["[", "{}", "[1]", '{"a": 1}', '[{"rows": 5}]', "null",
                                       '"x"', '[[[[[]]]]]', "[" * 2000]))
    edit = st.tuples(st.sampled_from(PLAN_TABLES), st.integers(0, 40), st.integers(0, 5), value,
                     st.one_of(st.none(), st.none(), st.none(), st.none(),
                               st.integers(0, len(PLANTED) - 1)))
    return st.tuples(st.lists(edit, min_size=1, max_size=3), st.integers(0, 2))


CASES = {JsonImport: json_cases, WorkbookImport: workbook_cases, AmountParsing: amount_cases,
         HostilePlanFile: plan_file_cases}


def drive(target: Target, count: int, *, fail_fast: bool, seed: int | None = None) -> None:
    """Run ``count`` hypothesis examples through ``target``; with ``fail_fast`` the first crash
    or hang fails (and hypothesis shrinks it), else every case is counted and the run goes on."""
    strategy = CASES[type(target)](target)
    phases = [Phase.explicit, Phase.generate] + ([Phase.shrink] if fail_fast else [])

    @settings(max_examples=count, database=None, deadline=None, phases=phases,
              derandomize=seed is None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def one(drawn):
        outcome = target.case(*drawn)
        if fail_fast and outcome in ("crash", "hang"):
            raise AssertionError(target.tally.crashes[-1])

    if seed is not None:
        one = hypothesis.seed(seed)(one)
    one()
