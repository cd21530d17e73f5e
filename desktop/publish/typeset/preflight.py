"""Preflight: collect every adjustment a layout had to make, in words for the user."""

from __future__ import annotations

from .fonts import GETA


class Preflight:
    def __init__(self) -> None:
        self.items: list[str] = []
        self._seen: set[str] = set()

    def add(self, page: int | None, where: str, what: str) -> None:
        text = f"p.{page} {where}: {what}" if page else f"{where}: {what}"
        if text not in self._seen:
            self._seen.add(text)
            self.items.append(text)

    def missing_glyphs(self, page: int | None, where: str, chars: list[str]) -> None:
        if chars:
            listed = " ".join(f"「{c}」(U+{ord(c):04X})" for c in chars)
            self.add(page, where, f"not in the font, printed as {GETA}: {listed}")


def short(text: str, limit: int = 18) -> str:
    """「…」-quoted excerpt of a title for preflight messages."""
    text = text.replace("\n", " ")
    return f"「{text[:limit]}…」" if len(text) > limit else f"「{text}」"
