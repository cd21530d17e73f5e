"""Build resources/fonts/PlanBookFallback-Regular.ttf: the kanji BIZ UD lacks, from Noto Sans CJK JP.

A development-time script (fontTools is not a PlanBook dependency):

    apt-get install fonts-noto-cjk && pip install fonttools
    python resources/fonts/make_fallback.py

The characters: JIS X 0213 (levels 1–4 and its non-kanji), Windows' cp932 (NEC and IBM extended
kanji such as 髙 and 﨑), the CJK compatibility ideographs (異体字 such as 﨑) and the CJK
Extension B kanji that Noto Sans CJK JP draws (surrogate-pair kanji such as 𠮷, 𩸽); of these,
only what BIZ UDPゴシック does not have. reportlab embeds TrueType (glyf) outlines only, so
the subset's CFF outlines are converted to quadratic curves (fontTools' cu2qu), and the family
is renamed: a modified version under the SIL OFL 1.1 (LICENSE-fallback-OFL.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian fonts-noto-cjk
BIZ = HERE / "BIZUDPGothic-Regular.ttf"
OUTPUT = HERE / "PlanBookFallback-Regular.ttf"
FAMILY = "PlanBook Fallback JP"
MAX_ERROR = 1.0  # font units: cubic → quadratic tolerance (1/1000 em, invisible in print)


def _double_byte(codec: str, prefixes: tuple[bytes, ...] = (b"",)) -> set[str]:
    out: set[str] = set()
    for prefix in prefixes:
        for lead in range(0x81, 0xFF):
            for trail in range(0x40, 0xFF):
                try:
                    out.update((prefix + bytes([lead, trail])).decode(codec))
                except UnicodeDecodeError:
                    continue
    return out


def wanted() -> set[int]:
    """Every character a Japanese name or official document plausibly needs."""
    chars = _double_byte("euc_jis_2004", (b"", b"\x8f")) | _double_byte("cp932")
    codes = {ord(c) for c in chars if len(c) == 1}
    codes = {c for c in codes if not 0xE000 <= c <= 0xF8FF}  # no private use (外字)
    codes |= set(range(0xF900, 0xFB00))  # CJK compatibility ideographs
    codes |= set(range(0x20000, 0x2A6E0))  # CJK Extension B (as far as the font draws it)
    codes |= set(range(0x2F800, 0x2FA20))  # CJK compatibility supplement
    return codes


def _to_truetype(font: TTFont) -> None:
    """Replace CFF outlines by glyf (quadratic) ones, in place."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    font["maxp"].tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(font["maxp"], attr, 0)
    font["maxp"].maxZones = 1
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font["head"].glyphDataFormat = 0
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont) -> None:
    name = font["name"]
    notice = name.getDebugName(0) or ""
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            name.removeNames(nameID=record.nameID)
    postscript = FAMILY.replace(" ", "") + "-Regular"
    for name_id, text in ((1, FAMILY), (2, "Regular"), (3, f"{postscript};PlanBook subset"),
                          (4, f"{FAMILY} Regular"), (6, postscript)):
        name.setName(text, name_id, 3, 1, 0x409)
    description = ("Subset of Noto Sans CJK JP Regular for PlanBook (characters BIZ UD lacks), "
                   "TrueType outlines. " + notice)
    name.setName(description, 10, 3, 1, 0x409)


def build(noto: Path = NOTO, output: Path = OUTPUT) -> tuple[int, int]:
    biz = set(TTFont(BIZ, lazy=True).getBestCmap())
    collection = TTCollection(str(noto), lazy=False)
    source = next(f for f in collection.fonts if "JP" in (f["name"].getDebugName(1) or ""))
    codes = sorted(c for c in wanted() - biz if c in source.getBestCmap())
    options = subset.Options()
    options.layout_features = []  # no vertical forms or ligatures: one glyph per character
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(source)
    _to_truetype(source)
    _rename(source)
    for table in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "DSIG"):
        if table in source:
            del source[table]
    source.save(str(output))
    return len(codes), output.stat().st_size


if __name__ == "__main__":
    count, size = build(*(Path(a) for a in sys.argv[1:3]))
    print(f"{OUTPUT.name}: {count} characters, {size / 1e6:.2f} MB")
