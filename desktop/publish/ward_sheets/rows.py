"""The table's rows measured: project rows (事業名 wrapped between words, after its status
mark), ■ group headings, the total; and the 事業名 column width that makes them shortest."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from db.records import STATUS_LABELS, Totals, WardGroup, WardPlan, WardProject

from ..typeset import (
    GOTHIC_BOLD,
    TextBlock,
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
    line = f"■ {group.title}" + (f"\u3000{group.description}" if group.description else "")
    block = TextBlock(line, d.group)
    yield Row("group", max(block.wrap(width), d.total_h - 2 * d.pad_y) + 2 * d.pad_y,
              blocks={"title": block}, label=group.title, totals=totals)
    yield from (_project_row(p, d, cols, balance) for p in members)


def _columns(plan: WardPlan, d: Density) -> Columns:
    """The 事業名 width that makes the table shortest (on a tie, the widest)."""
    best: tuple[float, Columns] | None = None
    for name_w in NAME_WIDTHS:
        cols = Columns(name_w)
        height = sum(r.height for r in _rows(plan, d, cols, balance=False))
        if best is None or height < best[0] - 0.5:
            best = (height, cols)
    return best[1]
