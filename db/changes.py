"""What changed in an edition since a snapshot (printed, or sent out for review): field by
field, wording included. Both sides are the edition in the interchange format
(``db.snapshots.edition_content``), so any field the format carries is compared."""

from __future__ import annotations

import json
from dataclasses import dataclass

from .money import format_amount
from .records import STATUS_LABELS

LABELS = {
    "title": "題名", "status": "状態", "slogan": "スローガン", "publication_date": "発行年月",
    "cover_parts": "表紙の構成", "cover_credit": "表紙のクレジット", "about": "アクションプランについて",
    "pdca_title": "PDCA 見出し", "pdca_steps": "PDCA", "pdca_cycle_title": "年間サイクル見出し",
    "pdca_cycle_text": "年間サイクル", "context": "本市を取り巻く状況", "priority_intro": "重点事項の前文",
    "visions_intro": "各ビジョンの前文", "cross_cutting": "横断的な視点", "ward_intro": "区のまちづくり",
    "ward_policies": "区の方針", "ward_budget_lines": "まちづくり推進経費", "contact": "問い合わせ先",
    "headings": "見出し", "description": "説明", "amount": "金額", "previous": "前年度",
    "previous_amount": "前年度(手入力)", "budget_note": "予算注記", "category": "区分",
    "section": "担当課", "home": "掲載先", "highlights": "☑ 項目", "indicators": "検証指標",
    "notes": "注記", "tables": "表", "pictures": "画像", "lead": "リード文", "situation": "状況",
    "past_actions": "これまでのアクション", "heading": "見出し", "colour": "色",
    "direction": "めざす姿と取組の方向性", "related": "関連するビジョン", "goal": "目標",
    "headline": "めざす区の姿", "policies": "方針", "allocation": "配分額",
    "printed_totals": "資料の合計", "name": "事業名", "number": "No.", "group": "区分",
    "initial": "当初予算", "revised": "補正後", "settled": "決算額", "show_subtotal": "小計",
}
AMOUNTS = {"amount", "previous", "previous_amount", "allocation", "initial", "revised", "settled"}
NESTED = {"initiatives", "priorities", "visions", "ward_plans", "measures", "actions", "groups",
          "projects", "events", "snapshots", "predecessor", "key", "fiscal_year", "ward",
          "initiative"}


@dataclass(frozen=True)
class FieldChange:
    place: str  # "ビジョン1 「児童手当の拡充」"
    field: str  # "金額"
    old: str | None  # None: the item did not exist
    new: str | None  # None: the item was removed


def show(field: str, value) -> str:
    """A value as the user reads it."""
    if value is None:
        return ""
    if field in AMOUNTS and isinstance(value, int):
        return format_amount(value, unit=True)
    if field == "status" and value in STATUS_LABELS:
        return STATUS_LABELS[value]
    if field == "home" and isinstance(value, dict):
        if "vision" in value:
            return f"ビジョン{value['vision']}" + (f" 施策{value['measure']}"
                                                  if value.get("measure") else "")
        return str(value.get("ward", ""))
    if isinstance(value, list):
        return "\n".join(show(field, v) if not isinstance(v, list) else " | ".join(map(str, v))
                         for v in value)
    if isinstance(value, dict):
        if field == "tables" or "rows" in value:
            return "\n".join([value.get("title", "")] + [" | ".join(r) for r in value["rows"]])
        if field == "pictures" or "caption" in value:
            return f"{value.get('caption', '')} ({value.get('image') or '画像なし'})"
        return "\n".join(f"{k}: {show(k, v)}" for k, v in value.items() if v not in ("", None))
    if isinstance(value, bool):
        return "あり" if value else "なし"
    return str(value)


def _fields(place: str, old: dict, new: dict, out: list[FieldChange]) -> None:
    for key in list(dict.fromkeys([*old, *new])):
        if key in NESTED:
            continue
        a, b = old.get(key), new.get(key)
        if a != b and json.dumps(a, ensure_ascii=False) != json.dumps(b, ensure_ascii=False):
            out.append(FieldChange(place, LABELS.get(key, key), show(key, a), show(key, b)))


def _matched(place_of, key_of, old: list[dict], new: list[dict], out: list[FieldChange],
             summary: str, nested=None) -> None:
    """Pair items by ``key_of``; added and removed items are one line each."""
    before = {key_of(n, item): item for n, item in enumerate(old)}
    after = {key_of(n, item): item for n, item in enumerate(new)}
    for key in list(dict.fromkeys([*before, *after])):
        a, b = before.get(key), after.get(key)
        if a is None:
            out.append(FieldChange(place_of(b), summary, None, _summary(b)))
        elif b is None:
            out.append(FieldChange(place_of(a), summary, _summary(a), None))
        else:
            _fields(place_of(b), a, b, out)
            if nested:
                nested(a, b)


def _summary(item: dict) -> str:
    for key in ("title", "name", "heading", "code"):
        if item.get(key):
            text = str(item[key])
            break
    else:
        text = ""
    amount = item.get("amount", item.get("initial"))
    return text + (f" {format_amount(amount, unit=True)}" if isinstance(amount, int) else "")


def changes_between(old: dict, new: dict) -> list[FieldChange]:
    """Every difference between two states of one edition, in booklet order."""
    out: list[FieldChange] = []
    _fields("表紙・前付け", old, new, out)
    titles = {i["key"]: i.get("title", "") for i in old.get("initiatives", [])}
    titles.update({i["key"]: i.get("title", "") for i in new.get("initiatives", [])})

    def priority(a: dict, b: dict) -> None:
        where = f"重点事項{b['number']}"
        _matched(lambda x: f"{where} 「{titles.get(x['initiative'], x['initiative'])}」",
                 lambda n, x: x["initiative"], a.get("actions", []), b.get("actions", []), out,
                 "主なアクション")

    _matched(lambda x: f"重点事項{x['number']}", lambda n, x: x["number"],
             old.get("priorities", []), new.get("priorities", []), out, "重点事項", priority)

    def vision(a: dict, b: dict) -> None:
        _matched(lambda x: f"ビジョン{b['number']} 施策{x['code']}", lambda n, x: x["code"],
                 a.get("measures", []), b.get("measures", []), out, "施策")

    _matched(lambda x: f"ビジョン{x['number']}", lambda n, x: x["number"],
             old.get("visions", []), new.get("visions", []), out, "ビジョン", vision)
    _matched(lambda x: f"取組 「{x.get('title', '')}」", lambda n, x: x["key"],
             old.get("initiatives", []), new.get("initiatives", []), out, "取組")

    def ward(a: dict, b: dict) -> None:
        name = b["ward"]
        _matched(lambda x: f"{name} 区分 「{x.get('title', '')}」", lambda n, x: n,
                 a.get("groups", []), b.get("groups", []), out, "区分")
        _matched(lambda x: f"{name} No.{x.get('number') or '-'} 「{x.get('name', '')}」",
                 lambda n, x: ("number", x["number"]) if x.get("number") is not None
                 else ("name", x.get("name")), a.get("projects", []), b.get("projects", []), out,
                 "事業")

    _matched(lambda x: x["ward"], lambda n, x: x["ward"], old.get("ward_plans", []),
             new.get("ward_plans", []), out, "区", ward)
    return out
