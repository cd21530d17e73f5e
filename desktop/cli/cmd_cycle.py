"""planbook new-year / finalize / reopen: the annual cycle and an edition's status."""

from __future__ import annotations

import argparse
import sys

from db.era import era_label

from .common import add_db_argument, fiscal_year, open_for_writing


def register(subparsers: argparse._SubParsersAction) -> None:
    new = subparsers.add_parser(
        "new-year", help="start next fiscal year's plan from this one (a new draft edition)")
    add_db_argument(new)
    new.add_argument("--from", dest="from_year", required=True, type=fiscal_year,
                     help="the fiscal year to copy (2024, R6 or 令和6); it is never changed")
    new.add_argument("--to", dest="to_year", type=fiscal_year,
                     help="the new fiscal year (default: the next one)")
    new.add_argument("--force", action="store_true", help="allow skipping years")
    new.add_argument("--quiet", action="store_true",
                     help="do not list the dated wording to review")
    new.set_defaults(func=run_new_year)

    final = subparsers.add_parser(
        "finalize", help="make an edition final (確定): runs the checks; read-only afterwards")
    add_db_argument(final)
    final.add_argument("--year", required=True, type=fiscal_year)
    final.add_argument("--accept-warnings", action="store_true",
                       help="finalize even though the checks list warnings (errors still block)")
    final.set_defaults(func=run_finalize)

    again = subparsers.add_parser(
        "reopen", help="make a final edition a draft again (the reason is recorded)")
    add_db_argument(again)
    again.add_argument("--year", required=True, type=fiscal_year)
    again.add_argument("--reason", required=True, help="why it is reopened")
    again.set_defaults(func=run_reopen)


def run_new_year(args: argparse.Namespace) -> int:
    from db.cycle import new_year

    with open_for_writing(args) as store:
        result = new_year(store, args.from_year, args.to_year, force=args.force)
    plan = result.plan
    print(f"created {era_label(plan.to_year)} ({plan.to_year}) from {era_label(plan.from_year)} "
          f"({plan.from_year}) as a draft")
    counts = plan.counts
    print(f"  copied: {counts['visions']} visions, {counts['measures']} measures, "
          f"{counts['priorities']} priority items ({counts['priority_actions']} actions), "
          f"{counts['initiatives']} initiatives, {counts['ward_plans']} ward plans "
          f"({counts['ward_groups']} groups, {counts['ward_projects']} projects)")
    for line in plan.defaults:
        print(f"  {line}")
    print(f"  dated wording to review: {len(result.review)} places")
    if not args.quiet:
        for item in result.review:
            text = item.text if len(item.text) <= 60 else item.text[:59] + "…"
            print(f"    {item.place}: {text}")
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def run_finalize(args: argparse.Namespace) -> int:
    from db.cycle import WarningsToConfirm, finalize

    with open_for_writing(args) as store:
        try:
            warnings = finalize(store, args.year, accept_warnings=args.accept_warnings)
        except WarningsToConfirm as pending:
            for warning in pending.warnings:
                print(warning)
            if not _confirm(f"{len(pending.warnings)} warnings. Make "
                            f"{era_label(args.year)} final anyway?"):
                print(f"planbook: {era_label(args.year)} was not made final: "
                      f"{len(pending.warnings)} warnings (read them above; rerun with "
                      "--accept-warnings to finalize anyway).", file=sys.stderr)
                return 2
            warnings = finalize(store, args.year, accept_warnings=True)
    print(f"{era_label(args.year)} ({args.year}) is final (確定)"
          + (f", {len(warnings)} warnings accepted" if warnings else ""))
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    from db.cycle import reopen

    with open_for_writing(args) as store:
        reopen(store, args.year, args.reason)
    print(f"{era_label(args.year)} ({args.year}) is a draft again; reason recorded")
    return 0
