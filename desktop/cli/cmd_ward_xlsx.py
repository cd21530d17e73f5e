"""planbook ward-xlsx export / import: the Excel round trip with the ward offices."""

from __future__ import annotations

import argparse

from db.era import era_label
from db.limits import CONFIRM_REMOVALS_ABOVE

from .common import (
    UsageError,
    add_db_argument,
    add_year_argument,
    open_for_reading,
    open_for_writing,
    output_file,
    require_year,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ward-xlsx", help="export a ward's sheet to Excel, or import "
                                   "the edited workbook")
    actions = parser.add_subparsers(dest="ward_xlsx_action", metavar="ACTION", required=True)

    export = actions.add_parser("export", help="write one ward's projects as an .xlsx workbook")
    add_db_argument(export)
    add_year_argument(export, example="2022, R4 or 令和4")
    export.add_argument("--ward", required=True, help="ward name, e.g. 中央区")
    export.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", type=output_file)
    export.set_defaults(func=run_export)

    imp = actions.add_parser("import", help="show and apply the changes in an edited workbook")
    add_db_argument(imp)
    imp.add_argument("workbook", metavar="FILE.xlsx")
    imp.add_argument("--dry-run", action="store_true",
                     help="only show what would change; the plan file is not opened for writing")
    imp.add_argument("--yes", action="store_true",
                     help=f"confirm an import that deletes more than {CONFIRM_REMOVALS_ABOVE} "
                          "projects")
    imp.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    from desktop.publish.ward_excel import export_ward_workbook

    with open_for_reading(args) as store:
        signed = bool(store.plan().workbook_key)
    if not signed:  # the first export makes the secret that signs every workbook
        with open_for_writing(args) as store:
            store.ensure_workbook_key()
    with open_for_reading(args) as store:
        year = require_year(store, args.year)
        doc = store.load(year)
        if doc.ward_plan(args.ward) is None:
            names = ", ".join(p.ward.name for p in doc.ward_plans) or "none"
            raise UsageError(f"no ward sheet for {args.ward} in {year} (wards: {names})")
        path = export_ward_workbook(doc, args.ward, args.output)
    print(f"wrote {path} ({args.ward}, {year})")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.publish.ward_excel import apply_ward_import, plan_ward_import, read_ward_workbook

    workbook = read_ward_workbook(args.workbook)
    opener = open_for_reading if args.dry_run else open_for_writing
    with opener(args) as store:
        plan = plan_ward_import(store, workbook)
        print(plan.summary())
        if args.dry_run or plan.is_empty:
            if args.dry_run:
                print("dry run: nothing was changed")
            return 0
        if plan.needs_confirmation and not args.yes:
            raise UsageError(f"this import deletes {len(plan.removed)} projects of {plan.ward} "
                             f"{era_label(plan.fiscal_year)}; nothing was changed. Check the "
                             "list above and run it again with --yes to apply it")
        apply_ward_import(store, plan)
    print("imported")
    return 0
