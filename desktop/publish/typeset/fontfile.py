"""A TrueType font for reportlab that keeps only what measuring and embedding need.

reportlab's ``TTFont`` reads the whole file into memory and keeps it (4.6 MB for a BIZ UD
face), copies the whole ``glyf`` table (4 MB) for every 256-character subset it embeds, keeps
tables it never uses again, and reads the character map, advance widths and glyph locations
one value at a time in Python (about 35 ms a face, the largest part of a small booklet).
The editor's live preview holds two or three faces for the whole session, so
``MappedTTFont``:

- maps the file instead of reading it: only the pages parsed (cmap, hmtx, loca) and the
  glyphs embedded are ever read, and they are clean pages the kernel can drop;
- reads those tables in bulk (``struct``/``array``; a character map in another format than
  12, which every shipped font has, is read by reportlab);
- hands ``makeSubset`` the glyphs it slices out of ``glyf`` straight from the mapping;
- drops ``glyphToChar`` (used only to shape text with uharfbuzz, which PlanBook does not
  do) and keeps the glyph offsets and horizontal metrics in compact arrays.

The PDF is byte for byte what ``TTFont`` writes (tests/publish/test_same_output.py), and the
face holds what reportlab's reading gives (tests/publish/test_fontfile.py).
"""

from __future__ import annotations

import mmap
import struct
import sys
from array import array
from itertools import chain
from operator import add, sub
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace


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

    def __init__(self, advance: array, bearing: array):
        # past numberOfHMetrics reportlab repeats the last advance already scaled (a float
        # when the font's units per em are not 1000); makeSubset takes int() of both
        self._advance = advance
        self._bearing = bearing

    @classmethod
    def of(cls, pairs: list[tuple[int, int]]) -> _HMetrics:
        return cls(array("d", (aw for aw, _ in pairs)), array("l", (lsb for _, lsb in pairs)))

    def __len__(self) -> int:
        return len(self._advance)

    def __getitem__(self, glyph: int) -> tuple[float, int]:
        return self._advance[glyph], self._bearing[glyph]


class _Face(TTFontFace):
    def get_table(self, tag: str):
        if tag == "glyf":
            return _Glyphs(self._ttf_data, self.get_table_pos(tag)[0])
        return super().get_table(tag)

    def extractInfo(self, charInfo=1):  # noqa: N802, N803 (reportlab's names)
        super().extractInfo(0)  # names, head, OS/2, post, hhea, maxp: a few values each
        if not charInfo or self._read_glyph_tables():
            return
        super().extractInfo(charInfo)
        self.glyphToChar = {}
        self.glyphPos = array("L", self.glyphPos)
        self.hmetrics = _HMetrics.of(self.hmetrics)

    def _read_glyph_tables(self) -> bool:
        """charToGlyph, charWidths, defaultWidth, hmetrics and glyphPos as reportlab's
        extractInfo sets them (glyphToChar empty); False (nothing set) for a font not read
        here."""
        data = self._ttf_data
        index_to_loc, glyph_data_format = struct.unpack_from(
            ">HH", data, self.table["head"]["offset"] + 50)
        metrics_count = struct.unpack_from(">H", data, self.table["hhea"]["offset"] + 34)[0]
        glyphs = self.numGlyphs
        if glyph_data_format != 0:
            raise TTFError(f"Unknown glyph data format ({glyph_data_format})")
        chars, glyph_ids = self._character_map(data)
        if chars is None:
            return False
        char_to_glyph = dict(zip(chars, glyph_ids, strict=True))
        if len(char_to_glyph) != len(chars):  # overlapping groups: left to reportlab
            return False
        # horizontal metrics: (advance, left side bearing) pairs, then bearings only
        hmtx = self.table["hmtx"]["offset"]
        pairs = _unsigned(data, hmtx, "H", 2 * metrics_count)
        rest = _unsigned(data, hmtx + 4 * metrics_count, "H", max(glyphs - metrics_count, 0))
        if "loca" not in self.table:
            raise TTFError("missing location table")
        if index_to_loc not in (0, 1):
            raise TTFError(f"Unknown location table format ({index_to_loc})")
        loca = self.table["loca"]["offset"]
        places = _unsigned(data, loca, "HI"[index_to_loc], glyphs + 1)
        if pairs is None or rest is None or places is None:
            return False
        glyph_pos = array("L", places if index_to_loc else (p << 1 for p in places))
        advances = pairs[0::2].tolist()
        last = self._pdfScale(advances[-1])  # glyphs past the pairs: the last advance, scaled
        if self.unitsPerEm == 1000:
            widths = advances[:]
        else:  # as reportlab scales: x * (1000 / unitsPerEm)
            widths = list(map((1000 / self.unitsPerEm).__rmul__, advances))
        widths += [last] * len(rest)
        if glyph_ids and max(glyph_ids) >= len(widths):
            return False
        # in glyph order, each glyph's characters in character-map order (as reportlab fills it)
        order = sorted(range(len(chars)), key=glyph_ids.__getitem__)
        char_widths = dict(zip(map(chars.__getitem__, order),
                               map(widths.__getitem__, map(glyph_ids.__getitem__, order)),
                               strict=True))
        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        char_to_glyph = _shared(char_to_glyph)
        self.charToGlyph, self.glyphToChar, self.charWidths = char_to_glyph, {}, char_widths
        self.defaultWidth = widths[0]
        self.hmetrics = _HMetrics(array("d", advances + [last] * len(rest)),
                                  array("l", chain(pairs[1::2], rest)))
        self.glyphPos = glyph_pos
        self._pos = loca + places.itemsize * (glyphs + 1)  # where reportlab's reading ends
        return True

    def _character_map(self, data) -> tuple[list[int] | None, list[int]]:
        """The characters and their glyphs of the subtable reportlab chooses (the last usable
        one), when it is in format 12; (None, []) otherwise."""
        cmap = self.table["cmap"]["offset"]
        version, count = struct.unpack_from(">HH", data, cmap)
        if count == 0 and version != 0:
            count = version
        chosen, enc = None, 0
        for n in range(count):
            platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * n)
            if platform == 3 or (platform == 1 and encoding == 1) or (
                    platform == 0 and encoding != 5):
                enc, chosen = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, chosen = 2, offset
        if chosen is None:
            raise TTFError("could not find a suitable cmap encoding")
        start = cmap + chosen
        if struct.unpack_from(">H", data, start)[0] != 12:
            return None, []
        groups = struct.unpack_from(">L", data, start + 12)[0]
        ranges = _unsigned(data, start + 16, "I", 3 * groups)  # (first char, last, glyph)
        if ranges is None:
            return None, []
        lows, highs, firsts = ranges[0::3], ranges[1::3], ranges[2::3]
        ends = list(map((1).__add__, highs))
        # (map and chain: every character and glyph listed without a Python-level loop)
        chars = list(chain.from_iterable(map(range, lows, ends)))
        glyph_ids = list(chain.from_iterable(map(range, firsts, map(add, firsts, map(
            sub, ends, lows)))))
        return chars, glyph_ids


_CHARACTER_MAPS: list[dict[int, int]] = []  # (fonts are read under fonts._lock)


def _shared(char_to_glyph: dict[int, int]) -> dict[int, int]:
    """The character map of a face read before when it is the same (BIZ UDPゴシック's regular
    and bold, or BIZ UDゴシック's, map every character to the same glyph): ~1 MB a face less.
    Nothing changes a face's map once read (only shaping with uharfbuzz would)."""
    for known in _CHARACTER_MAPS:
        if known == char_to_glyph:
            return known
    _CHARACTER_MAPS.append(char_to_glyph)
    return char_to_glyph


def _unsigned(data, offset: int, code: str, count: int) -> array | None:
    """``count`` big-endian unsigned values at ``offset`` (None if the file is shorter)."""
    values = array(code)
    size = values.itemsize * count
    if values.itemsize != {"H": 2, "I": 4}[code] or offset + size > len(data):
        return None
    values.frombytes(data[offset:offset + size])
    if sys.byteorder == "little":
        values.byteswap()
    return values


class MappedTTFont(TTFont):
    def __init__(self, name: str, path: Path):
        # as TTFont(name, file, shapable=False), with the face read by _Face
        self.fontName = name
        self.face = _Face(_MappedFile(path), validate=0, subfontIndex=0)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = False
