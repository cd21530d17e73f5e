"""An edition's history in the file: its events (created, rolled over, finalized, reopened) and
its snapshots (what was printed or sent out for review). Rows are only ever added."""

from __future__ import annotations

import json

from . import change_log
from .records import EditionEvent, EditionSnapshot
from .store import PlanStore


def compact(value: dict) -> str:
    """The stored form of a JSON object (also what export → import writes back)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def who(store: PlanStore, user: str | None = None) -> str:
    """The person writing: ``user`` when given, else the one the change log names (the
    preference's name or the OS user; db/change_log.py)."""
    if user and user.strip():
        return user.strip()
    context = store.change_context or change_log.Context()
    return context.user


def record_event(store: PlanStore, edition_id: int, kind: str, *, user: str | None = None,
                 reason: str = "", detail: dict | None = None) -> int:
    """Record that ``kind`` happened now, by ``user`` (default: the current user)."""
    return insert_event(store, edition_id, EditionEvent(kind, change_log.now(), who(store, user),
                                                        reason, detail or {}))


def insert_event(store: PlanStore, edition_id: int, event: EditionEvent) -> int:
    with store.atomic():
        cursor = store.db.execute(
            "INSERT INTO edition_event (edition_id, kind, at, user, reason, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [edition_id, event.kind, event.at, event.user, event.reason, compact(event.detail)])
    event.id, event.edition_id = cursor.lastrowid, edition_id
    return event.id


def events(store: PlanStore, fiscal_year: int) -> list[EditionEvent]:
    rows = store.db.execute(
        "SELECT ev.id, ev.edition_id, ev.kind, ev.at, ev.user, ev.reason, ev.detail "
        "FROM edition_event ev JOIN edition e ON e.id = ev.edition_id WHERE e.fiscal_year = ? "
        "ORDER BY ev.id", [fiscal_year]).fetchall()
    return [EditionEvent(kind, at, user, reason, json.loads(detail), id_, edition_id)
            for id_, edition_id, kind, at, user, reason, detail in rows]


def insert_snapshot(store: PlanStore, edition_id: int, snapshot: EditionSnapshot) -> int:
    with store.atomic():
        cursor = store.db.execute(
            "INSERT INTO snapshot (edition_id, kind, at, user, page_count, pdf_sha256, note, "
            "content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [edition_id, snapshot.kind, snapshot.at, snapshot.user, snapshot.page_count,
             snapshot.pdf_sha256, snapshot.note, compact(snapshot.content)])
    snapshot.id, snapshot.edition_id = cursor.lastrowid, edition_id
    return snapshot.id


def snapshots(store: PlanStore, fiscal_year: int, *, content: bool = True
              ) -> list[EditionSnapshot]:
    """The year's snapshots, oldest first (``content=False`` leaves the content out: lists)."""
    body = "s.content" if content else "'{}'"
    rows = store.db.execute(
        "SELECT s.id, s.edition_id, s.kind, s.at, s.user, s.page_count, s.pdf_sha256, s.note, "
        f"{body} FROM snapshot s JOIN edition e ON e.id = s.edition_id "
        "WHERE e.fiscal_year = ? ORDER BY s.id", [fiscal_year]).fetchall()
    return [EditionSnapshot(kind, at, user, pages, sha, note, json.loads(text), id_, edition_id)
            for id_, edition_id, kind, at, user, pages, sha, note, text in rows]
