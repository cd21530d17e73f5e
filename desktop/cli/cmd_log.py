"""planbook log: who changed what and when (the plan file's change log)."""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import sys

from db import change_log

from .common import UsageError, add_db_argument, add_year_argument, open_for_reading, output_file

CSV_HEADER = ["at", "user", "source", "fiscal_year", "record_type", "record_id", "record_label",
              "field", "old_value", "new_value"]


def register(subparsers: argparse._SubParsersAction) -> None:
    log = subparsers.add_parser("log", help="the change log: who changed what and when")
    add_db_argument(log)
    add_year_argument(log, default_help="default: every year, and changes to no year")
    log.add_argument("--since", metavar="DATE", type=since_date,
                     help="only changes on or after this date (2026-12-01)")
    log.add_argument("-o", "--output", metavar="FILE.csv", type=output_file,
                     help="write CSV (UTF-8 with BOM, for Excel); default: a table on screen")
    log.set_defaults(func=run_log)


def since_date(text: str) -> str:
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-12-01") from error


def run_log(args: argparse.Namespace) -> int:
    with open_for_reading(args) as store:
        if args.year is not None and args.year not in store.fiscal_years():
            raise UsageError(f"no fiscal year {args.year} in the file")
        entries = change_log.entries(store, fiscal_year=args.year, since=args.since)
    rows = [[getattr(e, c) for c in CSV_HEADER] for e in entries]
    if args.output and args.output != "-":
        with open(args.output, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_HEADER)
            writer.writerows(rows)
        print(f"{len(rows)} changes written to {args.output}")
        return 0
    if args.output == "-":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_HEADER)
        writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
        return 0
    if not rows:
        print("no changes logged")
        return 0
    for e in entries:
        year = f" {e.fiscal_year}" if e.fiscal_year is not None else ""
        what = f"{e.record_type} #{e.record_id} 「{e.record_label}」"
        if e.field == change_log.ADDED:
            change = "added"
        elif e.field == change_log.DELETED:
            change = "deleted"
        else:
            change = f"{e.field}: {_short(e.old_value)} → {_short(e.new_value)}"
        print(f"{e.at}  {e.user or '-'}  {e.source or '-'}{year}  {what}  {change}")
    return 0


def _short(value: str | None, limit: int = 60) -> str:
    if value is None:
        return "(empty)"
    text = value.replace("\n", " ")
    return text if len(text) <= limit else text[:limit - 1] + "…"
