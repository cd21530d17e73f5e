"""Rows onto pages: the largest density that fits a ward on one page, page breaks that keep
headings with their rows and the total with the summary, rows split only when taller than a
page."""

from __future__ import annotations

from dataclasses import dataclass, field

from db.records import WardPlan

from .head import _Head, _head_layout
from .rows import Row, _project_row, _rows, _trial_rows
from .style import BOTTOM, DEFAULT_COLUMNS, DENSITIES, FLOOR, NORMAL, TOP, Columns, Density


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
            if not row.blocks:  # a trial row: measured only
                row = _project_row(row.project, d, cols, balance=False)
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


def _layout(plan: WardPlan) -> _Layout:
    """The largest density that fits the ward on one page; failing that, the largest that
    needs no more pages than the floor does. The trials paginate measured rows (heights from
    cached line counts); only the chosen density's rows are built for drawing."""
    tried: list[tuple[_Layout, Columns]] = []
    for d in DENSITIES:
        head = _head_layout(plan, d)
        cols, rows = _trial_rows(plan, d)
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
