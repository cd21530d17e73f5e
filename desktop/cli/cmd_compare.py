"""planbook compare: two fiscal years side by side (新旧対照表), or the changes in one year since
its last snapshot; on screen, as a workbook (.xlsx) or as a printable PDF."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from db.era import era_label

from .common import (
    UsageError,
    add_db_argument,
    fiscal_year,
    open_for_reading,
    output_file,
    require_year,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare", help="compare two fiscal years (新旧対照表), or a year with its last snapshot")
    add_db_argument(parser)
    parser.add_argument("--from", dest="from_year", type=fiscal_year,
                        help="the earlier fiscal year (default: the year before --to)")
    parser.add_argument("--to", dest="to_year", type=fiscal_year,
                        help="the later fiscal year (default: the newest in the file)")
    parser.add_argument("--since-snapshot", action="store_true",
                        help="list what changed in --year since its last snapshot (printing "
                        "or review), field by field")
    parser.add_argument("--year", type=fiscal_year,
                        help="with --since-snapshot: the fiscal year (default: the newest)")
    parser.add_argument("-o", "--output", metavar="FILE.xlsx|FILE.pdf", type=output_file,
                        help="write a workbook or a PDF (default: print to the screen)")
    parser.set_defaults(func=run)


if TYPE_CHECKING:
    from db.changes import FieldChange
    from db.compare import Comparison


def _kind(output: str | None) -> str | None:
    if output is None:
        return None
    suffix = Path(output).suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UsageError(f"{output}: write a .xlsx workbook or a .pdf")
    return suffix


def run(args: argparse.Namespace) -> int:
    from db.compare import compare_years
    from desktop.publish.compare import build_comparison_pdf, write_comparison_workbook
    from desktop.publish.progress import Progress

    kind = _kind(args.output)
    if args.since_snapshot:
        return _since_snapshot(args, kind)
    with open_for_reading(args) as store:
        to_year = require_year(store, args.to_year)
        from_year = require_year(store, to_year - 1 if args.from_year is None else args.from_year)
        if from_year >= to_year:
            raise UsageError(f"--from ({from_year}) must be before --to ({to_year})")
        comparison = compare_years(store, from_year, to_year)
    if kind == ".pdf":
        report = build_comparison_pdf(comparison, args.output, progress=Progress())
        print(f"wrote {args.output}: {report.pages} pages in {report.seconds:.2f} s")
    elif kind == ".xlsx":
        write_comparison_workbook(comparison, args.output)
        print(f"wrote {args.output}")
    else:
        _print_comparison(comparison)
    return 0


def _print_comparison(c: Comparison) -> None:
    from db.compare import MARK_LABELS
    from desktop.publish.compare.cells import amount_text, difference_text, percent_text

    counts = c.counts()
    print(f"{c.from_label} ({c.from_year}) → {c.to_label} ({c.to_year}): "
          f"added {counts['added']}, discontinued {counts['discontinued']}, renamed "
          f"{counts['renamed']}, moved {counts['moved']}, amount changed {counts['changed']}")
    for section in c.sections:
        print(f"\n{section.title}: {amount_text(section.previous)} → {amount_text(section.amount)}"
              f"千円 ({difference_text(section.difference) or '-'}"
              f"{', ' + percent_text(section.percent) if section.percent is not None else ''})")
        for row in section.rows:
            if not row.changed:
                continue
            marks = "・".join(MARK_LABELS[m] for m in row.marks)
            title = row.title if row.previous_title in (None, row.title) else (
                f"{row.previous_title} → {row.title}")
            print(f"  [{marks or '増減'}] {title}: {amount_text(row.previous, missing='-')} → "
                  f"{amount_text(row.amount, missing='-')} {difference_text(row.difference)} "
                  f"{percent_text(row.percent)} {row.note}".rstrip())
    print(f"\n合計: {amount_text(c.previous)} → {amount_text(c.amount)}千円")


def _since_snapshot(args: argparse.Namespace, kind: str | None) -> int:
    from db.changes import changes_between
    from db.history import snapshots
    from db.snapshots import edition_content
    from desktop.publish.compare import build_changes_pdf, write_changes_workbook
    from desktop.publish.progress import Progress

    if args.from_year is not None or args.to_year is not None:
        raise UsageError("--since-snapshot compares one year (--year) with its last snapshot; "
                         "leave out --from/--to")
    with open_for_reading(args) as store:
        year = require_year(store, args.year)
        taken = snapshots(store, year)
        if not taken:
            raise UsageError(f"{era_label(year)} has no snapshot yet: one is recorded when a "
                             "final edition's booklet is exported, or with `planbook booklet "
                             "--record`")
        snapshot = taken[-1]
        changes = changes_between(snapshot.content, edition_content(store, year))
        plan_name = store.plan().name
    what = "印刷" if snapshot.kind == "printed" else "確認用に送付"
    title = f"{plan_name} {era_label(year)} {snapshot.at[:16].replace('T', ' ')} ({what})以降の変更"
    subtitle = f"{snapshot.user} / {snapshot.page_count or '-'}ページ / {len(changes)}件の変更"
    if kind == ".pdf":
        report = build_changes_pdf(changes, title, subtitle, args.output, author=plan_name,
                                   progress=Progress())
        print(f"wrote {args.output}: {report.pages} pages, {len(changes)} changes")
    elif kind == ".xlsx":
        write_changes_workbook(changes, title, args.output)
        print(f"wrote {args.output}: {len(changes)} changes")
    else:
        _print_changes(title, changes)
    return 0


def _print_changes(title: str, changes: list[FieldChange]) -> None:
    print(title)
    if not changes:
        print("  no changes")
    for change in changes:
        old = "(なし)" if change.old is None else change.old.replace("\n", " / ")
        new = "(削除)" if change.new is None else change.new.replace("\n", " / ")
        print(f"  {change.place} {change.field}: {old} → {new}")
