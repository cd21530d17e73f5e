"""The ``planbook`` command. Without a subcommand it opens the editor.

Subcommands live in ``desktop/cli/cmd_*.py``; each module has ``register(subparsers)`` and
sets ``func`` (returning an exit code). ``COMMANDS`` says which module registers which command,
so that a command loads only its own module (``--help`` and a mistyped command load them all). Errors the user can fix print one message to stderr and
exit 2; ``check`` exits 1 when it finds errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from pathlib import Path

from db.errors import PlanBookError, PlanFileError

from .common import UsageError, add_db_argument, ensure_default_file

COMMANDS = {  # command → the module in desktop/cli that registers it
    "booklet": "cmd_booklet", "compare": "cmd_compare",
    "new-year": "cmd_cycle", "finalize": "cmd_cycle", "reopen": "cmd_cycle",
    "init": "cmd_file", "export": "cmd_file", "import": "cmd_file", "log": "cmd_log",
    "info": "cmd_report", "check": "cmd_report",
    "ward-sheets": "cmd_ward_sheets", "ward-xlsx": "cmd_ward_xlsx",
}


def command_modules(command: str | None = None) -> list:
    """The modules registering ``command`` (None: every command, in the order --help lists)."""
    names = [COMMANDS[command]] if command in COMMANDS else sorted(set(COMMANDS.values()))
    return [importlib.import_module(f"{__name__}.{name}") for name in names]


def command_in(argv: list[str]) -> str | None:
    """The command ``argv`` names when nothing before it but ``--db PATH`` (else None, and the
    parser is built whole: ``planbook -h info`` is the top-level help)."""
    position = 0
    while position < len(argv) and argv[position].startswith("-"):
        if argv[position] == "--db":
            position += 2
        elif argv[position].startswith("--db="):
            position += 1
        else:
            return None
    return argv[position] if position < len(argv) else None


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, without loading shutil (and with it bz2 and
    lzma: ~3 ms of every command, for argparse's help width)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(argparse.HelpFormatter):
    """argparse's, given the terminal's width (argparse would load shutil to ask for it)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_columns() - 2)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser (its subcommands' too) with ``HelpFormatter``."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (``command``) one with only the module that registers it."""
    parser = Parser(
        prog="planbook", description="PlanBook: edit an action plan and print its booklet and "
        "ward sheets. Without a command, opens the editor.")
    add_db_argument(parser, top_level=True)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in command_modules(command):
        module.register(subparsers)
    return parser


def run_gui(db: str | None) -> int:
    path = Path(db) if db else ensure_default_file()
    if not path.exists():
        raise PlanFileError(f"{path}: no such file (create one with `planbook init --db {path}`).")
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        raise UsageError("no display: the editor needs a graphical session (DISPLAY is not set). "
                         "Every other command works without one: see `planbook --help`.")
    from desktop.app import run_gui as start

    return start(path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(command_in(argv)).parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args.db)
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
        return code
    except PlanBookError as error:
        print(f"planbook: {error}", file=sys.stderr)
        return 2
    except sqlite3.Error as error:
        where = f"{args.db}: " if getattr(args, "db", None) else ""
        print(f"planbook: {where}the plan file cannot be used ({error}).", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (e.g. `planbook info | head`): stop quietly, like other tools
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        print("planbook: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        print(f"planbook: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
