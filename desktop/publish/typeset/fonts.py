"""The shipped fonts (BIZ UD, SIL OFL): registration, glyph coverage and cached widths.

Only these embedded TrueType fonts are ever used; nothing falls back to a base-14 font. A
character BIZ UD lacks (𠮷, most of JIS X 0213's levels 3–4) prints from the fallback font
(PlanBookFallback-Regular.ttf, a subset of Noto Sans CJK JP made by make_fallback.py), which is
read and embedded only when a document uses it; only what no font has prints as 〓.
Fonts are registered lazily, each on first use; registration is idempotent and thread-safe,
and it is the only process-wide state typeset keeps.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import lru_cache, reduce
from operator import add
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN

from .fontfile import MappedTTFont

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

# Logical names → files. Proportional gothic for text, fixed-width gothic for figures.
GOTHIC = "PB-Gothic"
GOTHIC_BOLD = "PB-Gothic-Bold"
MONO = "PB-Mono"  # BIZ UDゴシック: tabular figures for amounts
MONO_BOLD = "PB-Mono-Bold"
MINCHO = "PB-Mincho"
FALLBACK = "PB-Fallback"  # every style's characters that BIZ UD lacks (one weight)
FONT_FILES = {
    GOTHIC: "BIZUDPGothic-Regular.ttf",
    GOTHIC_BOLD: "BIZUDPGothic-Bold.ttf",
    MONO: "BIZUDGothic-Regular.ttf",
    MONO_BOLD: "BIZUDGothic-Bold.ttf",
    MINCHO: "BIZUDPMincho-Regular.ttf",
    FALLBACK: "PlanBookFallback-Regular.ttf",
}
LICENSE = FONT_DIR / "LICENSE-OFL.txt"
FALLBACK_LICENSE = FONT_DIR / "LICENSE-fallback-OFL.txt"

# Characters the fonts lack that have a sensible printed stand-in.
STAND_INS = {"☑": "✓", "☒": "×", "✔": "✓", "✅": "✓", "✗": "×", "➡": "⇒", "→": "⇒"}
GETA = "〓"  # 下駄記号: the traditional mark for a character the font cannot print
IGNORABLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}  # zero-width characters: dropped

_lock = threading.Lock()
_metrics: dict[str, FontMetrics] = {}
_coverage: dict[int, frozenset[str]] = {}  # id of a face's character map → its characters
# Characters printable() sent to the fallback font (draw_text splits runs only when one is
# in a line; empty until a document uses the fallback, so the usual lines cost nothing more).
fallback_chars: set[str] = set()


class _TTFont(MappedTTFont):
    """reportlab's TTFont (mapped and trimmed: fontfile.py) with a ToUnicode map that also
    holds characters beyond the BMP.

    reportlab writes each entry as 4 hex digits, so 𠮷 (U+20BB7) would copy out as U+20BB;
    the map must give it as a UTF-16 surrogate pair."""

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if all(code <= 0xFFFF for code in subset):
                continue
            base = (SUBSETN(n) + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset)


def _to_unicode_cmap(name: str, subset: list[int]) -> str:
    entries = [f"<{code:02X}> <{chr(value).encode('utf-16-be').hex().upper()}>"
               for code, value in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar", *entries, "endbfchar",
        "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


class FontMetrics:
    """Per-font glyph coverage and a per-character width cache (in 1/1000 em)."""

    def __init__(self, name: str, font: MappedTTFont):
        self.name = name
        self.font = font
        self._char_widths = font.face.charWidths
        self._default = font.face.defaultWidth
        self.cmap = font.face.charToGlyph
        self.ascent = font.face.ascent / 1000.0
        self.descent = font.face.descent / 1000.0
        self._cache: dict[str, float] = {}
        self._measurers: dict[float, Callable[[str], float]] = {}
        self._chars: frozenset[str] | None = None  # what the font has, made on first use

    def has(self, char: str) -> bool:
        return ord(char) in self.cmap

    @property
    def chars(self) -> frozenset[str]:
        """The characters the font has."""
        chars = self._chars
        if chars is None:  # one set for the faces that share their character map (fontfile)
            chars = _coverage.get(id(self.cmap))
            if chars is None:
                chars = _coverage[id(self.cmap)] = frozenset(map(chr, self.cmap))
            self._chars = chars
        return chars

    def covers(self, text: str) -> bool:
        """Whether the font has every character of ``text``."""
        return self.chars.issuperset(text)

    def units(self, text: str) -> float:
        """Width of text in 1/1000 em, from a per-string cache (most strings are one atom)."""
        cache = self._cache
        try:
            return cache[text]
        except KeyError:
            pass
        cw = self._char_widths
        try:  # (the same additions in the same order as the loop below, without its steps)
            value = reduce(add, map(cw.__getitem__, map(ord, text)), 0.0)
        except KeyError:  # a character this font lacks
            value = 0.0
            for ch in text:
                width = cw.get(ord(ch))
                value += self._missing_width(ch) if width is None else width
        if len(cache) < 200_000:
            cache[text] = value
        return value

    def _missing_width(self, ch: str) -> float:
        """A character this font lacks is printed from the fallback font, when that has it."""
        if self.name != FALLBACK and ch in fallback_chars:
            return metrics(FALLBACK)._char_widths.get(ord(ch), self._default)
        return self._default

    def width(self, text: str, size: float) -> float:
        return self.units(text) * size / 1000.0

    def measurer(self, size: float) -> Callable[[str], float]:
        """Width in points at ``size``; one function per size, so line breaking can cache
        what it measured with it."""
        try:
            return self._measurers[size]
        except KeyError:
            pass
        scale = size / 1000.0
        units, cache = self.units, self._cache

        def measure(text: str) -> float:
            try:
                return cache[text] * scale
            except KeyError:
                return units(text) * scale

        return self._measurers.setdefault(size, measure)


def register_fonts() -> None:
    """Make reportlab ready for the shipped fonts (safe from any thread).

    Each font is read and registered the first time it is used (``metrics``): a document
    embeds two or three of the five, and reading one costs about 10 ms (fontfile.py). The
    canvas's initial font is registered here, so a Canvas may be created next."""
    metrics(GOTHIC)


def metrics(name: str) -> FontMetrics:
    """The font's metrics, registering it with reportlab on first use (once per process)."""
    try:
        return _metrics[name]
    except KeyError:
        pass
    with _lock:
        if name not in _metrics:
            # Binary (Flate-only) streams: ASCII85 in pure Python costs ~0.5 s on a large booklet.
            rl_config.useA85 = 0
            font = _TTFont(name, FONT_DIR / FONT_FILES[name])
            pdfmetrics.registerFont(font)
            _metrics[name] = FontMetrics(name, font)
    return _metrics[name]


def printable(text: str, font: str = GOTHIC) -> tuple[str, list[str]]:
    """Text with every character no font has replaced; returns (text, missing characters).

    Variation selectors and zero-width characters are dropped silently; known symbols get a
    stand-in (☑ → ✓); a character the fallback font has is kept (draw_text prints it from
    there); anything else becomes 〓 and is listed so the caller can report it.
    Most texts have nothing to replace (checked at once); the others are cached: layouts that
    try several sizes build blocks of the same text again and again. (Only those are kept: a
    cache entry per text would be thousands more objects for the collector to walk after a
    build.)
    """
    if metrics(font).covers(text):
        return text, []
    text, missing = _printable(text, font)
    return text, list(missing)


@lru_cache(maxsize=16384)
def _printable(text: str, font: str) -> tuple[str, tuple[str, ...]]:
    cmap = metrics(font).cmap
    missing: list[str] = []
    out = None
    for i, ch in enumerate(text):
        code = ord(ch)
        if code in cmap:
            if out is not None:
                out.append(ch)
            continue
        if out is None:
            out = list(text[:i])
        if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or code in IGNORABLE:
            continue
        if ch == "\n":  # paragraph separator: TextBlock breaks there
            out.append(ch)
            continue
        if ch == "\t":
            out.append(" ")
            continue
        stand_in = STAND_INS.get(ch)
        if stand_in is not None and ord(stand_in) in cmap:
            out.append(stand_in)
        elif code in metrics(FALLBACK).cmap:
            fallback_chars.add(ch)
            out.append(ch)
        else:
            out.append(GETA)
            if ch not in missing:
                missing.append(ch)
    return (text if out is None else "".join(out)), tuple(missing)
