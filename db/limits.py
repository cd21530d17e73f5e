"""How much text and how many items each field may hold, defined once.

Every way in (the JSON import, the ward workbook import, the editor's forms, tables and paste)
checks values with ``text_problem`` / ``count_problem`` here, so a value that one path refuses
is refused by all of them. The numbers are generous for a printed plan (the sample's longest
title is 29 characters, its longest paragraph 155) and small enough that every page can always
be laid out quickly. Printing cuts anything longer (a damaged or older file) and says so.
"""

from __future__ import annotations

import re

from .messages import msg
from .money import MAX_AMOUNT

# Input files are refused above these sizes, before they are read.
MAX_JSON_BYTES = 100 * 1024 * 1024
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
# A ward workbook import that deletes more than this many projects asks for confirmation.
CONFIRM_REMOVALS_ABOVE = 3
# JSON nested deeper than this is refused (a plan document is 7 levels deep).
MAX_JSON_DEPTH = 40
# Integers: SQLite's INTEGER; numbers with more digits than this are not even converted.
MAX_INTEGER = MAX_AMOUNT
MAX_NUMBER_DIGITS = 19

NAME = 200  # titles, names, headings, labels
LINE = 400  # one-line texts that may run longer (headlines, captions, budget notes)
PARAGRAPH = 2_000  # descriptions, leads, goals, one item of a paragraph list
NOTE = 4_000  # the plan's free notes
CELL = 100  # one cell of a small table
IMAGE = 8 * 1024 * 1024  # a picture, base64 text

# (table, column) → the most characters. Anything not listed is a NAME.
TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("plan", "notes"): NOTE,
    ("edition", "slogan"): LINE,
    ("edition", "cover_credit"): LINE,
    ("edition", "cover_parts"): LINE,
    ("edition", "about"): PARAGRAPH,
    ("edition", "pdca_steps"): PARAGRAPH,
    ("edition", "pdca_cycle_text"): PARAGRAPH,
    ("edition", "context"): PARAGRAPH,
    ("edition", "priority_intro"): PARAGRAPH,
    ("edition", "visions_intro"): PARAGRAPH,
    ("edition", "cross_cutting"): PARAGRAPH,
    ("edition", "ward_intro"): PARAGRAPH,
    ("edition", "ward_policies"): LINE,
    ("edition", "ward_budget_lines"): LINE,
    ("edition", "headings"): LINE,
    ("vision", "direction"): PARAGRAPH,
    ("measure", "goal"): PARAGRAPH,
    ("initiative", "description"): PARAGRAPH,
    ("initiative", "budget_note"): LINE,
    ("initiative", "highlights"): LINE,
    ("initiative", "indicators"): LINE,
    ("initiative", "notes"): PARAGRAPH,
    ("initiative", "image"): IMAGE,
    ("initiative", "caption"): LINE,
    ("initiative", "credit"): LINE,
    ("initiative", "cell"): CELL,
    ("priority", "lead"): PARAGRAPH,
    ("priority", "situation"): PARAGRAPH,
    ("priority", "past_actions"): PARAGRAPH,
    ("priority_action", "description"): PARAGRAPH,
    ("ward_plan", "headline"): LINE,
    ("ward_plan", "description"): PARAGRAPH,
    ("ward_plan", "policies"): LINE,
    ("ward_group", "description"): PARAGRAPH,
    ("ward_project", "description"): PARAGRAPH,
}

# (table, list) → the most items.
COUNT_LIMITS: dict[tuple[str, str], int] = {
    ("plan", "notes"): 200,
    ("initiative", "tables"): 5,
    ("initiative", "pictures"): 6,
    ("initiative", "columns"): 12,
    ("initiative", "rows"): 60,
    ("ward_plan", "projects"): 1_000,
    ("ward_plan", "groups"): 50,
    ("edition", "initiatives"): 50_000,
    ("edition", "visions"): 50,
    ("vision", "measures"): 100,
    ("vision", "initiatives"): 50_000,  # resolved lists (EditionDocument), not stored ones
    ("ward_plan", "initiatives"): 50_000,
    ("edition", "priorities"): 20,
    ("priority", "actions"): 200,
    ("edition", "ward_plans"): 100,
    ("plan", "wards"): 100,
    ("plan", "editions"): 300,
}
LIST_ITEMS = 50  # any other list of texts
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_limit(table: str, column: str) -> int:
    return TEXT_LIMITS.get((table, column), NAME)


def count_limit(table: str, column: str) -> int:
    return COUNT_LIMITS.get((table, column), LIST_ITEMS)


def text_problem(table: str, column: str, value: str) -> str | None:
    """Why ``value`` cannot be stored in ``table.column`` (None when it can)."""
    limit = text_limit(table, column)
    if len(value) > limit:
        return msg("too long: %1 characters (at most %2)", f"{len(value):,}", f"{limit:,}")
    if _SURROGATE.search(value):
        return msg("contains an invalid character (a lone surrogate code point)")
    if "\x00" in value:
        return msg("contains a NUL character")
    return None


def count_problem(table: str, column: str, count: int) -> str | None:
    limit = count_limit(table, column)
    if count > limit:
        return msg("too many items: %1 (at most %2)", f"{count:,}", f"{limit:,}")
    return None


def integer_problem(value: int, minimum: int | None = None,
                    maximum: int = MAX_INTEGER) -> str | None:
    if minimum is not None and value < minimum:
        return msg("must be ≥ %1, not %2", minimum, value)
    if value > maximum:
        return msg("is too large (at most %1)", f"{maximum:,}")
    if value < -MAX_INTEGER:
        return msg("is too small")
    return None


def value_problem(table: str, column: str, value: object) -> str | None:
    """The first reason ``value`` (text, a list, or the JSON of a small table or picture)
    cannot be stored in ``table.column``; None when it can. The editor's forms, tables and
    paste call this before they write."""
    if isinstance(value, str):
        return text_problem(table, column, value)
    if isinstance(value, list):
        problem = count_problem(table, column, len(value))
        if problem:
            return problem
        name = "cell" if column == "rows" else column
        for item in value:
            problem = value_problem(table, name, item)
            if problem:
                return problem
    if isinstance(value, dict):
        for key, item in value.items():
            problem = value_problem(table, key, item)
            if problem:
                return problem
    return None
