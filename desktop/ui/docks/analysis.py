"""The background analysis behind the Problems and Summary panels (no Qt: it runs in a
worker on its own read-only connection)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.era import era_label
from db.money import format_amount
from desktop.publish.collector import collector_paused


@dataclass
class Analysis:
    """The checks' findings and the summary's rows, as the worker returns them."""

    problems: list  # db.checks.Problem
    summary: list[tuple[int, str, str, str, str, str]]  # depth, label, count, a, b, c


def analyse(path: Path, progress=None) -> Analysis:
    from db.checks import check_document
    from db.store import open_plan

    problems: list = []
    summary: list = []
    # the collector would walk the whole plan's records again and again while they are read
    # (pauses of ~50 ms that hold the interpreter); they are freed by reference counting.
    # Read in place, in one read transaction: a copy of the file in memory would hold the
    # whole change log too, and it grows with every edit
    with collector_paused(), open_plan(path, readonly=True, snapshot=False) as store, \
            store.db.reading():
        for year in store.fiscal_years():
            doc = store.load(year)
            problems.extend(check_document(doc))
            amounts = [i.amount for i in doc.initiatives if i.amount is not None]
            status = "確定" if doc.edition.status == "final" else "案"
            summary.append((0, f"{era_label(year)} ({year})  {status}", str(len(doc.initiatives)),
                            format_amount(sum(amounts)) if amounts else "", "", ""))
            for vision in doc.visions:
                vamounts = [i.amount for i in vision.initiatives if i.amount is not None]
                summary.append((1, f"ビジョン{vision.number} {vision.title}",
                                str(len(vision.initiatives)),
                                format_amount(sum(vamounts)) if vamounts else "", "", ""))
            for priority in doc.priorities:
                pamounts = [a.initiative.amount for a in priority.actions
                            if a.initiative.amount is not None]
                summary.append((1, f"重点事項{priority.number} {priority.title}",
                                str(len(priority.actions)),
                                format_amount(sum(pamounts)) if pamounts else "", "", ""))
            for plan in doc.ward_plans:
                if not plan.projects:
                    continue
                totals = plan.totals()
                summary.append((1, f"{plan.ward.name}  (配分 {format_amount(plan.allocation)})",
                                str(len(plan.projects)), format_amount(totals.initial),
                                format_amount(totals.revised), format_amount(totals.settled)))
    return Analysis(problems, summary)
