"""The fonts as fontfile.py reads them hold what reportlab's own reading gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFont

from desktop.publish.typeset import FONT_DIR
from desktop.publish.typeset.fontfile import MappedTTFont, _Face
from desktop.publish.typeset.fonts import FONT_FILES

VERA = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # a format-4 character map
# mapped, not kept in memory; dropped (only for text shaping); a lambda; kept in arrays
NOT_COMPARED = {"_ttf_data", "glyphToChar", "_pdfScale", "hmetrics", "glyphPos"}


def same_font(ours: MappedTTFont, theirs: TTFont) -> None:
    assert vars(ours).keys() == vars(theirs).keys()
    face, expected = vars(ours.face), vars(theirs.face)
    assert face.keys() == expected.keys()
    for name, value in expected.items():
        if name in NOT_COMPARED:
            continue
        assert face[name] == value, name
        assert type(face[name]) is type(value), name
        if isinstance(value, dict):  # the same order, the same number types
            assert list(face[name].items()) == list(value.items()), name
            assert list(map(type, face[name].values())) == list(map(type, value.values())), name
    assert face["_pdfScale"](2048) == expected["_pdfScale"](2048)
    assert face["glyphToChar"] == {}
    assert list(face["glyphPos"]) == expected["glyphPos"]
    hmetrics = face["hmetrics"]
    assert len(hmetrics) == len(expected["hmetrics"])
    assert [hmetrics[g] for g in range(len(hmetrics))] == expected["hmetrics"]


@pytest.mark.parametrize("name", sorted(FONT_FILES))
def test_every_shipped_font_reads_as_reportlab_reads_it(name):
    path = FONT_DIR / FONT_FILES[name]
    same_font(MappedTTFont(name, path), TTFont(name, str(path), shapable=False))


def test_a_format_12_map_is_read_in_bulk_and_others_by_reportlab(monkeypatch):
    read = []
    original = _Face._read_glyph_tables

    def spy(self):
        read.append(original(self))
        return read[-1]

    monkeypatch.setattr(_Face, "_read_glyph_tables", spy)
    MappedTTFont("gothic", FONT_DIR / FONT_FILES["PB-Gothic"])
    ours = MappedTTFont("vera", VERA)
    assert read == [True, False]
    same_font(ours, TTFont("vera", str(VERA), shapable=False))
