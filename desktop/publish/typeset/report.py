"""What a build hands back to the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field

from .preflight import grouped, grouped_with_members


@dataclass
class BuildReport:
    pages: int = 0
    preflight: list[str] = field(default_factory=list)  # human-readable adjustments, all of them
    outline: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page)
    seconds: float = 0.0
    kinds: dict[str, tuple[int | None, str]] = field(default_factory=dict)  # item → page, group

    def summary(self) -> list[str]:
        """The preflight as people read it: repeated findings of a kind on one line."""
        return grouped(self.preflight, self.kinds)

    def notes(self) -> list[tuple[str, list[str]]]:
        """``summary()``'s lines, each with the findings it stands for."""
        return grouped_with_members(self.preflight, self.kinds)
