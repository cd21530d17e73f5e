"""Typed records: what the rest of PlanBook reads from and writes to a plan file.

Money fields are integer 千円 (thousand yen) or ``None`` when unknown. Lists are in printed order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .headings import heading

STATUSES = ("new", "expanded", "continued")
STATUS_LABELS = {"new": "新規", "expanded": "拡充", "continued": "継続"}
EDITION_STATUSES = ("draft", "final")
WARD_KINDS = ("ward", "common")


@dataclass
class Contact:
    """The issuing section's contact, printed on the back cover."""

    organisation: str = ""
    department: str = ""
    tel: str = ""
    fax: str = ""
    email: str = ""


@dataclass
class Plan:
    """The comprehensive plan (総合計画) the editions belong to."""

    name: str = ""
    city: str = ""
    notes: list[str] = field(default_factory=list)
    workbook_key: str = ""  # the secret that signs ward workbooks (empty until the first export)


@dataclass
class SmallTable:
    """A small table printed on an initiative's card (staffing, subsidy rates…)."""

    title: str = ""
    unit: str = ""
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Picture:
    """An illustrative picture (イメージ) on an initiative's card."""

    caption: str = ""
    credit: str = ""
    image: str | None = None  # base64 PNG/JPEG


@dataclass
class Initiative:
    """取組: one card in the booklet, shown in its vision (or ward) and any priority item."""

    key: str
    title: str
    description: str = ""
    amount: int | None = None
    previous_amount: int | None = None
    budget_note: str = ""
    category: str = ""
    status: str | None = None
    section: str = ""
    vision_number: int | None = None  # home: a vision …
    measure_code: str | None = None
    ward_name: str | None = None  # … or a ward panel, or neither (priority only)
    highlights: list[str] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tables: list[SmallTable] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    position: int = 0
    predecessor_id: int | None = None  # the previous edition's initiative (lineage)
    predecessor_amount: int | None = None  # read only: the predecessor's amount
    id: int | None = None
    edition_id: int | None = None

    @property
    def previous(self) -> int | None:
        """The 前年度 amount: derived from the predecessor when there is one, else as typed."""
        return self.predecessor_amount if self.predecessor_id is not None else self.previous_amount


@dataclass
class PriorityAction:
    """An initiative listed under a priority item's heading (主なアクション)."""

    heading: str
    initiative: Initiative
    description: str | None = None  # priority-page wording when it differs
    position: int = 0
    id: int | None = None
    title: str | None = None  # priority-page title when it differs (None: the initiative's)

    @property
    def shown_title(self) -> str:
        return self.title if self.title is not None else self.initiative.title

    @property
    def shown_description(self) -> str:
        return self.description if self.description is not None else self.initiative.description


@dataclass
class Priority:
    """重点事項: a priority item of the edition."""

    number: int
    title: str
    lead: str = ""
    situation: list[str] = field(default_factory=list)
    past_actions: list[str] = field(default_factory=list)
    actions: list[PriorityAction] = field(default_factory=list)
    id: int | None = None
    edition_id: int | None = None


@dataclass
class Measure:
    """施策: a vision's measure (code, title, goal)."""

    code: str
    title: str
    goal: str = ""
    position: int = 0
    id: int | None = None
    vision_id: int | None = None


@dataclass
class Vision:
    """ビジョン: a vision with its direction, measures and initiatives."""

    number: int
    title: str
    colour: str = "#1F4E79"
    direction: list[str] = field(default_factory=list)
    related: list[int] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)
    id: int | None = None
    edition_id: int | None = None


@dataclass
class Ward:
    """区: a ward, or the panel common to all wards (kind "common")."""

    name: str
    kind: str = "ward"
    position: int = 0
    id: int | None = None


@dataclass
class WardGroup:
    """A heading that groups a ward sheet's projects (a policy), with its subtotal."""

    title: str
    show_subtotal: bool = False
    position: int = 0
    id: int | None = None
    ward_plan_id: int | None = None
    description: str = ""  # a line printed under the group's heading, if any


@dataclass
class WardProject:
    """A row of a ward sheet: a project and its three budget stages (千円)."""

    name: str
    number: int | None = None
    description: str = ""
    status: str | None = None
    initial: int | None = None
    revised: int | None = None
    settled: int | None = None
    group_id: int | None = None
    position: int = 0
    predecessor_id: int | None = None  # the previous edition's project (lineage)
    id: int | None = None
    ward_plan_id: int | None = None


@dataclass
class Totals:
    """Sums of the three budget stages (None: no figure at all)."""

    initial: int | None = None
    revised: int | None = None
    settled: int | None = None


@dataclass
class WardPlan:
    """A ward's part of an edition: its sheet and its panel in the booklet."""

    ward: Ward
    headline: str = ""
    description: str = ""
    policies: list[str] = field(default_factory=list)
    allocation: int | None = None
    printed_totals: Totals = field(default_factory=Totals)
    groups: list[WardGroup] = field(default_factory=list)
    projects: list[WardProject] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)  # booklet panel
    id: int | None = None
    edition_id: int | None = None

    def totals(self) -> Totals:
        """Column sums of the projects; a column with no figure at all stays None."""
        return sum_projects(self.projects)

    def group_totals(self, group_id: int | None) -> Totals:
        return sum_projects([p for p in self.projects if p.group_id == group_id])


def sum_projects(projects: list[WardProject]) -> Totals:
    def column(name: str) -> int | None:
        values = [getattr(p, name) for p in projects if getattr(p, name) is not None]
        return sum(values) if values else None

    return Totals(column("initial"), column("revised"), column("settled"))


@dataclass
class Edition:
    """One fiscal year's action plan (アクションプラン): its front matter and status."""

    fiscal_year: int
    title: str = ""
    status: str = "draft"
    slogan: str = ""
    publication_date: str | None = None  # "YYYY-MM"
    cover_parts: list[str] = field(default_factory=list)
    cover_credit: str = ""
    about: list[str] = field(default_factory=list)
    pdca_title: str = ""
    pdca_steps: list[str] = field(default_factory=list)
    pdca_cycle_title: str = ""
    pdca_cycle_text: str = ""
    context: list[str] = field(default_factory=list)
    priority_intro: list[str] = field(default_factory=list)
    visions_intro: str = ""
    cross_cutting: list[str] = field(default_factory=list)
    ward_intro: list[str] = field(default_factory=list)
    ward_policies: list[str] = field(default_factory=list)
    ward_budget_lines: list[str] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    headings: dict[str, str] = field(default_factory=dict)  # wording of printed headings
    id: int | None = None

    def heading(self, key: str, **values: object) -> str:
        """This edition's wording of a printed heading (db.headings), placeholders filled."""
        return heading(self.headings, key, **values)


@dataclass
class EditionDocument:
    """One fiscal year with everything resolved: what the booklet and ward sheets print."""

    plan: Plan
    edition: Edition
    priorities: list[Priority]
    visions: list[Vision]
    ward_plans: list[WardPlan]
    initiatives: list[Initiative]  # every initiative, in edition order

    def vision(self, number: int) -> Vision | None:
        return next((v for v in self.visions if v.number == number), None)

    def ward_plan(self, name: str) -> WardPlan | None:
        return next((w for w in self.ward_plans if w.ward.name == name), None)


EVENT_KINDS = ("created", "rolled_over", "finalized", "reopened")
SNAPSHOT_KINDS = ("printed", "review")


@dataclass
class EditionEvent:
    """Something that happened to a whole edition: created, rolled over, finalized, reopened."""

    kind: str
    at: str  # ISO 8601 local time with offset
    user: str = ""
    reason: str = ""
    detail: dict = field(default_factory=dict)
    id: int | None = None
    edition_id: int | None = None


@dataclass
class EditionSnapshot:
    """What was printed (or sent out for review): the edition's content at that moment."""

    kind: str
    at: str
    user: str = ""
    page_count: int | None = None
    pdf_sha256: str = ""
    note: str = ""
    content: dict = field(default_factory=dict)
    id: int | None = None
    edition_id: int | None = None
