"""Generated plans of any size, for benchmarks and stress tests (deterministic)."""

from __future__ import annotations

import random

from .change_log import unlogged
from .records import (
    Edition,
    Initiative,
    Measure,
    Plan,
    Priority,
    PriorityAction,
    Vision,
    Ward,
    WardGroup,
    WardPlan,
    WardProject,
)
from .store import PlanStore

COLOURS = ["#D6336C", "#E8710A", "#1C7ED6", "#7048E8", "#2B8A3E", "#0C8599", "#8C6D1F",
           "#364FC7"]
PHRASES = ["地域の魅力をいかした", "こどもの健やかな成長を支える", "デジタル技術を活用した",
           "防災力の向上に向けた", "多様な主体との連携による", "持続可能な", "市民に寄り添う",
           "24時間365日体制の", "ICTを活用した", "環境にやさしい"]
NOUNS = ["支援事業", "推進事業", "体制強化", "環境整備", "拠点整備", "啓発事業", "実証実験"]


def _sentence(rng: random.Random, parts: int) -> str:
    return "、".join(rng.choice(PHRASES) + rng.choice(NOUNS) for _ in range(parts)) + "を実施します。"


def synthetic_plan(store: PlanStore, initiatives: int = 2000, *, fiscal_year: int = 2024,
                   visions: int = 8, wards: int = 5, projects_per_ward: int = 20,
                   seed: int = 8) -> None:
    """Write a plan with ``initiatives`` initiatives spread over ``visions`` into ``store``."""
    rng = random.Random(seed)
    with store.atomic(), unlogged(store):
        store.set_plan(Plan("合成市総合計画", "合成市"))
        ward_records = [Ward(f"第{n + 1}区") for n in range(wards)]
        for ward in ward_records:
            store.add_ward(ward)
        edition_id = store.add_edition(Edition(
            fiscal_year, title=f"{fiscal_year}年度アクションプラン", slogan="合成データ",
            publication_date=f"{fiscal_year}-06", about=[_sentence(rng, 2)],
            context=[_sentence(rng, 4) for _ in range(3)], priority_intro=[_sentence(rng, 2)],
            visions_intro=_sentence(rng, 2)))
        vision_records = []
        for n in range(1, visions + 1):
            vision = Vision(n, f"ビジョン{n}の合成タイトル{rng.choice(PHRASES)}まち",
                            COLOURS[(n - 1) % len(COLOURS)], [_sentence(rng, 3), _sentence(rng, 2)])
            store.add_vision(edition_id, vision)
            for m in range(1, 5):
                store.add_measure(vision.id, Measure(f"{n}-{m}", rng.choice(PHRASES) + "まちづくり",
                                                     _sentence(rng, 1)))
            vision_records.append(vision)
        items = []
        for k in range(initiatives):
            vision = vision_records[k * visions // max(initiatives, 1)]
            item = Initiative(
                f"s{k}", rng.choice(PHRASES) + rng.choice(NOUNS) + f"({k})",
                _sentence(rng, rng.randint(1, 3)), rng.randint(100, 5_000_000),
                rng.choice([None, rng.randint(100, 5_000_000)]),
                rng.choice(["", "", "", "全額R5.2補計上"]), f"区分{(k // 6) % 5 + 1}",
                vision_number=vision.number,
                highlights=[rng.choice(PHRASES) + "拡充"] if k % 7 == 0 else [])
            items.append(item)
        store.add_initiatives(edition_id, items)
        for n in (1, 2):
            priority = Priority(n, f"重点事項{n}の合成タイトル", _sentence(rng, 2),
                                [_sentence(rng, 1)] * 3, [_sentence(rng, 1)] * 3)
            store.add_priority(edition_id, priority)
            for item in items[n::max(len(items) // 8, 1)][:8]:
                store.add_priority_action(priority.id, PriorityAction(f"見出し{n}", item))
        for ward in ward_records:
            plan = WardPlan(ward, f"{ward.name}のめざす姿", _sentence(rng, 2), allocation=19000)
            store.add_ward_plan(edition_id, plan)
            group = WardGroup("地域活動の推進", show_subtotal=True)
            store.add_ward_group(plan.id, group)
            for p in range(projects_per_ward):
                initial = rng.randint(1, 19000 // max(projects_per_ward, 1))
                store.add_ward_project(plan.id, WardProject(
                    rng.choice(PHRASES) + rng.choice(NOUNS), p + 1, _sentence(rng, 2),
                    rng.choice([None, "new", "continued", "expanded"]), initial,
                    initial, rng.randint(0, initial), group.id))
