"""Ward budget arithmetic, written once: the editor, the ward sheets, the checks and the CLI
all call these, so a rate or a remainder can never differ between screen and paper."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .records import Totals

STAGE_LABELS = {"initial": "当初予算", "revised": "補正後", "settled": "決算額"}


def execution_rate(totals: Totals) -> Decimal | None:
    """settled ÷ revised in percent, one decimal rounded half up; None when undefined."""
    if not totals.revised or totals.settled is None:
        return None
    return (Decimal(totals.settled) * 100 / Decimal(totals.revised)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_rate(rate: Decimal | None, blank: str = "－") -> str:
    return blank if rate is None else f"{rate}%"


def current_stage(totals: Totals) -> str | None:
    """The budget in force: 補正後 once there is one, else 当初予算 (None: no budget yet)."""
    if totals.revised is not None:
        return "revised"
    if totals.initial is not None:
        return "initial"
    return None


def remaining(allocation: int | None, spent: int | None) -> int | None:
    """What is left of the allocation (negative when the projects exceed it)."""
    if allocation is None:
        return None
    return allocation - (spent or 0)
