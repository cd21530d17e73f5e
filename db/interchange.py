"""The JSON interchange format (docs/interchange-format.md): whole plan files in and out.

Export is db/interchange_export.py, reading JSON text db/interchange_checker.py, validation
db/interchange_parse.py. ``import_document`` validates the whole document first (reporting
every problem with its JSON path); only a valid document is written, inside one transaction.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from . import change_log
from .errors import FinalEditionError, ValidationError
from .interchange_checker import load_json_text  # noqa: F401 - re-exported
from .interchange_cycle import write_cycle
from .interchange_export import (  # noqa: F401 - re-exported
    FORMAT,
    FORMAT_VERSION,
    export_document,
    export_edition,
    export_json,
    to_json,
)
from .interchange_parse import ParsedPlan, parse_document
from .messages import msg
from .store import PlanStore


def is_empty(store: PlanStore) -> bool:
    return not store.fiscal_years() and not store.wards()


def import_document(store: PlanStore, data: Any, *, replace: bool = False) -> None:
    """Write a whole document into ``store``: all of it in one transaction, or nothing."""
    import_parsed(store, parse_document(data), replace=replace)


def import_parsed(store: PlanStore, parsed: ParsedPlan, *, replace: bool = False) -> None:
    """Write an already validated document (see ``parse_document``)."""
    if not replace and not is_empty(store):
        raise ValidationError([msg("(file): already holds a plan; import into a new file or use "
                                   "--replace")])
    final = [e.fiscal_year for e in store.editions() if e.status == "final"] if replace else []
    if final:
        raise FinalEditionError(final[0])
    # Into an empty file, a whole plan is built (or moved), not changed: nothing is logged
    # and the document's own log comes along as it is (export → import → export stays
    # identical). A replacing import logs each record it deletes and adds as ``import``.
    context = store.change_context
    logging = replace and context is not None and context.source is not None
    try:
        with store.atomic(), change_log.source(store, "import" if logging else None):
            if replace:
                for table in ("edition", "ward", "plan"):
                    store.db.execute(f"DELETE FROM {table}")
            write_parsed(store, parsed)
            if parsed.change_log and not replace:
                change_log.restore(store, parsed.change_log)
    except (sqlite3.IntegrityError, OverflowError, UnicodeEncodeError) as error:
        # validation should have caught it; the transaction was rolled back either way
        raise ValidationError([msg("(document): cannot be stored (%1)", error)]) from error


def write_parsed(store: PlanStore, parsed: ParsedPlan) -> None:
    store.set_plan(parsed.plan)
    wards = {}
    for ward in parsed.wards:
        store.add_ward(ward)
        wards[ward.name] = ward
    for item in parsed.editions:
        edition_id = store.add_edition(item["edition"])
        for vision in item["visions"]:
            store.add_vision(edition_id, vision)
            for measure in vision.measures:
                store.add_measure(vision.id, measure)
        for plan in item["ward_plans"]:
            plan.ward = wards[plan.ward.name]
            store.add_ward_plan(edition_id, plan)
            for group in plan.groups:
                store.add_ward_group(plan.id, group)
            for project in plan.projects:
                index = project.group_id
                project.group_id = plan.groups[index].id if index is not None else None
                store.add_ward_project(plan.id, project)
        store.add_initiatives(edition_id, item["initiatives"])
        for priority in item["priorities"]:
            store.add_priority(edition_id, priority)
            for action in priority.actions:
                store.add_priority_action(priority.id, action)
    write_cycle(store, parsed.editions)
