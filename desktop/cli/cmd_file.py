"""planbook init / export / import: whole plan files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from db.input_files import read_text_file
from db.limits import MAX_JSON_BYTES
from db.planfile import new_plan_file
from db.store import open_plan

from .common import (
    UsageError,
    add_db_argument,
    db_path,
    open_for_reading,
    output_file,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help="create a new plan file (from the sample, or empty)")
    add_db_argument(init)
    init.add_argument("--empty", action="store_true", help="create an empty plan file")
    init.set_defaults(func=run_init)

    export = subparsers.add_parser("export", help="write the whole plan as JSON")
    add_db_argument(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE.json", type=output_file,
                        help="output file ('-' for standard output)")
    export.set_defaults(func=run_export)

    imp = subparsers.add_parser("import", help="read a whole plan from JSON")
    add_db_argument(imp)
    imp.add_argument("input", metavar="FILE.json")
    imp.add_argument("--replace", action="store_true",
                     help="replace the content of an existing plan file (atomically)")
    imp.set_defaults(func=run_import)


def load_sample(store) -> None:
    """The bundled sample into ``store`` (the JSON interchange is loaded only when used)."""
    from db.sample import load_sample as load

    load(store)


def run_init(args: argparse.Namespace) -> int:
    path = db_path(args)
    if path.exists():
        raise UsageError(f"{path}: already exists; choose another name")
    with new_plan_file(path) as temporary, open_plan(temporary, create=True) as store:
        if not args.empty:
            load_sample(store)
        store.checkpoint()
    print(f"created {path}" + (" (empty)" if args.empty else " from the sample"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from db.interchange import export_json
    from desktop.publish.output import atomic_output

    with open_for_reading(args) as store:
        text = export_json(store)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    output = Path(args.output)
    with atomic_output(output, ".json") as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {output}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Validate first, then write: a refused import never touches the plan file."""
    from db.interchange import import_parsed, is_empty, load_json_text, parse_document

    source = Path(args.input)
    parsed = parse_document(load_json_text(read_text_file(source, MAX_JSON_BYTES)))
    path = db_path(args)
    if not path.exists():
        with new_plan_file(path) as temporary, open_plan(temporary, create=True) as store:
            import_parsed(store, parsed)
            store.checkpoint()
    else:
        with open_plan(path, readonly=True) as reader:
            if not args.replace and not is_empty(reader):
                raise UsageError(f"{path}: already holds a plan; use --replace to overwrite it")
        with open_plan(path) as store:
            import_parsed(store, parsed, replace=args.replace)
    print(f"imported {source} into {path}")
    return 0
