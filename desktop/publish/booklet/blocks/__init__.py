"""The booklet's building blocks, one module per kind:

    text           Para, Heading, Tab, PartTitle, Bullets
    side_by_side   SideBySide (two blocks at equal height)
    tables         Table (and a card's small table)
    pictures       a card's pictures
    cards          Card, CardPair (two short cards side by side), tighten
    overview       Contents, VisionGrid, Band, Pills, Panel
    drawing        the ☑/✓ marks and the missing-glyph note they all share
"""

from .cards import Card, CardPair, tighten
from .drawing import checkbox, checkmark
from .overview import Band, Contents, Panel, Pills, VisionGrid
from .side_by_side import SideBySide
from .tables import Table
from .text import Bullets, Heading, Para, PartTitle, Tab

__all__ = ["Band", "Bullets", "Card", "CardPair", "Contents", "Heading", "Panel", "Para",
           "PartTitle", "Pills", "SideBySide", "Table", "Tab", "VisionGrid", "checkbox",
           "checkmark", "tighten"]
