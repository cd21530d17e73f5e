"""The JSON interchange, validated: a decoded document checked as a whole (every problem with
its JSON path) and turned into records ready to be written (``ParsedPlan``)."""

from __future__ import annotations

import re
from typing import Any

from . import change_log, limits
from .errors import ValidationError
from .headings import HEADINGS
from .interchange_checker import Checker, is_whole, kind_of
from .interchange_cycle import check_lineage, parse_history, parse_predecessor
from .interchange_export import FORMAT, FORMAT_VERSION
from .messages import msg, shown
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

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
COLOUR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
WORKBOOK_KEY_PATTERN = re.compile(r"^([0-9a-f]{64})?$")
DATE_PATTERN = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

EDITION_TEXT_LISTS = ("cover_parts", "about", "pdca_steps", "context", "priority_intro",
                      "cross_cutting", "ward_intro", "ward_policies", "ward_budget_lines")
EDITION_TEXTS = ("title", "slogan", "cover_credit", "pdca_title", "pdca_cycle_title",
                 "pdca_cycle_text", "visions_intro")


class ParsedPlan:
    """A validated document, as records ready to be written."""

    def __init__(self) -> None:
        self.plan = Plan()
        self.wards: list[Ward] = []
        self.editions: list[dict] = []  # {"edition", "initiatives", "priorities", ...}
        self.change_log: list[dict] | None = None  # None: the document has none


def parse_document(data: Any) -> ParsedPlan:
    """Validate a decoded JSON document; raise ValidationError listing every problem."""
    c = Checker()
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


def _parse_edition(c: Checker, e: dict, path: str, ward_kinds: dict[str, str]) -> dict:
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
            c.fail(f"{vpath}.colour", msg("must be \"#RRGGBB\", not %1", kind_of(colour)))
        related = v.get("related", [])
        if not isinstance(related, list) or len(related) > limits.LIST_ITEMS or not all(
                is_whole(r) for r in related):
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
            if is_whole(r) and r not in vision_numbers:
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
                if not is_whole(number) or number not in vision_numbers:
                    c.fail(f"{ipath}.home.vision", msg("no vision %1 in this edition",
                                                       kind_of(number)))
                else:
                    item.vision_number = number
                    measure = home.get("measure")
                    if measure is not None and (not isinstance(measure, str)
                                                or measure not in vision_numbers[number]):
                        c.fail(f"{ipath}.home.measure", msg("no measure %1 in vision %2",
                                                            kind_of(measure), number))
                        measure = None
                    item.measure_code = measure
            elif "ward" in home:
                if not isinstance(home["ward"], str) or home["ward"] not in planned:
                    c.fail(f"{ipath}.home.ward", msg("no ward plan for %1 in this edition",
                                                     kind_of(home["ward"])))
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


def _table_rows(c: Checker, t: dict, tpath: str, columns: list[str]) -> list[list[str]]:
    """A small table's rows: lists of text cells, no wider than its header."""
    value = t.get("rows", [])
    if not isinstance(value, list):
        c.fail(f"{tpath}.rows", msg("must be a list of rows, not %1", kind_of(value)))
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


def _parse_headings(c: Checker, e: dict, path: str) -> dict[str, str]:
    """``headings``: an object of known heading keys → their wording (empty: the default)."""
    where = f"{path}.headings"
    headings = c.obj(e.get("headings", {}), where)
    out: dict[str, str] = {}
    for key, value in headings.items():
        if key not in HEADINGS:
            c.fail(f"{where}.{shown(key)}", msg("not a heading PlanBook prints (known: %1)",
                                                ", ".join(HEADINGS)))
        elif not isinstance(value, str):
            c.fail(f"{where}.{key}", msg("must be text, not %1", kind_of(value)))
        elif value and c.checked_text(value, f"{where}.{key}", "edition", "headings"):
            out[key] = value
    return out
