"""Ward sheets as a print-ready PDF: one A4-landscape page per ward, as the city prints them.

Each ward: the title (令和4年度 中央区まちづくりの取組み), a compact band with its vision
headline, description and policies (in columns), then the project table No. / 事業名 / 事業内容 /
当初予算 / 補正後 / 決算額 (千円) under the ward's ■ group headings (carrying the group's
subtotal where the ward prints one, as the city's sheets do), with status marks before the
names, the total, and a line with the allocation, the remaining amount and the execution rate.

Layout happens first (every row measured, pages decided), drawing second, so each page knows
the ward's page count. A ward is laid out at the largest type of ``DENSITIES`` that fits it on
one page (down to the floor: 事業内容 7 pt, names and figures 7.5 pt); only a ward that does not
fit even then runs across pages, at the largest type that needs no more pages than the floor.
Either adjustment is noted in the BuildReport's preflight. A row never breaks across pages
unless it is taller than a whole page; a continued table repeats its header. Totals are always
the rows' sums; where they differ from the totals printed in the source, the preflight says so.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from db.budget import STAGE_LABELS, current_stage, execution_rate, format_rate, remaining
from db.era import era_label
from db.errors import ValidationError
from db.money import format_amount
from db.records import STATUS_LABELS, EditionDocument, Totals, WardGroup, WardPlan, WardProject
from desktop.publish.output import atomic_output
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
    metrics,
    register_fonts,
    short,
    text_width,
)

PAGE_W, PAGE_H = landscape(A4)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 30.0, 22.0, 18.0
CONTENT_W = PAGE_W - 2 * MARGIN_X
TOP = PAGE_H - MARGIN_TOP
BOTTOM = MARGIN_BOTTOM + 12.0  # room for the footer

ACCENT = HexColor("#1F4E79")
HEADER_FILL = HexColor("#DDE6F0")
GROUP_FILL = HexColor("#EEF2F7")
TOTAL_FILL = HexColor("#DDE6F0")
BAND_FILL = HexColor("#F5F8FC")
RULE = HexColor("#7F8C99")
GREY = HexColor("#555555")
INK = HexColor("#222222")
BLACK = HexColor("#000000")
STATUS_COLOURS = {"new": HexColor("#C0392B"), "expanded": HexColor("#1F6FB2"),
                  "continued": HexColor("#666666")}

# Table columns: No. / 事業名 / 事業内容 / three amounts. 事業名 takes one of NAME_WIDTHS (the one
# that makes the ward's table shortest) and 事業内容 what is left.
HEADERS = {"number": "No.", "name": "事業名", "description": "事業内容", "initial": "当初予算",
           "revised": "補正後", "settled": "決算額"}
NUMBER_W, AMOUNT_W = 22.0, 46.0
NAME_WIDTHS = (170.0, 160.0, 150.0, 140.0, 130.0, 120.0)
AMOUNTS = ("initial", "revised", "settled")
PAD_X = 4.0
NBSP = "\u00a0"


@dataclass(frozen=True)
class Columns:
    """The table's column edges for one 事業名 width."""

    name_w: float = 150.0

    def widths(self) -> list[tuple[str, float]]:
        description = CONTENT_W - NUMBER_W - self.name_w - 3 * AMOUNT_W
        return [("number", NUMBER_W), ("name", self.name_w), ("description", description),
                *((key, AMOUNT_W) for key in AMOUNTS)]

    def x(self, key: str) -> tuple[float, float]:
        """(left, width) of a column."""
        left = MARGIN_X
        for name, width in self.widths():
            if name == key:
                return left, width
            left += width
        raise KeyError(key)

    def inner(self, key: str) -> float:
        return self.x(key)[1] - 2 * PAD_X


DEFAULT_COLUMNS = Columns()


@dataclass(frozen=True)
class Density:
    """One step of type sizes and paddings; the sheet takes the largest step that fits.

    ``cell_size`` is 事業内容's; ``text_size`` the names', the figures' and the headings'."""

    cell_size: float
    text_size: float
    pad_y: float
    leading: float  # line height as a multiple of the size

    @property
    def cell(self) -> TextStyle:
        return TextStyle(font=GOTHIC, size=self.cell_size,
                         leading=round(self.cell_size * self.leading, 2), align="justify")

    @property
    def name(self) -> TextStyle:
        return TextStyle(font=GOTHIC_BOLD, size=self.text_size,
                         leading=round(self.text_size * self.leading, 2), align="left",
                         phrase=True)  # 事業名 wraps between phrases (文節)

    @property
    def group(self) -> TextStyle:
        size = self.text_size + 0.5
        return TextStyle(font=GOTHIC_BOLD, size=size, leading=round(size * 1.4, 2),
                         align="left", phrase=True)

    @property
    def number_size(self) -> float:
        return self.text_size

    @property
    def status_size(self) -> float:
        return max(6.5, self.text_size - 1.5)

    @property
    def title_size(self) -> float:
        return min(16.0, self.text_size * 2 - 1)

    @property
    def title_h(self) -> float:
        return self.title_size + 10.0

    @property
    def header_h(self) -> float:
        return self.text_size + 2 * self.pad_y + 4.0

    @property
    def total_h(self) -> float:
        return round(self.text_size * 1.45 + 2 * self.pad_y, 2)

    @property
    def summary_h(self) -> float:
        return self.text_size + 7.5

    @property
    def headline(self) -> TextStyle:
        size = self.text_size + 3.0
        return TextStyle(font=GOTHIC_BOLD, size=size, leading=round(size * 1.3, 2),
                         align="left", phrase=True)

    @property
    def body(self) -> TextStyle:
        size = self.text_size + 0.5
        return TextStyle(font=GOTHIC, size=size, leading=round(size * 1.45, 2), align="justify")

    @property
    def policy(self) -> TextStyle:
        size = self.text_size
        return TextStyle(font=GOTHIC, size=size, leading=round(size * 1.4, 2), align="left")

    def describe(self) -> str:
        return (f"事業内容 {self.cell_size:g} pt on {round(self.cell.line_height, 1):g} pt lines, "
                f"事業名・金額 {self.text_size:g} pt")


# From the booklet's comfortable size down to the floor that still reads well in print.
DENSITIES = (
    Density(8.5, 8.5, 3.5, 1.47),
    Density(8.0, 8.0, 3.0, 1.42),
    Density(7.5, 8.0, 2.5, 1.38),
    Density(7.5, 7.5, 2.2, 1.35),
    Density(7.0, 7.5, 2.0, 1.33),
    Density(7.0, 7.5, 1.6, 1.28),
)
NORMAL, FLOOR = DENSITIES[0], DENSITIES[-1]


def _baseline_shift(style: TextStyle) -> float:
    """Distance from a line box's top to its baseline, exactly as ``TextBlock.draw`` puts it."""
    m = metrics(style.font)
    return style.line_height / 2 + (m.ascent + m.descent) / 2 * style.size


# -- layout -------------------------------------------------------------------------------------

@dataclass
class Row:
    kind: str  # "project" | "group" (with ``totals``: its subtotal) | "total"
    height: float
    project: WardProject | None = None
    blocks: dict[str, TextBlock] = field(default_factory=dict)
    label: str = ""
    totals: Totals | None = None
    continued: bool = False  # the rest of a row split across pages
    name_drop: float = 0.0  # the name's top below the row's text top (first baselines line up)


@dataclass
class Page:
    ward: WardPlan
    density: Density
    first: bool
    cols: Columns = DEFAULT_COLUMNS
    rows: list[Row] = field(default_factory=list)
    summary: bool = False
    number: int = 0  # within the ward
    count: int = 0


@dataclass
class _Head:
    """The first page's band: vision and policies, laid out."""

    headline: TextBlock | None
    description: TextBlock | None
    policies: list[list[TextBlock]]  # by column
    policy_widths: list[float]
    height: float  # the band itself, 0 when the ward has none
    density: Density = NORMAL


def sheet_title(doc: EditionDocument, plan: WardPlan) -> str:
    return f"{era_label(doc.edition.fiscal_year)} {plan.ward.name}まちづくりの取組み"


def _status_box(status: str | None, d: Density) -> tuple[float, float]:
    """(width, height) of the status mark printed before the name; (0, 0) without one."""
    if not status:
        return 0.0, 0.0
    size = d.status_size
    return text_width(STATUS_LABELS[status], GOTHIC_BOLD, size) + 3.5, size + 2.5


def _name_block(project: WardProject, d: Density, width: float, balance: bool) -> TextBlock:
    return _name_layout(project.name, project.status, d, width, balance)


@lru_cache(maxsize=8192)
def _name_layout(name: str, status: str | None, d: Density, width: float,
                 balance: bool) -> TextBlock:
    """事業名 with room on its first line for the status mark; a two-line name breaks where
    the words change (西区地域コミュニティ｜づくり支援事業), the most balanced such place.

    The room is made of no-break spaces rather than a first-line indent: typeset's phrase
    breaking measures phrases against the full width, so an indent makes it break a phrase
    mid-word. Without ``balance`` the break is left where it falls (the height is the same;
    trial layouts skip the search). Cached: callers must not re-wrap the block they get."""
    box_w, _ = _status_box(status, d)
    text = name
    lead = 0
    if box_w:
        space = text_width(NBSP, d.name.font, d.name.size)
        lead = math.ceil((box_w + 2.5) / space)
        text = NBSP * lead + text
    block = TextBlock(text, d.name)
    if block.line_count(width) != 2 or block.forced or not balance:
        return block
    best: tuple[tuple[bool, float], float] | None = None
    for end in range(len(block.lines[0].text), lead + 1, -1):
        trial = min(width, text_width(text[:end], d.name.font, d.name.size) + 0.01)
        if block.line_count(trial) != 2 or block.forced:
            continue
        first, second = block.lines
        if len(first.text) != end:
            continue
        score = (_word_break(text[end - 1], text[end]), -abs(first.width - second.width))
        if best is None or score > best[0]:
            best = (score, trial)
    block.wrap(best[1] if best and best[0][0] else width)
    return block


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x30A0 <= code <= 0x30FF:
        return "katakana"
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if 0x4E00 <= code <= 0x9FFF or ch in "々〆":
        return "kanji"
    if ch.isalnum():
        return "latin"
    if ch in "（(「『【〈《":
        return "open"
    if ch in "）)」』】〉》":
        return "close"
    return "other"


def _word_break(before: str, after: str) -> bool:
    """Whether a line may break between two characters of a name without splitting a word:
    where the script changes (but not kanji → okurigana), or around brackets."""
    a, b = _script(before), _script(after)
    if b == "open" or a == "close":
        return True
    if "other" in (a, b) or b == "close" or a == "open" or a == b:
        return False
    return not (a == "kanji" and b == "hiragana")


def _project_row(project: WardProject, d: Density, cols: Columns, balance: bool) -> Row:
    name = _name_block(project, d, cols.inner("name"), balance)
    description = TextBlock(project.description, d.cell)
    drop = max(0.0, _baseline_shift(d.cell) - _baseline_shift(d.name))
    height = max(name.height + drop, description.wrap(cols.inner("description")),
                 d.cell.line_height)
    return Row("project", height + 2 * d.pad_y, project,
               {"name": name, "description": description}, name_drop=drop)


HEAD_PAD, HEAD_INSET, LABEL_GAP, POLICY_GAP, BULLET_W = 4.0, 8.0, 7.0, 14.0, 9.0
HEAD_INNER_W = CONTENT_W - 2 * HEAD_INSET
VISION_LABEL = "めざす区の姿"


def _label_w(d: Density) -> float:
    return text_width(VISION_LABEL, GOTHIC_BOLD, d.text_size) + 12.0


def _policy_chunks(blocks: list[TextBlock], columns: int) -> list[list[TextBlock]]:
    """The policies in reading order down the columns."""
    per_column = -(-len(blocks) // columns)
    return [blocks[i:i + per_column] for i in range(0, len(blocks), per_column)]


def _policy_widths(chunks: list[list[TextBlock]]) -> list[float]:
    """Column widths: each column as wide as its longest policy when they all fit, the spare
    room shared out; otherwise the short columns keep their width and the long ones share
    the rest (so one long policy does not wrap while its neighbours leave half a column)."""
    room = HEAD_INNER_W - POLICY_GAP * (len(chunks) - 1)
    natural = [max(_natural_width(b) for b in chunk) + BULLET_W + 1.0 for chunk in chunks]
    if sum(natural) <= room:
        extra = (room - sum(natural)) / len(chunks)
        return [w + extra for w in natural]
    widths = [0.0] * len(chunks)
    left = room
    order = sorted(range(len(chunks)), key=natural.__getitem__)
    for done, index in enumerate(order):
        widths[index] = min(natural[index], left / (len(chunks) - done))
        left -= widths[index]
    return widths


def _natural_width(block: TextBlock) -> float:
    block.wrap(1e6)
    return block.widest


def _policies_height(chunks: list[list[TextBlock]], widths: list[float]) -> float:
    return max(sum(b.wrap(w - BULLET_W) + 1.0 for b in chunk)
               for chunk, w in zip(chunks, widths, strict=True))


def _head_layout(plan: WardPlan, d: Density = NORMAL) -> _Head:
    """Measure the vision band; ``_Drawer.head`` draws it with exactly these distances.

    Policies go in as many columns (up to three) as make the band shortest."""
    headline = TextBlock(plan.headline, d.headline) if plan.headline else None
    description = TextBlock(plan.description, d.body) if plan.description else None
    height = 0.0
    if headline:
        label_h = d.headline.line_height
        height += max(label_h, headline.wrap(HEAD_INNER_W - _label_w(d) - LABEL_GAP)) + 2.0
    if description:
        height += description.wrap(HEAD_INNER_W) + 2.0
    chunks: list[list[TextBlock]] = []
    widths: list[float] = []
    if plan.policies:
        best = None
        for count in range(1, min(3, len(plan.policies)) + 1):
            tried = _policy_chunks([TextBlock(p, d.policy) for p in plan.policies], count)
            tried_widths = _policy_widths(tried)
            h = _policies_height(tried, tried_widths)
            if best is None or h < best[0] - 0.5:
                best = (h, tried, tried_widths)
        policy_h, chunks, widths = best
        for chunk, w in zip(chunks, widths, strict=True):  # leave each laid out at its width
            for block in chunk:
                block.wrap(w - BULLET_W)
        height += 2.0 + policy_h
    if not height:
        return _Head(None, None, [], [], 0.0, d)
    return _Head(headline, description, chunks, widths, height + 2 * HEAD_PAD, d)


def _rows(plan: WardPlan, d: Density, cols: Columns = DEFAULT_COLUMNS,
          balance: bool = True) -> list[Row]:
    rows: list[Row] = []
    known = {g.id for g in plan.groups}
    loose = [p for p in plan.projects if p.group_id not in known]
    rows.extend(_project_row(p, d, cols, balance) for p in loose)
    for group in plan.groups:
        members = [p for p in plan.projects if p.group_id == group.id]
        rows.extend(_group_rows(plan, group, members, d, cols, balance))
    rows.append(Row("total", d.total_h, label="合計", totals=plan.totals()))
    return rows


def _group_rows(plan: WardPlan, group: WardGroup, members: list[WardProject],
                d: Density, cols: Columns, balance: bool) -> Iterator[Row]:
    """The ■ heading (carrying the group's subtotal where the ward prints one, as the city's
    sheets do), then the group's projects."""
    totals = plan.group_totals(group.id) if group.show_subtotal else None
    # With a subtotal the heading stops short of the 小計 label and the amounts.
    width = (cols.x("description")[0] + cols.x("description")[1] - 40.0 - MARGIN_X
             if totals else CONTENT_W) - 2 * PAD_X
    block = TextBlock(f"■ {group.title}", d.group)
    yield Row("group", max(block.wrap(width), d.total_h - 2 * d.pad_y) + 2 * d.pad_y,
              blocks={"title": block}, label=group.title, totals=totals)
    yield from (_project_row(p, d, cols, balance) for p in members)


BAND_GAP = 5.0  # between the band and the table


def _cont_title_h(d: Density) -> float:
    return d.text_size + 14.0


def _table_top(d: Density, head: _Head | None) -> float:
    """Where the table's first row starts: under the title (and band) and the header."""
    above = d.title_h + head.height + BAND_GAP if head is not None else _cont_title_h(d)
    return TOP - above - d.header_h


def _paginate(plan: WardPlan, head: _Head, rows: list[Row], d: Density,
              cols: Columns = DEFAULT_COLUMNS) -> list[Page]:
    pages: list[Page] = []

    def new_page() -> tuple[Page, float]:
        page = Page(plan, d, first=not pages, cols=cols)
        pages.append(page)
        return page, _table_top(d, head if page.first else None)

    page, y = new_page()
    room_full = _table_top(d, None) - BOTTOM
    index = 0
    while index < len(rows):
        row = rows[index]
        need = _keep_height(rows, index, room_full, d)
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
            # Not even one row fits under the band: place it anyway, the preflight will
            # report the overflow.
            page.rows.append(row)
            index += 1
        page, y = new_page()
    page.summary = True
    for number, p in enumerate(pages, start=1):
        p.number, p.count = number, len(pages)
    return pages


def _keep_height(rows: list[Row], index: int, limit: float, d: Density) -> float:
    """Height ``rows[index]`` needs on its page: a group heading stays with its first project,
    the last row with the total, the total with the summary line. A chain taller than
    ``limit`` (a whole page) falls back to the row alone."""
    need = 0.0
    for i in range(index, len(rows)):
        row = rows[i]
        need += row.height + (d.summary_h if row.kind == "total" else 0.0)
        following = rows[i + 1] if i + 1 < len(rows) else None
        if following is None or not (row.kind == "group" or following.kind == "total"):
            break
    return need if need <= limit else rows[index].height


def _split_row(row: Row, room: float, d: Density) -> tuple[Row | None, Row]:
    """Split a project row taller than a page by its description's lines."""
    description = row.blocks["description"]
    name = row.blocks.get("name")
    lines_room = room - 2 * d.pad_y
    parts = description.split_at(lines_room)
    if parts is None or (name is not None and name.height + row.name_drop > lines_room):
        return None, row
    first_blocks = {"description": parts[0]}
    first_h = parts[0].height
    if name is not None:
        first_blocks["name"] = name
        first_h = max(first_h, name.height + row.name_drop)
    first = Row("project", first_h + 2 * d.pad_y, row.project, first_blocks,
                continued=row.continued, name_drop=row.name_drop)
    rest = Row("project", parts[1].height + 2 * d.pad_y, row.project,
               {"description": parts[1]}, continued=True)
    return first, rest


@dataclass
class _Layout:
    density: Density
    head: _Head
    pages: list[Page]


def _columns(plan: WardPlan, d: Density) -> Columns:
    """The 事業名 width that makes the table shortest (on a tie, the widest)."""
    best: tuple[float, Columns] | None = None
    for name_w in NAME_WIDTHS:
        cols = Columns(name_w)
        height = sum(r.height for r in _rows(plan, d, cols, balance=False))
        if best is None or height < best[0] - 0.5:
            best = (height, cols)
    return best[1]


def _layout(plan: WardPlan) -> _Layout:
    """The largest density that fits the ward on one page; failing that, the largest that
    needs no more pages than the floor does."""
    tried: list[tuple[_Layout, Columns]] = []
    for d in DENSITIES:
        head = _head_layout(plan, d)
        cols = _columns(plan, d)
        rows = _rows(plan, d, cols, balance=False)
        tried.append((_Layout(d, head, _paginate(plan, head, rows, d, cols)), cols))
        if len(tried[-1][0].pages) == 1:
            break
    fewest = min(len(t.pages) for t, _ in tried)
    chosen, cols = next((t, c) for t, c in tried if len(t.pages) == fewest)
    # The same rows with balanced name breaks: equal heights, so the same pages.
    d, head = chosen.density, chosen.head
    return _Layout(d, head, _paginate(plan, head, _rows(plan, d, cols), d, cols))


def _layout_note(layout: _Layout) -> str | None:
    """The preflight's word on a ward that needed smaller type or more than one page."""
    d, count = layout.density, len(layout.pages)
    if count > 1:
        return (f"{count} pages: does not fit one page even at the smallest type "
                f"({FLOOR.describe()}); printed at {d.describe()} with the table header "
                "repeated")
    if d != NORMAL:
        return f"smaller type to fit one page: {d.describe()} (normal {NORMAL.text_size:g} pt)"
    return None


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
        d = page.density
        title = sheet_title(self.doc, plan)
        y = TOP
        if page.first:
            key = f"ward-{plan.ward.id or plan.ward.name}"
            c.bookmarkPage(key)
            c.addOutlineEntry(plan.ward.name, key, level=0)
            style = TextStyle(font=GOTHIC_BOLD, size=d.title_size,
                              leading=d.title_size * 1.35, align="left", phrase=True)
            block = TextBlock(title, style)
            block.wrap(CONTENT_W)
            self.block(block, MARGIN_X, y, f"{plan.ward.name} title", ACCENT)
            self.unit(y - _baseline_shift(style))
            y -= d.title_h
            c.setStrokeColor(ACCENT)
            c.setLineWidth(1.5)
            c.line(MARGIN_X, y + 4, PAGE_W - MARGIN_X, y + 4)
            if head.height:
                y = self.head(plan, head, y)
            y -= BAND_GAP
        else:
            baseline = y - d.text_size - 4
            self.text(MARGIN_X, baseline, f"{title}（続き）", GOTHIC_BOLD, d.text_size + 2.5)
            self.unit(baseline)
            y -= _cont_title_h(d)
        self.header(y, d, page.cols)
        y -= d.header_h
        for row in page.rows:
            y = self.row(row, y, plan, d, page.cols)
        if page.summary:
            self.summary(plan, y, d)
            y -= d.summary_h
        if y < BOTTOM - 1:
            self.preflight.add(self.page_no, plan.ward.name, "the table runs into the footer "
                               "(the vision and policies take too much of the first page)")
        self.footer(page)
        c.showPage()

    def head(self, plan: WardPlan, head: _Head, top: float) -> float:
        c = self.c
        d = head.density
        box_bottom = top - head.height
        c.setFillColor(BAND_FILL)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN_X, box_bottom, CONTENT_W, head.height, stroke=1, fill=1)
        left = MARGIN_X + HEAD_INSET
        y = top - HEAD_PAD
        name = plan.ward.name
        if head.headline:
            label_h = d.headline.line_height
            label_w = _label_w(d)
            pill_h = d.text_size + 6.0
            pill_top = y - (label_h - pill_h) / 2
            c.setFillColor(ACCENT)
            c.roundRect(left, pill_top - pill_h, label_w, pill_h, 3, stroke=0, fill=1)
            self.text(left + label_w / 2, pill_top - pill_h / 2 - 0.38 * d.text_size,
                      VISION_LABEL, GOTHIC_BOLD, d.text_size, white, "center")
            bottom = self.block(head.headline, left + label_w + LABEL_GAP, y, f"{name} vision")
            y = min(bottom, y - label_h) - 2.0
        if head.description:
            y = self.block(head.description, left, y, f"{name} description", INK) - 2.0
        if head.policies:
            y -= 2.0
            style = d.policy
            x = left
            index = 0
            for chunk, width in zip(head.policies, head.policy_widths, strict=True):
                cy = y
                for block in chunk:
                    index += 1
                    c.setFillColor(ACCENT)
                    c.circle(x + 2.5, cy - style.line_height / 2, 1.3, stroke=0, fill=1)
                    cy = self.block(block, x + BULLET_W, cy, f"{name} policy {index}",
                                    INK) - 1.0
                x += width + POLICY_GAP
        return box_bottom

    def unit(self, baseline: float) -> None:
        self.text(PAGE_W - MARGIN_X, baseline, "（単位：千円）", GOTHIC, 7.5, GREY, "right")

    def header(self, y: float, d: Density, cols: Columns) -> None:
        c = self.c
        h = d.header_h
        c.setFillColor(HEADER_FILL)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN_X, y - h, CONTENT_W, h, stroke=1, fill=1)
        for key, label in HEADERS.items():
            left, width = cols.x(key)
            self.text(left + width / 2, y - h / 2 - 0.38 * d.text_size, label, GOTHIC_BOLD,
                      d.text_size, ACCENT, "center")
            if left > MARGIN_X:
                c.line(left, y, left, y - h)

    def amounts(self, totals: Totals | WardProject, baseline: float, bold: bool,
                size: float, cols: Columns) -> None:
        font = MONO_BOLD if bold else MONO
        for key in AMOUNTS:
            value = getattr(totals, key)
            if value is None:
                continue
            left, width = cols.x(key)
            self.text(left + width - PAD_X, baseline, format_amount(value), font, size,
                      BLACK, "right")

    def grid(self, top: float, height: float, cols: Columns,
             keys: tuple[str, ...] | None = None) -> None:
        c = self.c
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(MARGIN_X, top - height, CONTENT_W, height, stroke=1, fill=0)
        for key in HEADERS:
            left, _ = cols.x(key)
            if left > MARGIN_X and (keys is None or key in keys):
                c.line(left, top, left, top - height)

    def row(self, row: Row, y: float, plan: WardPlan, d: Density, cols: Columns) -> float:
        c = self.c
        bottom = y - row.height
        if row.kind == "group":
            c.setFillColor(GROUP_FILL)
            c.rect(MARGIN_X, bottom, CONTENT_W, row.height, stroke=0, fill=1)
            block = row.blocks["title"]
            self.grid(y, row.height, cols, AMOUNTS if row.totals else ())
            top = y - (row.height - block.height) / 2
            self.block(block, MARGIN_X + PAD_X, top,
                       f"{plan.ward.name} group {short(row.label)}", ACCENT)
            if row.totals:
                self.totals_line("小計", row.totals, top - _baseline_shift(block.style), d, cols)
            return bottom
        if row.kind == "total":
            c.setFillColor(TOTAL_FILL)
            c.rect(MARGIN_X, bottom, CONTENT_W, row.height, stroke=0, fill=1)
            self.grid(y, row.height, cols, AMOUNTS)
            baseline = bottom + row.height / 2 - 0.38 * d.text_size
            self.totals_line(row.label, row.totals, baseline, d, cols)
            return bottom
        project = row.project
        self.grid(y, row.height, cols)
        top = y - d.pad_y
        where = f"{plan.ward.name} No.{project.number or '-'} {short(project.name)}"
        baseline = top - _baseline_shift(d.cell)
        # Drawn in reading order (No., 事業名, 事業内容, amounts) so copied text reads right.
        if not row.continued:
            left, width = cols.x("number")
            if project.number is not None:
                self.text(left + width / 2, baseline, str(project.number), MONO, d.number_size,
                          BLACK, "center")
        if "name" in row.blocks:
            left, _ = cols.x("name")
            name_top = top - row.name_drop
            if project.status and not row.continued:
                self.status(project, left + PAD_X, name_top, d)
            self.block(row.blocks["name"], left + PAD_X, name_top, where, BLACK)
        elif row.continued:
            left, width = cols.x("number")
            if project.number is not None:
                self.text(left + width / 2, baseline, str(project.number), MONO, d.number_size,
                          GREY, "center")
            left, _ = cols.x("name")
            self.text(left + PAD_X, baseline, f"{project.name[:14]}（続き）", GOTHIC,
                      d.number_size, GREY)
        left, _ = cols.x("description")
        self.block(row.blocks["description"], left + PAD_X, top, where, BLACK)
        if not row.continued:
            self.amounts(project, baseline, False, d.number_size, cols)
        return bottom

    def totals_line(self, label: str, totals: Totals, baseline: float, d: Density,
                    cols: Columns) -> None:
        """「小計」/「合計」 at the right of 事業内容, then the amounts in bold."""
        left, width = cols.x("description")
        self.text(left + width - PAD_X, baseline, label, GOTHIC_BOLD, d.text_size + 0.5, BLACK,
                  "right")
        self.amounts(totals, baseline, True, d.number_size, cols)

    def status(self, project: WardProject, x: float, top: float, d: Density) -> None:
        """The status mark, boxed, on the name's first line (the name is indented past it)."""
        c = self.c
        label = STATUS_LABELS[project.status]
        colour = STATUS_COLOURS[project.status]
        box_w, box_h = _status_box(project.status, d)
        middle = top - d.name.line_height / 2
        c.setStrokeColor(colour)
        c.setLineWidth(0.6)
        c.roundRect(x, middle - box_h / 2, box_w, box_h, 1.5, stroke=1, fill=0)
        self.text(x + box_w / 2, middle - 0.38 * d.status_size, label, GOTHIC_BOLD,
                  d.status_size, colour, "center")

    def summary(self, plan: WardPlan, y: float, d: Density) -> None:
        totals = plan.totals()
        parts = []
        if plan.allocation is not None:
            parts.append(f"まちづくり推進経費（配分額） {format_amount(plan.allocation)}千円")
            stage = current_stage(totals) or "initial"
            left = remaining(plan.allocation, getattr(totals, stage))
            parts.append(f"残額 {format_amount(left)}千円（配分額－{STAGE_LABELS[stage]}）")
        parts.append(f"執行率 {format_rate(execution_rate(totals))}（決算額÷補正後）")
        self.text(PAGE_W - MARGIN_X, y - d.text_size - 3.5, "　／　".join(parts), GOTHIC,
                  d.text_size + 0.5, ACCENT, "right")

    def footer(self, page: Page) -> None:
        c = self.c
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        y = MARGIN_BOTTOM
        c.line(MARGIN_X, y + 7, PAGE_W - MARGIN_X, y + 7)
        edition = f"{era_label(self.doc.edition.fiscal_year)} 各区まちづくりの取組み"
        self.text(MARGIN_X, y - 2, edition, GOTHIC, 7, GREY)
        self.text(PAGE_W - MARGIN_X, y - 2,
                  f"{page.ward.ward.name}  {page.number} / {page.count}", GOTHIC, 7, GREY,
                  "right")


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
    for key, label in STAGE_LABELS.items():
        ours, theirs = getattr(totals, key), getattr(printed, key)
        if theirs is not None and ours != theirs:
            preflight.add(None, plan.ward.name,
                          f"{label}: the rows add up to {format_amount(ours, blank='(blank)')} "
                          f"but the source printed {format_amount(theirs)}; the sheet prints "
                          "the rows' sum")
    if plan.allocation is not None:
        stage = current_stage(totals)
        spent = getattr(totals, stage) if stage else None
        left = remaining(plan.allocation, spent)
        if spent is not None and left < 0:
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
    with atomic_output(output, ".pdf") as temp:
        report = _write_sheets(doc, plans, temp, progress or Progress())
    report.seconds = time.perf_counter() - started
    return report


def _write_sheets(doc: EditionDocument, plans: list[WardPlan], path: Path,
                  progress: Progress) -> BuildReport:
    """Lay out and draw ``plans`` into the PDF at ``path``."""
    register_fonts()
    report = BuildReport()
    preflight = Preflight()
    year = era_label(doc.edition.fiscal_year)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), initialFontName=GOTHIC,
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
        layout = _layout(plan)
        note = _layout_note(layout)
        if note:
            preflight.add(None, plan.ward.name, note)
        report.outline.append((0, plan.ward.name, drawer.page_no + 1))
        for page in layout.pages:
            drawer.page(page, layout.head)
    progress.step(len(plans), len(plans), "")
    canvas.showOutline()
    canvas.save()
    report.pages = drawer.page_no
    report.preflight = preflight.items
    return report


def split_ward_sheets(doc: EditionDocument, out_dir: str | Path, *,
                      wards: list[str] | None = None,
                      progress: Progress | None = None) -> list[Path]:
    """One PDF per ward in ``out_dir``, named after the ward (中央区.pdf). All or nothing:
    every file is written to a temporary file first, and all are renamed only at the end."""
    out_dir = Path(out_dir)
    plans = _select(doc, wards)
    progress = progress or Progress()
    out_dir.mkdir(parents=True, exist_ok=True)
    finals: list[Path] = []
    with ExitStack() as staged:
        for index, plan in enumerate(plans):
            progress.step(index, len(plans), plan.ward.name)
            final = out_dir / f"{_file_name(plan.ward.name)}.pdf"
            temp = staged.enter_context(atomic_output(final, ".pdf"))
            _write_sheets(doc, [plan], temp, Progress())
            finals.append(final)
        progress.step(len(plans), len(plans), "")
    return finals


def _file_name(name: str) -> str:
    return "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name).strip(". ")
