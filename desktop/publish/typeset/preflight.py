"""Preflight: collect every adjustment a layout had to make, in words for the user.

Findings of one kind (50 pictures without an image) carry a short group label, the wording the
page itself shows where there is one (画像未設定); ``grouped`` folds each kind into one line with
a count and its pages, the full list stays in ``items``.
"""

from __future__ import annotations

from .fonts import GETA

PAGES_SHOWN = 10  # pages listed on a grouped line before "…"


class Preflight:
    def __init__(self) -> None:
        self.items: list[str] = []
        self._seen: set[str] = set()
        self.kinds: dict[str, tuple[int | None, str]] = {}  # item → (page, group label)

    def add(self, page: int | None, where: str, what: str, group: str = "") -> None:
        text = f"p.{page} {where}: {what}" if page else f"{where}: {what}"
        if text not in self._seen:
            self._seen.add(text)
            self.items.append(text)
            if group:
                self.kinds[text] = (page, group)

    def missing_glyphs(self, page: int | None, where: str, chars: list[str]) -> None:
        if chars:
            listed = " ".join(f"「{c}」(U+{ord(c):04X})" for c in chars)
            self.add(page, where, f"not in any font, printed as {GETA}: {listed}",
                     group=f"{GETA}で印字 {listed}")


def grouped(items: list[str], kinds: dict[str, tuple[int | None, str]]) -> list[str]:
    """The findings with each repeated kind folded into ``label N件: p.6, 9, 11…``."""
    return [line for line, _members in grouped_with_members(items, kinds)]


def grouped_with_members(items: list[str], kinds: dict[str, tuple[int | None, str]]
                         ) -> list[tuple[str, list[str]]]:
    """``grouped``'s lines, each with the findings it stands for (for a tooltip)."""
    lines: list[str | list[str]] = []
    members: dict[str, list[str]] = {}
    for text in items:
        group = kinds.get(text, (None, ""))[1]
        if not group:
            lines.append(text)
        elif group in members:
            members[group].append(text)
        else:
            members[group] = [text]
            lines.append(members[group])
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        if isinstance(line, str) or len(line) == 1:
            text = line if isinstance(line, str) else line[0]
            out.append((text, [text]))
            continue
        group = kinds[line[0]][1]
        pages = sorted({p for p in (kinds[t][0] for t in line) if p})
        shown = ", ".join(str(p) for p in pages[:PAGES_SHOWN])
        more = "…" if len(pages) > PAGES_SHOWN else ""
        out.append((f"{group} {len(line)}件" + (f": p.{shown}{more}" if pages else ""), line))
    return out


def short(text: str, limit: int = 18) -> str:
    """「…」-quoted excerpt of a title for preflight messages."""
    text = text.replace("\n", " ")
    return f"「{text[:limit]}…」" if len(text) > limit else f"「{text}」"
