"""The table's rows measured: project rows (事業名 wrapped between words, after its status
mark), ■ group headings, the total; and the 事業名 column width that makes them shortest.

Trial layouts (every type size × every 事業名 width) need only heights: ``_trial_rows`` and
``_table_height`` get them from cached line counts and build no text blocks; ``_rows`` builds
the rows that are drawn. Both give the same heights."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from db.records import STATUS_LABELS, Totals, WardGroup, WardPlan, WardProject

from ..typeset import (
    GOTHIC_BOLD,
    TextBlock,
    line_counter,
    text_width,
)
from .style import (
    CONTENT_W,
    DEFAULT_COLUMNS,
    MARGIN_X,
    NAME_WIDTHS,
    NBSP,
    PAD_X,
    Columns,
    Density,
    _baseline_shift,
)


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


def _status_box(status: str | None, d: Density) -> tuple[float, float]:
    """(width, height) of the status mark printed before the name; (0, 0) without one.
    (``_status_room`` repeats the width's sum.)"""
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
    text, lead = _name_text(name, status, d)
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


def _name_text(name: str, status: str | None, d: Density) -> tuple[str, int]:
    """事業名 after the no-break spaces that make room for its status mark, and their count."""
    lead = _status_room(status, d.status_size, d.name.font, d.name.size) if status else 0
    return NBSP * lead + name, lead


@lru_cache(maxsize=256)
def _status_room(status: str, status_size: float, font: str, size: float) -> int:
    """How many no-break spaces make room for the status mark before the name."""
    box_w = text_width(STATUS_LABELS[status], GOTHIC_BOLD, status_size) + 3.5
    return math.ceil((box_w + 2.5) / text_width(NBSP, font, size))


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


def _name_drop(d: Density) -> float:
    return max(0.0, _baseline_shift(d.cell) - _baseline_shift(d.name))


def _project_row(project: WardProject, d: Density, cols: Columns, balance: bool) -> Row:
    name = _name_block(project, d, cols.inner("name"), balance)
    description = TextBlock(project.description, d.cell)
    drop = _name_drop(d)
    height = max(name.height + drop, description.wrap(cols.inner("description")),
                 d.cell.line_height)
    return Row("project", height + 2 * d.pad_y, project,
               {"name": name, "description": description}, name_drop=drop)


# 事業名's and 事業内容's inner widths at each of NAME_WIDTHS: a trial measures a text at all
# of them at once.
_TRIAL_COLUMNS = tuple(Columns(w) for w in NAME_WIDTHS)
_NAME_INNER = tuple(c.inner("name") for c in _TRIAL_COLUMNS)
_DESCRIPTION_INNER = tuple(c.inner("description") for c in _TRIAL_COLUMNS)


def _project_heights(projects: list[WardProject], d: Density, names_w: tuple[float, ...],
                     descriptions_w: tuple[float, ...]) -> list[list[float]]:
    """``_project_row(...).height`` of each project at each pair of widths, from cached line
    counts (the same expressions, so the same floats)."""
    name_lines, description_lines = line_counter(d.name), line_counter(d.cell)
    name_lh, cell_lh = d.name.line_height, d.cell.line_height
    drop, pad = _name_drop(d), 2 * d.pad_y
    heights = []
    for p in projects:
        names = name_lines(_name_text(p.name, p.status, d)[0], names_w)
        descriptions = description_lines(p.description, descriptions_w)
        heights.append([max(n * name_lh + drop, c * cell_lh, cell_lh) + pad
                        for n, c in zip(names, descriptions, strict=True)])
    return heights


def _sections(plan: WardPlan) -> list[tuple[WardGroup | None, list[WardProject]]]:
    """The projects in table order: those outside any group first, then each group's."""
    known = {g.id for g in plan.groups}
    sections = [(None, [p for p in plan.projects if p.group_id not in known])]
    sections += [(g, [p for p in plan.projects if p.group_id == g.id]) for g in plan.groups]
    return sections


def _group_title_width(group: WardGroup, cols: Columns) -> float:
    """The ■ heading's width: with a subtotal (where the ward prints one, as the city's sheets
    do) it stops short of the 小計 label and the amounts."""
    left, width = cols.x("description")
    return (left + width - 40.0 - MARGIN_X if group.show_subtotal else CONTENT_W) - 2 * PAD_X


def _group_height(title_h: float, d: Density) -> float:
    return max(title_h, d.total_h - 2 * d.pad_y) + 2 * d.pad_y


def _group_line(group: WardGroup) -> str:
    return f"■ {group.title}" + (f"\u3000{group.description}" if group.description else "")


def _group_heights(group: WardGroup, d: Density, cols: tuple[Columns, ...]) -> list[float]:
    widths = tuple(_group_title_width(group, c) for c in cols)
    lines = line_counter(d.group)(_group_line(group), widths)
    return [_group_height(n * d.group.line_height, d) for n in lines]


def _rows(plan: WardPlan, d: Density, cols: Columns = DEFAULT_COLUMNS,
          balance: bool = True) -> list[Row]:
    """The rows as drawn: ■ headings, projects, the total."""
    rows: list[Row] = []
    for group, members in _sections(plan):
        if group is not None:
            totals = plan.group_totals(group.id) if group.show_subtotal else None
            block = TextBlock(_group_line(group), d.group)
            height = _group_height(block.wrap(_group_title_width(group, cols)), d)
            rows.append(Row("group", height, blocks={"title": block}, label=group.title,
                            totals=totals))
        rows.extend(_project_row(p, d, cols, balance) for p in members)
    rows.append(Row("total", d.total_h, label="合計", totals=plan.totals()))
    return rows


_Measured = list[tuple[WardGroup | None, list[float], list[WardProject], list[list[float]]]]


def _measure(plan: WardPlan, d: Density) -> _Measured:
    """Per section: the group heading's and each project's height at each of NAME_WIDTHS."""
    return [(group, _group_heights(group, d, _TRIAL_COLUMNS) if group is not None else [],
             members, _project_heights(members, d, _NAME_INNER, _DESCRIPTION_INNER))
            for group, members in _sections(plan)]


def _shortest(measured: _Measured, d: Density) -> int:
    """Which of NAME_WIDTHS makes the table shortest (on a tie, the widest): the sums of
    ``_rows``' heights, added in the same order."""
    totals = [0] * len(_TRIAL_COLUMNS)
    for _, group_heights, _, heights in measured:
        for row in ([group_heights] if group_heights else []) + heights:
            totals = [t + h for t, h in zip(totals, row, strict=True)]
    best: tuple[float, int] | None = None
    for index, total in enumerate(totals):
        height = total + d.total_h
        if best is None or height < best[0] - 0.5:
            best = (height, index)
    return best[1]


def _columns(plan: WardPlan, d: Density) -> Columns:
    """The 事業名 width that makes the table shortest (on a tie, the widest)."""
    return _TRIAL_COLUMNS[_shortest(_measure(plan, d), d)]


def _trial_rows(plan: WardPlan, d: Density) -> tuple[Columns, list[Row]]:
    """The shortest table's columns and its rows measured only: the kinds and heights of
    ``_rows``, without text blocks (pagination builds a project row's blocks only if it has to
    split it)."""
    measured = _measure(plan, d)
    at = _shortest(measured, d)
    rows: list[Row] = []
    for group, group_heights, members, heights in measured:
        if group is not None:
            rows.append(Row("group", group_heights[at], label=group.title))
        rows.extend(Row("project", h[at], p) for p, h in zip(members, heights, strict=True))
    rows.append(Row("total", d.total_h, label="合計"))
    return _TRIAL_COLUMNS[at], rows
