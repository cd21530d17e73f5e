"""Japanese line breaking: 禁則処理 (kinsoku), unbreakable Latin words and numbers, phrase breaks.

reportlab's own CJK wrapping hangs at most one character, ignores the line-end rules and collapses
U+3000; this module replaces it. Text is cut into *atoms* that may not be broken inside:

* a Latin word or a number with its unit (``ICT``, ``24時間365日``, ``13,384,000千円``, ``R5:4施設``);
* otherwise a single character;
* with any opening brackets (and spaces after them) before it and any closing brackets, punctuation, small kana and
  prolonged-sound marks after it glued on (so ``「ICT」、`` is one atom).

Lines are then filled greedily (追い出し: an atom that does not fit moves whole to the next line).
``phrases=True`` first groups atoms into BudouX phrases (文節), for headings and titles, falling
back to atoms for a phrase wider than the line. An atom wider than the whole line is the only
thing ever split mid-atom, and the result says so (``forced``) so callers can report it.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from .phrasing import cuts_at, parse

# 行頭禁則: may not start a line.
NO_START = (
    ")]}）］｝〕〉》」』】〙〗〟’”｠»"
    "、。，．,.:;：；!?！？‼⁇⁈⁉・･‥…"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ーｰ々〻ゝゞヽヾ゛゜〜～%％‰℃°′″"
)
# 行末禁則: may not end a line.
NO_END = "([{（［｛〔〈《「『【〘〖〝‘“｟«¥￥$＄#＃№"

_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_WORD = rf"[{_ALNUM}]+(?:[-.,:/&'’＿_·．，：／][{_ALNUM}]+)*"
_UNIT = (
    r"(?:千円|百万円|万円|億円|兆円|時間|か月|ヶ月|カ月|箇所|か所|世帯|施設|年度|"
    r"[円%％年月日時分秒歳人件回校台倍割階個枚名号点期次便社園棟㎡]|km|m)"
)
_TOKEN = rf"(?:{_WORD}{_UNIT}?)+"
_ATOM = re.compile(
    rf"(?:[{re.escape(NO_END)}]\s*)*(?:{_TOKEN}|\s|.)(?: *[{re.escape(NO_START)}])*", re.DOTALL
)

SPACE = " "


def atoms(text: str) -> list[str]:
    """Cut text into unbreakable pieces; joining them gives the text back unchanged."""
    return _ATOM.findall(text)


@dataclass(slots=True)
class Line:
    text: str
    width: float  # natural width in points
    last: bool = False  # the paragraph's last line (never justified)


@dataclass(slots=True)
class Broken:
    lines: list[Line]
    forced: bool = False  # an atom had to be split because it is wider than the line
    widest: float = 0.0


WidthFn = Callable[[str], float]


def phrases(text: str) -> list[str]:
    """BudouX 文節 of text (cached parser); never splits inside an atom."""
    return list(_phrases(text))


@lru_cache(maxsize=8192)
def _phrases(text: str) -> tuple[str, ...]:
    parts = parse(text)  # BudouX's chunks (phrasing.py)
    # BudouX may cut inside a kinsoku group or a number; re-join pieces whose boundary is not
    # an atom boundary.
    bounds = set(accumulate(len(a) for a in atoms(text)))
    out: list[str] = []
    pos = 0
    for part in parts:
        if out and pos not in bounds:
            out[-1] += part
        else:
            out.append(part)
        pos += len(part)
    return tuple(out)


def phrase_boundary(text: str, position: int) -> bool:
    """Whether one of ``phrases(text)`` starts at ``position`` (0 < position < len(text)): a
    BudouX chunk starts there and so does an atom (``_phrases`` re-joins the other chunks).
    Only that position is scored."""
    if not cuts_at(text, position):
        return False
    return position in set(accumulate(len(a) for a in atoms(text)))


def break_lines(
    text: str,
    width: float,
    measure: WidthFn,
    *,
    first_width: float | None = None,
    phrase: bool = False,
) -> Broken:
    """Break one paragraph (no newlines) into lines no wider than ``width`` points.

    ``measure(s)`` returns the width of ``s`` in points. ``first_width`` narrows the first line
    (for an indent or a bullet). With ``phrase`` the text breaks at BudouX phrase boundaries
    where it has to wrap.
    """
    if not text:
        return Broken([Line("", 0.0, True)])
    first_width = width if first_width is None else first_width
    total = measure(text)
    if total <= first_width + 1e-6:
        return Broken([Line(text, total, True)], widest=total)
    if phrase:
        pieces = _phrase_pieces(text, width, measure)
        widths = [measure(p) for p in pieces]
        cum = [0.0, *accumulate(widths)]
    else:  # the same atoms at every width: measured once (a forced split below copies them)
        pieces, widths, cum = _measured_atoms(text, measure)
    n = len(pieces)
    lines: list[Line] = []
    forced = False
    start = 0
    limit = first_width
    while start < n:
        # skip leading ASCII spaces on continuation lines
        if lines:
            while start < n and pieces[start] == SPACE:
                start += 1
            if start >= n:
                break
        base = cum[start]
        end = bisect_right(cum, base + limit + 1e-6, lo=start + 1) - 1
        if end <= start:
            # the atom alone is wider than the line: split it by characters
            forced = True
            piece = pieces[start]
            chars = list(piece)
            cw = [0.0, *accumulate(measure(c) for c in chars)]
            k = max(1, bisect_right(cw, limit + 1e-6) - 1)
            # even a forced split keeps to kinsoku when it can
            def fits_rules(j: int, chars=chars) -> bool:
                head = "".join(chars[:j]).rstrip(" ")
                return ((j >= len(chars) or chars[j] not in NO_START)
                        and bool(head) and head[-1] not in NO_END)

            j = k
            while j > 1 and not fits_rules(j):
                j -= 1
            if fits_rules(j):
                k = j
            head, tail = piece[:k], piece[k:]
            lines.append(Line(head, cw[k], False))
            if tail:
                pieces, widths = list(pieces), list(widths)
                pieces[start] = tail
                widths[start] = measure(tail)
                cum = [0.0, *accumulate(widths)]
            else:
                start += 1
            limit = width
            continue
        # prefer breaking after a space in Latin text, i.e. drop trailing spaces
        stop = end
        while stop > start + 1 and pieces[stop - 1] == SPACE:
            stop -= 1
        text_line = "".join(pieces[start:stop])
        lines.append(Line(text_line, cum[stop] - base, end >= n))
        start = end
        limit = width
    if lines:
        lines[-1].last = True
    if len(lines) > 1 and not forced:
        _avoid_widow(lines, measure, width)
    widest = max(line.width for line in lines)
    return Broken(lines, forced, widest)


WIDOW = 2  # a paragraph's last line never holds only this many characters (「す。」)
PULL_MOST = 6  # characters pulled down at most
PHRASE_MOST = 3  # up to this many, a BudouX phrase break is preferred to the nearest atom break


def _avoid_widow(lines: list[Line], measure: WidthFn, width: float) -> None:
    """Pull atoms down from the line above so the last line holds more than ``WIDOW`` characters,
    as a typesetter would: the break moves back to an atom boundary (so 禁則 holds), preferably a
    phrase boundary. The line count never changes, so heights measured before stay right."""
    last, above = lines[-1], lines[-2]
    if len(last.text.strip()) > WIDOW:
        return
    pieces = atoms(above.text)
    moved = ""
    choices: list[int] = []  # k atoms moved → enough characters below
    for k in range(1, len(pieces)):
        moved = pieces[-k] + moved
        if len(moved.strip()) > PULL_MOST:
            break
        if measure(moved + last.text) > width + 1e-6:
            break  # the last line would run over: leave it as it is
        if len((moved + last.text).strip()) > WIDOW and moved[0] != SPACE:
            choices.append(k)
    if not choices:
        return
    text = above.text + last.text
    keep = len(above.text)
    k = next((k for k in choices if len("".join(pieces[-k:])) <= PHRASE_MOST
              and phrase_boundary(text, keep - len("".join(pieces[-k:])))), choices[0])
    head, tail = "".join(pieces[:-k]).rstrip(SPACE), "".join(pieces[-k:])
    if not head:
        return
    lines[-2] = Line(head, measure(head), False)
    lines[-1] = Line(tail + last.text, measure(tail + last.text), True)


@lru_cache(maxsize=16384)
def _measured_atoms(text: str, measure: WidthFn) -> tuple[tuple[str, ...], array, array]:
    """Atoms, their widths and the running sum from 0, for ``text`` measured by ``measure``
    (``FontMetrics.measurer`` gives one function per font and size). The numbers are kept in
    arrays: the cache's thousands of entries are then not walked by the cyclic collector."""
    pieces = tuple(atoms(text))
    widths = array("d", map(measure, pieces))
    return pieces, widths, array("d", (0.0, *accumulate(widths)))


def _phrase_pieces(text: str, width: float, measure: WidthFn) -> list[str]:
    out: list[str] = []
    for part in _phrases(text):
        if measure(part) <= width:
            out.append(part)
        else:
            out.extend(atoms(part))
    return out


def violations(line: str, *, first: bool = False, last: bool = False) -> list[str]:
    """The kinsoku rules a printed line breaks (for tests and preflight)."""
    problems = []
    stripped = line.strip(" ")
    if not stripped:
        return problems
    if not first and stripped[0] in NO_START:
        problems.append(f"line starts with 「{stripped[0]}」")
    if not last and stripped[-1] in NO_END:
        problems.append(f"line ends with 「{stripped[-1]}」")
    return problems
