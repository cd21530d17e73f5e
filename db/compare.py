"""Comparing two fiscal years (前年度比較 / 新旧対照表): the logic behind the editor's view, the
``planbook compare`` workbook and PDF. Pure data: no Qt, no drawing.

Items are matched by lineage (``predecessor_id``, followed across skipped years), never by
title or key: the sample's two editions hold different documents and stay unlinked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .era import era_label
from .records import (
    EditionDocument,
    Initiative,
    Priority,
    PriorityAction,
    Vision,
    Ward,
    WardPlan,
    WardProject,
)
from .store import PlanStore

MARK_LABELS = {"added": "新規", "discontinued": "廃止・終了", "renamed": "名称変更",
               "moved": "移動", "listed": "掲載追加", "unlisted": "掲載終了"}


@dataclass
class CompareRow:
    kind: str  # "initiative" or "project"
    title: str  # as it is now (as it was, when discontinued)
    previous_title: str | None  # None: there was none
    amount: int | None
    previous: int | None
    marks: tuple[str, ...] = ()
    note: str = ""  # e.g. "← ビジョン2" for a move
    id: int | None = None
    previous_id: int | None = None

    @property
    def difference(self) -> int | None:
        if "discontinued" in self.marks or "unlisted" in self.marks:
            return None if self.previous is None else -self.previous
        if "added" in self.marks:
            return self.amount
        if self.amount is None or self.previous is None:
            return None
        return self.amount - self.previous

    @property
    def percent(self) -> float | None:
        """The change in % of the previous amount (None when there is nothing to compare)."""
        difference = self.difference
        if difference is None or not self.previous or set(self.marks) & {
                "added", "discontinued", "unlisted"}:
            return None
        return difference * 100.0 / self.previous

    @property
    def changed(self) -> bool:
        return bool(self.marks) or (self.difference or 0) != 0


@dataclass
class CompareSection:
    kind: str  # "priority", "vision", "ward" (booklet initiatives) or "ward_projects"
    title: str
    colour: str | None = None
    amount_label: str = "金額"
    rows: list[CompareRow] = field(default_factory=list)

    @property
    def amount(self) -> int | None:
        """The section's total now (None while no amount is entered: a fresh new year)."""
        values = [r.amount for r in self.rows if r.amount is not None]
        return sum(values) if values else None

    @property
    def previous(self) -> int:
        return sum(r.previous or 0 for r in self.rows)

    @property
    def difference(self) -> int | None:
        return None if self.amount is None else self.amount - self.previous

    @property
    def percent(self) -> float | None:
        if self.difference is None or not self.previous:
            return None
        return self.difference * 100.0 / self.previous


@dataclass
class Comparison:
    from_year: int
    to_year: int
    plan_name: str
    sections: list[CompareSection]
    amount: int | None  # every initiative of the later year (None: no amount entered yet)
    previous: int  # every initiative of the earlier year

    @property
    def from_label(self) -> str:
        return era_label(self.from_year)

    @property
    def to_label(self) -> str:
        return era_label(self.to_year)

    def counts(self) -> dict[str, int]:
        """How many items were added, discontinued, renamed, moved or changed in amount (an
        initiative shown under a priority item and a vision counts once)."""
        out = dict.fromkeys(("added", "discontinued", "renamed", "moved", "changed"), 0)
        seen: set[tuple] = set()
        for section in self.sections:
            for row in section.rows:
                identity = (row.kind, row.id, row.previous_id)
                if identity in seen or set(row.marks) & {"listed", "unlisted"}:
                    continue
                seen.add(identity)
                for mark in row.marks:
                    out[mark] += 1
                if not row.marks and row.difference:
                    out["changed"] += 1
        return out


def ancestors(store: PlanStore, table: str, from_year: int, to_year: int) -> dict[int, int]:
    """Each ``to_year`` record's ancestor in ``from_year`` (lineage followed across years)."""
    edition = ("(SELECT edition_id FROM ward_plan WHERE id = t.ward_plan_id)"
               if table == "ward_project" else "t.edition_id")
    rows = store.db.execute(
        f"SELECT t.id, t.predecessor_id, e.fiscal_year FROM {table} t "
        f"JOIN edition e ON e.id = {edition} WHERE e.fiscal_year BETWEEN ? AND ?",
        [from_year, to_year]).fetchall()
    parent = {row_id: predecessor for row_id, predecessor, _ in rows}
    year_of = {row_id: year for row_id, _, year in rows}
    found = {}
    for row_id, year in year_of.items():
        if year != to_year:
            continue
        ancestor = parent[row_id]
        while ancestor is not None and year_of.get(ancestor, from_year - 1) > from_year:
            ancestor = parent.get(ancestor)
        if ancestor is not None and year_of.get(ancestor) == from_year:
            found[row_id] = ancestor
    return found


def _home(item: Initiative) -> tuple[str, object] | None:
    if item.vision_number is not None:
        return ("vision", item.vision_number)
    if item.ward_name is not None:
        return ("ward", item.ward_name)
    return None


def _home_label(home: tuple[str, object] | None) -> str:
    if home is None:
        return "重点事項のみ"
    return f"ビジョン{home[1]}" if home[0] == "vision" else str(home[1])


class _Builder:
    def __init__(self, old: EditionDocument, new: EditionDocument, lineage: dict[int, int],
                 project_lineage: dict[int, int]):
        self.old, self.new = old, new
        self.lineage = lineage
        self.successors = {p: c for c, p in lineage.items()}
        self.old_items = {i.id: i for i in old.initiatives}
        self.project_lineage = project_lineage
        self.project_successors = {p: c for c, p in project_lineage.items()}

    def row(self, item: Initiative, home=None) -> CompareRow:
        before = self.old_items.get(self.lineage.get(item.id))
        marks: list[str] = []
        note = ""
        if before is None:
            marks.append("added")
        else:
            if before.title != item.title:
                marks.append("renamed")
            if home is not None and _home(before) != home:
                marks.append("moved")
                note = f"← {_home_label(_home(before))}"
        return CompareRow("initiative", item.title, before.title if before else None,
                          item.amount, before.amount if before else None, tuple(marks), note,
                          item.id, before.id if before else None)

    def gone(self, before: Initiative, mark: str = "discontinued") -> CompareRow:
        return CompareRow("initiative", before.title, before.title, None, before.amount, (mark,),
                          "", None, before.id)

    def priorities(self) -> list[CompareSection]:
        sections = []
        old = {p.number: p for p in self.old.priorities}
        new = {p.number: p for p in self.new.priorities}
        for number in sorted(old.keys() | new.keys()):
            now, then = new.get(number), old.get(number)
            section = CompareSection("priority", f"重点事項{number} {(now or then).title}")
            listed_before = {a.initiative.id for a in then.actions} if then else set()
            kept = set()
            for action in now.actions if now else []:
                row = self.row(action.initiative)
                if row.previous_id is not None:
                    kept.add(row.previous_id)
                    if row.previous_id not in listed_before:
                        row.marks += ("listed",)
                section.rows.append(row)
            for action in then.actions if then else []:
                item = action.initiative
                if item.id not in kept:
                    mark = "unlisted" if item.id in self.successors else "discontinued"
                    section.rows.append(self.gone(item, mark))
            sections.append(section)
        return sections

    def homes(self) -> list[CompareSection]:
        new_by: dict = defaultdict(list)
        old_by: dict = defaultdict(list)
        for item in self.new.initiatives:
            new_by[_home(item)].append(item)
        for item in self.old.initiatives:
            old_by[_home(item)].append(item)
        colours = {("vision", v.number): v.colour for v in self.old.visions + self.new.visions}
        titles = {("vision", v.number): v.title for v in self.old.visions + self.new.visions}
        order = sorted((h for h in new_by.keys() | old_by.keys() if h and h[0] == "vision"),
                       key=lambda h: h[1])
        wards = [w.ward for w in self.new.ward_plans + self.old.ward_plans]
        for ward in sorted({w.name: w for w in wards}.values(), key=lambda w: (w.position, w.id)):
            if ("ward", ward.name) in new_by or ("ward", ward.name) in old_by:
                order.append(("ward", ward.name))
        sections = []
        for home in order:
            title = (f"ビジョン{home[1]} {titles.get(home, '')}" if home[0] == "vision"
                     else f"{home[1]} (区における自主自立のまちづくり)")
            section = CompareSection(home[0], title, colours.get(home))
            section.rows = [self.row(item, home) for item in new_by.get(home, [])]
            section.rows += [self.gone(item) for item in old_by.get(home, [])
                             if item.id not in self.successors]
            sections.append(section)
        return sections

    def ward_projects(self) -> list[CompareSection]:
        old = {w.ward.name: w for w in self.old.ward_plans if w.projects}
        new = {w.ward.name: w for w in self.new.ward_plans if w.projects}
        before = {p.id: p for w in old.values() for p in w.projects}
        sections = []
        for plan in [*new.values(), *(w for n, w in old.items() if n not in new)]:
            name = plan.ward.name
            section = CompareSection("ward_projects", f"{name} まちづくり推進経費事業",
                                     amount_label="当初予算")
            for project in new[name].projects if name in new else []:
                was = before.get(self.project_lineage.get(project.id))
                marks = ("added",) if was is None else (
                    ("renamed",) if was.name != project.name else ())
                section.rows.append(CompareRow(
                    "project", project.name, was.name if was else None, project.initial,
                    was.initial if was else None, marks, "", project.id,
                    was.id if was else None))
            for project in old[name].projects if name in old else []:
                if project.id not in self.project_successors:
                    section.rows.append(CompareRow("project", project.name, project.name, None,
                                                   project.initial, ("discontinued",), "", None,
                                                   project.id))
            sections.append(section)
        return sections


class _Item:
    """An initiative as a comparison reads it (a full ``Initiative`` costs 25 µs to build)."""

    __slots__ = ("id", "key", "title", "amount", "vision_number", "ward_name", "predecessor_id")

    def __init__(self, row_id, key, title, amount, vision_number, ward_name, predecessor_id):
        self.id, self.key, self.title, self.amount = row_id, key, title, amount
        self.vision_number, self.ward_name = vision_number, ward_name
        self.predecessor_id = predecessor_id


def _outline(store: PlanStore, fiscal_year: int) -> EditionDocument:
    """Only what a comparison reads (titles, amounts, homes, lineage): no JSON decoding, so a
    10,000-initiative year loads in a fraction of ``store.load``'s time."""
    edition = store.edition(fiscal_year)
    db = store.db
    items = [_Item(row_id, key, title, amount, vision, ward, predecessor)
             for row_id, key, title, amount, vision, ward, predecessor in db.execute(
                 "SELECT i.id, i.key, i.title, i.amount, v.number, w.name, i.predecessor_id "
                 "FROM initiative i LEFT JOIN vision v ON v.id = i.vision_id "
                 "LEFT JOIN ward_plan wp ON wp.id = i.ward_plan_id "
                 "LEFT JOIN ward w ON w.id = wp.ward_id WHERE i.edition_id = ? "
                 "ORDER BY i.position, i.id", [edition.id])]
    by_id = {i.id: i for i in items}
    priorities = {row_id: Priority(number, title, id=row_id) for row_id, number, title in
                  db.execute("SELECT id, number, title FROM priority WHERE edition_id = ? "
                             "ORDER BY number", [edition.id])}
    for priority_id, initiative_id in db.execute(
            "SELECT a.priority_id, a.initiative_id FROM priority_action a JOIN priority p "
            "ON p.id = a.priority_id WHERE p.edition_id = ? ORDER BY a.position, a.id",
            [edition.id]):
        priorities[priority_id].actions.append(PriorityAction("", by_id[initiative_id]))
    visions = [Vision(number, title, colour, id=row_id) for row_id, number, title, colour in
               db.execute("SELECT id, number, title, colour FROM vision WHERE edition_id = ? "
                          "ORDER BY number", [edition.id])]
    plans = {row_id: WardPlan(Ward(name, kind, position, ward_id), id=row_id)
             for row_id, name, kind, position, ward_id in db.execute(
                 "SELECT wp.id, w.name, w.kind, w.position, w.id FROM ward_plan wp JOIN ward w "
                 "ON w.id = wp.ward_id WHERE wp.edition_id = ? ORDER BY w.position, w.id",
                 [edition.id])}
    for row_id, plan_id, name, initial, predecessor in db.execute(
            "SELECT p.id, p.ward_plan_id, p.name, p.initial, p.predecessor_id FROM ward_project p "
            "JOIN ward_plan wp ON wp.id = p.ward_plan_id WHERE wp.edition_id = ? "
            "ORDER BY p.position, p.id", [edition.id]):
        plans[plan_id].projects.append(WardProject(name, initial=initial,
                                                   predecessor_id=predecessor, id=row_id))
    for item in items:
        if item.ward_name is not None:
            next(p for p in plans.values() if p.ward.name == item.ward_name).initiatives.append(item)
    return EditionDocument(store.plan(), edition, list(priorities.values()), visions,
                           list(plans.values()), items)


def compare_years(store: PlanStore, from_year: int, to_year: int) -> Comparison:
    """The later year against the earlier one, per priority item, vision and ward."""
    years = store.fiscal_years()
    for year in (from_year, to_year):
        if year not in years:
            raise KeyError(year)
    old, new = _outline(store, from_year), _outline(store, to_year)
    builder = _Builder(old, new, ancestors(store, "initiative", from_year, to_year),
                       ancestors(store, "ward_project", from_year, to_year))
    sections = builder.priorities() + builder.homes() + builder.ward_projects()
    amounts = [i.amount for i in new.initiatives if i.amount is not None]
    return Comparison(from_year, to_year, new.plan.name, sections,
                      sum(amounts) if amounts else None,
                      sum(i.amount or 0 for i in old.initiatives))
