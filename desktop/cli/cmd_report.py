"""planbook info / check: what a plan file holds and what is wrong with it."""

from __future__ import annotations

import argparse

from db.era import era_label
from db.money import format_amount

from .common import add_db_argument, add_year_argument, open_for_reading, require_year


def register(subparsers: argparse._SubParsersAction) -> None:
    info = subparsers.add_parser("info", help="editions, counts and totals")
    add_db_argument(info)
    info.set_defaults(func=run_info)

    check = subparsers.add_parser("check", help="validation problems (exit 1 on any error)")
    add_db_argument(check)
    add_year_argument(check, default_help="default: every year in the file")
    check.set_defaults(func=run_check)


def _money(value: int | None) -> str:
    return format_amount(value, blank="-")


def run_info(args: argparse.Namespace) -> int:
    with open_for_reading(args) as store:
        plan = store.plan()
        print(f"{plan.name or '(unnamed plan)'} — {plan.city}")
        print(f"wards: {', '.join(w.name for w in store.wards()) or '-'}")
        for year in store.fiscal_years():
            doc = store.load(year)
            e = doc.edition
            print()
            print(f"{era_label(year)} ({year}) {e.title}  status: {e.status}")
            if doc.initiatives or doc.visions or doc.priorities:
                total = sum(i.amount or 0 for i in doc.initiatives)
                print(f"  initiatives: {len(doc.initiatives)}  total {_money(total)}千円")
            for p in doc.priorities:
                amount = sum(a.initiative.amount or 0 for a in p.actions)
                print(f"  重点事項{p.number} {p.title}: {len(p.actions)} actions, "
                      f"{_money(amount)}千円")
            for v in doc.visions:
                amount = sum(i.amount or 0 for i in v.initiatives)
                print(f"  ビジョン{v.number} {v.title}: {len(v.measures)} measures, "
                      f"{len(v.initiatives)} initiatives, {_money(amount)}千円")
            for w in doc.ward_plans:
                line = f"  {w.ward.name}: "
                if w.projects:
                    t = w.totals()
                    line += (f"{len(w.projects)} projects, 当初 {_money(t.initial)} / 補正後 "
                             f"{_money(t.revised)} / 決算 {_money(t.settled)}千円")
                    if w.allocation is not None:
                        line += f" (allocation {_money(w.allocation)})"
                if w.initiatives:
                    amount = sum(i.amount or 0 for i in w.initiatives)
                    line += (", " if w.projects else "") + (
                        f"{len(w.initiatives)} booklet initiatives, {_money(amount)}千円")
                if not w.projects and not w.initiatives:
                    line += "no projects"
                print(line)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from db.checks import ERROR, check_document

    with open_for_reading(args) as store:
        years = [require_year(store, args.year)] if args.year else store.fiscal_years()
        problems = [p for year in years for p in check_document(store.load(year))]
    for problem in problems:
        print(problem)
    errors = sum(p.severity == ERROR for p in problems)
    print(f"{errors} errors, {len(problems) - errors} warnings")
    return 1 if errors else 0
