"""A TrueType font for reportlab that keeps only what measuring and embedding need.

reportlab's ``TTFont`` reads the whole file into memory and keeps it (4.6 MB for a BIZ UD
face), copies the whole ``glyf`` table (4 MB) for every 256-character subset it embeds, and
keeps tables it never uses again. The editor's live preview holds two or three faces for the
whole session, so ``MappedTTFont``:

- maps the file instead of reading it: only the pages parsed (cmap, hmtx, loca) and the
  glyphs embedded are ever read, and they are clean pages the kernel can drop;
- hands ``makeSubset`` the glyphs it slices out of ``glyf`` straight from the mapping;
- drops ``glyphToChar`` (used only to shape text with uharfbuzz, which PlanBook does not
  do) and keeps the glyph offsets and horizontal metrics in compact arrays.

The PDF is byte for byte what ``TTFont`` writes (tests/publish/test_same_output.py).
"""

from __future__ import annotations

import mmap
from array import array
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont, TTFontFace


class _MappedFile:
    """What reportlab's ``readFile`` takes: ``name`` and ``read()`` (here, the mapping)."""

    def __init__(self, path: Path):
        self.name = str(path)

    def read(self) -> mmap.mmap:
        with open(self.name, "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


class _Glyphs:
    """The ``glyf`` table as ``makeSubset`` uses it: slices of one glyph each, as bytes."""

    def __init__(self, data: mmap.mmap, start: int):
        self._data = data
        self._start = start

    def __getitem__(self, part: slice) -> bytes:
        return self._data[self._start + part.start:self._start + part.stop]


class _HMetrics:
    """(advance width, left side bearing) by glyph, from two arrays."""

    def __init__(self, pairs: list[tuple[int, int]]):
        # past numberOfHMetrics reportlab repeats the last advance already scaled (a float
        # when the font's units per em are not 1000); makeSubset takes int() of both
        self._advance = array("d", (aw for aw, _ in pairs))
        self._bearing = array("l", (lsb for _, lsb in pairs))

    def __len__(self) -> int:
        return len(self._advance)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self._advance[glyph], self._bearing[glyph]


class _Face(TTFontFace):
    def get_table(self, tag: str):
        if tag == "glyf":
            return _Glyphs(self._ttf_data, self.get_table_pos(tag)[0])
        return super().get_table(tag)


class MappedTTFont(TTFont):
    def __init__(self, name: str, path: Path):
        super().__init__(name, _MappedFile(path), shapable=False)
        face = self.face
        face.__class__ = _Face
        face.glyphToChar = {}
        face.glyphPos = array("L", face.glyphPos)
        face.hmetrics = _HMetrics(face.hmetrics)
