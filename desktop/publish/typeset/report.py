"""What a build hands back to the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BuildReport:
    pages: int = 0
    preflight: list[str] = field(default_factory=list)  # human-readable adjustments
    outline: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page)
    seconds: float = 0.0
