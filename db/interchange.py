"""The JSON interchange format (docs/interchange-format.md): whole plan files in and out.

``to_json`` is deterministic, so export → import → export is byte-identical. ``import_json``
validates the whole document first and reports every problem with its JSON path; only a valid
document is written, inside one transaction.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import ValidationError
from .records import (
    EDITION_STATUSES,
    STATUSES,
    WARD_KINDS,
    Contact,
    Edition,
    Initiative,
    Measure,
    Picture,
    Plan,
    Priority,
    PriorityAction,
    SmallTable,
    Totals,
    Vision,
    Ward,
    WardGroup,
    WardPlan,
    WardProject,
)
from .store import PlanStore

FORMAT = "planbook"
FORMAT_VERSION = 1
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COLOUR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
DATE_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

EDITION_TEXT_LISTS = ("cover_parts", "about", "pdca_steps", "context", "priority_intro",
                      "cross_cutting", "ward_intro", "ward_policies", "ward_budget_lines")
EDITION_TEXTS = ("title", "slogan", "cover_credit", "pdca_title", "pdca_cycle_title",
                 "pdca_cycle_text", "visions_intro")


# -- export ----------------------------------------------------------------------------------

def export_document(store: PlanStore) -> dict:
    plan = store.plan()
    wards = store.wards()
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {"name": plan.name, "city": plan.city, "notes": plan.notes},
        "wards": [{"name": w.name, "kind": w.kind} for w in wards],
        "editions": [_export_edition(store, year) for year in store.fiscal_years()],
    }


def _initiative_dict(item: Initiative) -> dict:
    if item.vision_number is not None:
        home: dict | None = {"vision": item.vision_number}
        if item.measure_code:
            home["measure"] = item.measure_code
    elif item.ward_name is not None:
        home = {"ward": item.ward_name}
    else:
        home = None
    return {
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


def _export_edition(store: PlanStore, year: int) -> dict:
    doc = store.load(year)
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
                                       "email": e.contact.email}}
    out["initiatives"] = [_initiative_dict(i) for i in doc.initiatives]
    out["priorities"] = [
        {"number": p.number, "title": p.title, "lead": p.lead, "situation": p.situation,
         "past_actions": p.past_actions,
         "actions": [{"heading": a.heading, "initiative": a.initiative.key,
                      "description": a.description} for a in p.actions]}
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
            "groups": [{"title": g.title, "show_subtotal": g.show_subtotal} for g in wp.groups],
            "projects": [{"number": p.number, "group": group_index.get(p.group_id),
                          "name": p.name, "description": p.description, "status": p.status,
                          "initial": p.initial, "revised": p.revised, "settled": p.settled}
                         for p in wp.projects]})
    return out


def to_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def export_json(store: PlanStore) -> str:
    return to_json(export_document(store))


# -- validation ------------------------------------------------------------------------------

class _Checker:
    """Collects ``path: problem`` lines while reading a JSON document."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def obj(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            self.fail(path, f"must be an object, not {_kind(value)}")
            return {}
        return value

    def text(self, parent: dict, key: str, path: str, *, required: bool = False,
             nullable: bool = False) -> str | None:
        value = parent.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if key in parent and nullable:
                return None
            if required or key in parent:
                self.fail(where, "required" if key not in parent or required else "must be text")
            return None if nullable else ""
        if not isinstance(value, str):
            self.fail(where, f"must be text, not {_kind(value)}")
            return ""
        if required and not value.strip():
            self.fail(where, "required (empty)")
        return value

    def texts(self, parent: dict, key: str, path: str) -> list[str]:
        value = parent.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, f"must be a list of text, not {_kind(value)}")
            return []
        for n, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{where}[{n}]", f"must be text, not {_kind(item)}")
        return [v for v in value if isinstance(v, str)]

    def integer(self, parent: dict, key: str, path: str, *, required: bool = False,
                minimum: int | None = None) -> int | None:
        value = parent.get(key)
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.fail(where, "required")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, f"must be a whole number, not {_kind(value)} {json.dumps(value, ensure_ascii=False)}")
            return None
        if minimum is not None and value < minimum:
            self.fail(where, f"must be ≥ {minimum}, not {value}")
        return value

    def money(self, parent: dict, key: str, path: str) -> int | None:
        """Money: whole 千円 or null."""
        return self.integer(parent, key, path)

    def choice(self, parent: dict, key: str, path: str, choices: tuple, *,
               nullable: bool = True, default: str | None = None) -> str | None:
        value = parent.get(key, default)
        if value is None and nullable:
            return None
        if value not in choices:
            self.fail(f"{path}.{key}", f"must be one of {', '.join(choices)}"
                      + ("" if not nullable else " or null")
                      + f", not {json.dumps(value, ensure_ascii=False)}")
            return default
        return value

    def items(self, parent: dict, key: str, path: str) -> list[tuple[str, dict]]:
        value = parent.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, f"must be a list, not {_kind(value)}")
            return []
        return [(f"{where}[{n}]", self.obj(item, f"{where}[{n}]")) for n, item in enumerate(value)]


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a decimal number", type(None): "null"}.get(type(value), type(value).__name__)


class ParsedPlan:
    """A validated document, as records ready to be written."""

    def __init__(self) -> None:
        self.plan = Plan()
        self.wards: list[Ward] = []
        self.editions: list[dict] = []  # {"edition", "initiatives", "priorities", ...}


def parse_document(data: Any) -> ParsedPlan:
    """Validate a decoded JSON document; raise ValidationError listing every problem."""
    c = _Checker()
    result = ParsedPlan()
    root = c.obj(data, "(document)")
    if root.get("format") != FORMAT:
        c.fail("format", f"must be \"{FORMAT}\" (this is not a PlanBook interchange file)")
        raise ValidationError(c.problems)
    version = root.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        c.fail("format_version", f"{version} is newer than this PlanBook reads ({FORMAT_VERSION});"
               " update PlanBook")
        raise ValidationError(c.problems)
    if version != FORMAT_VERSION:
        c.fail("format_version", f"must be {FORMAT_VERSION}")
    plan = c.obj(root.get("plan"), "plan") if "plan" in root else c.fail("plan", "required") or {}
    result.plan = Plan(c.text(plan, "name", "plan", required=True) or "",
                       c.text(plan, "city", "plan", required=True) or "",
                       c.texts(plan, "notes", "plan"))
    ward_kinds: dict[str, str] = {}
    for path, w in c.items(root, "wards", ""):
        name = c.text(w, "name", path, required=True) or ""
        kind = c.choice(w, "kind", path, WARD_KINDS, nullable=False, default="ward")
        if name in ward_kinds:
            c.fail(f"{path}.name", f"duplicate ward 「{name}」")
        ward_kinds[name] = kind or "ward"
        result.wards.append(Ward(name, kind or "ward"))
    years: set[int] = set()
    for path, e in c.items(root, "editions", ""):
        parsed = _parse_edition(c, e, path, ward_kinds)
        year = parsed["edition"].fiscal_year
        if year in years:
            c.fail(f"{path}.fiscal_year", f"duplicate fiscal year {year}")
        years.add(year)
        result.editions.append(parsed)
    if c.problems:
        raise ValidationError(c.problems)
    return result


def _parse_edition(c: _Checker, e: dict, path: str, ward_kinds: dict[str, str]) -> dict:
    year = c.integer(e, "fiscal_year", path, required=True, minimum=1989) or 0
    if year > 2200:
        c.fail(f"{path}.fiscal_year", f"{year} is out of range (1989–2200)")
    edition = Edition(year)
    for key in EDITION_TEXTS:
        setattr(edition, key, c.text(e, key, path) or "")
    for key in EDITION_TEXT_LISTS:
        setattr(edition, key, c.texts(e, key, path))
    edition.status = c.choice(e, "status", path, EDITION_STATUSES, nullable=False,
                              default="draft") or "draft"
    date = e.get("publication_date")
    if date is not None and not (isinstance(date, str) and DATE_PATTERN.match(date)):
        c.fail(f"{path}.publication_date", "must be \"YYYY-MM\" or null")
        date = None
    edition.publication_date = date
    contact = c.obj(e.get("contact", {}), f"{path}.contact")
    edition.contact = Contact(*(c.text(contact, k, f"{path}.contact") or "" for k in
                                ("organisation", "department", "tel", "fax", "email")))

    vision_numbers: dict[int, set[str]] = {}
    visions = []
    for vpath, v in c.items(e, "visions", path):
        number = c.integer(v, "number", vpath, required=True, minimum=1) or 0
        if number in vision_numbers:
            c.fail(f"{vpath}.number", f"duplicate vision number {number}")
        colour = c.text(v, "colour", vpath) or "#1F4E79"
        if not COLOUR_PATTERN.match(colour):
            c.fail(f"{vpath}.colour", f"must be \"#RRGGBB\", not {json.dumps(colour)}")
        related = v.get("related", [])
        if not isinstance(related, list) or not all(
                isinstance(r, int) and not isinstance(r, bool) for r in related):
            c.fail(f"{vpath}.related", "must be a list of vision numbers")
            related = []
        vision = Vision(number, c.text(v, "title", vpath, required=True) or "", colour,
                        c.texts(v, "direction", vpath), related)
        codes: set[str] = set()
        for mpath, m in c.items(v, "measures", vpath):
            code = c.text(m, "code", mpath, required=True) or ""
            if code and code in codes:
                c.fail(f"{mpath}.code", f"duplicate measure code 「{code}」")
            codes.add(code)
            vision.measures.append(Measure(code, c.text(m, "title", mpath, required=True) or "",
                                           c.text(m, "goal", mpath) or ""))
        vision_numbers[number] = codes
        visions.append(vision)
    for vpath, v in c.items(e, "visions", path):
        for n, r in enumerate(v.get("related", []) if isinstance(v.get("related"), list) else []):
            if isinstance(r, int) and r not in vision_numbers:
                c.fail(f"{vpath}.related[{n}]", f"no vision {r} in this edition")

    ward_plans = []
    planned: set[str] = set()
    for wpath, w in c.items(e, "ward_plans", path):
        name = c.text(w, "ward", wpath, required=True) or ""
        if name and name not in ward_kinds:
            c.fail(f"{wpath}.ward", f"「{name}」 is not in the top-level wards list")
        if name in planned:
            c.fail(f"{wpath}.ward", f"duplicate ward plan for 「{name}」")
        planned.add(name)
        totals = c.obj(w.get("printed_totals", {}) or {}, f"{wpath}.printed_totals")
        plan = WardPlan(Ward(name, ward_kinds.get(name, "ward")),
                        c.text(w, "headline", wpath) or "", c.text(w, "description", wpath) or "",
                        c.texts(w, "policies", wpath), c.money(w, "allocation", wpath),
                        Totals(*(c.money(totals, k, f"{wpath}.printed_totals")
                                 for k in ("initial", "revised", "settled"))))
        for gpath, g in c.items(w, "groups", wpath):
            show = g.get("show_subtotal", False)
            if not isinstance(show, bool):
                c.fail(f"{gpath}.show_subtotal", "must be true or false")
            plan.groups.append(WardGroup(c.text(g, "title", gpath, required=True) or "",
                                         bool(show)))
        numbers: set[int] = set()
        for ppath, p in c.items(w, "projects", wpath):
            group = p.get("group")
            if group is not None and (isinstance(group, bool) or not isinstance(group, int)
                                      or not 0 <= group < len(plan.groups)):
                c.fail(f"{ppath}.group", f"must be a group index 0–{len(plan.groups) - 1} or null")
                group = None
            number = c.integer(p, "number", ppath, minimum=0)
            if number is not None and number in numbers:
                c.fail(f"{ppath}.number", f"duplicate project number {number}")
            if number is not None:
                numbers.add(number)
            project = WardProject(
                c.text(p, "name", ppath, required=True) or "", number,
                c.text(p, "description", ppath) or "",
                c.choice(p, "status", ppath, STATUSES),
                *(c.money(p, k, ppath) for k in ("initial", "revised", "settled")))
            project.group_id = group  # an index until written
            plan.projects.append(project)
        ward_plans.append(plan)

    initiatives: dict[str, Initiative] = {}
    for ipath, i in c.items(e, "initiatives", path):
        key = c.text(i, "key", ipath, required=True) or ""
        if key and not KEY_PATTERN.match(key):
            c.fail(f"{ipath}.key", "use lower-case letters, digits and '-' only")
        if key in initiatives:
            c.fail(f"{ipath}.key", f"duplicate initiative key 「{key}」")
        item = Initiative(key, c.text(i, "title", ipath, required=True) or "",
                          c.text(i, "description", ipath) or "", c.money(i, "amount", ipath),
                          c.money(i, "previous_amount", ipath),
                          c.text(i, "budget_note", ipath) or "", c.text(i, "category", ipath) or "",
                          c.choice(i, "status", ipath, STATUSES), c.text(i, "section", ipath) or "")
        home = i.get("home")
        if home is not None:
            home = c.obj(home, f"{ipath}.home")
            if "vision" in home:
                number = home["vision"]
                if number not in vision_numbers:
                    c.fail(f"{ipath}.home.vision", f"no vision {json.dumps(number)} in this edition")
                else:
                    item.vision_number = number
                    measure = home.get("measure")
                    if measure is not None and measure not in vision_numbers[number]:
                        c.fail(f"{ipath}.home.measure", f"no measure 「{measure}」 in vision {number}")
                    item.measure_code = measure
            elif "ward" in home:
                if home["ward"] not in planned:
                    c.fail(f"{ipath}.home.ward",
                           f"no ward plan for {json.dumps(home['ward'], ensure_ascii=False)} in this edition")
                else:
                    item.ward_name = home["ward"]
            else:
                c.fail(f"{ipath}.home", "must be {\"vision\": N}, {\"ward\": name} or null")
        item.highlights = c.texts(i, "highlights", ipath)
        item.indicators = c.texts(i, "indicators", ipath)
        item.notes = c.texts(i, "notes", ipath)
        for tpath, t in c.items(i, "tables", ipath):
            columns = c.texts(t, "columns", tpath)
            rows = []
            for rn, row in enumerate(t.get("rows", []) if isinstance(t.get("rows"), list) else []):
                if not isinstance(row, list) or not all(isinstance(x, str) for x in row):
                    c.fail(f"{tpath}.rows[{rn}]", "must be a list of text cells")
                else:
                    rows.append(row)
            item.tables.append(SmallTable(c.text(t, "title", tpath) or "",
                                          c.text(t, "unit", tpath) or "", columns, rows))
        for ppath, p in c.items(i, "pictures", ipath):
            item.pictures.append(Picture(c.text(p, "caption", ppath) or "",
                                         c.text(p, "credit", ppath) or "",
                                         c.text(p, "image", ppath, nullable=True)))
        initiatives[key] = item

    priorities = []
    numbers_seen: set[int] = set()
    for ppath, p in c.items(e, "priorities", path):
        number = c.integer(p, "number", ppath, required=True, minimum=1) or 0
        if number in numbers_seen:
            c.fail(f"{ppath}.number", f"duplicate priority number {number}")
        numbers_seen.add(number)
        priority = Priority(number, c.text(p, "title", ppath, required=True) or "",
                            c.text(p, "lead", ppath) or "", c.texts(p, "situation", ppath),
                            c.texts(p, "past_actions", ppath))
        for apath, a in c.items(p, "actions", ppath):
            key = c.text(a, "initiative", apath, required=True) or ""
            if key and key not in initiatives:
                c.fail(f"{apath}.initiative", f"no initiative with key 「{key}」 in this edition")
                continue
            priority.actions.append(PriorityAction(
                c.text(a, "heading", apath) or "", initiatives.get(key) or Initiative(key, ""),
                c.text(a, "description", apath, nullable=True)))
        priorities.append(priority)

    return {"edition": edition, "visions": visions, "ward_plans": ward_plans,
            "initiatives": list(initiatives.values()), "priorities": priorities}


# -- import ----------------------------------------------------------------------------------

def is_empty(store: PlanStore) -> bool:
    return not store.fiscal_years() and not store.wards()


def load_json_text(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError([f"line {error.lineno}, column {error.colno}: not valid JSON "
                               f"({error.msg})"]) from error


def import_document(store: PlanStore, data: Any, *, replace: bool = False) -> None:
    """Write a whole document into ``store``: all of it in one transaction, or nothing."""
    import_parsed(store, parse_document(data), replace=replace)


def import_parsed(store: PlanStore, parsed: ParsedPlan, *, replace: bool = False) -> None:
    """Write an already validated document (see ``parse_document``)."""
    if not replace and not is_empty(store):
        raise ValidationError(["(file): already holds a plan; import into a new file or use "
                               "--replace"])
    with store.atomic():
        if replace:
            for table in ("edition", "ward", "plan"):
                store.db.execute(f"DELETE FROM {table}")
        write_parsed(store, parsed)


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
