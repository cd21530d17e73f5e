"""planbook booklet: the action-plan booklet as a print-ready PDF."""

from __future__ import annotations

import argparse

from .common import (
    UsageError,
    add_db_argument,
    add_verbose_argument,
    add_year_argument,
    open_for_reading,
    open_for_writing,
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
    parser.add_argument("--record", action="store_true",
                        help="record a snapshot of a draft sent out for review (a final "
                        "edition's booklet always records one)")
    parser.add_argument("--note", default="", help="with a snapshot: a note (e.g. 議会提出)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from db.snapshots import record_snapshot, should_record
    from desktop.publish.booklet import build_booklet
    from desktop.publish.progress import Progress

    with open_for_reading(args) as store:
        year = require_year(store, args.year)
        doc = store.load(year)
        snapshot_kind = should_record(store, year, args.record)
    if snapshot_kind is not None and args.output == "-":
        raise UsageError("a snapshot records the PDF's hash: write the booklet to a file")
    report = build_booklet(doc, args.output, print_production=args.print_production,
                           progress=Progress())
    print(f"wrote {args.output}: {report.pages} pages in {report.seconds:.2f} s")
    if snapshot_kind is not None:
        with open_for_writing(args) as store:
            record_snapshot(store, year, snapshot_kind, pdf=args.output, page_count=report.pages,
                            note=args.note)
        print(f"snapshot recorded ({'printed' if snapshot_kind == 'printed' else 'review'}): "
              "`planbook compare --since-snapshot` lists later changes")
    print_preflight(report, args.verbose)
    return 0
