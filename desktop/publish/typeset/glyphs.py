"""A document's glyph codes, looked up without reportlab's per-character loop.

reportlab gives each character of a TrueType font a code in one of the font's 256-glyph subsets
the first time a document shows it (``TTFont.splitString``), and never changes it. A booklet
shows tens of thousands of lines made of a few thousand characters, and splitString walks every
character of every line in Python. Here each character's (subset, hex code) is kept once known,
and a line whose characters all have theirs is cut into subset runs by C-level lookups. A line
with a character not shown before goes through splitString itself, so the codes, and so the
embedded subsets, stay exactly reportlab's (tests/publish/test_glyphs.py).
"""

from __future__ import annotations

from itertools import groupby

from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont


class GlyphCodes:
    """One font's codes in one document."""

    __slots__ = ("_font", "_doc", "_has", "_known", "_hex", "_subset", "_subsets")

    def __init__(self, font: TTFont, doc: PDFDocument, has: frozenset[str]):
        self._font = font
        self._doc = doc
        self._has = has  # the font's characters: the others are left to splitString
        self._known: set[str] = set()
        self._hex: dict[int, str] = {}  # code point → its code in hex (for str.translate)
        self._subset: dict[int, int] = {}  # code point → its subset, as a character's ordinal
        self._subsets = 0  # how many subsets the known characters fill

    def known_runs(self, text: str) -> list[tuple[int, str]] | None:
        """``runs(text)`` when every character of it has its code already (so the font has
        them all), else None."""
        codes = text.translate(self._hex)
        # each known character became two hex digits; one without a code stayed one character
        return self._runs(text, codes) if len(codes) == 2 * len(text) else None

    def runs(self, text: str) -> list[tuple[int, str]]:
        """``[(subset, hex codes), …]``: ``splitString(text)`` with its bytes in hex."""
        if self._known.issuperset(text) or self._learn(text):
            return self._runs(text, text.translate(self._hex))
        return [(subset, codes.hex()) for subset, codes in
                self._font.splitString(text, self._doc)]

    def _runs(self, text: str, codes: str) -> list[tuple[int, str]]:
        if not text:
            return []
        if self._subsets == 1:  # (a booklet's text mostly fits the first subset of each font)
            return [(0, codes)]
        marks = text.translate(self._subset)
        if marks.count(marks[0]) == len(marks):
            return [(ord(marks[0]), codes)]
        runs = []
        start = 0
        for mark, chars in groupby(marks):
            end = start + 2 * sum(1 for _ in chars)
            runs.append((ord(mark), codes[start:end]))
            start = end
        return runs

    def _learn(self, text: str) -> bool:
        """Let reportlab give the new characters their codes and keep them; False when the font
        lacks one (splitString shows it as glyph 0 and gives it no code to keep)."""
        if not self._has.issuperset(text):
            return False
        self._font.splitString(text, self._doc)
        assignments = self._font.state[self._doc].assignments
        for char in set(text).difference(self._known):
            code = assignments[32 if char == "\xa0" else ord(char)]
            self._hex[ord(char)] = f"{code & 0xFF:02x}"
            self._subset[ord(char)] = code >> 8
            self._subsets = max(self._subsets, (code >> 8) + 1)
            self._known.add(char)
        return True
