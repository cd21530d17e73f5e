"""The JSON interchange, out: a whole plan (or one edition) as the format's objects.

``to_json`` is deterministic, so export → import → export is byte-identical.
"""

from __future__ import annotations

import json
from typing import Any

from . import change_log
from .interchange_cycle import (
    LineageIndex,
    add_history,
    add_initiative_lineage,
    add_project_lineage,
)
from .records import EditionDocument, Initiative, WardProject
from .store import PlanStore

FORMAT = "planbook"
FORMAT_VERSION = 1


def export_document(store: PlanStore, *, with_log: bool = True) -> dict:
    """The whole plan; ``with_log``: with its change log (left out when empty)."""
    plan = store.plan()
    wards = store.wards()
    docs = [store.load(year) for year in store.fiscal_years()]
    index = LineageIndex(docs)
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {"name": plan.name, "city": plan.city, "notes": plan.notes,
                 "workbook_key": plan.workbook_key},
        "wards": [{"name": w.name, "kind": w.kind} for w in wards],
        "editions": [export_edition(store, doc, index) for doc in docs],
    }
    if with_log:
        log = change_log.export_entries(store)
        if log:
            document["change_log"] = log
    return document


def _initiative_dict(item: Initiative, index: LineageIndex | None = None) -> dict:
    if item.vision_number is not None:
        home: dict | None = {"vision": item.vision_number}
        if item.measure_code:
            home["measure"] = item.measure_code
    elif item.ward_name is not None:
        home = {"ward": item.ward_name}
    else:
        home = None
    out = {
        "key": item.key, "title": item.title, "description": item.description,
        "amount": item.amount, "previous_amount": item.previous_amount,
        "budget_note": item.budget_note, "category": item.category, "status": item.status,
        "section": item.section, "home": home, "highlights": item.highlights,
        "indicators": item.indicators, "notes": item.notes,
        "tables": [{"title": t.title, "unit": t.unit, "columns": t.columns, "rows": t.rows}
                   for t in item.tables],
        "pictures": [{"caption": p.caption, "credit": p.credit, "image": p.image}
                     for p in item.pictures],
    }
    if index is not None:
        add_initiative_lineage(out, item.predecessor_id, index)
    return out


def export_edition(store: PlanStore, doc: EditionDocument, index: LineageIndex | None = None,
                    *, history: bool = True) -> dict:
    """One edition as the format's object (``index``: write lineage; ``history``: events and
    snapshots)."""
    e = doc.edition
    out: dict[str, Any] = {"fiscal_year": e.fiscal_year, "title": e.title, "status": e.status,
                           "slogan": e.slogan, "publication_date": e.publication_date,
                           "cover_parts": e.cover_parts, "cover_credit": e.cover_credit,
                           "about": e.about, "pdca_title": e.pdca_title,
                           "pdca_steps": e.pdca_steps, "pdca_cycle_title": e.pdca_cycle_title,
                           "pdca_cycle_text": e.pdca_cycle_text, "context": e.context,
                           "priority_intro": e.priority_intro, "visions_intro": e.visions_intro,
                           "cross_cutting": e.cross_cutting, "ward_intro": e.ward_intro,
                           "ward_policies": e.ward_policies,
                           "ward_budget_lines": e.ward_budget_lines,
                           "contact": {"organisation": e.contact.organisation,
                                       "department": e.contact.department,
                                       "tel": e.contact.tel, "fax": e.contact.fax,
                                       "email": e.contact.email},
                           "headings": {k: v for k, v in sorted(e.headings.items()) if v}}
    out["initiatives"] = [_initiative_dict(i, index) for i in doc.initiatives]
    out["priorities"] = [
        {"number": p.number, "title": p.title, "lead": p.lead, "situation": p.situation,
         "past_actions": p.past_actions,
         "actions": [{"heading": a.heading, "initiative": a.initiative.key,
                      "title": a.title, "description": a.description} for a in p.actions]}
        for p in doc.priorities]
    out["visions"] = [
        {"number": v.number, "title": v.title, "colour": v.colour, "direction": v.direction,
         "related": v.related,
         "measures": [{"code": m.code, "title": m.title, "goal": m.goal} for m in v.measures]}
        for v in doc.visions]
    out["ward_plans"] = []
    for wp in doc.ward_plans:
        group_index = {g.id: n for n, g in enumerate(wp.groups)}
        out["ward_plans"].append({
            "ward": wp.ward.name, "headline": wp.headline, "description": wp.description,
            "policies": wp.policies, "allocation": wp.allocation,
            "printed_totals": {"initial": wp.printed_totals.initial,
                               "revised": wp.printed_totals.revised,
                               "settled": wp.printed_totals.settled},
            "groups": [{"title": g.title, "description": g.description,
                        "show_subtotal": g.show_subtotal} for g in wp.groups],
            "projects": [_project_dict(p, group_index, index) for p in wp.projects]})
    if history:
        add_history(out, store, e.fiscal_year)
    return out


def _project_dict(p: WardProject, group_index: dict[int, int],
                  index: LineageIndex | None) -> dict:
    out = {"number": p.number, "group": group_index.get(p.group_id), "name": p.name,
           "description": p.description, "status": p.status, "initial": p.initial,
           "revised": p.revised, "settled": p.settled}
    if index is not None:
        add_project_lineage(out, p.predecessor_id, index)
    return out


def to_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_json(store: PlanStore) -> str:
    return to_json(export_document(store))
