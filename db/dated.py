"""Dated wording: text that names a year (令和6年度, R5.2補計上, 2024年), for review after a
new fiscal year is rolled over. Listed, never rewritten: only a person knows what it should say.

The scan reads the stored text directly (one query per table, JSON lists decoded only where the
raw text names a year), so it stays fast on a 10,000-initiative edition.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from .store import JSON_COLUMNS, PlanStore

DATED = re.compile(r"(?:令和|平成)\s*(?:元|[0-9０-９]{1,2})\s*年|(?<![A-Za-zＡ-Ｚａ-ｚ])[RHＲＨ]"
                   r"[0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2})?(?![0-9０-９])|(?:19|20)[0-9]{2}\s*年")

LABELS = {
    "edition": {"title": "表題", "slogan": "スローガン", "about": "アクションプランについて",
                "pdca_title": "PDCA 見出し", "pdca_steps": "PDCA", "pdca_cycle_title": "年間サイクル見出し",
                "pdca_cycle_text": "年間サイクル", "context": "本市を取り巻く状況",
                "priority_intro": "重点事項の前文", "visions_intro": "各ビジョンの前文",
                "ward_intro": "区のまちづくり", "ward_policies": "区の方針",
                "ward_budget_lines": "まちづくり推進経費", "cover_parts": "表紙の構成", "headings": "見出し"},
    "priority": {"title": "題名", "lead": "リード文", "situation": "状況", "past_actions": "これまでのアクション"},
    "priority_action": {"heading": "見出し", "description": "説明"},
    "vision": {"title": "題名", "direction": "方向性"},
    "measure": {"title": "施策名", "goal": "目標"},
    "initiative": {"title": "取組名", "description": "説明", "budget_note": "予算注記",
                   "category": "区分", "highlights": "☑", "indicators": "検証指標", "notes": "注記",
                   "tables": "表"},
    "ward_plan": {"headline": "めざす区の姿", "description": "説明", "policies": "方針"},
    "ward_group": {"title": "区分"},
    "ward_project": {"name": "事業名", "description": "事業内容"},
}
# Each table's rows in one edition, with the place in the user's words first.
PLACES = {
    "edition": ("'前付け'", "edition t", "t.id = ?"),
    "priority": ("'重点事項' || t.number", "priority t", "t.edition_id = ?"),
    "priority_action": ("'重点事項' || p.number || ' 「' || i.title || '」'",
                        "priority_action t JOIN priority p ON p.id = t.priority_id "
                        "JOIN initiative i ON i.id = t.initiative_id", "p.edition_id = ?"),
    "vision": ("'ビジョン' || t.number", "vision t", "t.edition_id = ?"),
    "measure": ("'ビジョン' || v.number || ' 施策' || t.code",
                "measure t JOIN vision v ON v.id = t.vision_id", "v.edition_id = ?"),
    "initiative": ("COALESCE('ビジョン' || v.number || ' ', w.name || ' ', '') || '「' || t.title "
                   "|| '」'", "initiative t LEFT JOIN vision v ON v.id = t.vision_id "
                   "LEFT JOIN ward_plan wp ON wp.id = t.ward_plan_id "
                   "LEFT JOIN ward w ON w.id = wp.ward_id", "t.edition_id = ?"),
    "ward_plan": ("w.name", "ward_plan t JOIN ward w ON w.id = t.ward_id", "t.edition_id = ?"),
    "ward_group": ("w.name", "ward_group t JOIN ward_plan wp ON wp.id = t.ward_plan_id "
                   "JOIN ward w ON w.id = wp.ward_id", "wp.edition_id = ?"),
    "ward_project": ("w.name || ' No.' || COALESCE(t.number, '-')",
                     "ward_project t JOIN ward_plan wp ON wp.id = t.ward_plan_id "
                     "JOIN ward w ON w.id = wp.ward_id", "wp.edition_id = ?"),
}
JSON_TEXT = {"headings"} | {c for columns in JSON_COLUMNS.values() for c in columns}


@dataclass(frozen=True)
class DatedText:
    table: str
    row_id: int | None
    field: str
    place: str  # where, in the user's words: "ビジョン1 「児童手当の拡充」 予算注記"
    text: str  # the whole text that names a year
    years: tuple[str, ...]  # the dated words found: ("R5.2",)

    def moved(self, row_id: int) -> DatedText:
        return replace(self, row_id=row_id)


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    return []


def dated_wording(store: PlanStore, edition_id: int) -> list[DatedText]:
    """Every field of one edition whose text names a year, part by part."""
    found: list[DatedText] = []
    search = DATED.search
    for table, (place, source, where) in PLACES.items():
        labels = LABELS[table]
        columns = ", ".join(f"t.{c}" for c in labels)
        for row_id, where_, *values in store.db.execute(
                f"SELECT t.id, {place}, {columns} FROM {source} WHERE {where} "
                "ORDER BY t.id", [edition_id]).fetchall():
            for (field, label), raw in zip(labels.items(), values, strict=True):
                if not isinstance(raw, str) or not search(raw):
                    continue
                texts = _texts(json.loads(raw)) if field in JSON_TEXT else [raw]
                for text in texts:
                    years = tuple(m.group(0) for m in DATED.finditer(text))
                    if years:
                        found.append(DatedText(table, row_id, field, f"{where_ or ''} {label}",
                                               text, years))
    return found
