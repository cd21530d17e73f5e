"""Hypothesis strategies for hostile input: values no field expects, and where to put them."""

from __future__ import annotations

from hypothesis import strategies as st

HUGE_INTS = st.sampled_from([2**63, 2**63 - 1, -(2**63) - 1, 10**19, 10**100, -1, 0, 1800,
                             2201, 1988, 9999])
TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=10),
    st.sampled_from(["", " ", "\x00", "\ud800", "=HYPERLINK(\"x\")", "+1", "@A1", "-1", "△",
                     "１２，３４５千円", "1,2,3", "新規", "削除", "TOTAL", "[", "{}", "null",
                     "../..", "CON", "a/b", "長" * 300, "x" * 2_500, "中央区", "東区"]),
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                    HUGE_INTS, st.floats(allow_nan=True, allow_infinity=True), TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8)
DEEP = st.integers(min_value=30, max_value=3000).map(lambda n: "[" * n + "]" * n)


def json_number_texts():
    """JSON number literals, including ones too long for Python's int()."""
    return st.one_of(st.integers(min_value=20, max_value=6000).map(lambda n: "9" * n),
                     st.sampled_from(["1e400", "-1e400", "1.5", "-0", "9223372036854775808",
                                      "NaN", "Infinity"]))


AMOUNT_TEXT = st.one_of(
    st.text(alphabet="0123456789０１２３４５６７８９,，.．△▲-−ー千円 　+e", max_size=30),
    st.text(max_size=20),
    st.integers(min_value=-(10**25), max_value=10**25).map(lambda n: f"{n:,}"),
    st.integers(min_value=1, max_value=6000).map(lambda n: "9" * n),
)
