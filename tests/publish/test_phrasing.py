"""typeset/phrasing.py gives exactly BudouX's chunks."""

from __future__ import annotations

import json
from itertools import accumulate
from pathlib import Path

import budoux
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.publish.typeset.linebreak import phrase_boundary, phrases
from desktop.publish.typeset.phrasing import cuts_at, parse

ROOT = Path(__file__).resolve().parents[2]
BUDOUX = budoux.load_default_japanese_parser()


def texts(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        node = list(node.values())
    return [t for value in node for t in texts(value)] if isinstance(node, list) else []


def test_every_text_of_the_sample_chunks_as_budoux_chunks_it():
    sample = texts(json.loads((ROOT / "db" / "sample" / "kumamoto.json").read_text("utf-8")))
    assert len(sample) > 500
    for text in sample + ["", "あ", "あい", "あいう", "ICT", "24時間365日体制の"]:
        assert parse(text) == BUDOUX.parse(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="あいうえおかがきくけこさしすせそ、。「」日本語の文節区切り市民支援事業 ABC123ー・",
               max_size=40) | st.text(max_size=12))
def test_any_text_chunks_as_budoux_chunks_it(text):
    assert parse(text) == BUDOUX.parse(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="あいうえおかがきくけこさしすせそ、。「」日本語の文節区切り市民支援事業 ABC123ー・",
               max_size=40) | st.text(max_size=12))
def test_one_position_scored_alone_cuts_where_the_whole_parse_does(text):
    """cuts_at and phrase_boundary (the widow check's) agree with parse and phrases."""
    chunk_starts = set(accumulate(len(c) for c in BUDOUX.parse(text)[:-1]))
    phrase_starts = set(accumulate(len(p) for p in phrases(text)[:-1]))
    for position in range(-1, len(text) + 2):
        assert cuts_at(text, position) == (position in chunk_starts), position
        if 0 < position < len(text):
            assert phrase_boundary(text, position) == (position in phrase_starts), position
