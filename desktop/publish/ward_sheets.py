"""Ward sheets as a print-ready PDF: one ward per page (or more), A4 landscape.

Each ward: the title (令和4年度 中央区まちづくりの取組み), its vision headline, description and
policies, then the project table No. / 事業名 / 事業内容 / 当初予算 / 補正後 / 決算額 (千円) under
the ward's group headings, with status marks, group subtotals where the ward prints them, the
total, and a line with the allocation, the remaining amount and the execution rate.

Layout happens first (every row measured, pages decided), drawing second, so each page knows
the ward's page count. A row never breaks across pages unless it is taller than a whole page;
a continued table repeats its header. Totals are always the rows' sums; where they differ from
the totals printed in the source, the BuildReport's preflight says so.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from db.era import era_label
from db.errors import ValidationError
from db.money import format_amount
from db.records import STATUS_LABELS, EditionDocument, Totals, WardGroup, WardPlan, WardProject
from desktop.publish.progress import Progress
from desktop.publish.typeset import (
    GOTHIC,
    GOTHIC_BOLD,
    MONO,
    MONO_BOLD,
    BuildReport,
    Preflight,
    TextBlock,
    TextStyle,
    draw_text,
    register_fonts,
    short,
    text_width,
)
from desktop.publish.ward_excel import atomic_output

PAGE_W, PAGE_H = landscape(A4)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 36.0, 34.0, 36.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
TOP = PAGE_H - MARGIN_TOP
BOTTOM = MARGIN_BOTTOM + 14.0  # room for the footer

ACCENT = HexColor("#1F4E79")
HEADER_FILL = HexColor("#DDE6F0")
GROUP_FILL = HexColor("#EEF2F7")
SUBTOTAL_FILL = HexColor("#F5F5F5")
TOTAL_FILL = HexColor("#DDE6F0")
RULE = HexColor("#7F8C99")
GREY = HexColor("#555555")
STATUS_COLOURS = {"new": HexColor("#C0392B"), "expanded": HexColor("#1F6FB2"),
                  "continued": HexColor("#666666")}

# Table columns: (key, header, width); 事業内容 takes what is left.
AMOUNT_W = 64.0
COLUMNS = [("number", "No.", 32.0), ("name", "事業名", 168.0), ("description", "事業内容", 0.0),
           ("initial", "当初予算", AMOUNT_W), ("revised", "補正後", AMOUNT_W),
           ("settled", "決算額", AMOUNT_W)]
COLUMNS[2] = ("description", "事業内容", CONTENT_W - sum(w for _, _, w in COLUMNS))
AMOUNTS = ("initial", "revised", "settled")
PAD_X, PAD_Y = 4.0, 3.5

TITLE = TextStyle(font=GOTHIC_BOLD, size=16, leading=22, align="left", phrase=True)
HEADLINE = TextStyle(font=GOTHIC_BOLD, size=11.5, leading=16, align="left", phrase=True)
BODY = TextStyle(font=GOTHIC, size=9, leading=13.5, align="justify")
POLICY = TextStyle(font=GOTHIC, size=8.5, leading=12, align="left")
STATUS_SIZE = 7.0


@dataclass(frozen=True)
class Density:
    """Type sizes and paddings of the table; a ward that saves a page with COMPACT uses it."""

    cell: TextStyle
    group: TextStyle
    pad_y: float
    total_h: float
    subtotal_h: float
    number_size: float

    @property
    def name(self) -> TextStyle:
        return self.cell.but(font=GOTHIC_BOLD, align="left")


NORMAL = Density(TextStyle(font=GOTHIC, size=8.5, leading=12.5, align="justify"),
                 TextStyle(font=GOTHIC_BOLD, size=9, leading=13, align="left", phrase=True),
                 3.5, 20.0, 18.0, 8.5)
COMPACT = Density(TextStyle(font=GOTHIC, size=8, leading=11.2, align="justify"),
                  TextStyle(font=GOTHIC_BOLD, size=8.5, leading=11.5, align="left", phrase=True),
                  2.5, 17.0, 16.0, 8.0)


def _x(key: str) -> tuple[float, float]:
    """(left, width) of a table column."""
    left = MARGIN_X
    for name, _, width in COLUMNS:
        if name == key:
            return left, width
        left += width
    raise KeyError(key)


# -- layout -------------------------------------------------------------------------------------

@dataclass
class Row:
    kind: str  # "project" | "group" | "subtotal" | "total"
    height: float
    project: WardProject | None = None
    blocks: dict[str, TextBlock] = field(default_factory=dict)
    label: str = ""
    totals: Totals | None = None
    continued: bool = False  # the rest of a row split across pages


@dataclass
class Page:
    ward: WardPlan
    density: Density
    first: bool
    rows: list[Row] = field(default_factory=list)
    summary: bool = False
    number: int = 0  # within the ward
    count: int = 0


@dataclass
class _Head:
    """The first page's header block: vision and policies, laid out."""

    headline: TextBlock | None
    description: TextBlock | None
    policies: list[TextBlock]
    policy_columns: int
    height: float


def sheet_title(doc: EditionDocument, plan: WardPlan) -> str:
    return f"{era_label(doc.edition.fiscal_year)} {plan.ward.name}まちづくりの取組み"


def _cell_width(key: str) -> float:
    return _x(key)[1] - 2 * PAD_X


def _project_row(project: WardProject, d: Density) -> Row:
    name = TextBlock(project.name, d.name)
    description = TextBlock(project.description, d.cell)
    lines = max(name.line_count(_cell_width("name")),
                description.line_count(_cell_width("description")), 1)
    height = lines * d.cell.line_height
    if project.status:
        height = max(height, d.cell.line_height + STATUS_SIZE + 4)
    return Row("project", height + 2 * d.pad_y, project,
               {"name": name, "description": description})


HEAD_PAD, HEAD_GAP, LABEL_W, LABEL_H, POLICY_GAP, BULLET_W = 6.0, 8.0, 62.0, 15.0, 16.0, 10.0
HEAD_INNER_W = CONTENT_W - 2 * 8.0


def _policy_column_width(columns: int) -> float:
    return (HEAD_INNER_W - POLICY_GAP * (columns - 1)) / columns


def _head_layout(plan: WardPlan) -> _Head:
    """Measure the vision block; ``_Drawer.head`` draws it with exactly these distances."""
    headline = TextBlock(plan.headline, HEADLINE) if plan.headline else None
    description = TextBlock(plan.description, BODY) if plan.description else None
    columns = 2 if len(plan.policies) > 3 else 1
    policies = [TextBlock(p, POLICY) for p in plan.policies]
    height = 0.0
    if headline:
        height += max(LABEL_H, headline.wrap(HEAD_INNER_W - LABEL_W - 8.0)) + 3.0
    if description:
        height += description.wrap(HEAD_INNER_W) + 3.0
    if policies:
        heights = [b.wrap(_policy_column_width(columns) - BULLET_W) + 1.5 for b in policies]
        per_column = -(-len(heights) // columns)
        height += 3.0 + max(sum(heights[i:i + per_column])
                            for i in range(0, len(heights), per_column))
    if not height:
        return _Head(None, None, [], 1, 0.0)
    return _Head(headline, description, policies, columns, height + 2 * HEAD_PAD + HEAD_GAP)


def _rows(plan: WardPlan, d: Density) -> list[Row]:
    rows: list[Row] = []
    known = {g.id for g in plan.groups}
    loose = [p for p in plan.projects if p.group_id not in known]
    rows.extend(_project_row(p, d) for p in loose)
    for group in plan.groups:
        members = [p for p in plan.projects if p.group_id == group.id]
        rows.extend(_group_rows(plan, group, members, d))
    rows.append(Row("total", d.total_h, label="合計", totals=plan.totals()))
    return rows


def _group_rows(plan: WardPlan, group: WardGroup, members: list[WardProject],
                d: Density) -> Iterator[Row]:
    block = TextBlock(f"■ {group.title}", d.group)
    yield Row("group", block.wrap(CONTENT_W - 2 * PAD_X) + 2 * d.pad_y + 1,
              blocks={"title": block}, label=group.title)
    yield from (_project_row(p, d) for p in members)
    if group.show_subtotal:
        yield Row("subtotal", d.subtotal_h, label="小計", totals=plan.group_totals(group.id))


HEADER_H = 20.0
TITLE_H = 30.0
CONT_TITLE_H = 24.0
UNIT_H = 12.0
SUMMARY_H = 26.0


def _paginate(plan: WardPlan, head: _Head, rows: list[Row], d: Density) -> list[Page]:
    pages: list[Page] = []

    def new_page() -> tuple[Page, float]:
        page = Page(plan, d, first=not pages)
        pages.append(page)
        top = TOP - (TITLE_H + head.height if page.first else CONT_TITLE_H)
        return page, top - UNIT_H - HEADER_H

    page, y = new_page()
    room_full = (TOP - CONT_TITLE_H - UNIT_H - HEADER_H) - BOTTOM
    index = 0
    while index < len(rows):
        row = rows[index]
        need = _keep_height(rows, index, room_full)
        if y - need >= BOTTOM - 1e-6:
            page.rows.append(row)
            y -= row.height
            index += 1
            continue
        if row.kind == "project" and row.height > room_full:
            head_part, tail = _split_row(row, y - BOTTOM, d)
            if head_part is not None:
                page.rows.append(head_part)
                rows[index] = tail
        if not page.rows:
            # Not even one row fits under the header block: place it anyway, the
            # preflight will report the overflow.
            page.rows.append(row)
            index += 1
        page, y = new_page()
    page.summary = True
    for number, p in enumerate(pages, start=1):
        p.number, p.count = number, len(pages)
    return pages


def _keep_height(rows: list[Row], index: int, limit: float) -> float:
    """Height ``rows[index]`` needs on its page: a group heading stays with its first project,
    the last project with its subtotal, the last row with the total, the total with the summary
    line. A chain taller than ``limit`` (a whole page) falls back to the row alone."""
    need = 0.0
    for i in range(index, len(rows)):
        row = rows[i]
        need += row.height + (SUMMARY_H if row.kind == "total" else 0.0)
        following = rows[i + 1] if i + 1 < len(rows) else None
        if following is None or not (row.kind == "group"
                                     or following.kind in ("subtotal", "total")):
            break
    return need if need <= limit else rows[index].height


def _split_row(row: Row, room: float, d: Density) -> tuple[Row | None, Row]:
    """Split a project row taller than a page by its description's lines."""
    description = row.blocks["description"]
    name = row.blocks.get("name")
    lines_room = room - 2 * d.pad_y
    parts = description.split_at(lines_room)
    if parts is None or (name is not None and name.height > lines_room):
        return None, row
    first_blocks = {"description": parts[0]}
    if name is not None:
        first_blocks["name"] = name
    first_h = max(b.height for b in first_blocks.values())
    if not row.continued and row.project.status:
        first_h = max(first_h, d.cell.line_height + STATUS_SIZE + 4)
    first = Row("project", first_h + 2 * d.pad_y, row.project, first_blocks,
                continued=row.continued)
    rest = Row("project", parts[1].height + 2 * d.pad_y, row.project,
               {"description": parts[1]}, continued=True)
    return first, rest


def _layout(plan: WardPlan, head: _Head) -> list[Page]:
    """Pages at normal density, or compact when that saves a page."""
    pages = _paginate(plan, head, _rows(plan, NORMAL), NORMAL)
    if len(pages) > 1:
        compact = _paginate(plan, head, _rows(plan, COMPACT), COMPACT)
        if len(compact) < len(pages):
            return compact
    return pages


# -- drawing ------------------------------------------------------------------------------------

class _Drawer:
    def __init__(self, canvas: Canvas, doc: EditionDocument, preflight: Preflight):
        self.c = canvas
        self.doc = doc
        self.preflight = preflight
        self.page_no = 0

    def text(self, x: float, y: float, text: str, font: str, size: float,
             color: Color = ACCENT, align: str = "left") -> None:
        width = text_width(text, font, size)
        if align == "right":
            x -= width
        elif align == "center":
            x -= width / 2
        self.c.setFillColor(color)
        draw_text(self.c, x, y, text, font, size)

    def block(self, block: TextBlock, x: float, top: float, where: str,
              color: Color | None = None) -> float:
        if block.missing:
            self.preflight.missing_glyphs(self.page_no, where, block.missing)
        if block.forced:
            self.preflight.add(self.page_no, where, "a word wider than its cell was broken")
        return block.draw(self.c, x, top, color)

    def page(self, page: Page, head: _Head) -> None:
        self.page_no += 1
        c = self.c
        plan = page.ward
        title = sheet_title(self.doc, plan)
        y = TOP
        if page.first:
            key = f"ward-{plan.ward.id or plan.ward.name}"
            c.bookmarkPage(key)
            c.addOutlineEntry(plan.ward.name, key, level=0)
            block = TextBlock(title, TITLE)
            block.wrap(CONTENT_W)
            self.block(block, MARGIN_X, y, f"{plan.ward.name} title", ACCENT)
            y -= TITLE_H
            c.setStrokeColor(ACCENT)
            c.setLineWidth(1.5)
            c.line(MARGIN_X, y + 5, PAGE_W - MARGIN_X, y + 5)
            if head.height:
                y = self.head(plan, head, y)
        else:
            self.text(MARGIN_X, y - 14, f"{title}（続き）", GOTHIC_BOLD, 11)
            y -= CONT_TITLE_H
        self.text(PAGE_W - MARGIN_X, y - 9, "（単位：千円）", GOTHIC, 8, GREY, "right")
        y -= UNIT_H
        self.header(y)
        y -= HEADER_H
        for row in page.rows:
            y = self.row(row, y, plan, page.density)
        if page.summary:
            self.summary(plan, y)
        if y < BOTTOM - 1:
            self.preflight.add(self.page_no, plan.ward.name, "the table runs into the footer "
                               "(the vision and policies take too much of the first page)")
        self.footer(page)
        c.showPage()

    def head(self, plan: WardPlan, head: _Head, top: float) -> float:
        c = self.c
        box_bottom = top - head.height + HEAD_GAP
        c.setFillColor(HexColor("#F5F8FC"))
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN_X, box_bottom, CONTENT_W, top - box_bottom, stroke=1, fill=1)
        left = MARGIN_X + 8.0
        y = top - HEAD_PAD
        name = plan.ward.name
        if head.headline:
            c.setFillColor(ACCENT)
            c.roundRect(left, y - LABEL_H, LABEL_W, LABEL_H, 3, stroke=0, fill=1)
            self.text(left + LABEL_W / 2, y - LABEL_H / 2 - 2.8, "めざす区の姿", GOTHIC_BOLD, 8,
                      white, "center")
            bottom = self.block(head.headline, left + LABEL_W + 8.0, y, f"{name} vision")
            y = min(bottom, y - LABEL_H) - 3.0
        if head.description:
            y = self.block(head.description, left, y, f"{name} description",
                           HexColor("#222222")) - 3.0
        if head.policies:
            y -= 3.0
            columns = head.policy_columns
            column_w = _policy_column_width(columns)
            per_column = -(-len(head.policies) // columns)
            for index, block in enumerate(head.policies):
                column, slot = divmod(index, per_column)
                if slot == 0:
                    cy = y
                x = left + column * (column_w + POLICY_GAP)
                self.text(x + 1.0, cy - POLICY.line_height / 2 - 3.0, "・", GOTHIC_BOLD,
                          POLICY.size, ACCENT)
                cy = self.block(block, x + BULLET_W, cy, f"{name} policy {index + 1}",
                                HexColor("#222222")) - 1.5
        return top - head.height

    def header(self, y: float) -> None:
        c = self.c
        c.setFillColor(HEADER_FILL)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN_X, y - HEADER_H, CONTENT_W, HEADER_H, stroke=1, fill=1)
        for key, label, _ in COLUMNS:
            left, width = _x(key)
            self.text(left + width / 2, y - HEADER_H / 2 - 3.2, label, GOTHIC_BOLD, 8.5,
                      ACCENT, "center")
            if left > MARGIN_X:
                c.line(left, y, left, y - HEADER_H)

    def amounts(self, totals: Totals | WardProject, baseline: float, bold: bool,
                size: float) -> None:
        font = MONO_BOLD if bold else MONO
        for key in AMOUNTS:
            value = getattr(totals, key)
            if value is None:
                continue
            left, width = _x(key)
            self.text(left + width - PAD_X, baseline, format_amount(value), font, size,
                      HexColor("#000000"), "right")

    def grid(self, top: float, height: float, keys: list[str] | None = None) -> None:
        c = self.c
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN_X, top - height, CONTENT_W, height, stroke=1, fill=0)
        for key, _, _ in COLUMNS:
            left, _ = _x(key)
            if left > MARGIN_X and (keys is None or key in keys):
                c.line(left, top, left, top - height)

    def row(self, row: Row, y: float, plan: WardPlan, d: Density) -> float:
        c = self.c
        bottom = y - row.height
        black = HexColor("#000000")
        if row.kind == "group":
            c.setFillColor(GROUP_FILL)
            c.rect(MARGIN_X, bottom, CONTENT_W, row.height, stroke=0, fill=1)
            self.grid(y, row.height, [])
            self.block(row.blocks["title"], MARGIN_X + PAD_X, y - d.pad_y - 0.5,
                       f"{plan.ward.name} group {short(row.label)}", ACCENT)
            return bottom
        if row.kind in ("subtotal", "total"):
            c.setFillColor(TOTAL_FILL if row.kind == "total" else SUBTOTAL_FILL)
            c.rect(MARGIN_X, bottom, CONTENT_W, row.height, stroke=0, fill=1)
            self.grid(y, row.height, list(AMOUNTS))
            baseline = bottom + row.height / 2 - 3.0
            left, width = _x("description")
            self.text(left + width - PAD_X, baseline, row.label, GOTHIC_BOLD, 9, black, "right")
            self.amounts(row.totals, baseline, True, d.number_size)
            return bottom
        project = row.project
        self.grid(y, row.height)
        top = y - d.pad_y
        where = f"{plan.ward.name} No.{project.number or '-'} {short(project.name)}"
        baseline = top - d.cell.line_height / 2 - d.number_size * 0.36
        if not row.continued:
            left, width = _x("number")
            if project.number is not None:
                self.text(left + width / 2, baseline, str(project.number), MONO, d.number_size,
                          black, "center")
            if project.status:
                label = STATUS_LABELS[project.status]
                colour = STATUS_COLOURS[project.status]
                box_w = text_width(label, GOTHIC_BOLD, STATUS_SIZE) + 4.0
                box_top = top - d.cell.line_height - 1.0
                c.setStrokeColor(colour)
                c.setLineWidth(0.6)
                c.roundRect(left + (width - box_w) / 2, box_top - STATUS_SIZE - 2.5, box_w,
                            STATUS_SIZE + 2.5, 1.5, stroke=1, fill=0)
                self.text(left + width / 2, box_top - STATUS_SIZE + 0.4, label, GOTHIC_BOLD,
                          STATUS_SIZE, colour, "center")
            self.amounts(project, baseline, False, d.number_size)
        if "name" in row.blocks:
            left, _ = _x("name")
            self.block(row.blocks["name"], left + PAD_X, top, where, black)
        elif row.continued:
            left, width = _x("number")
            if project.number is not None:
                self.text(left + width / 2, baseline, str(project.number), MONO, d.number_size,
                          GREY, "center")
            left, _ = _x("name")
            self.text(left + PAD_X, baseline, f"{project.name[:14]}（続き）", GOTHIC,
                      d.number_size, GREY)
        left, _ = _x("description")
        self.block(row.blocks["description"], left + PAD_X, top, where, black)
        return bottom

    def summary(self, plan: WardPlan, y: float) -> None:
        totals = plan.totals()
        parts = []
        if plan.allocation is not None:
            parts.append(f"まちづくり推進経費（配分額） {format_amount(plan.allocation)}千円")
            base, label = ((totals.revised, "補正後") if totals.revised is not None
                           else (totals.initial, "当初予算"))
            remaining = plan.allocation - (base or 0)
            parts.append(f"残額 {format_amount(remaining)}千円（配分額－{label}）")
        parts.append(f"執行率 {execution_rate(totals)}（決算額÷補正後）")
        self.text(PAGE_W - MARGIN_X, y - 15.0, "　／　".join(parts), GOTHIC, 9, ACCENT, "right")

    def footer(self, page: Page) -> None:
        c = self.c
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        y = MARGIN_BOTTOM
        c.line(MARGIN_X, y + 8, PAGE_W - MARGIN_X, y + 8)
        edition = f"{era_label(self.doc.edition.fiscal_year)} 各区まちづくりの取組み"
        self.text(MARGIN_X, y - 2, edition, GOTHIC, 7.5, GREY)
        self.text(PAGE_W - MARGIN_X, y - 2,
                  f"{page.ward.ward.name}  {page.number} / {page.count}", GOTHIC, 7.5, GREY,
                  "right")


def execution_rate(totals: Totals) -> str:
    """settled ÷ revised as a percentage with one decimal (half up), or － when undefined."""
    if not totals.revised or totals.settled is None:
        return "－"
    rate = (Decimal(totals.settled) * 100 / Decimal(totals.revised)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rate}%"


# -- public API ---------------------------------------------------------------------------------

def _select(doc: EditionDocument, wards: list[str] | None) -> list[WardPlan]:
    plans = [p for p in doc.ward_plans if p.ward.kind == "ward" or p.projects]
    if wards is None:
        return plans
    problems = [f"{name}: no ward sheet for {era_label(doc.edition.fiscal_year)} (wards: "
                f"{'、'.join(p.ward.name for p in plans) or 'none'})"
                for name in wards if doc.ward_plan(name) is None]
    if problems:
        raise ValidationError(problems, "Nothing was built:")
    return [doc.ward_plan(name) for name in wards]


def _check_totals(plan: WardPlan, preflight: Preflight) -> None:
    totals, printed = plan.totals(), plan.printed_totals
    for key, label in (("initial", "当初予算"), ("revised", "補正後"), ("settled", "決算額")):
        ours, theirs = getattr(totals, key), getattr(printed, key)
        if theirs is not None and ours != theirs:
            preflight.add(None, plan.ward.name,
                          f"{label}: the rows add up to {format_amount(ours, blank='(blank)')} "
                          f"but the source printed {format_amount(theirs)}; the sheet prints "
                          "the rows' sum")
    if plan.allocation is not None:
        spent = totals.revised if totals.revised is not None else totals.initial
        if spent is not None and spent > plan.allocation:
            preflight.add(None, plan.ward.name,
                          f"the total {format_amount(spent)} is above the allocation "
                          f"{format_amount(plan.allocation)}")


def build_ward_sheets(doc: EditionDocument, output: str | Path, *, wards: list[str] | None = None,
                      progress: Progress | None = None) -> BuildReport:
    """Write the ward sheets of ``doc`` (all wards, or ``wards`` in that order) as one PDF."""
    started = time.perf_counter()
    plans = _select(doc, wards)
    if not plans:
        raise ValidationError([f"{era_label(doc.edition.fiscal_year)}: no ward sheets to print"],
                              "Nothing was built:")
    register_fonts()
    progress = progress or Progress()
    report = BuildReport()
    preflight = Preflight()
    year = era_label(doc.edition.fiscal_year)
    with atomic_output(output, ".pdf") as temp:
        canvas = Canvas(str(temp), pagesize=(PAGE_W, PAGE_H), initialFontName=GOTHIC,
                        pageCompression=1, lang="ja-JP")
        title = f"{year} 各区まちづくりの取組み"
        if len(plans) == 1:
            title = sheet_title(doc, plans[0])
        canvas.setTitle(title)
        canvas.setSubject("まちづくり推進経費: " + "、".join(p.ward.name for p in plans))
        canvas.setAuthor(doc.plan.city or doc.plan.name or "PlanBook")
        canvas.setCreator("PlanBook")
        canvas.setKeywords(["PlanBook", "ward sheets", year])
        drawer = _Drawer(canvas, doc, preflight)
        for index, plan in enumerate(plans):
            progress.step(index, len(plans), plan.ward.name)
            _check_totals(plan, preflight)
            head = _head_layout(plan)
            pages = _layout(plan, head)
            report.outline.append((0, plan.ward.name, drawer.page_no + 1))
            for page in pages:
                drawer.page(page, head)
        progress.step(len(plans), len(plans), "")
        canvas.showOutline()
        canvas.save()
    report.pages = drawer.page_no
    report.preflight = preflight.items
    report.seconds = time.perf_counter() - started
    return report


def split_ward_sheets(doc: EditionDocument, out_dir: str | Path, *,
                      wards: list[str] | None = None,
                      progress: Progress | None = None) -> list[Path]:
    """One PDF per ward in ``out_dir``, named after the ward (中央区.pdf). All or nothing."""
    out_dir = Path(out_dir)
    plans = _select(doc, wards)
    progress = progress or Progress()
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for index, plan in enumerate(plans):
            progress.step(index, len(plans), plan.ward.name)
            final = out_dir / f"{_file_name(plan.ward.name)}.pdf"
            temp = out_dir / f".{final.stem}.partial.pdf"
            build_ward_sheets(doc, temp, wards=[plan.ward.name])
            staged.append((temp, final))
        progress.step(len(plans), len(plans), "")
        for temp, final in staged:
            temp.replace(final)
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
    return [final for _, final in staged]


def _file_name(name: str) -> str:
    return "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(". ")
