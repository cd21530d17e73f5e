"""Fast Japanese paragraphs: layout with cached widths, drawing straight into the page stream.

``TextBlock`` breaks text once per width (cached) and draws it; ``draw_text`` writes one line as
hex-encoded subset glyph codes (the glyph → subset assignment is reportlab's own, so fonts are
embedded and subset exactly as reportlab does). Both work on any reportlab canvas.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas

from .fonts import FALLBACK, GOTHIC, fallback_chars, metrics, printable
from .glyphs import GlyphCodes
from .linebreak import Broken, Line, break_lines
from .paint import set_fill

ALIGNS = ("justify", "left", "right", "center")
# A justified line is spread by at most this many ems in all (a line that gave characters to a
# paragraph's last line, so it holds more than 「す。」, still lines up at the right).
JUSTIFY_MOST = 4.0
UNWRAPPED = 10_000.0  # a width no line reaches: what a text needs on one line


@lru_cache(maxsize=16384)  # (sizes, margins and baselines recur page after page)
def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _select_font(canvas: Canvas, ttf, subset: int, size_text: str) -> str:
    """``/F1+0 9.5 Tf`` for a subset of a font at a size on this canvas (reportlab names the
    subset on first use; the name is kept with the canvas)."""
    names = canvas.__dict__.get("_planbook_subset_names")
    if names is None:
        names = canvas._planbook_subset_names = {}
    key = (ttf.fontName, subset, size_text)
    try:
        return names[key]
    except KeyError:
        text = names[key] = f"{ttf.getSubsetInternalName(subset, canvas._doc)} {size_text} Tf"
        return text


def draw_text(canvas: Canvas, x: float, y: float, text: str, font: str, size: float,
              char_space: float = 0.0) -> None:
    """Draw one line with its baseline at (x, y) in the current fill colour."""
    if not text:
        return
    shown = _shown(canvas, text, font, _num(size))
    if char_space:
        canvas._code.append(f"BT {_num(x)} {_num(y)} Td {_num(char_space)} Tc {shown} 0 Tc ET")
    else:
        canvas._code.append(f"BT {_num(x)} {_num(y)} Td {shown} ET")


def _shown(canvas: Canvas, text: str, font: str, size_text: str) -> str:
    """The font selections and glyph codes that show ``text`` (``/F1+0 9 Tf <0102> Tj``).

    A text the font has every character of is encoded once per canvas (running heads,
    footers, labels and units recur page after page; the codes of a character never change
    within a document)."""
    shown = canvas.__dict__.get("_planbook_shown")
    if shown is None:
        shown = canvas._planbook_shown = {}
    key = (text, font, size_text)
    try:
        return shown[key]
    except KeyError:
        pass
    known = _glyph_codes(canvas, font).known_runs(text)
    if known is not None:  # (so the font has every character: no fallback runs)
        ttf = metrics(font).font
        text_shown = shown[key] = " ".join(
            [f"{_select_font(canvas, ttf, subset, size_text)} <{hexes}> Tj"
             for subset, hexes in known])
        return text_shown
    covered = metrics(font).covers(text)
    runs = _font_runs(text, font) if not covered and fallback_chars \
        and not fallback_chars.isdisjoint(text) else ((font, text),)
    parts = []
    for run_font, run in runs:
        ttf = metrics(run_font).font
        for subset, codes in _glyph_codes(canvas, run_font).runs(run):
            parts.append(f"{_select_font(canvas, ttf, subset, size_text)} <{codes}> Tj")
    text_shown = " ".join(parts)
    if covered:
        shown[key] = text_shown
    return text_shown


def _glyph_codes(canvas: Canvas, font: str) -> GlyphCodes:
    """The font's glyph codes in this canvas's document."""
    codes = canvas.__dict__.get("_planbook_codes")
    if codes is None:
        codes = canvas._planbook_codes = {}
    try:
        return codes[font]
    except KeyError:
        m = metrics(font)
        found = codes[font] = GlyphCodes(m.font, canvas._doc, m.chars)
        return found


def figures_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` set by ``draw_figures``: every digit as wide as 「0」."""
    m = metrics(font)
    figure = m.units("0")
    return sum(figure if ch.isdigit() else m.units(ch) for ch in text) * size / 1000.0


def draw_figures(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """An amount in a proportional font with tabular figures: a narrower digit (「1」) is
    centred in a 「0」-wide cell, commas keep their own narrow width, so right-aligned columns
    line up digit under digit and ``1,000`` does not read as ``1, 000``."""
    if not text:
        return
    m = metrics(font)
    figure = m.units("0")
    ttf = m.font
    doc = canvas._doc
    parts = [f"BT {_num(x)} {_num(y)} Td"]
    index = 0
    for subset, codes in ttf.splitString(text, doc):
        items = []
        for offset, code in enumerate(codes):
            ch = text[index + offset]
            pad = (figure - m.units(ch)) / 2 if ch.isdigit() else 0.0
            glyph = f"<{code:02x}>"
            items.append(f"{_num(-pad)} {glyph} {_num(-pad)}" if pad else glyph)
        index += len(codes)
        parts.append(f"{ttf.getSubsetInternalName(subset, doc)} {_num(size)} Tf "
                     f"[{' '.join(items)}] TJ")
    parts.append("ET")
    canvas._code.append(" ".join(parts))


def _font_runs(text: str, font: str) -> list[tuple[str, str]]:
    """Cut a line into runs of the font's own characters and of the fallback font's."""
    cmap = metrics(font).cmap
    runs: list[tuple[str, str]] = []
    for ch in text:
        use = font if ord(ch) in cmap or ch not in fallback_chars else FALLBACK
        if runs and runs[-1][0] == use:
            runs[-1] = (use, runs[-1][1] + ch)
        else:
            runs.append((use, ch))
    return runs


def text_width(text: str, font: str, size: float) -> float:
    return metrics(font).width(text, size)


@dataclass(frozen=True, slots=True)
class TextStyle:
    font: str = GOTHIC
    size: float = 9.0
    leading: float = 0.0  # 0 → 1.6 × size
    color: Color = black
    align: str = "justify"
    indent: float = 0.0  # first-line indent in points (a leading U+3000 is kept as text)
    phrase: bool = False  # break at BudouX phrase boundaries (headings, titles)
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.6

    def but(self, **changes) -> TextStyle:
        return replace(self, **changes)


@lru_cache(maxsize=16384)
def _line_counts(font: str, size: float, phrase: bool, text: str,
                 widths: tuple[float, ...]) -> tuple[int, ...]:
    block = TextBlock(text, TextStyle(font=font, size=size, phrase=phrase))
    return tuple(block.line_count(width) for width in widths)


def line_counter(style: TextStyle) -> Callable[[str, tuple[float, ...]], tuple[int, ...]]:
    """``count(text, widths)``: the lines ``TextBlock(text, style)`` takes at each width,
    cached: trial layouts (the ward sheets try several type sizes and column widths) measure
    the same text again and again. (Leading, colour and alignment do not move line breaks.)"""
    if style.indent:
        return lambda text, widths: tuple(TextBlock(text, style).line_count(w) for w in widths)
    return partial(_line_counts, style.font, style.size, style.phrase)


class TextBlock:
    """A paragraph (``\\n`` separates paragraphs) laid out for one width at a time."""

    def __init__(self, text: str, style: TextStyle):
        self.style = style
        self.text, self.missing = printable(text, style.font)
        self._width: float | None = None
        self.lines: list[Line] = []
        self.forced = False
        self.widest = 0.0
        self.height = 0 * style.line_height  # (kept with the lines: read far more than set)
        # width → (lines, forced, widest): blocks are measured at a few widths in turn (a
        # card's amount unwrapped, then in its column; a tightened section's half width)
        self._layouts: dict[float, tuple[list[Line], bool, float]] = {}
        self._natural: float | None = None

    def wrap(self, width: float) -> float:
        """Lay out for ``width`` points; returns the height."""
        if self._width != width:
            known = self._layouts.get(width)
            if known is not None:
                self.lines, self.forced, self.widest = known
                self._width = width
                self.height = len(self.lines) * self.style.line_height
                return self.height
            style = self.style
            measure = metrics(style.font).measurer(style.size)
            text = self.text
            lines: list[Line] = []
            forced = False
            widest = 0.0
            total = measure(text) if "\n" not in text else None
            if total is not None and total <= width - style.indent + 1e-6:
                # one line (amounts, most titles, short notes): break_lines's first answer
                lines.append(Line(text, total, True))
                widest = total
            else:
                for paragraph in text.split("\n"):
                    broken: Broken = break_lines(paragraph, width, measure,
                                                 first_width=width - style.indent,
                                                 phrase=style.phrase)
                    lines.extend(broken.lines)
                    forced = forced or broken.forced
                    widest = max(widest, broken.widest)
            self.lines, self.forced, self.widest = lines, forced, widest
            self._width = width
            self._layouts[width] = (lines, forced, widest)
            self.height = len(lines) * style.line_height
        return self.height

    def natural_width(self) -> float:
        """The widest line when nothing wraps (each paragraph on one line), kept once
        measured; the block keeps the layout it has."""
        if self._natural is None:
            current = self._width
            self.wrap(UNWRAPPED)
            self._natural = self.widest
            if current is not None:
                self.wrap(current)
        return self._natural

    def line_count(self, width: float) -> int:
        self.wrap(width)
        return len(self.lines)

    def split_at(self, height: float) -> tuple[TextBlock, TextBlock] | None:
        """Two blocks: the lines that fit in ``height`` and the rest (None if none fit)."""
        count = int((height + 1e-6) // self.style.line_height)
        if count <= 0 or count >= len(self.lines):
            return None
        head, tail = self._copy(self.lines[:count]), self._copy(self.lines[count:])
        if tail.lines and self.style.indent:
            tail.style = tail.style.but(indent=0.0)
        return head, tail

    def _copy(self, lines: list[Line]) -> TextBlock:
        block = TextBlock.__new__(TextBlock)
        block.style, block.text, block.missing = self.style, "", []
        block._width, block.lines, block.forced = self._width, lines, False
        block.height = len(lines) * self.style.line_height
        block._layouts = {}
        block._natural = None
        block.widest = max((line.width for line in lines), default=0.0)
        return block

    def draw(self, canvas: Canvas, x: float, top: float, color: Color | None = None) -> float:
        """Draw with the first line box's top at ``top``; returns the y under the last line."""
        style = self.style
        width = self._width or 0.0
        leading = style.line_height
        m = metrics(style.font)
        shift = leading / 2 + (m.ascent + m.descent) / 2 * style.size
        set_fill(canvas, color or style.color)
        y = top
        first = True
        for line in self.lines:
            baseline = y - shift
            indent = style.indent if first else 0.0
            room = width - indent
            lx = x + indent
            char_space = 0.0
            if style.align == "right":
                lx = x + width - line.width
            elif style.align == "center":
                lx = x + (width - line.width) / 2
            elif style.align == "justify" and not line.last and len(line.text) > 1:
                extra = room - line.width
                if 0 < extra < style.size * JUSTIFY_MOST:
                    char_space = extra / (len(line.text) - 1)
            draw_text(canvas, lx, baseline, line.text, style.font, style.size, char_space)
            y -= leading
            first = line.last  # the next line starts a new paragraph
        return y
