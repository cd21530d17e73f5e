"""Comparing a read workbook with the database (the diff to show) and applying it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from db import change_log
from db.era import era_label
from db.errors import FinalEditionError, ValidationError
from db.limits import CONFIRM_REMOVALS_ABOVE
from db.messages import msg, shown
from db.money import format_amount
from db.records import STATUS_LABELS, WardProject
from db.store import PlanStore

from .identity import row_tampering, sheet_tampering
from .read import WardWorkbook, WorkbookRow
from .sheet_format import AMOUNTS, FIELD_LABELS, META_SHEET

FIELDS = ("number", "name", "description", "initial", "revised", "settled", "group_id", "status")


@dataclass
class ProjectChange:
    project: WardProject  # as it is in the database now
    row: int
    fields: dict[str, tuple[Any, Any]]  # column → (old, new)


@dataclass
class WardImportPlan:
    ward: str
    fiscal_year: int
    ward_plan_id: int
    added: list[tuple[int, WardProject]] = field(default_factory=list)  # (sheet row, project)
    changed: list[ProjectChange] = field(default_factory=list)
    removed: list[WardProject] = field(default_factory=list)
    order: list[int | None] | None = None  # final order (None = added row) when it changes
    warnings: list[str] = field(default_factory=list)
    group_titles: dict[int, str] = field(default_factory=dict)
    source: str = ""

    @property
    def needs_confirmation(self) -> bool:
        """Deleting more than a few projects is confirmed (``--yes``, or in the dialog)."""
        return len(self.removed) > CONFIRM_REMOVALS_ABOVE

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.changed or self.removed or self.order is not None)

    def _value(self, column: str, value: Any) -> str:
        if value is None or value == "":
            return "(空欄)"
        if column in AMOUNTS:
            return format_amount(value)
        if column == "group_id":
            return self.group_titles.get(value, str(value))
        if column == "status":
            return STATUS_LABELS.get(value, value)
        text = str(value)
        return f"「{text if len(text) <= 40 else text[:39] + '…'}」"

    def summary(self) -> str:
        head = f"{self.source + ': ' if self.source else ''}{era_label(self.fiscal_year)} {self.ward}"
        lines = [f"{head}: 追加 {len(self.added)}件、変更 {len(self.changed)}件、"
                 f"削除 {len(self.removed)}件"
                 + ("、並び順の変更あり" if self.order is not None else "")]
        if self.is_empty:
            lines[0] = f"{head}: 変更なし"
        for row, project in self.added:
            lines.append(f"  + {row}行目: No.{project.number or '-'} {project.name} "
                         f"({_amounts_text(project)})")
        for change in self.changed:
            p = change.project
            lines.append(f"  ~ {change.row}行目: No.{p.number or '-'} {p.name}")
            for column, (old, new) in change.fields.items():
                label = FIELD_LABELS.get("group" if column == "group_id" else column, column)
                lines.append(f"      {label}: {self._value(column, old)} → "
                             f"{self._value(column, new)}")
        for project in self.removed:
            lines.append(f"  - No.{project.number or '-'} {project.name} "
                         f"({_amounts_text(project)})")
        if self.order is not None:
            lines.append("  並び順: ブックの行の順に並べ替えます")
        lines.extend(f"  注意: {w}" for w in self.warnings)
        return "\n".join(lines)


def _amounts_text(project: WardProject) -> str:
    return " / ".join(format_amount(getattr(project, k), blank="-") for k in AMOUNTS)


def _same(column: str, old: Any, new: Any) -> bool:
    if column in ("name", "description"):
        return (old or "").strip() == (new or "").strip()
    return old == new


def _changed_fields(current: WardProject, values: dict[str, Any], item: WorkbookRow,
                    group_ids: dict[str, int], result: WardImportPlan,
                    workbook: WardWorkbook) -> dict[str, tuple[Any, Any]]:
    """Column → (old, new) for one row. With the row's export values (a three-way compare), a
    cell the clerk left alone never overwrites what PlanBook changed since the export; a cell
    changed on both sides takes the workbook's value, with a warning."""
    fields = {}
    base = None
    if item.base is not None:
        base = dict(item.base)
        title = base.pop("group")
        base["group_id"] = group_ids.get(title, "?") if title is not None else None
    for column in FIELDS:
        old, new = getattr(current, column), values[column]
        if _same(column, old, new):
            continue
        if base is not None:
            if _same(column, base[column], new):
                continue  # untouched in Excel; PlanBook's newer value stays
            if not _same(column, base[column], old):
                label = FIELD_LABELS.get("group" if column == "group_id" else column, column)
                result.warnings.append(
                    f"{workbook.cell('name', item.row)}: 「{current.name}」の{label}は書き出し後に "
                    f"PlanBook でも変更されています（{result._value(column, base[column])}"
                    f" → {result._value(column, old)}）。ブックの "
                    f"{result._value(column, new)} で置き換えます")
        fields[column] = (old, new)
    return fields


def _check_signatures(key: str, workbook: WardWorkbook, refused: str) -> None:
    """With a key in the plan file, the workbook's identity must carry valid signatures."""
    if not key:
        return
    name = workbook.path.name
    if workbook.format_version < 2 or not workbook.signature:
        raise ValidationError([msg("%1: the workbook is not signed (written by an older PlanBook, "
                                   "or its signature was removed); export the ward's sheet again "
                                   "and enter the changes there", name)], refused)
    problems = []
    parts = sheet_tampering(key, workbook.signature, workbook.ward, workbook.fiscal_year,
                            workbook.sheet, workbook.exported_text)
    if "sheet" in parts:
        problems.append(msg("%1!B4:B6: the ward, fiscal year or sheet named in the hidden %1 "
                            "sheet was changed (it says %2 %3)", META_SHEET, shown(workbook.ward),
                            workbook.fiscal_year))
    if "projects" in parts:
        problems.append(msg("%1!B8: the hidden list of exported projects was changed",
                            META_SHEET))
    for item in workbook.rows:
        if item.id is None:
            continue
        parts = row_tampering(key, item.tag, workbook.ward, workbook.fiscal_year, item.id,
                              item.base_text)
        if "identity" in parts:
            problems.append(msg("%1: the hidden identity of this row (PlanBook ID, 区, 年度) was "
                                "changed", workbook.cell("id", item.row)))
        elif "base" in parts:
            problems.append(msg("%1: the hidden export values of this row were changed",
                                workbook.cell("base", item.row)))
    if problems:
        raise ValidationError(problems, msg("%1 was refused: it was altered outside PlanBook's "
                                            "editable cells; nothing was imported:", name))


def plan_ward_import(store: PlanStore, workbook: WardWorkbook) -> WardImportPlan:
    """Compare the workbook with the database: the diff to show, or ValidationError."""
    problems: list[str] = []
    refused = msg("%1 was refused; nothing was imported:", workbook.path.name)
    _check_signatures(store.plan().workbook_key, workbook, refused)
    edition = store.edition(workbook.fiscal_year)
    plan = None
    if edition is not None and edition.status == "final":
        raise FinalEditionError(workbook.fiscal_year)
    if edition is not None:
        plan = next((p for p in store.ward_plans(edition.id) if p.ward.name == workbook.ward),
                    None)
    if plan is None:
        raise ValidationError([msg("%1: this database has no %2 sheet for %3", workbook.path.name,
                                   workbook.ward, era_label(workbook.fiscal_year))], refused)
    by_id = {p.id: p for p in plan.projects}
    group_ids = {g.title: g.id for g in plan.groups}
    result = WardImportPlan(workbook.ward, workbook.fiscal_year, plan.id,
                            warnings=list(workbook.warnings),
                            group_titles={g.id: g.title for g in plan.groups},
                            source=workbook.path.name)
    seen: set[int] = set()
    order: list[int | None] = []
    for item in workbook.rows:
        group_id = None
        if item.group is not None:
            group_id = group_ids.get(item.group)
            if group_id is None:
                known = "、".join(group_ids) or "none"
                problems.append(msg("%1: 「%2」 is not one of %3's groups (%4)",
                                    workbook.cell("group", item.row), item.group, workbook.ward,
                                    known))
        if item.id is not None and item.id not in by_id:
            problems.append(msg("%1: project %2 is not one of %3's projects for %4 (it was "
                                "removed from the database, or the row came from another file)",
                                workbook.cell("id", item.row), item.id, workbook.ward,
                                era_label(workbook.fiscal_year)))
            continue
        values = {"number": item.number, "name": item.name, "description": item.description,
                  "initial": item.initial, "revised": item.revised, "settled": item.settled,
                  "group_id": group_id, "status": item.status}
        if item.id is None:
            project = WardProject(**values)
            result.added.append((item.row, project))
            order.append(None)
            continue
        seen.add(item.id)
        current = by_id[item.id]
        if item.delete:
            result.removed.append(current)
            continue
        order.append(item.id)
        fields = _changed_fields(current, values, item, group_ids, result, workbook)
        if fields:
            result.changed.append(ProjectChange(current, item.row, fields))
    for project in plan.projects:
        if project.id in seen:
            continue
        if workbook.exported_ids is None or project.id in workbook.exported_ids:
            result.removed.append(project)
        else:
            result.warnings.append(
                f"No.{project.number or '-'} {project.name}: このブックの書き出し後に PlanBook で"
                "追加された事業のため、削除せずに残します")
    if problems:
        raise ValidationError(problems, refused)
    kept = [p.id for p in plan.projects if p.id in set(order)]
    trailing_adds = order[len(kept):] if order[:len(kept)] == kept else None
    if not (trailing_adds is not None and all(i is None for i in trailing_adds)):
        result.order = order
    return result


def apply_ward_import(store: PlanStore, plan: WardImportPlan) -> None:
    """Apply a planned import in one transaction (all of it, or nothing), logged as ``excel``."""
    with store.atomic(), change_log.source(store, "excel"):
        for change in plan.changed:
            row = store.row("ward_project", change.project.id)
            if row is None or any(row[c] != old for c, (old, _) in change.fields.items()):
                raise ValidationError([msg("%1: project %2 (%3) changed in the database since "
                                           "the import was prepared; prepare it again", plan.ward,
                                           change.project.id, change.project.name)],
                                      msg("Nothing was imported:"))
            store.update_fields("ward_project", change.project.id,
                                {c: new for c, (_, new) in change.fields.items()})
        for project in plan.removed:
            store.delete("ward_project", project.id)
        added_ids = iter([store.add_ward_project(plan.ward_plan_id, project)
                          for _, project in plan.added])
        if plan.order is not None:
            final = [next(added_ids) if i is None else i for i in plan.order]
            listed = set(final)
            final += [p.id for p in store.ward_projects(plan.ward_plan_id) if p.id not in listed]
            store.reorder("ward_project", final)
