"""The booklet's parts, in the seed's order, as lists of blocks (empty parts are left out)."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor

from db.era import era_label
from db.headings import heading
from db.money import format_amount
from db.records import EditionDocument, Vision

from ..typeset import Preflight, short
from .blocks import (
    Band,
    Bullets,
    Card,
    Contents,
    Heading,
    Panel,
    Para,
    PartTitle,
    Pills,
    SideBySide,
    Tab,
    Table,
    VisionGrid,
)
from .layout import Anchor, Block, FullPage, PageBreak, SetPart, Spacer
from .pages import paint_back_cover, paint_cover
from .style import BODY, NOTE, PLAN, SMALL, TABLE_CELL, WARD, colour

PRIORITY = HexColor("#C8553D")


def vision_has_content(v: Vision) -> bool:
    return bool(v.direction or v.measures or v.initiatives)


def vision_key(v: Vision) -> str:
    return f"vision-{v.number}"


def build_blocks(doc: EditionDocument, preflight: Preflight) -> tuple[list[Block], Contents | None]:
    e = doc.edition
    year = era_label(e.fiscal_year)
    draft = e.status == "draft"
    h = e.heading
    blocks: list[Block] = [FullPage("cover", lambda c, p: paint_cover(c, p, doc))]

    # -- about the action plan + PDCA ---------------------------------------------------------
    if e.about or e.pdca_steps or e.pdca_cycle_text:
        about = h("about")
        blocks += [SetPart(about, PLAN), Anchor("about", about)]
        if e.about:
            blocks += [Heading(about, PLAN, space_before=0),
                       Bullets("", e.about, PLAN, style=BODY, where=about)]
        if e.pdca_steps or e.pdca_cycle_text:
            blocks.append(Heading(e.pdca_title or "マネジメント(PDCA)サイクル", PLAN))
            if e.pdca_steps:
                blocks.append(Bullets("", e.pdca_steps, PLAN, numbered=True, style=BODY,
                                      where="PDCA"))
            if e.pdca_cycle_text:
                from .pages import PdcaCycle

                blocks.append(PdcaCycle(e.pdca_cycle_title, e.pdca_cycle_text, PLAN))
        blocks.append(PageBreak())

    # -- 本市を取り巻く状況 ----------------------------------------------------------------------
    if e.context:
        context = h("context")
        blocks += [SetPart(context, PLAN), Anchor("context", context),
                   Heading(context, PLAN, space_before=0)]
        blocks += [Para("\u3000" + p.lstrip("\u3000"), BODY, space_before=6,
                        where=context) for p in e.context]
        blocks.append(PageBreak())

    # -- contents (numbers filled in from anchors when drawn) ------------------------------------
    contents_anchors: list[Anchor] = []
    colours: dict[str, Color] = {}
    contents = None
    contents_at = len(blocks)

    # -- 1. 重点事項 ------------------------------------------------------------------------------
    part1: list[Block] = []
    if doc.priorities:
        part_name = f"1. {h('priorities')}"
        anchor = Anchor("priorities", part_name, 0, part_name)
        contents_anchors.append(anchor)
        part1 += [PageBreak(), SetPart(part_name, PLAN), anchor,
                  PartTitle(h("priorities"), PLAN, kicker="1.")]
        part1 += [Para(p, BODY, space_before=6) for p in e.priority_intro]
        for p in doc.priorities:
            part1.append(Tab(f"{h('priority', n=p.number)}\u3000{p.title}", PRIORITY,
                             space_before=8))
        for p in doc.priorities:
            label = h("priority", n=p.number)
            # each priority follows on (its band keeps with its lead), as in the seed
            part1 += [SetPart(f"{part_name} ─ {label}", PRIORITY),
                      Anchor(f"priority-{p.number}", f"{label} {p.title}", 1),
                      PartTitle(p.title, PRIORITY, kicker=label, height=56, space_before=22)]
            if p.lead:
                lead = Para(p.lead, BODY, space_before=4, where=label)
                lead.keep_with_next = bool(p.situation or p.past_actions)  # with its boxes
                part1.append(lead)
            boxes = []
            if p.situation:
                boxes.append(Bullets(h("priority_situation"), p.situation, PRIORITY,
                                     where=f"{label} {h('priority_situation')}"))
            if p.past_actions:
                boxes.append(Bullets(h("priority_past_actions"), p.past_actions, PLAN,
                                     where=f"{label} {h('priority_past_actions')}"))
            if len(boxes) == 2:
                part1.append(SideBySide(*boxes))
            else:
                part1 += boxes
            if p.actions:
                part1.append(Heading(h("priority_actions", year=year), PRIORITY))
                heading = None
                for action in p.actions:
                    if action.heading and action.heading != heading:
                        part1.append(Tab(action.heading, PRIORITY, bracket=True, space_before=9))
                        heading = action.heading
                    part1.append(Card(action.initiative, PRIORITY, mode="priority",
                                      description=action.shown_description,
                                      title=action.shown_title, draft=draft,
                                      headings=e.headings,
                                      where=f"{label} card {short(action.shown_title)}"))
    # -- 2. 各ビジョンにおける主な取組 ------------------------------------------------------------
    part2: list[Block] = []
    visions = [v for v in doc.visions if vision_has_content(v)]
    for v in doc.visions:
        if not vision_has_content(v):
            preflight.add(None, f"ビジョン{v.number}", "no direction, measures or initiatives: left out")
    if visions:
        part_name = f"2. {h('visions')}"
        anchor = Anchor("visions", part_name, 0, part_name)
        contents_anchors.append(anchor)
        part2 += [PageBreak(), SetPart(part_name, PLAN), anchor,
                  PartTitle(h("visions"), PLAN, kicker="2.")]
        if e.visions_intro:
            part2.append(Para(e.visions_intro, BODY, space_before=6))
        part2.append(Heading(h("vision_grid", plan=doc.plan.name, visions=len(doc.visions))
                             if doc.plan.name else "ビジョン", PLAN))
        part2.append(VisionGrid([(v.number, v.title, colour(v.colour)) for v in doc.visions]))
        if e.cross_cutting:
            part2.append(Heading(h("cross_cutting"), PLAN))
            part2.append(Pills(h("cross_cutting_lead", visions=len(doc.visions),
                                 views=len(e.cross_cutting)), e.cross_cutting, PLAN))
        titles = {v.number: v.title for v in doc.visions}
        for v in visions:
            part2 += vision_blocks(v, titles, year, contents_anchors, colours, draft=draft,
                                   headings=e.headings)

    # -- 区における自主自立のまちづくり --------------------------------------------------------
    part3: list[Block] = []
    panels = [w for w in doc.ward_plans if w.headline or w.description or w.initiatives]
    if panels or e.ward_intro or e.ward_budget_lines:
        title = h("wards")
        anchor = Anchor("wards", title, 0, title)
        contents_anchors.append(anchor)
        part3 += [PageBreak(), SetPart(title, WARD), anchor, PartTitle(title, WARD)]
        if e.ward_intro:
            part3.append(Heading(h("ward_intro"), WARD, mark="●", space_before=4))
            part3 += [Para(p, BODY, space_before=6, where=title) for p in e.ward_intro]
        budget = Bullets(h("ward_budget"), e.ward_budget_lines, WARD,
                         where=h("ward_budget")) if e.ward_budget_lines else None
        if e.ward_policies:
            policies = Bullets(h("ward_policies"), e.ward_policies, WARD,
                               where=f"{title} {h('ward_policies')}")
            if budget is not None:
                # the budget summary sits beside the policies, ahead of the ward panels, so it
                # is never left alone on a page after them
                part3.append(SideBySide(policies, budget, space_before=10, share=0.64))
                budget = None
            else:
                part3.append(policies)
        for w in panels:
            rows = [(i.title, i.description, format_amount(i.amount, unit=True))
                    for i in w.initiatives]
            name = w.ward.name
            part3.append(Panel(name, w.headline, w.description, rows, WARD,
                               where=f"{name} panel"))
        if budget is not None:
            part3.append(budget)

    if contents_anchors:
        anchor = Anchor("contents", h("contents"))
        contents = Contents(contents_anchors, colours, PLAN)
        blocks[contents_at:contents_at] = [SetPart(h("contents"), PLAN), anchor,
                                           Heading(h("contents"), PLAN, space_before=0, mark=""),
                                           Spacer(8), contents, PageBreak()]
    blocks += part1 + part2 + part3
    blocks.append(FullPage("back", lambda c, p: paint_back_cover(c, p, doc)))
    return blocks, contents


def vision_blocks(v: Vision, titles: dict[int, str], year: str, contents_anchors: list[Anchor],
                  colours: dict[str, Color], *, draft: bool = True,
                  headings: dict[str, str] | None = None) -> list[Block]:
    headings = headings or {}

    def h(key: str, **values: object) -> str:
        return heading(headings, key, **values)

    c = colour(v.colour)
    key = vision_key(v)
    label = f"ビジョン{v.number}"
    anchor = Anchor(key, f"{label} {v.title}", 1, f"{label}:{v.title}")
    contents_anchors.append(anchor)
    colours[key] = c
    out: list[Block] = [PageBreak(), SetPart(f"{label} {v.title}", c), anchor,
                        Band(v.number, v.title, c)]
    if v.direction:
        out.append(Heading(h("vision_direction", n=v.number), c, space_before=4))
        out += [Para(p, BODY, space_before=5, where=f"{label} 方向性") for p in v.direction]
    if v.measures:
        out.append(Heading(h("vision_measures"), c))
        out.append(Table([h("measure_code"), "", h("measure_goal")],
                         [[m.code, m.title, m.goal] for m in v.measures],
                         [0.09, 0.38, 0.53], c, where=f"{label} 施策",
                         cell_styles=[TABLE_CELL, TABLE_CELL.but(phrase=True), TABLE_CELL]))
    if v.related:
        names = "／".join(f"ビジョン{n} {titles.get(n, '')}".rstrip() for n in v.related)
        out.append(Para(f"{h('vision_related')}{names}", NOTE, space_before=6))
    if v.initiatives:
        out.append(Heading(h("vision_initiatives", year=year), c))
        category = None
        for item in v.initiatives:
            if item.category and item.category != category:
                out.append(Tab(item.category, c))
            category = item.category
            out.append(Card(item, c, mode="vision", draft=draft, headings=headings,
                            where=f"{label} card {short(item.title)}"))
    return out


__all__ = ["build_blocks", "SMALL"]
