"""What the editor's navigator lists for a fiscal year: titles, numbers and counts, read in
four queries without building the records (their texts, JSON lists and pictures), in the
order the records are read in (db/store_records.py)."""

from __future__ import annotations


class Outline:
    """An edition's navigator entries."""

    __slots__ = ("priorities", "visions", "initiatives", "ward_plans")

    def __init__(self, priorities: list[tuple[int, int, str]],
                 visions: list[tuple[int, int, str, int]],
                 initiatives: list[tuple[int, str, int | None]],
                 ward_plans: list[tuple[int, str, int]]):
        self.priorities = priorities  # id, number, title
        self.visions = visions  # id, number, title, how many measures
        self.initiatives = initiatives  # id, title, its vision's number (None: not in one)
        self.ward_plans = ward_plans  # id, the ward's name, how many projects


def outline(store, edition_id: int) -> Outline:
    db = store.db

    def rows(sql: str) -> list[tuple]:
        return [tuple(r) for r in db.execute(sql, [edition_id])]

    return Outline(
        rows("SELECT id, number, title FROM priority WHERE edition_id = ? ORDER BY number"),
        rows("SELECT v.id, v.number, v.title, (SELECT count(*) FROM measure m "
             "WHERE m.vision_id = v.id) FROM vision v WHERE v.edition_id = ? ORDER BY v.number"),
        rows("SELECT i.id, i.title, v.number FROM initiative i "
             "LEFT JOIN vision v ON v.id = i.vision_id WHERE i.edition_id = ? "
             "ORDER BY i.position, i.id"),
        rows("SELECT wp.id, w.name, (SELECT count(*) FROM ward_project p "
             "WHERE p.ward_plan_id = wp.id) FROM ward_plan wp JOIN ward w ON w.id = wp.ward_id "
             "WHERE wp.edition_id = ? ORDER BY w.position, w.id"))
