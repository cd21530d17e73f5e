"""planbook init / export / import: whole plan files."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from db.interchange import export_json, import_document, is_empty, load_json_text
from db.sample import load_sample
from db.store import open_plan

from .common import UsageError, add_db_argument, db_path, open_for_reading, output_file


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


def run_init(args: argparse.Namespace) -> int:
    path = db_path(args)
    if path.exists():
        raise UsageError(f"{path}: already exists; choose another name")
    with open_plan(path, create=True) as store:
        if not args.empty:
            load_sample(store)
    print(f"created {path}" + (" (empty)" if args.empty else " from the sample"))
    return 0


def run_export(args: argparse.Namespace) -> int:
    with open_for_reading(args) as store:
        text = export_json(store)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    output = Path(args.output)
    temporary = output.with_name(f".{output.name}.tmp")
    temporary.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temporary, output)
    print(f"wrote {output}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    source = Path(args.input)
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{source}: not UTF-8 text (byte {error.start})") from error
    data = load_json_text(text)
    path = db_path(args)
    created = not path.exists()
    store = open_plan(path, create=True)
    try:
        if not created and not args.replace and not is_empty(store):
            raise UsageError(f"{path}: already holds a plan; use --replace to overwrite it")
        import_document(store, data, replace=args.replace)
    except BaseException:
        store.close()
        if created:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    store.close()
    print(f"imported {source} into {path}")
    return 0
