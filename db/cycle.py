"""The annual cycle: a new fiscal year from the previous one, and an edition's status
(案 → 確定 and back), each recorded as an edition event with who, when and why.

``new_year`` copies one edition into a new draft in one transaction and links every
initiative and ward project to its predecessor (lineage); the copied edition is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from . import change_log
from .checks import ERROR, Problem, check_document
from .dated import DatedText, dated_wording
from .era import era_label
from .errors import FinalEditionError, PlanBookError, ValidationError
from .history import record_event, who
from .store import PlanStore

StepCallback = Callable[[int, int, str], None]  # (done, total, label); may raise to cancel

NEW_STATUS = {"new": "continued"}  # 新規 becomes 継続 in the following year


class CycleError(PlanBookError):
    """A new year, finalize or reopen was refused; the message says why."""


def _log(store: PlanStore, source: str, fiscal_year: int, edition_id: int, field: str,
         old: str | None, new: str | None, user: str | None) -> None:
    """One change-log entry about a whole edition (what the cycle does to it)."""
    if store.change_context is None:
        return
    title = store.edition(fiscal_year).title
    change_log.restore(store, [{
        "at": change_log.now(), "user": who(store, user), "source": source,
        "fiscal_year": fiscal_year, "record_type": "edition", "record_id": edition_id,
        "record_label": title, "field": field, "old_value": old, "new_value": new}])


# -- refusing writes to a final edition ---------------------------------------------------------

def require_draft(store: PlanStore, fiscal_year: int) -> None:
    """Refuse (FinalEditionError) before writing anything into a final edition."""
    edition = store.edition(fiscal_year)
    if edition is not None and edition.status == "final":
        raise FinalEditionError(fiscal_year)


def require_draft_edition_id(store: PlanStore, edition_id: int) -> None:
    row = store.db.execute("SELECT fiscal_year, status FROM edition WHERE id = ?",
                           [edition_id]).fetchone()
    if row and row[1] == "final":
        raise FinalEditionError(row[0])


# -- a new year ----------------------------------------------------------------------------------

@dataclass
class RolloverPlan:
    """What ``new_year`` will do: shown by the dialog and the CLI before (and after) it runs."""

    from_year: int
    to_year: int
    counts: dict[str, int]  # what is copied, by kind
    defaults: list[str]  # what changes on the way, one line each
    review: list[DatedText]  # dated wording to review (in the source edition)


@dataclass
class Rollover:
    plan: RolloverPlan
    edition_id: int
    review: list[DatedText] = field(default_factory=list)  # in the new edition (ids to jump to)


def _years_check(store: PlanStore, from_year: int, to_year: int | None, force: bool) -> int:
    years = store.fiscal_years()
    if from_year not in years:
        have = ", ".join(map(str, years)) or "none"
        raise CycleError(f"no fiscal year {from_year} in the file (it has {have}).")
    to_year = from_year + 1 if to_year is None else to_year
    if not 1989 <= to_year <= 2200:
        raise CycleError(f"{to_year} is out of range (1989–2200).")
    if to_year in years:
        final = store.edition(to_year).status == "final"
        raise CycleError(f"{era_label(to_year)} ({to_year}) already exists"
                         + (" and is final (確定)" if final else "")
                         + "; a new year is never written over an existing one.")
    if to_year <= from_year:
        raise CycleError(f"the new year ({to_year}) must come after {from_year}.")
    if to_year > from_year + 1 and not force:
        raise CycleError(f"{to_year} is {to_year - from_year} years after {from_year}; "
                         "use --force to skip years.")
    return to_year


def _shift_title(title: str, from_year: int, to_year: int) -> str:
    for old, new in ((era_label(from_year), era_label(to_year)),
                     (f"{from_year}年度", f"{to_year}年度")):
        title = title.replace(old, new)
    return title


def _shift_date(value: str | None, years: int) -> str | None:
    if not value:
        return value
    year, month = value.split("-")
    return f"{int(year) + years:04d}-{month}"


def _counts(store: PlanStore, edition_id: int) -> dict[str, int]:
    in_wards = "ward_plan_id IN (SELECT id FROM ward_plan WHERE edition_id = ?)"
    queries = {
        "visions": "SELECT COUNT(*) FROM vision WHERE edition_id = ?",
        "measures": "SELECT COUNT(*) FROM measure WHERE vision_id IN "
                    "(SELECT id FROM vision WHERE edition_id = ?)",
        "priorities": "SELECT COUNT(*) FROM priority WHERE edition_id = ?",
        "priority_actions": "SELECT COUNT(*) FROM priority_action WHERE priority_id IN "
                            "(SELECT id FROM priority WHERE edition_id = ?)",
        "initiatives": "SELECT COUNT(*) FROM initiative WHERE edition_id = ?",
        "ward_plans": "SELECT COUNT(*) FROM ward_plan WHERE edition_id = ?",
        "ward_groups": f"SELECT COUNT(*) FROM ward_group WHERE {in_wards}",
        "ward_projects": f"SELECT COUNT(*) FROM ward_project WHERE {in_wards}",
    }
    return {key: store.db.execute(sql, [edition_id]).fetchone()[0]
            for key, sql in queries.items()}


def _new_count(store: PlanStore, edition_id: int) -> int:
    return store.db.execute(
        "SELECT (SELECT COUNT(*) FROM initiative WHERE edition_id = ? AND status = 'new') + "
        "(SELECT COUNT(*) FROM ward_project WHERE status = 'new' AND ward_plan_id IN "
        "(SELECT id FROM ward_plan WHERE edition_id = ?))", [edition_id, edition_id]).fetchone()[0]


def plan_new_year(store: PlanStore, from_year: int, to_year: int | None = None, *,
                  force: bool = False) -> RolloverPlan:
    """Check the years and describe the copy, without writing anything."""
    to_year = _years_check(store, from_year, to_year, force)
    e = store.edition(from_year)
    counts = _counts(store, e.id)
    title = _shift_title(e.title, from_year, to_year)
    defaults = [
        f"表題: 「{e.title}」 → 「{title}」" if title != e.title else f"表題: 「{e.title}」 (そのまま)",
        "状態: 案 (draft)",
        f"発行年月: {e.publication_date or '-'} → "
        f"{_shift_date(e.publication_date, to_year - from_year) or '-'}",
        f"取組の金額 ({counts['initiatives']}件): {era_label(from_year)}の金額は前年度に移り、"
        "新しい金額は空欄",
        f"新規 → 継続: {_new_count(store, e.id)}件",
        f"区の事業 ({counts['ward_projects']}件): 事業名・内容・区分と配分額はそのまま、"
        "当初予算・補正後・決算額は空欄",
        "予算注記や年度を含む文言は変更せず、確認用に一覧にします",
    ]
    review = [r for r in dated_wording(store, e.id)
              if not (r.table == "edition" and r.field == "title" and title != e.title)]
    return RolloverPlan(from_year, to_year, counts, defaults, review)


def new_year(store: PlanStore, from_year: int, to_year: int | None = None, *,
             force: bool = False, user: str | None = None,
             progress: StepCallback | None = None) -> Rollover:
    """Copy ``from_year`` into a new draft edition (one transaction; raise to cancel)."""
    plan = plan_new_year(store, from_year, to_year, force=force)
    step = progress or (lambda done, total, label: None)
    total = sum(plan.counts.values()) + 1
    copier = _Copier(store, step, total)
    with store.atomic():
        source = store.edition(from_year)
        with change_log.unlogged(store):  # a new edition is built, not changed: one entry
            edition_id = copier.copy_edition(source.id, plan)
            copier.copy_all(source.id, edition_id)
        record_event(store, edition_id, "rolled_over", user=user, detail={
            "from": from_year, "copied": plan.counts, "review": len(plan.review)})
        _log(store, "new-year", plan.to_year, edition_id, "(added)", None,
             f"{era_label(plan.to_year)}を{era_label(from_year)}から作成 (取組 "
             f"{plan.counts['initiatives']}件、区の事業 {plan.counts['ward_projects']}件)", user)
    step(total, total, "done")
    # the same wording, now in the new edition's rows (for the editor to jump to)
    review = [r.moved(copier.maps[r.table][r.row_id]) for r in plan.review]
    return Rollover(plan, edition_id, review)


class _Copier:
    """Copies rows generically (every column, so later migrations' columns come along)."""

    def __init__(self, store: PlanStore, step: StepCallback, total: int):
        self.store, self.step, self.total, self.done = store, step, total, 0
        self.maps: dict[str, dict[int, int]] = {}

    def _copy(self, table: str, where: str, params: list,
              change: Callable[[dict, int], None], label: str) -> None:
        """Insert a copy of each row, changed by ``change(row, old_id)``; map old → new ids."""
        cursor = self.store.db.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", params)
        names = [d[0] for d in cursor.description]
        mapping = self.maps.setdefault(table, {})
        # ids are given explicitly (after the table's largest), so one executemany inserts them
        next_id = self.store.db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}"
                                        ).fetchone()[0]
        sql = (f"INSERT INTO {table} ({', '.join(names)}) "
               f"VALUES ({', '.join('?' for _ in names)})")
        rows = cursor.fetchall()
        batch = []
        for values in rows:
            row = dict(zip(names, values, strict=True))
            old_id = row["id"]
            change(row, old_id)
            row["id"] = mapping[old_id] = next_id
            next_id += 1
            batch.append([row[c] for c in names])
            if len(batch) == 1000:
                self._flush(sql, batch, label)
        self._flush(sql, batch, label)

    def _flush(self, sql: str, batch: list, label: str) -> None:
        if batch:
            self.store.db.conn.executemany(sql, batch)
            self.done += len(batch)
            self.step(self.done, self.total, label)
            batch.clear()

    def copy_edition(self, source_id: int, plan: RolloverPlan) -> int:
        def change(row: dict, _old: int) -> None:
            row.update(fiscal_year=plan.to_year, status="draft",
                       title=_shift_title(row["title"], plan.from_year, plan.to_year),
                       publication_date=_shift_date(row["publication_date"],
                                                    plan.to_year - plan.from_year))

        self._copy("edition", "id = ?", [source_id], change, "edition")
        return self.maps["edition"][source_id]

    def copy_all(self, source: int, target: int) -> None:
        m = self.maps
        in_edition = "edition_id = ?"
        in_wards = "ward_plan_id IN (SELECT id FROM ward_plan WHERE edition_id = ?)"

        def retarget(row: dict, _old: int) -> None:
            row["edition_id"] = target

        def measure(row: dict, _old: int) -> None:
            row["vision_id"] = m["vision"][row["vision_id"]]

        def ward_plan(row: dict, _old: int) -> None:
            row.update(edition_id=target, printed_initial=None, printed_revised=None,
                       printed_settled=None)

        def group(row: dict, _old: int) -> None:
            row["ward_plan_id"] = m["ward_plan"][row["ward_plan_id"]]

        def project(row: dict, old: int) -> None:
            group_id = row["group_id"]
            row.update(ward_plan_id=m["ward_plan"][row["ward_plan_id"]],
                       group_id=None if group_id is None else m["ward_group"][group_id],
                       initial=None, revised=None, settled=None, predecessor_id=old,
                       status=NEW_STATUS.get(row["status"], row["status"]))

        def initiative(row: dict, old: int) -> None:
            vision, ward = row["vision_id"], row["ward_plan_id"]
            row.update(edition_id=target, amount=None, previous_amount=None, predecessor_id=old,
                       vision_id=None if vision is None else m["vision"][vision],
                       ward_plan_id=None if ward is None else m["ward_plan"][ward],
                       status=NEW_STATUS.get(row["status"], row["status"]))

        def action(row: dict, _old: int) -> None:
            row.update(priority_id=m["priority"][row["priority_id"]],
                       initiative_id=m["initiative"][row["initiative_id"]])

        self._copy("vision", in_edition, [source], retarget, "visions")
        self._copy("measure", "vision_id IN (SELECT id FROM vision WHERE edition_id = ?)",
                   [source], measure, "measures")
        self._copy("ward_plan", in_edition, [source], ward_plan, "wards")
        self._copy("ward_group", in_wards, [source], group, "wards")
        self._copy("ward_project", in_wards, [source], project, "ward projects")
        self._copy("initiative", in_edition, [source], initiative, "initiatives")
        self._copy("priority", in_edition, [source], retarget, "priorities")
        self._copy("priority_action", "priority_id IN (SELECT id FROM priority WHERE "
                   "edition_id = ?)", [source], action, "priorities")


# -- status: 案 → 確定 and back -------------------------------------------------------------------

class WarningsToConfirm(CycleError):
    """Finalizing found warnings only: ask the user, then call again with accept_warnings."""

    def __init__(self, fiscal_year: int, warnings: list[Problem]):
        self.fiscal_year, self.warnings = fiscal_year, warnings
        super().__init__(f"{era_label(fiscal_year)}: {len(warnings)} warnings to confirm before "
                         "it is made final:\n" + "\n".join(f"  {w}" for w in warnings))


def finalize_problems(store: PlanStore, fiscal_year: int) -> list[Problem]:
    """What ``check`` finds in the year: errors block finalizing, warnings need a yes."""
    return check_document(store.load(fiscal_year))


def finalize(store: PlanStore, fiscal_year: int, *, user: str | None = None,
             accept_warnings: bool = False) -> list[Problem]:
    """Make a draft edition final (確定); returns the warnings that were accepted."""
    edition = store.edition(fiscal_year)
    if edition is None:
        raise CycleError(f"no fiscal year {fiscal_year} in the file.")
    if edition.status == "final":
        raise CycleError(f"{era_label(fiscal_year)} ({fiscal_year}) is already final (確定).")
    problems = finalize_problems(store, fiscal_year)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise ValidationError([str(p) for p in errors],
                              f"{era_label(fiscal_year)} cannot be made final: `planbook check` "
                              f"finds {len(errors)} errors:")
    warnings = [p for p in problems if p.severity != ERROR]
    if warnings and not accept_warnings:
        raise WarningsToConfirm(fiscal_year, warnings)
    with store.atomic(), change_log.source(store, "finalize"):
        store.update_fields("edition", edition.id, {"status": "final"})
        record_event(store, edition.id, "finalized", user=user,
                     detail={"warnings": len(warnings)})
    return warnings


def reopen(store: PlanStore, fiscal_year: int, reason: str, *, user: str | None = None) -> None:
    """Make a final edition a draft again; the reason is recorded with who and when."""
    edition = store.edition(fiscal_year)
    if edition is None:
        raise CycleError(f"no fiscal year {fiscal_year} in the file.")
    if edition.status != "final":
        raise CycleError(f"{era_label(fiscal_year)} ({fiscal_year}) is not final; nothing to "
                         "reopen.")
    if not reason.strip():
        raise CycleError("say why the final edition is reopened (--reason).")
    with store.atomic(), change_log.source(store, "reopen"):
        store.update_fields("edition", edition.id, {"status": "draft"})
        record_event(store, edition.id, "reopened", user=user, reason=reason.strip())
        _log(store, "reopen", fiscal_year, edition.id, "reason", None, reason.strip(), user)
