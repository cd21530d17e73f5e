"""Pasting a block from Excel into a table: which column each block column goes to, what it
changes, and writing it as one undo step.

- A first row whose cells name columns (名称, 予算額, Title…) is a header: the block's columns go
  to the columns they name, in any order, and the header row is not pasted.
- Without a header, the block's columns go left to right from the current cell; a column of
  amounts skips text columns to the next amount column (名称⇥金額 pasted on 名称 fills 名称 and
  予算額, not 状態).
- Rows past the end of the table are appended; a block of one or two columns pasted with no
  current cell (below the last row) starts at the name column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from db.money import AmountError, parse_amount

from ..document import commands
from .cells import Column, tr
from .row_ops import PlaceAfter

# Other names a header may give a column (compared NFKC-normalised and case-folded).
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("名称", "事業名", "取組名", "件名", "タイトル", "title", "name"),
    "name": ("名称", "事業名", "取組名", "件名", "タイトル", "title", "name"),
    "amount": ("金額", "予算額", "予算", "amount"),
    "category": ("区分", "分類", "category"),
    "status": ("状態", "区分(新規/拡充/継続)", "status"),
    "description": ("内容", "説明", "事業内容", "description"),
    "previous_amount": ("前年度", "前年度予算", "previous"),
    "initial": ("当初予算", "当初"),
    "revised": ("補正後", "2月補正後", "補正後予算"),
    "settled": ("決算", "決算額"),
    "number": ("no", "no.", "番号"),
}
_BRACKETS = re.compile(r"[(（\[［【].*?[)）\]］】]")


def t(text: str) -> str:
    return QCoreApplication.translate("Paste", text)


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text or "")).casefold()
    return _BRACKETS.sub("", text).replace(" ", "").strip(":：*")


def _names(column: Column) -> set[str]:
    names = {_key(tr(column.header)), _key(column.header), _key(column.field)}
    names.update(_key(a) for a in ALIASES.get(column.field, ()))
    return {n for n in names if n}


def header_mapping(columns: list[Column], first: list[str]) -> list[Column | None] | None:
    """The column each cell of ``first`` names, when it is a header row (else None)."""
    found: list[Column | None] = []
    named = 0
    used: set[str] = set()
    for cell in first:
        key = _key(cell)
        column = next((c for c in columns if key and key in _names(c) and c.field not in used),
                      None)
        if column is not None:
            used.add(column.field)
            named += 1
        found.append(column)
    filled = sum(1 for cell in first if cell.strip())
    return found if named and named * 2 >= filled else None


def _is_amounts(block: list[list[str]], c: int) -> bool:
    values = [row[c] for row in block if c < len(row) and row[c].strip()]
    if not values:
        return False
    try:
        for value in values:
            parse_amount(value)
    except AmountError:
        return False
    return True


def positional_mapping(columns: list[Column], left: int, block: list[list[str]]
                       ) -> list[Column | None]:
    width = max(len(row) for row in block)
    found: list[Column | None] = []
    col = left
    for c in range(width):
        if col < len(columns) and columns[col].kind != "amount" and _is_amounts(block, c):
            ahead = next((n for n in range(col + 1, len(columns))
                          if columns[n].kind == "amount"), None)
            if ahead is not None:
                col = ahead
        found.append(columns[col] if col < len(columns) else None)
        col += 1
    return found


@dataclass
class Change:
    """One existing cell a paste changes."""

    row: int  # source row in the model
    column: Column
    old: str  # as shown
    new: str


@dataclass
class PastePlan:
    mapping: list[Column | None]
    header: bool
    rows: int = 0  # block rows pasted (without the header)
    changes: list[Change] = field(default_factory=list)
    updates: list[tuple[str, int, dict]] = field(default_factory=list)
    new_rows: list[dict] = field(default_factory=list)
    new_texts: list[str] = field(default_factory=list)  # what each appended row shows
    problems: list[str] = field(default_factory=list)

    @property
    def overwrites(self) -> list[Change]:
        """Changes to cells that held something (the ones a preview must show)."""
        return [c for c in self.changes if c.old.strip()]

    @property
    def is_empty(self) -> bool:
        return not self.updates and not self.new_rows


def plan_paste(model, first_row: int | None, left: int, block: list[list[str]],
               shown_rows: list[int]) -> PastePlan:
    """What pasting ``block`` at shown row ``first_row`` (None: below the last) would do;
    ``shown_rows``: the source row of each row the view shows (filtered, sorted)."""
    columns = model.columns
    mapping = header_mapping(columns, block[0])
    data = block[1:] if mapping else block
    if first_row is None and not mapping and max(len(row) for row in block) <= 2:
        # appending a name (and an amount) without saying where: they start at the name
        left = next((c for c, col in enumerate(columns) if col.field in ("title", "name")),
                    left)
    plan = PastePlan(mapping or positional_mapping(columns, left, block), bool(mapping),
                     len(data))
    start = len(shown_rows) if first_row is None else first_row
    for r, cells in enumerate(data):
        shown = start + r
        row = shown_rows[shown] if shown < len(shown_rows) else None
        number = shown + 1
        new_values: dict = {}
        texts = []
        for text, column in zip(cells, plan.mapping, strict=False):
            if column is None or not column.editable or column.kind == "readonly":
                continue
            try:
                stored = model.convert(column, text)
            except (ValueError, AmountError) as error:
                plan.problems.append(QCoreApplication.translate("Columns", "row %1, %2: %3")
                                     .replace("%1", str(number)).replace("%2", tr(column.header))
                                     .replace("%3", str(error)))
                continue
            if row is None:
                if (column.table or model.table) == model.table:
                    new_values[column.field] = stored
                    texts.append(model.display(stored, column))
                continue
            current = model.value(row, column)
            if current == stored or (current in (None, "") and stored in (None, "")):
                continue
            table, row_id = model.target(row, column)
            plan.changes.append(Change(row, column, model.display(current, column),
                                       model.display(stored, column)))
            for t_, i, values in plan.updates:
                if (t_, i) == (table, row_id):
                    values[column.field] = stored
                    break
            else:
                plan.updates.append((table, row_id, {column.field: stored}))
        if row is None:
            plan.new_rows.append(new_values)
            plan.new_texts.append(" / ".join(x for x in texts if x))
    if plan.new_rows and not model.can_insert():
        plan.problems.append(QCoreApplication.translate(
            "Columns", "rows cannot be added to this list here"))
    return plan


def apply_paste(model, plan: PastePlan) -> None:
    """Write the plan as one undo step."""
    doc = model.doc
    macro = doc.macro(QCoreApplication.translate("Columns", "Paste %1 rows")
                      .replace("%1", str(plan.rows)))
    for table, row_id, values in plan.updates:
        macro.add(commands.SetFields(doc, table, row_id, values))
    if plan.new_rows:
        inserted: list[commands.InsertRow] = []
        for values in plan.new_rows:
            row_values = model.new_row_values()
            row_values.update(values)
            inserted.append(macro.add(commands.InsertRow(doc, model.table, row_values)))
        if model.ordered:
            macro.add(PlaceAfter(model, inserted, model.rows[-1]["id"] if model.rows else None))
    doc.push(macro)
