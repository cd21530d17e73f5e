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

    __slots__ = ("_font", "_doc", "_has", "_known", "_subset", "_hex")

    def __init__(self, font: TTFont, doc: PDFDocument, has: frozenset[str]):
        self._font = font
        self._doc = doc
        self._has = has  # the font's characters: the others are left to splitString
        self._known: set[str] = set()
        self._subset: dict[str, int] = {}
        self._hex: dict[str, str] = {}

    def knows(self, text: str) -> bool:
        """Whether every character of ``text`` has its code already (the font has them)."""
        return self._known.issuperset(text)

    def runs(self, text: str) -> list[tuple[int, str]]:
        """``[(subset, hex codes), …]``: ``splitString(text)`` with its bytes in hex."""
        if not self._known.issuperset(text) and not self._learn(text):
            return [(subset, codes.hex()) for subset, codes in
                    self._font.splitString(text, self._doc)]
        hexes = self._hex.__getitem__
        return [(subset, "".join(map(hexes, chars)))
                for subset, chars in groupby(text, self._subset.__getitem__)]

    def _learn(self, text: str) -> bool:
        """Let reportlab give the new characters their codes and keep them; False when the font
        lacks one (splitString shows it as glyph 0 and gives it no code to keep)."""
        if not self._has.issuperset(text):
            return False
        self._font.splitString(text, self._doc)
        assignments = self._font.state[self._doc].assignments
        for char in set(text).difference(self._known):
            code = assignments[32 if char == "\xa0" else ord(char)]
            self._subset[char] = code >> 8
            self._hex[char] = f"{code & 0xFF:02x}"
            self._known.add(char)
        return True
