"""The layout caches, and letting go of them when a long-lived process moves on.

Texts are measured, broken into phrases and wrapped through bounded caches (16,384 entries
each) that pay off within one document, where the same text is laid out at several widths and
sizes, and across the editor's previews of one section. A real plan's texts are all different,
so in the editor, which builds document after document, full caches would keep ~100 MB of
one document's texts. The editor therefore empties them when its preview moves to another
section and after each whole document it builds; a `planbook` command simply exits.
"""

from __future__ import annotations

import sys

# module → its caches (functools.lru_cache); a module not imported yet holds nothing
CACHES = {
    "desktop.publish.typeset.fonts": ("_printable",),
    "desktop.publish.typeset.text": ("_line_counts",),
    "desktop.publish.typeset.linebreak": ("_phrases", "_measured_atoms"),
    "desktop.publish.ward_sheets.rows": ("_name_layout",),
}


def cached_layouts() -> int:
    """How many entries the layout caches hold now."""
    return sum(cache.cache_info().currsize for cache in _caches())


def forget_layouts() -> None:
    for cache in _caches():
        cache.cache_clear()


def _caches():
    for name, attributes in CACHES.items():
        module = sys.modules.get(name)
        if module is not None:
            yield from (getattr(module, attribute) for attribute in attributes)
