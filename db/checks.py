"""Validation rules for one fiscal year: what ``planbook check`` and the Problems panel show.

The rules live here once; the CLI and the editor only present them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .era import era_label
from .money import format_amount
from .records import EditionDocument

ERROR, WARNING = "error", "warning"
COLUMN_LABELS = {"initial": "当初予算", "revised": "補正後", "settled": "決算額"}


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" or "warning"
    table: str  # where it is: a table, a row id and a field the editor can jump to
    row_id: int | None
    field: str
    location: str  # human-readable: "令和4年度 中央区 No.3"
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.location}: {self.message}"


def check_document(doc: EditionDocument) -> list[Problem]:
    problems: list[Problem] = []
    year = era_label(doc.edition.fiscal_year)

    def add(severity: str, table: str, row_id: int | None, field: str, location: str,
            message: str) -> None:
        problems.append(Problem(severity, table, row_id, field, f"{year} {location}", message))

    numbers = {v.number for v in doc.visions}
    for vision in doc.visions:
        where = f"ビジョン{vision.number}"
        if not vision.title.strip():
            add(ERROR, "vision", vision.id, "title", where, "ビジョン名がありません")
        for related in vision.related:
            if related not in numbers:
                add(WARNING, "vision", vision.id, "related", where,
                    f"関連するビジョン{related}はありません")
        counts = Counter(m.code for m in vision.measures)
        codes = set(counts)
        for measure in vision.measures:
            mwhere = f"{where} 施策 {measure.code or '(no code)'}"
            if not measure.code.strip():
                add(ERROR, "measure", measure.id, "code", mwhere, "施策コードがありません")
            elif counts[measure.code] > 1:
                add(ERROR, "measure", measure.id, "code", mwhere,
                    f"施策コード {measure.code} が重複しています")
            elif not re.fullmatch(rf"{vision.number}-\d+", measure.code):
                add(WARNING, "measure", measure.id, "code", mwhere,
                    f"ビジョン{vision.number}の施策コードは {vision.number}-番号 の形で書きます")
            if not measure.title.strip():
                add(ERROR, "measure", measure.id, "title", mwhere, "施策名がありません")
        for item in vision.initiatives:
            if item.measure_code and item.measure_code not in codes:
                add(ERROR, "initiative", item.id, "measure_code", f"{where} 「{item.title}」",
                    f"施策 {item.measure_code} はこのビジョンにありません")

    in_priority = {a.initiative.id for p in doc.priorities for a in p.actions}
    for item in doc.initiatives:
        where = f"取組 「{item.title}」" if item.title.strip() else _untitled(doc, item)
        if not item.title.strip():
            add(ERROR, "initiative", item.id, "title", where, "取組名がありません")
        if item.amount is None:
            add(ERROR, "initiative", item.id, "amount", where, "金額が入力されていません")
        if item.predecessor_id is not None and item.previous_amount is not None:
            add(WARNING, "initiative", item.id, "previous_amount", where,
                "前年度は前年度の取組の金額から自動で表示されるため、入力された前年度 "
                f"{format_amount(item.previous_amount)} は印刷されません")
        for field in ("amount", "previous_amount"):
            value = getattr(item, field)
            if value is not None and value < 0:
                add(ERROR, "initiative", item.id, field, where, "金額に負の値は使えません")
        if item.vision_number is None and item.ward_name is None and item.id not in in_priority:
            add(WARNING, "initiative", item.id, "title", where,
                "どこにも掲載されません（ビジョン・区・重点事項のいずれにも属していません）")

    for priority in doc.priorities:
        if not priority.actions:
            add(WARNING, "priority", priority.id, "title", f"重点事項{priority.number}",
                "主なアクションがありません")

    for plan in doc.ward_plans:
        if plan.ward.kind != "ward" and not plan.projects:
            continue
        name = plan.ward.name
        counts = Counter(p.number for p in plan.projects if p.number is not None)
        for project in plan.projects:
            where = f"{name} No.{project.number if project.number is not None else '-'}"
            if not project.name.strip():
                add(ERROR, "ward_project", project.id, "name", where, "事業名がありません")
            if project.number is not None and counts[project.number] > 1:
                add(ERROR, "ward_project", project.id, "number", where,
                    f"No.{project.number} が重複しています")
            for column, label in COLUMN_LABELS.items():
                value = getattr(project, column)
                if value is not None and value < 0:
                    add(ERROR, "ward_project", project.id, column, where,
                        f"{label}に負の値は使えません")
            if project.initial is None and plan.projects:
                add(WARNING, "ward_project", project.id, "initial", where,
                    "当初予算が入力されていません")
            if (project.settled is not None and project.revised is not None
                    and project.settled > project.revised):
                add(WARNING, "ward_project", project.id, "settled", where,
                    f"決算額 {format_amount(project.settled)} が補正後 "
                    f"{format_amount(project.revised)} を上回っています")
        totals = plan.totals()
        if plan.allocation is not None:
            for column, label in COLUMN_LABELS.items():
                total = getattr(totals, column)
                if total is not None and total > plan.allocation:
                    add(ERROR, "ward_plan", plan.id, "allocation", name,
                        f"{label}の合計 {format_amount(total)}千円 が配分額 "
                        f"{format_amount(plan.allocation)}千円 を "
                        f"{format_amount(total - plan.allocation)}千円 超えています")
        for column, label in COLUMN_LABELS.items():
            printed = getattr(plan.printed_totals, column)
            total = getattr(totals, column)
            if printed is not None and total != printed:
                add(WARNING, "ward_plan", plan.id, f"printed_{column}", name,
                    f"{label}: 各行の合計 {format_amount(total, blank='0')}千円 が資料の合計 "
                    f"{format_amount(printed)}千円 と一致しません（差 "
                    f"{format_amount((total or 0) - printed)}千円）")
    return problems


def _untitled(doc: EditionDocument, item) -> str:
    """Where an initiative without a title is, as a person finds it (never its internal key):
    ビジョン2 の取組 5行目."""
    if item.vision_number is not None:
        home = f"ビジョン{item.vision_number}"
        rows = next((v.initiatives for v in doc.visions if v.number == item.vision_number), [])
    elif item.ward_name is not None:
        home = item.ward_name
        rows = next((w.initiatives for w in doc.ward_plans if w.ward.name == item.ward_name), [])
    else:
        return "名称のない取組"
    number = next((n for n, other in enumerate(rows, 1) if other.id == item.id), None)
    return f"{home} の取組 {number}行目（名称なし）" if number else f"{home} の名称のない取組"
