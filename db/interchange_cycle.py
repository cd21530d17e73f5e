"""The annual cycle in the JSON interchange: lineage, edition events and snapshots.

Written only when present, so a plan without them exports exactly as before:
- an initiative's ``"predecessor": {"fiscal_year": 2024, "key": "v1-jidouteate"}``;
- a ward project's ``"predecessor": {"fiscal_year": 2022, "ward": "中央区", "project": 3}``
  (``project`` indexes that ward plan's ``projects`` list);
- an edition's ``"events"`` and ``"snapshots"`` lists (``detail`` and ``content`` objects).
"""

from __future__ import annotations

from typing import Any

from . import change_log
from .history import events, insert_event, insert_snapshot, snapshots
from .records import EVENT_KINDS, SNAPSHOT_KINDS, EditionDocument, EditionEvent, EditionSnapshot
from .store import PlanStore


class LineageIndex:
    """Record id → its place in the document, for writing ``predecessor`` references."""

    def __init__(self, docs: list[EditionDocument]):
        self.initiatives: dict[int, dict] = {}
        self.projects: dict[int, dict] = {}
        for doc in docs:
            year = doc.edition.fiscal_year
            for item in doc.initiatives:
                self.initiatives[item.id] = {"fiscal_year": year, "key": item.key}
            for plan in doc.ward_plans:
                for index, project in enumerate(plan.projects):
                    self.projects[project.id] = {"fiscal_year": year, "ward": plan.ward.name,
                                                 "project": index}


def add_initiative_lineage(out: dict, predecessor_id: int | None, index: LineageIndex) -> None:
    if predecessor_id is not None and predecessor_id in index.initiatives:
        out["predecessor"] = index.initiatives[predecessor_id]


def add_project_lineage(out: dict, predecessor_id: int | None, index: LineageIndex) -> None:
    if predecessor_id is not None and predecessor_id in index.projects:
        out["predecessor"] = index.projects[predecessor_id]


def add_history(out: dict, store: PlanStore, fiscal_year: int) -> None:
    found = events(store, fiscal_year)
    if found:
        out["events"] = [{"kind": e.kind, "at": e.at, "user": e.user, "reason": e.reason,
                          "detail": e.detail} for e in found]
    taken = snapshots(store, fiscal_year)
    if taken:
        out["snapshots"] = [{"kind": s.kind, "at": s.at, "user": s.user,
                             "page_count": s.page_count, "pdf_sha256": s.pdf_sha256,
                             "note": s.note, "content": s.content} for s in taken]


# -- reading -------------------------------------------------------------------------------------

def parse_history(c: Any, e: dict, path: str) -> tuple[list[EditionEvent], list[EditionSnapshot]]:
    """An edition's ``events`` and ``snapshots``; ``c`` is interchange's problem collector."""
    found_events = []
    for epath, ev in c.items(e, "events", path):
        detail = c.free_object(ev, "detail", epath)
        found_events.append(EditionEvent(
            c.choice(ev, "kind", epath, EVENT_KINDS, nullable=False, default="created"),
            c.text(ev, "at", epath, required=True) or "", c.text(ev, "user", epath) or "",
            c.text(ev, "reason", epath) or "", detail))
    found_snapshots = []
    for spath, s in c.items(e, "snapshots", path):
        content = c.free_object(s, "content", spath)
        found_snapshots.append(EditionSnapshot(
            c.choice(s, "kind", spath, SNAPSHOT_KINDS, nullable=False, default="printed"),
            c.text(s, "at", spath, required=True) or "", c.text(s, "user", spath) or "",
            c.integer(s, "page_count", spath, minimum=0), c.text(s, "pdf_sha256", spath) or "",
            c.text(s, "note", spath) or "", content))
    return found_events, found_snapshots


def parse_predecessor(c: Any, parent: dict, path: str, fields: tuple[str, ...]) -> dict | None:
    """A ``predecessor`` reference's shape (resolved once every edition is read)."""
    ref = parent.get("predecessor")
    if ref is None:
        return None
    where = f"{path}.predecessor"
    if not isinstance(ref, dict) or set(ref) != {"fiscal_year", *fields}:
        c.fail(where, "must be {" + ", ".join(f'"{k}": …' for k in ("fiscal_year", *fields))
               + "} or null")
        return None
    return {**ref, "_path": where}


def check_lineage(c: Any, editions: list[dict]) -> None:
    """Every predecessor names an earlier edition's initiative or project in this document."""
    keys = {(p["edition"].fiscal_year, i.key) for p in editions for i in p["initiatives"]}
    projects = {(p["edition"].fiscal_year, w.ward.name): len(w.projects)
                for p in editions for w in p["ward_plans"]}
    for parsed in editions:
        year = parsed["edition"].fiscal_year
        for ref in [*parsed["initiative_lineage"].values(), *parsed["project_lineage"].values()]:
            ref_year = ref["fiscal_year"]
            if not isinstance(ref_year, int) or isinstance(ref_year, bool) or ref_year >= year:
                c.fail(ref["_path"], f"fiscal_year must be a year before {year}")
            elif "key" in ref and (ref_year, ref["key"]) not in keys:
                c.fail(ref["_path"], f"no initiative 「{ref['key']}」 in {ref_year}")
            elif "ward" in ref and not (isinstance(ref["project"], int) and
                                        0 <= ref["project"] < projects.get((ref_year, ref["ward"]),
                                                                          0)):
                c.fail(ref["_path"], f"no project {ref['project']} of 「{ref['ward']}」 in {ref_year}")


# -- writing -------------------------------------------------------------------------------------

def write_cycle(store: PlanStore, editions: list[dict]) -> None:
    """After every edition is written (as a draft): lineage, history, then final statuses."""
    initiatives = {(p["edition"].fiscal_year, i.key): i.id
                   for p in editions for i in p["initiatives"]}
    projects = {(p["edition"].fiscal_year, w.ward.name, n): project.id
                for p in editions for w in p["ward_plans"] for n, project in enumerate(w.projects)}
    links: dict[str, list[tuple[int, int]]] = {"initiative": [], "ward_project": []}
    for parsed in editions:
        year = parsed["edition"].fiscal_year
        by_key = {i.key: i.id for i in parsed["initiatives"]}
        for key, ref in parsed["initiative_lineage"].items():
            links["initiative"].append((initiatives[(ref["fiscal_year"], ref["key"])],
                                        by_key[key]))
        for (ward, index), ref in parsed["project_lineage"].items():
            links["ward_project"].append((
                projects[(ref["fiscal_year"], ref["ward"], ref["project"])],
                projects[(year, ward, index)]))
    for table, pairs in links.items():
        if pairs:
            store.db.conn.executemany(f"UPDATE {table} SET predecessor_id = ? WHERE id = ?", pairs)
    for parsed in editions:
        edition = parsed["edition"]
        for event in parsed["events"]:
            insert_event(store, edition.id, event)
        for snapshot in parsed["snapshots"]:
            insert_snapshot(store, edition.id, snapshot)
        if parsed["status"] == "final":  # part of adding it (logged as added), not a change
            with change_log.unlogged(store):
                store.update_fields("edition", edition.id, {"status": "final"})
            edition.status = "final"
