"""planbook booklet: the action-plan booklet as a print-ready PDF."""

from __future__ import annotations

import argparse

from .common import (
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
        "booklet", help="typeset the action-plan booklet (A4 PDF; --print for the printer)")
    add_db_argument(parser)
    add_year_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf", type=output_file, help="output PDF")
    parser.add_argument("--print", dest="print_production", action="store_true",
                        help="print production: 3 mm bleed, crop marks, pages padded to a multiple of 4")
    add_verbose_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from desktop.publish.booklet import build_booklet
    from desktop.publish.progress import Progress

    with open_for_reading(args) as store:
        year = require_year(store, args.year)
        doc = store.load(year)
    report = build_booklet(doc, args.output, print_production=args.print_production,
                           progress=Progress())
    print(f"wrote {args.output}: {report.pages} pages in {report.seconds:.2f} s")
    print_preflight(report, args.verbose)
    return 0
