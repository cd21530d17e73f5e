"""BudouX's phrase chunks (文節), computed a feature at a time over the whole string.

``budoux.Parser.parse`` scores each position in turn: 13 dictionary look-ups of the
characters, pairs and triples around it, in Python, about 4 µs a character; titles and
widow checks call it thousands of times in a large booklet. ``parse`` here looks each feature
up for all positions at once (``map`` over the string) and adds the 13 columns; the scores are
sums of integers, so the order of the additions does not matter, and the chunks are exactly
BudouX's (tests/publish/test_phrasing.py compares them).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import repeat
from operator import add

# feature → (n-gram length, offset of the n-gram's first character from the position scored)
FEATURES = {
    "UW1": (1, -3), "UW2": (1, -2), "UW3": (1, -1), "UW4": (1, 0), "UW5": (1, 1), "UW6": (1, 2),
    "BW1": (2, -2), "BW2": (2, -1), "BW3": (2, 0),
    "TW1": (3, -3), "TW2": (3, -2), "TW3": (3, -1), "TW4": (3, 0),
}


@lru_cache(maxsize=1)
def _model() -> tuple[float, list[tuple[dict[str, int], int, int]]]:
    import budoux

    parser = budoux.load_default_japanese_parser()
    model = parser.model
    return parser._base_score, [(model.get(name, {}), size, offset)
                                for name, (size, offset) in FEATURES.items()]


def parse(sentence: str) -> list[str]:
    """``budoux.load_default_japanese_parser().parse(sentence)``."""
    n = len(sentence)
    if n < 2:
        return [sentence] if sentence else []
    base, features = _model()
    # characters, pairs and triples, with three blanks at both ends: a position whose n-gram
    # would reach outside the sentence looks up a blank, which scores nothing
    chars = list(sentence)
    pairs = list(map(add, chars, chars[1:]))
    grams = (_PAD + chars + _PAD, _PAD + pairs + _PAD,
             _PAD + list(map(add, pairs, chars[2:])) + _PAD)
    # the 13 features' scores for positions 1 … n-1 (where a chunk may start), added up
    columns = [map(scores.get, grams[size - 1][4 + offset:3 + n + offset], repeat(0))
               for scores, size, offset in features]
    totals = map(sum, zip(*columns, strict=True))
    cuts = [i for i, score in enumerate(totals, 1) if base + score > 0]
    return [sentence[a:b] for a, b in zip([0, *cuts], [*cuts, n], strict=True)]


def cuts_at(sentence: str, position: int) -> bool:
    """Whether ``parse(sentence)`` starts a chunk at ``position``, scoring that position alone
    (its 13 features read at most the three characters before it and the three from it on): a
    widow check asks about a few positions at the end of a paragraph."""
    n = len(sentence)
    if not 0 < position < n:
        return False
    base, features = _model()
    score = 0
    for scores, size, offset in features:
        start = position + offset
        if start >= 0 and start + size <= n:
            score += scores.get(sentence[start:start + size], 0)
    return base + score > 0


_PAD = [None] * 3
