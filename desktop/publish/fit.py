"""Cutting what is too long to print, before layout, so every build ends quickly.

Imports and the editor refuse values over the limits in db/limits.py, but an older or damaged
plan file may still hold a 100,000-character title or a 3.5-million-character description.
``fit_document`` returns the document with every such value cut to its limit (a copy; the
caller's records are untouched) and one preflight line for each cut, so layout only ever sees
text that fits on a page.
"""

from __future__ import annotations

import copy
import dataclasses
from functools import cache
from typing import Any

from db import limits
from db.records import (
    Contact,
    Edition,
    EditionDocument,
    Initiative,
    Measure,
    Picture,
    Plan,
    Priority,
    PriorityAction,
    SmallTable,
    Vision,
    WardGroup,
    WardPlan,
    WardProject,
)

from .typeset.preflight import Preflight, short

TABLES: dict[type, str] = {
    Plan: "plan", Edition: "edition", Contact: "edition", Vision: "vision", Measure: "measure",
    Initiative: "initiative", SmallTable: "initiative", Picture: "initiative",
    Priority: "priority", PriorityAction: "priority_action", WardPlan: "ward_plan",
    WardGroup: "ward_group", WardProject: "ward_project",
}  # a Ward's name is how its plan is found (--ward): never cut
_LABEL_FIELDS = ("title", "name", "heading", "caption", "code", "key")
_SKIP = {"workbook_key", "key", "ward_name"}  # identifiers, not printed


def _label(record: Any) -> str:
    if isinstance(record, WardPlan):
        return f"ward_plan {short(record.ward.name)}"
    for name in _LABEL_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            return f"{TABLES[type(record)]} {short(value)}"
    return TABLES[type(record)]


def _text_limit(table: str, name: str) -> int:
    if name == "rows":
        return limits.CELL
    return limits.text_limit(table, name)


class _Fitter:
    """Walks the records; cuts what is over its limit (``dry``: only notes it)."""

    def __init__(self, preflight: Preflight, *, dry: bool = False) -> None:
        self.preflight = preflight
        self.dry = dry
        self.seen: set[int] = set()

    def set(self, record: Any, name: str, value: Any) -> None:
        if not self.dry:
            setattr(record, name, value)

    def note(self, record: Any, name: str, what: str) -> None:
        self.preflight.add(None, _label(record), f"{name}: {what}")

    def text(self, record: Any, name: str, value: str) -> str:
        limit = _text_limit(TABLES[type(record)], name)
        if len(value) <= limit:
            return value
        if name == "image":
            self.note(record, name, f"{len(value):,} bytes of image data, too large: printed "
                      "as a labelled frame")
            return ""
        self.note(record, name, f"{len(value):,} characters, cut to {limit:,} for print")
        return value[:limit - 1] + "…"

    def values(self, record: Any, name: str, items: list) -> list:
        table = TABLES[type(record)]
        limit = limits.count_limit(table, name)
        if len(items) > limit:
            self.note(record, name, f"{len(items):,} items, only the first {limit:,} printed")
            items = items[:limit]
        out = []
        for item in items:
            if isinstance(item, str):
                item = self.text(record, name, item)
            elif isinstance(item, list):  # a small table's row: no wider than its header
                width = len(getattr(record, "columns", [])) or limits.count_limit(
                    "initiative", "columns")
                if len(item) > width:
                    self.note(record, name, f"a row of {len(item)} cells in {width} columns: "
                              "the cells beyond were left out")
                item = [self.text(record, name, cell) if isinstance(cell, str) else ""
                        for cell in item[:width]]
            elif dataclasses.is_dataclass(item):
                self.record(item)
            out.append(item)
        return out

    def record(self, record: Any) -> None:
        if id(record) in self.seen or type(record) not in TABLES:
            return
        self.seen.add(id(record))
        for name, limit in _printed_fields(type(record)):
            value = getattr(record, name)
            if value is None or type(value) in _PLAIN:
                continue
            if isinstance(value, str):
                if len(value) > limit:  # (most values fit: skip the call)
                    self.set(record, name, self.text(record, name, value))
            elif isinstance(value, list):
                if value:
                    self.set(record, name, self.values(record, name, value))
            elif isinstance(value, dict) and name == "headings":
                self.set(record, name, {k: self.text(record, name, v)
                                        for k, v in value.items() if isinstance(v, str)})
            elif dataclasses.is_dataclass(value):
                self.record(value)


_PLAIN = (int, float, bool)  # values with nothing to cut (and no record inside)


@cache
def _printed_fields(kind: type) -> tuple[tuple[str, int], ...]:
    """The printed fields of a record type, each with its text limit."""
    table = TABLES[kind]
    return tuple((spec.name, _text_limit(table, spec.name)) for spec in dataclasses.fields(kind)
                 if spec.name not in _SKIP)


def _records(doc: EditionDocument) -> list[Any]:
    return [doc.plan, doc.edition, *doc.priorities, *doc.visions, *doc.ward_plans,
            *doc.initiatives]


def fit_records(records: list, preflight: Preflight) -> list:
    """``records`` themselves when everything fits; else copies with over-long values cut."""
    probe = _Fitter(Preflight(), dry=True)
    for record in records:
        probe.record(record)
    if not probe.preflight.items:
        return records
    fitted = copy.deepcopy(records)
    fitter = _Fitter(preflight)
    for record in fitted:
        fitter.record(record)
    return fitted


def fit_document(doc: EditionDocument, preflight: Preflight) -> EditionDocument:
    """``doc`` itself when everything fits; else a copy with over-long values cut (reported)."""
    probe = _Fitter(Preflight(), dry=True)
    for record in _records(doc):
        probe.record(record)
    if not probe.preflight.items:
        return doc
    fitted = copy.deepcopy(doc)
    fitter = _Fitter(preflight)
    for record in _records(fitted):
        fitter.record(record)
    return fitted
