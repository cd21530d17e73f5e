"""The printed headings a city may word its own way, with the seed's wording as the default.

An edition keeps only the headings it words differently (``Edition.headings``: key → text);
every other key prints its default. ``{name}`` placeholders are filled in when printed:
``{year}`` 令和6年度, ``{n}`` a priority or vision number, ``{plan}`` the plan's name,
``{visions}``/``{views}`` how many visions / cross-cutting views, ``{unit}`` a table's unit,
``{ward}`` a ward's name.
"""

from __future__ import annotations

# key → default wording, in the order the booklet and the ward sheets print them.
HEADINGS: dict[str, str] = {
    "about": "アクションプランについて",
    "context": "本市を取り巻く状況",
    "contents": "目次",
    "priorities": "重点事項",
    "priority": "重点事項{n}",
    "priority_situation": "本市を取り巻く状況",
    "priority_past_actions": "これまでのアクション",
    "priority_actions": "{year}の主なアクション",
    "visions": "各ビジョンにおける主な取組",
    "vision_grid": "{plan}の{visions}つのビジョン",
    "cross_cutting": "横断的な視点",
    "cross_cutting_lead": "{visions}つのビジョンの実現に向けて{views}つの横断的な視点を持って取り組みます。",
    "vision_direction": "ビジョン{n}がめざす姿と取組の方向性",
    "vision_measures": "ビジョンを実現するための施策",
    "measure_code": "施策",
    "measure_goal": "めざす姿",
    "vision_related": "(関連するビジョン)",
    "vision_initiatives": "{year}の主な取組",
    "indicator": "検証指標",
    "table_unit": "(単位:{unit})",
    "wards": "区における自主自立のまちづくり",
    "ward_intro": "めざすまちづくり",
    "ward_policies": "まちづくり支援の方針",
    "ward_budget": "まちづくり推進経費",
    "contact": "お問い合わせ",
    "ward_sheets": "{year} 各区まちづくりの取組み",
    "ward_sheet_title": "{year} {ward}まちづくりの取組み",
    "ward_vision": "めざす区の姿",
    "ward_unit": "（単位：千円）",
    "ward_initial": "当初予算",
    "ward_revised": "2月補正後",
    "ward_settled": "決算額",
    "ward_subtotal": "小計",
    "ward_total": "合計",
}


def heading(headings: dict[str, str], key: str, **values: object) -> str:
    """The edition's wording for ``key`` (or the default) with its placeholders filled in."""
    text = headings.get(key) or HEADINGS[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
