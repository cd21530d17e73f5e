"""Typed readers and writers: the plan, wards, editions, visions, initiatives, priorities and
ward plans as records (db/records.py), and whole editions loaded at once."""

from __future__ import annotations

from .records import (
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
from .store_rows import RowStore, _dump


class RecordStore(RowStore):
    """The typed record API over RowStore's rows (PlanStore puts the two together)."""

    # -- plan and wards ----------------------------------------------------------------------
    def plan(self) -> Plan:
        rows = self._rows("SELECT name, city, notes, workbook_key FROM plan WHERE id = 1")
        if not rows:
            return Plan()
        row = self._decode("plan", rows[0])
        return Plan(row["name"], row["city"], row["notes"], row["workbook_key"])

    def set_plan(self, plan: Plan) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO plan (id, name, city, notes, workbook_key) VALUES (1, ?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, city = excluded.city, "
                "notes = excluded.notes, workbook_key = excluded.workbook_key",
                [plan.name, plan.city, _dump(plan.notes), plan.workbook_key])

    def ensure_workbook_key(self) -> str:
        """The secret that signs ward workbooks, made (once, at random) when there is none."""
        key = self.plan().workbook_key
        if not key:
            import secrets  # only here: most commands never need a key

            key = secrets.token_hex(32)
            with self.db.atomic():
                self.db.execute("INSERT INTO plan (id) VALUES (1) ON CONFLICT(id) DO NOTHING")
                self.db.execute("UPDATE plan SET workbook_key = ? WHERE id = 1", [key])
        return key

    def wards(self) -> list[Ward]:
        return [Ward(r["name"], r["kind"], r["position"], r["id"])
                for r in self._rows("SELECT * FROM ward ORDER BY position, id")]

    def add_ward(self, ward: Ward) -> int:
        position = self._next_position("ward", "1", [])
        ward.id = self._insert("ward", {"name": ward.name, "kind": ward.kind, "position": position})
        ward.position = position
        return ward.id

    # -- editions ----------------------------------------------------------------------------
    def fiscal_years(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT fiscal_year FROM edition ORDER BY fiscal_year")]

    def editions(self) -> list[Edition]:
        return [self._edition(r) for r in self._rows("SELECT * FROM edition ORDER BY fiscal_year")]

    def edition(self, fiscal_year: int) -> Edition | None:
        rows = self._rows("SELECT * FROM edition WHERE fiscal_year = ?", [fiscal_year])
        return self._edition(rows[0]) if rows else None

    def _edition(self, row: dict) -> Edition:
        row = self._decode("edition", row)
        row["contact"] = Contact(**row["contact"])
        return Edition(**row)

    @staticmethod
    def _edition_values(edition: Edition) -> dict:
        values = {k: v for k, v in edition.__dict__.items() if k != "id"}
        values["contact"] = dict(edition.contact.__dict__)
        return values

    def add_edition(self, edition: Edition) -> int:
        edition.id = self._insert("edition", self._edition_values(edition))
        return edition.id

    def update_edition(self, edition: Edition) -> None:
        self.update_fields("edition", edition.id, self._edition_values(edition))

    # -- visions and measures ----------------------------------------------------------------
    def visions(self, edition_id: int) -> list[Vision]:
        rows = self._rows("SELECT * FROM vision WHERE edition_id = ? ORDER BY number", [edition_id])
        return [Vision(**self._decode("vision", r)) for r in rows]

    def add_vision(self, edition_id: int, vision: Vision) -> int:
        vision.edition_id = edition_id
        vision.id = self._insert("vision", {
            "edition_id": edition_id, "number": vision.number, "title": vision.title,
            "colour": vision.colour, "direction": vision.direction, "related": vision.related})
        return vision.id

    def measures(self, vision_id: int) -> list[Measure]:
        rows = self._rows("SELECT * FROM measure WHERE vision_id = ? ORDER BY position, id",
                          [vision_id])
        return [Measure(**r) for r in rows]

    def add_measure(self, vision_id: int, measure: Measure) -> int:
        measure.vision_id = vision_id
        measure.position = self._next_position("measure", "vision_id = ?", [vision_id])
        measure.id = self._insert("measure", {
            "vision_id": vision_id, "code": measure.code, "title": measure.title,
            "goal": measure.goal, "position": measure.position})
        return measure.id

    # -- initiatives -------------------------------------------------------------------------
    _INITIATIVE_SQL = (
        "SELECT i.*, v.number AS vision_number, w.name AS ward_name, "
        "pre.amount AS predecessor_amount FROM initiative i "
        "LEFT JOIN initiative pre ON pre.id = i.predecessor_id "
        "LEFT JOIN vision v ON v.id = i.vision_id "
        "LEFT JOIN ward_plan wp ON wp.id = i.ward_plan_id LEFT JOIN ward w ON w.id = wp.ward_id ")

    def _initiative(self, row: dict) -> Initiative:
        row = self._decode("initiative", row)
        row["tables"] = [SmallTable(**t) for t in row["tables"]]
        row["pictures"] = [Picture(**p) for p in row["pictures"]]
        row.pop("vision_id")
        row.pop("ward_plan_id")
        return Initiative(**row)

    def initiatives(self, edition_id: int, *, vision_id: int | None = None,
                    ward_plan_id: int | None = None) -> list[Initiative]:
        """The edition's initiatives in order, or those of one vision or one ward panel."""
        where, params = "WHERE i.edition_id = ? ", [edition_id]
        if vision_id is not None:
            where, params = where + "AND i.vision_id = ? ", params + [vision_id]
        if ward_plan_id is not None:
            where, params = where + "AND i.ward_plan_id = ? ", params + [ward_plan_id]
        rows = self._each_row(self._INITIATIVE_SQL + where + "ORDER BY i.position, i.id", params)
        return [self._initiative(r) for r in rows]

    def initiative(self, initiative_id: int) -> Initiative | None:
        rows = self._rows(self._INITIATIVE_SQL + "WHERE i.id = ?", [initiative_id])
        return self._initiative(rows[0]) if rows else None

    def _homes(self, edition_id: int) -> tuple[dict[int, int], dict[str, int]]:
        """Vision number → id and ward name → ward plan id, for placing initiatives."""
        visions = dict(self.db.execute(
            "SELECT number, id FROM vision WHERE edition_id = ?", [edition_id]).fetchall())
        wards = dict(self.db.execute(
            "SELECT w.name, wp.id FROM ward_plan wp JOIN ward w ON w.id = wp.ward_id "
            "WHERE wp.edition_id = ?", [edition_id]).fetchall())
        return visions, wards

    def _initiative_values(self, edition_id: int, item: Initiative,
                           homes: tuple[dict[int, int], dict[str, int]] | None = None) -> dict:
        visions, wards = homes or self._homes(edition_id)
        vision_id = ward_plan_id = None
        if item.vision_number is not None:
            if item.vision_number not in visions:
                raise ValueError(f"initiative {item.key}: no vision {item.vision_number}")
            vision_id = visions[item.vision_number]
        if item.ward_name is not None:
            if item.ward_name not in wards:
                raise ValueError(f"initiative {item.key}: no ward plan for {item.ward_name}")
            ward_plan_id = wards[item.ward_name]
        return {
            "edition_id": edition_id, "key": item.key, "title": item.title,
            "description": item.description, "amount": item.amount,
            "previous_amount": item.previous_amount, "budget_note": item.budget_note,
            "category": item.category, "status": item.status, "section": item.section,
            "vision_id": vision_id, "measure_code": item.measure_code,
            "ward_plan_id": ward_plan_id, "highlights": item.highlights,
            "indicators": item.indicators, "notes": item.notes,
            "tables": [t.__dict__ for t in item.tables],
            "pictures": [p.__dict__ for p in item.pictures], "position": item.position,
            "predecessor_id": item.predecessor_id,
        }

    def add_initiative(self, edition_id: int, item: Initiative) -> int:
        item.edition_id = edition_id
        item.position = self._next_position("initiative", "edition_id = ?", [edition_id])
        item.id = self._insert("initiative", self._initiative_values(edition_id, item))
        return item.id

    def add_initiatives(self, edition_id: int, items: list[Initiative]) -> None:
        """Append many initiatives in one transaction (imports, generated plans)."""
        homes = self._homes(edition_id)
        position = self._next_position("initiative", "edition_id = ?", [edition_id])
        with self.db.atomic():
            for offset, item in enumerate(items):
                item.edition_id, item.position = edition_id, position + offset
                values = self._encode("initiative", self._initiative_values(edition_id, item, homes))
                cursor = self.db.execute(
                    f"INSERT INTO initiative ({', '.join(values)}) "
                    f"VALUES ({', '.join('?' for _ in values)})", list(values.values()))
                item.id = cursor.lastrowid

    def update_initiative(self, item: Initiative) -> None:
        values = self._initiative_values(item.edition_id, item)
        values.pop("edition_id")
        self.update_fields("initiative", item.id, values)

    # -- priorities --------------------------------------------------------------------------
    def priorities(self, edition_id: int, initiatives: dict[int, Initiative] | None = None
                   ) -> list[Priority]:
        rows = self._rows("SELECT * FROM priority WHERE edition_id = ? ORDER BY number",
                          [edition_id])
        result = []
        for row in rows:
            priority = Priority(**self._decode("priority", row))
            for action in self._rows(
                    "SELECT * FROM priority_action WHERE priority_id = ? ORDER BY position, id",
                    [priority.id]):
                item = (initiatives or {}).get(action["initiative_id"]) or self.initiative(
                    action["initiative_id"])
                priority.actions.append(PriorityAction(
                    action["heading"], item, action["description"], action["position"],
                    action["id"], action["title"]))
            result.append(priority)
        return result

    def add_priority(self, edition_id: int, priority: Priority) -> int:
        priority.edition_id = edition_id
        priority.id = self._insert("priority", {
            "edition_id": edition_id, "number": priority.number, "title": priority.title,
            "lead": priority.lead, "situation": priority.situation,
            "past_actions": priority.past_actions})
        return priority.id

    def add_priority_action(self, priority_id: int, action: PriorityAction) -> int:
        action.position = self._next_position("priority_action", "priority_id = ?", [priority_id])
        action.id = self._insert("priority_action", {
            "priority_id": priority_id, "initiative_id": action.initiative.id,
            "heading": action.heading, "title": action.title,
            "description": action.description, "position": action.position})
        return action.id

    # -- wards per year ----------------------------------------------------------------------
    def ward_plans(self, edition_id: int) -> list[WardPlan]:
        rows = self._rows(
            "SELECT wp.*, w.name AS ward_name, w.kind AS ward_kind, w.position AS ward_position "
            "FROM ward_plan wp JOIN ward w ON w.id = wp.ward_id WHERE wp.edition_id = ? "
            "ORDER BY w.position, w.id", [edition_id])
        plans = []
        for row in rows:
            row = self._decode("ward_plan", row)
            plan = WardPlan(
                ward=Ward(row["ward_name"], row["ward_kind"], row["ward_position"], row["ward_id"]),
                headline=row["headline"], description=row["description"],
                policies=row["policies"], allocation=row["allocation"],
                printed_totals=Totals(row["printed_initial"], row["printed_revised"],
                                      row["printed_settled"]),
                id=row["id"], edition_id=edition_id)
            plan.groups = self.ward_groups(plan.id)
            plan.projects = self.ward_projects(plan.id)
            plans.append(plan)
        return plans

    def add_ward_plan(self, edition_id: int, plan: WardPlan) -> int:
        plan.edition_id = edition_id
        plan.id = self._insert("ward_plan", {
            "edition_id": edition_id, "ward_id": plan.ward.id, "headline": plan.headline,
            "description": plan.description, "policies": plan.policies,
            "allocation": plan.allocation, "printed_initial": plan.printed_totals.initial,
            "printed_revised": plan.printed_totals.revised,
            "printed_settled": plan.printed_totals.settled})
        return plan.id

    def ward_groups(self, ward_plan_id: int) -> list[WardGroup]:
        rows = self._rows("SELECT * FROM ward_group WHERE ward_plan_id = ? ORDER BY position, id",
                          [ward_plan_id])
        return [WardGroup(r["title"], bool(r["show_subtotal"]), r["position"], r["id"],
                          r["ward_plan_id"], r["description"]) for r in rows]

    def add_ward_group(self, ward_plan_id: int, group: WardGroup) -> int:
        group.ward_plan_id = ward_plan_id
        group.position = self._next_position("ward_group", "ward_plan_id = ?", [ward_plan_id])
        group.id = self._insert("ward_group", {
            "ward_plan_id": ward_plan_id, "title": group.title,
            "description": group.description, "show_subtotal": group.show_subtotal,
            "position": group.position})
        return group.id

    def ward_projects(self, ward_plan_id: int) -> list[WardProject]:
        rows = self._rows(
            "SELECT * FROM ward_project WHERE ward_plan_id = ? ORDER BY position, id",
            [ward_plan_id])
        return [WardProject(**r) for r in rows]

    @staticmethod
    def ward_project_values(project: WardProject) -> dict:
        return {k: getattr(project, k) for k in (
            "group_id", "number", "name", "description", "status", "initial", "revised",
            "settled")}

    def add_ward_project(self, ward_plan_id: int, project: WardProject) -> int:
        project.ward_plan_id = ward_plan_id
        project.position = self._next_position("ward_project", "ward_plan_id = ?", [ward_plan_id])
        values = self.ward_project_values(project)
        values.update(ward_plan_id=ward_plan_id, position=project.position)
        project.id = self._insert("ward_project", values)
        return project.id

    # -- whole editions ----------------------------------------------------------------------
    def load(self, fiscal_year: int) -> EditionDocument:
        """Everything one fiscal year prints, resolved into records (one query per table)."""
        edition = self.edition(fiscal_year)
        if edition is None:
            raise KeyError(fiscal_year)
        initiatives = self.initiatives(edition.id)
        by_id = {i.id: i for i in initiatives}
        visions = self.visions(edition.id)
        for vision in visions:
            vision.measures = self.measures(vision.id)
            vision.initiatives = [i for i in initiatives if i.vision_number == vision.number]
        ward_plans = self.ward_plans(edition.id)
        for plan in ward_plans:
            plan.initiatives = [i for i in initiatives if i.ward_name == plan.ward.name]
        return EditionDocument(self.plan(), edition, self.priorities(edition.id, by_id), visions,
                               ward_plans, initiatives)

    def load_vision(self, fiscal_year: int, number: int) -> EditionDocument:
        """One vision's part of a fiscal year (the vision, its measures and initiatives; no
        priorities or wards): what the preview needs to set that section, read in time that
        does not grow with the rest of the plan."""
        edition = self.edition(fiscal_year)
        if edition is None:
            raise KeyError(fiscal_year)
        visions = self._rows("SELECT * FROM vision WHERE edition_id = ? AND number = ?",
                             [edition.id, number])
        if not visions:
            raise KeyError(number)
        vision = Vision(**self._decode("vision", visions[0]))
        vision.measures = self.measures(vision.id)
        vision.initiatives = self.initiatives(edition.id, vision_id=vision.id)
        return EditionDocument(self.plan(), edition, [], [vision], [], vision.initiatives)
