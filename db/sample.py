"""The bundled sample: Kumamoto City's FY2024 action plan and FY2022 ward sheets."""

from __future__ import annotations

from pathlib import Path

from .interchange import import_document, load_json_text
from .store import PlanStore

SAMPLE_PATH = Path(__file__).with_name("sample") / "kumamoto.json"


def sample_text() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")


def load_sample(store: PlanStore) -> None:
    """Fill an empty plan file with the sample (one transaction)."""
    import_document(store, load_json_text(sample_text()))
