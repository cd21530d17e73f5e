"""What every ``planbook`` subcommand shares: where the default file is, opening plan files
for reading or writing, and fiscal-year arguments."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.era import parse_fiscal_year
from db.errors import PlanBookError, PlanFileError
from db.messages import msg
from db.planfile import new_plan_file, plan_file_error
from db.store import PlanStore, open_plan
from desktop.paths import default_db_path


class UsageError(PlanBookError):
    """A command-line argument is wrong."""


def ensure_default_file() -> Path:
    """The default plan file, created from the bundled sample on first run."""
    path = default_db_path()
    if not path.exists():
        from db.sample import load_sample

        with new_plan_file(path) as temporary, open_plan(temporary, create=True) as store:
            load_sample(store)
            store.checkpoint()
    return path


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def open_for_reading(args: argparse.Namespace) -> PlanStore:
    """Open ``--db`` without ever writing to it (an older file is migrated in memory)."""
    path = db_path(args)
    if not path.exists():
        raise plan_file_error("no_such_file", path)
    return refuse_damaged(open_plan(path, readonly=True), path)


def refuse_damaged(store: PlanStore, path: Path) -> PlanStore:
    """``store`` when its content can be read; else closed, and a message naming each place."""
    from db.damage import content_damage

    found = content_damage(store)
    if found:
        store.close()
        raise PlanFileError(msg("%1: damaged file: PlanBook cannot read these places (the file "
                                "was changed outside PlanBook, or is damaged); restore a backup "
                                "or correct them:\n  %2", path, "\n  ".join(found)))
    return store


def open_for_writing(args: argparse.Namespace) -> PlanStore:
    path = db_path(args)
    if not path.exists():
        raise PlanFileError(f"{path}: no such file (create one with `planbook init --db {path}`).")
    return refuse_damaged(open_plan(path), path)


def fiscal_year(text: str) -> int:
    """argparse type: 2024, R6 or 令和6."""
    try:
        return parse_fiscal_year(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def add_db_argument(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--db PATH``, accepted before or after the subcommand (``planbook --db X info``)."""
    parser.add_argument("--db", metavar="PATH",
                        default=None if top_level else argparse.SUPPRESS,
                        help="plan file (default: the per-user file, created from the sample)")


def add_year_argument(parser: argparse.ArgumentParser, *, example: str = "2024, R6 or 令和6",
                      default_help: str = "default: the newest in the file") -> None:
    """``--year``: a fiscal year written as a Western year, R6 or 令和6."""
    parser.add_argument("--year", type=fiscal_year,
                        help=f"fiscal year ({example}; {default_help})")


def require_year(store: PlanStore, year: int | None) -> int:
    """The requested fiscal year, or the newest one in the file."""
    years = store.fiscal_years()
    if not years:
        raise UsageError("the plan file has no fiscal year yet")
    if year is None:
        return years[-1]
    if year not in years:
        raise UsageError(f"no fiscal year {year} in the file (it has {', '.join(map(str, years))})")
    return year


def output_file(text: str) -> str:
    """argparse type for ``-o FILE``: its folder must exist and it must not be a folder."""
    if text == "-":
        return text
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"the folder {folder} does not exist")
    return text


def add_verbose_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list every preflight finding (by default, findings of one kind are "
                             "counted on one line with their pages)")


def print_preflight(report, verbose: bool) -> None:
    """A build's preflight: grouped (``画像未設定 50件: p.6, 9, 11…``) or, verbose, all of it."""
    if not report.preflight:
        print("preflight: nothing adjusted")
        return
    lines = report.preflight if verbose else report.summary()
    print("preflight:")
    for line in lines:
        print(f"  {line}")
    if len(lines) < len(report.preflight):
        print(f"  ({len(report.preflight)} findings in all; --verbose lists each)")
