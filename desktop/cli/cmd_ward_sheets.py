"""planbook ward-sheets: the wards' まちづくり sheets as a print-ready PDF."""

from __future__ import annotations

import argparse

from .common import (
    UsageError,
    add_db_argument,
    add_verbose_argument,
    add_year_argument,
    open_for_reading,
    output_file,
    print_preflight,
    require_year,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ward-sheets",
        help="print the ward sheets (A4 landscape PDF, one page a ward)",
        description="Print the wards' まちづくり sheets as an A4-landscape PDF. Each ward gets one "
                    "page, in the largest type that fits it (down to 7 pt for 事業内容); only a "
                    "ward that does not fit even then runs over several pages, with the table "
                    "header repeated. Both adjustments are listed as preflight notes.")
    add_db_argument(parser)
    add_year_argument(parser, example="2022, R4 or 令和4")
    parser.add_argument("--ward", action="append", metavar="NAME",
                        help="only this ward (repeat for several; default: every ward)")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", metavar="FILE.pdf", type=output_file, help="all wards in one PDF")
    target.add_argument("--split", metavar="DIR", help="one PDF per ward, named after it")
    add_verbose_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.publish.progress import Progress
    from desktop.publish.ward_sheets import build_ward_sheets, split_ward_sheets

    with open_for_reading(args) as store:
        year = require_year(store, args.year)
        doc = store.load(year)
    if not doc.ward_plans:
        raise UsageError(f"fiscal year {year} has no ward sheets")
    if args.split:
        paths = split_ward_sheets(doc, args.split, wards=args.ward, progress=Progress())
        for path in paths:
            print(f"wrote {path}")
        return 0
    report = build_ward_sheets(doc, args.output, wards=args.ward, progress=Progress())
    print(f"wrote {args.output}: {report.pages} pages, {len(report.outline)} wards "
          f"({report.seconds:.1f} s)")
    print_preflight(report, args.verbose)
    return 0
