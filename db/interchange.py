"""The JSON interchange format (docs/interchange-format.md): whole plan files in and out.

``to_json`` is deterministic, so export → import → export is byte-identical. ``import_json``
validates the whole document first and reports every problem with its JSON path; only a valid
document is written, inside one transaction.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from . import change_log, limits
from .errors import FinalEditionError, ValidationError
from .headings import HEADINGS
from .interchange_cycle import (
    LineageIndex,
    add_history,
    add_initiative_lineage,
    add_project_lineage,
    check_lineage,
    parse_history,
    parse_predecessor,
    write_cycle,
)
from .messages import msg, shown
from .records import (
    EDITION_STATUSES,
    STATUSES,
    WARD_KINDS,
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
WORKBOOK_KEY_PATTERN = re.compile(r"^([0-9a-f]{64})?$")
DATE_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

EDITION_TEXT_LISTS = ("cover_parts", "about", "pdca_steps", "context", "priority_intro",
                      "cross_cutting", "ward_intro", "ward_policies", "ward_budget_lines")
EDITION_TEXTS = ("title", "slogan", "cover_credit", "pdca_title", "pdca_cycle_title",
                 "pdca_cycle_text", "visions_intro")


# -- export ----------------------------------------------------------------------------------

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


# -- validation ------------------------------------------------------------------------------

# The record each list of a document holds, for the per-field limits (db/limits.py).
_LIST_TABLES = {"wards": "ward", "editions": "edition", "initiatives": "initiative",
                "priorities": "priority", "actions": "priority_action", "visions": "vision",
                "measures": "measure", "ward_plans": "ward_plan", "groups": "ward_group",
                "projects": "ward_project", "tables": "initiative", "pictures": "initiative",
                "contact": "edition", "plan": "plan", "printed_totals": "ward_plan", "home":
                "initiative"}


def _table(path: str) -> str:
    """The record a JSON path is in: ``editions[0].initiatives[3]`` → ``initiative``."""
    for part in reversed(path.split(".")):
        name = part.split("[", 1)[0]
        if name in _LIST_TABLES:
            return _LIST_TABLES[name]
    return "plan"


class BigNumber:
    """A JSON number with too many digits to convert (see ``load_json_text``)."""

    def __init__(self, digits: str):
        self.digits = digits


class _Checker:
    """Collects ``path: problem`` lines while reading a JSON document."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(msg("%1: %2", path, message))

    def obj(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            self.fail(path, msg("must be an object, not %1", _kind(value)))
            return {}
        return value

    def checked_text(self, value: str, where: str, table: str, column: str) -> bool:
        problem = limits.text_problem(table, column, value)
        if problem:
            self.fail(where, problem)
        return problem is None

    def text(self, parent: dict, key: str, path: str, *, required: bool = False,
             nullable: bool = False) -> str | None:
        value = parent.get(key)
        where = f"{path}.{key}" if path else key
        if value is None:
            if key in parent and nullable:
                return None
            if required or key in parent:
                self.fail(where, msg("required") if key not in parent or required
                          else msg("must be text"))
            return None if nullable else ""
        if not isinstance(value, str):
            self.fail(where, msg("must be text, not %1", _kind(value)))
            return ""
        if not self.checked_text(value, where, _table(path), key):
            return ""
        if required and not value.strip():
            self.fail(where, msg("required (empty)"))
        return value

    def texts(self, parent: dict, key: str, path: str) -> list[str]:
        value = parent.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, msg("must be a list of text, not %1", _kind(value)))
            return []
        table = _table(path)
        problem = limits.count_problem(table, key, len(value))
        if problem:
            self.fail(where, problem)
            return []
        for n, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{where}[{n}]", msg("must be text, not %1", _kind(item)))
            else:
                self.checked_text(item, f"{where}[{n}]", table, key)
        return [v for v in value if isinstance(v, str)]

    def integer(self, parent: dict, key: str, path: str, *, required: bool = False,
                minimum: int | None = None, maximum: int = limits.MAX_INTEGER) -> int | None:
        value = parent.get(key)
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.fail(where, msg("required"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, msg("must be a whole number, not %1", _kind(value)))
            return None
        problem = limits.integer_problem(value, minimum, maximum)
        if problem:
            self.fail(where, problem)
            return None
        return value

    def money(self, parent: dict, key: str, path: str) -> int | None:
        """Money: whole 千円 or null."""
        return self.integer(parent, key, path)

    def choice(self, parent: dict, key: str, path: str, choices: tuple, *,
               nullable: bool = True, default: str | None = None) -> str | None:
        value = parent.get(key, default)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in choices:
            self.fail(f"{path}.{key}", msg("must be one of %1, not %2", ", ".join(choices)
                                           + ("" if not nullable else " or null"), _kind(value)))
            return default
        return value

    def free_object(self, parent: dict, key: str, path: str) -> dict:
        """A JSON object stored as it is (an event's detail, a snapshot's content): only plain
        values, each storable (no over-long numbers, NaN or lone surrogates)."""
        value = parent.get(key, {})
        where = f"{path}.{key}"
        if not isinstance(value, dict):
            self.fail(where, msg("must be an object"))
            return {}
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
                stack.extend(item.keys())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                if _SURROGATES.search(item):
                    self.fail(where, msg("contains an invalid character (a lone surrogate code "
                                         "point)"))
                    return {}
            elif isinstance(item, float) and item != item or item in (float("inf"),
                                                                       float("-inf")):
                self.fail(where, msg("must not hold NaN or Infinity"))
                return {}
            elif not (item is None or isinstance(item, bool | float)
                      or (isinstance(item, int) and abs(item) <= limits.MAX_INTEGER)):
                self.fail(where, msg("holds %1", _kind(item)))
                return {}
        return value

    def items(self, parent: dict, key: str, path: str) -> list[tuple[str, dict]]:
        value = parent.get(key, [])
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, msg("must be a list, not %1", _kind(value)))
            return []
        problem = limits.count_problem(_table(path) if path else "plan", key, len(value))
        if problem:
            self.fail(where, problem)
            return []
        return [(f"{where}[{n}]", self.obj(item, f"{where}[{n}]")) for n, item in enumerate(value)]


def _kind(value: Any) -> str:
    """What a value is, for a message: its type, and the value itself when short."""
    if isinstance(value, BigNumber):
        return msg("a number of %1 digits", f"{len(value.digits):,}")
    if isinstance(value, str):
        return msg("text 「%1」", shown(value))
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return msg("the number %1", shown(value))
    return {dict: msg("an object"), list: msg("a list")}.get(type(value), type(value).__name__)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= limits.MAX_INTEGER


class ParsedPlan:
    """A validated document, as records ready to be written."""

    def __init__(self) -> None:
        self.plan = Plan()
        self.wards: list[Ward] = []
        self.editions: list[dict] = []  # {"edition", "initiatives", "priorities", ...}
        self.change_log: list[dict] | None = None  # None: the document has none


def parse_document(data: Any) -> ParsedPlan:
    """Validate a decoded JSON document; raise ValidationError listing every problem."""
    c = _Checker()
    result = ParsedPlan()
    root = c.obj(data, "(document)")
    if root.get("format") != FORMAT:
        c.fail("format", msg("must be \"%1\" (this is not a PlanBook interchange file)", FORMAT))
        raise ValidationError(c.problems)
    version = root.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        c.fail("format_version", msg("%1 is newer than this PlanBook reads (%2); update PlanBook",
                                     version, FORMAT_VERSION))
        raise ValidationError(c.problems)
    if version != FORMAT_VERSION:
        c.fail("format_version", msg("must be %1", FORMAT_VERSION))
    plan = (c.obj(root.get("plan"), "plan") if "plan" in root
            else c.fail("plan", msg("required")) or {})
    result.plan = Plan(c.text(plan, "name", "plan", required=True) or "",
                       c.text(plan, "city", "plan", required=True) or "",
                       c.texts(plan, "notes", "plan"), c.text(plan, "workbook_key", "plan") or "")
    if not WORKBOOK_KEY_PATTERN.match(result.plan.workbook_key):
        c.fail("plan.workbook_key", msg("must be 64 hexadecimal digits or empty"))
    ward_kinds: dict[str, str] = {}
    for path, w in c.items(root, "wards", ""):
        name = c.text(w, "name", path, required=True) or ""
        kind = c.choice(w, "kind", path, WARD_KINDS, nullable=False, default="ward")
        if name in ward_kinds:
            c.fail(f"{path}.name", msg("duplicate ward 「%1」", name))
        ward_kinds[name] = kind or "ward"
        result.wards.append(Ward(name, kind or "ward"))
    years: set[int] = set()
    for path, e in c.items(root, "editions", ""):
        parsed = _parse_edition(c, e, path, ward_kinds)
        year = parsed["edition"].fiscal_year
        if year in years:
            c.fail(f"{path}.fiscal_year", msg("duplicate fiscal year %1", year))
        years.add(year)
        result.editions.append(parsed)
    if "change_log" in root:
        result.change_log = change_log.parse_entries(root["change_log"], c.fail)
    check_lineage(c, result.editions)
    if c.problems:
        raise ValidationError(c.problems)
    return result


def _parse_edition(c: _Checker, e: dict, path: str, ward_kinds: dict[str, str]) -> dict:
    year = c.integer(e, "fiscal_year", path, required=True, minimum=1989, maximum=2200) or 0
    edition = Edition(year)
    for key in EDITION_TEXTS:
        setattr(edition, key, c.text(e, key, path) or "")
    for key in EDITION_TEXT_LISTS:
        setattr(edition, key, c.texts(e, key, path))
    edition.status = c.choice(e, "status", path, EDITION_STATUSES, nullable=False,
                              default="draft") or "draft"
    date = e.get("publication_date")
    if date is not None and not (isinstance(date, str) and DATE_PATTERN.match(date)):
        c.fail(f"{path}.publication_date", msg("must be \"YYYY-MM\" or null"))
        date = None
    edition.publication_date = date
    contact = c.obj(e.get("contact", {}), f"{path}.contact")
    edition.contact = Contact(*(c.text(contact, k, f"{path}.contact") or "" for k in
                                ("organisation", "department", "tel", "fax", "email")))
    edition.headings = _parse_headings(c, e, path)

    vision_numbers: dict[int, set[str]] = {}
    visions = []
    for vpath, v in c.items(e, "visions", path):
        number = c.integer(v, "number", vpath, required=True, minimum=1) or 0
        if number in vision_numbers:
            c.fail(f"{vpath}.number", msg("duplicate vision number %1", number))
        colour = c.text(v, "colour", vpath) or "#1F4E79"
        if not COLOUR_PATTERN.match(colour):
            c.fail(f"{vpath}.colour", msg("must be \"#RRGGBB\", not %1", _kind(colour)))
        related = v.get("related", [])
        if not isinstance(related, list) or len(related) > limits.LIST_ITEMS or not all(
                _whole(r) for r in related):
            c.fail(f"{vpath}.related", msg("must be a list of vision numbers"))
            related = []
        vision = Vision(number, c.text(v, "title", vpath, required=True) or "", colour,
                        c.texts(v, "direction", vpath), related)
        codes: set[str] = set()
        for mpath, m in c.items(v, "measures", vpath):
            code = c.text(m, "code", mpath, required=True) or ""
            if code and code in codes:
                c.fail(f"{mpath}.code", msg("duplicate measure code 「%1」", code))
            codes.add(code)
            vision.measures.append(Measure(code, c.text(m, "title", mpath, required=True) or "",
                                           c.text(m, "goal", mpath) or ""))
        vision_numbers[number] = codes
        visions.append(vision)
    for vpath, v in c.items(e, "visions", path):
        related = v.get("related")
        for n, r in enumerate(related[:limits.LIST_ITEMS] if isinstance(related, list) else []):
            if _whole(r) and r not in vision_numbers:
                c.fail(f"{vpath}.related[{n}]", msg("no vision %1 in this edition", r))

    ward_plans = []
    planned: set[str] = set()
    project_lineage: dict[tuple[str, int], dict] = {}
    initiative_lineage: dict[str, dict] = {}
    for wpath, w in c.items(e, "ward_plans", path):
        name = c.text(w, "ward", wpath, required=True) or ""
        if name and name not in ward_kinds:
            c.fail(f"{wpath}.ward", msg("「%1」 is not in the top-level wards list", name))
        if name in planned:
            c.fail(f"{wpath}.ward", msg("duplicate ward plan for 「%1」", name))
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
                c.fail(f"{gpath}.show_subtotal", msg("must be true or false"))
            plan.groups.append(WardGroup(c.text(g, "title", gpath, required=True) or "",
                                         bool(show),
                                         description=c.text(g, "description", gpath) or ""))
        numbers: set[int] = set()
        for ppath, p in c.items(w, "projects", wpath):
            group = p.get("group")
            if group is not None and (isinstance(group, bool) or not isinstance(group, int)
                                      or not 0 <= group < len(plan.groups)):
                c.fail(f"{ppath}.group", msg("must be a group index 0–%1 or null",
                                             len(plan.groups) - 1))
                group = None
            number = c.integer(p, "number", ppath, minimum=0)
            if number is not None and number in numbers:
                c.fail(f"{ppath}.number", msg("duplicate project number %1", number))
            if number is not None:
                numbers.add(number)
            project = WardProject(
                c.text(p, "name", ppath, required=True) or "", number,
                c.text(p, "description", ppath) or "",
                c.choice(p, "status", ppath, STATUSES),
                *(c.money(p, k, ppath) for k in ("initial", "revised", "settled")))
            project.group_id = group  # an index until written
            ref = parse_predecessor(c, p, ppath, ("ward", "project"))
            if ref is not None:
                project_lineage[(name, len(plan.projects))] = ref
            plan.projects.append(project)
        ward_plans.append(plan)

    initiatives: dict[str, Initiative] = {}
    for ipath, i in c.items(e, "initiatives", path):
        key = c.text(i, "key", ipath, required=True) or ""
        if key and not KEY_PATTERN.match(key):
            c.fail(f"{ipath}.key", msg("use lower-case letters, digits and '-' only"))
        if key in initiatives:
            c.fail(f"{ipath}.key", msg("duplicate initiative key 「%1」", key))
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
                if not _whole(number) or number not in vision_numbers:
                    c.fail(f"{ipath}.home.vision", msg("no vision %1 in this edition",
                                                       _kind(number)))
                else:
                    item.vision_number = number
                    measure = home.get("measure")
                    if measure is not None and (not isinstance(measure, str)
                                                or measure not in vision_numbers[number]):
                        c.fail(f"{ipath}.home.measure", msg("no measure %1 in vision %2",
                                                            _kind(measure), number))
                        measure = None
                    item.measure_code = measure
            elif "ward" in home:
                if not isinstance(home["ward"], str) or home["ward"] not in planned:
                    c.fail(f"{ipath}.home.ward", msg("no ward plan for %1 in this edition",
                                                     _kind(home["ward"])))
                else:
                    item.ward_name = home["ward"]
            else:
                c.fail(f"{ipath}.home", msg("must be {\"vision\": N}, {\"ward\": name} or null"))
        item.highlights = c.texts(i, "highlights", ipath)
        item.indicators = c.texts(i, "indicators", ipath)
        item.notes = c.texts(i, "notes", ipath)
        for tpath, t in c.items(i, "tables", ipath):
            columns = c.texts(t, "columns", tpath)
            rows = _table_rows(c, t, tpath, columns)
            item.tables.append(SmallTable(c.text(t, "title", tpath) or "",
                                          c.text(t, "unit", tpath) or "", columns, rows))
        for ppath, p in c.items(i, "pictures", ipath):
            item.pictures.append(Picture(c.text(p, "caption", ppath) or "",
                                         c.text(p, "credit", ppath) or "",
                                         c.text(p, "image", ppath, nullable=True)))
        ref = parse_predecessor(c, i, ipath, ("key",))
        if ref is not None:
            initiative_lineage[key] = ref
        initiatives[key] = item

    priorities = []
    numbers_seen: set[int] = set()
    for ppath, p in c.items(e, "priorities", path):
        number = c.integer(p, "number", ppath, required=True, minimum=1) or 0
        if number in numbers_seen:
            c.fail(f"{ppath}.number", msg("duplicate priority number %1", number))
        numbers_seen.add(number)
        priority = Priority(number, c.text(p, "title", ppath, required=True) or "",
                            c.text(p, "lead", ppath) or "", c.texts(p, "situation", ppath),
                            c.texts(p, "past_actions", ppath))
        for apath, a in c.items(p, "actions", ppath):
            key = c.text(a, "initiative", apath, required=True) or ""
            if key and key not in initiatives:
                c.fail(f"{apath}.initiative", msg("no initiative with key 「%1」 in this edition", key))
                continue
            priority.actions.append(PriorityAction(
                c.text(a, "heading", apath) or "", initiatives.get(key) or Initiative(key, ""),
                c.text(a, "description", apath, nullable=True),
                title=c.text(a, "title", apath, nullable=True)))
        priorities.append(priority)

    events, snapshots = parse_history(c, e, path)
    status, edition.status = edition.status, "draft"  # written as a draft, finalized last
    return {"edition": edition, "visions": visions, "ward_plans": ward_plans,
            "initiatives": list(initiatives.values()), "priorities": priorities,
            "status": status, "initiative_lineage": initiative_lineage,
            "project_lineage": project_lineage, "events": events, "snapshots": snapshots}


def _table_rows(c: _Checker, t: dict, tpath: str, columns: list[str]) -> list[list[str]]:
    """A small table's rows: lists of text cells, no wider than its header."""
    value = t.get("rows", [])
    if not isinstance(value, list):
        c.fail(f"{tpath}.rows", msg("must be a list of rows, not %1", _kind(value)))
        return []
    problem = limits.count_problem("initiative", "rows", len(value))
    if problem:
        c.fail(f"{tpath}.rows", problem)
        return []
    width = len(columns) or limits.count_limit("initiative", "columns")
    rows = []
    for rn, row in enumerate(value):
        where = f"{tpath}.rows[{rn}]"
        if not isinstance(row, list) or not all(isinstance(x, str) for x in row):
            c.fail(where, msg("must be a list of text cells"))
        elif len(row) > width:
            c.fail(where, msg("has %1 cells; the table has %2 columns", len(row), width))
        elif all(c.checked_text(cell, f"{where}[{n}]", "initiative", "cell")
                 for n, cell in enumerate(row)):
            rows.append(row)
    return rows


def _parse_headings(c: _Checker, e: dict, path: str) -> dict[str, str]:
    """``headings``: an object of known heading keys → their wording (empty: the default)."""
    where = f"{path}.headings"
    headings = c.obj(e.get("headings", {}), where)
    out: dict[str, str] = {}
    for key, value in headings.items():
        if key not in HEADINGS:
            c.fail(f"{where}.{shown(key)}", msg("not a heading PlanBook prints (known: %1)",
                                                ", ".join(HEADINGS)))
        elif not isinstance(value, str):
            c.fail(f"{where}.{key}", msg("must be text, not %1", _kind(value)))
        elif value and c.checked_text(value, f"{where}.{key}", "edition", "headings"):
            out[key] = value
    return out


# -- import ----------------------------------------------------------------------------------

def is_empty(store: PlanStore) -> bool:
    return not store.fiscal_years() and not store.wards()


def load_json_text(text: str) -> Any:
    """Decode a JSON document, refusing (with a message, never a traceback) what cannot be a
    plan: invalid JSON, nesting deeper than a plan has, numbers too long to be amounts."""
    try:
        data = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise ValidationError([msg("line %1, column %2: not valid JSON (%3)", error.lineno,
                                   error.colno, error.msg)]) from error
    except RecursionError:
        raise ValidationError([msg("(document): nested too deeply (a plan is at most %1 levels "
                                   "deep)", limits.MAX_JSON_DEPTH)]) from None
    if _too_deep(data, limits.MAX_JSON_DEPTH):
        raise ValidationError([msg("(document): nested too deeply (a plan is at most %1 levels "
                                   "deep)", limits.MAX_JSON_DEPTH)])
    return data


def _parse_int(digits: str) -> int | BigNumber:
    if len(digits.lstrip("-")) > limits.MAX_NUMBER_DIGITS:
        return BigNumber(digits)
    return int(digits)


def _parse_constant(name: str) -> float:
    return float(name)  # NaN and Infinity: decimals, refused wherever a value is read


def _too_deep(data: Any, depth: int) -> bool:
    """True when ``data`` nests lists/objects more than ``depth`` levels (without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            if level > depth:
                return True
            stack.extend((v, level + 1) for v in (value.values() if isinstance(value, dict)
                                                  else value))
    return False


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
