"""The fuzzed entry points, shared by the quick suite (tests/fuzz/test_fuzz.py) and ``make fuzz``
(tests/fuzz/campaign.py).

Each ``Target`` runs one hostile case through the real command (``planbook import``,
``planbook ward-xlsx import``, ``parse_amount``, ``planbook info/check/export`` on a damaged
plan file) and sorts the outcome: accepted, refused (exit 2 with a message), a crash (any other
exception or exit code, or a traceback), a hang (over ``HANG_SECONDS``), and whether a refused
case changed the plan file (its bytes after the command closed it, and no -wal/-shm left).
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import re
import shutil
import signal
import sqlite3
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from db.interchange import export_document, parse_document
from db.money import MAX_AMOUNT, AmountError, format_amount, parse_amount
from db.sample import load_sample
from db.store import open_plan
from desktop.cli import main

HANG_SECONDS = 30


class Hang(Exception):
    pass


class Crash(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: int):
    def alarm(signum, frame):
        raise Hang(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def digest(path: Path) -> str:
    leftovers = [s for s in ("-wal", "-shm", "-journal") if Path(f"{path}{s}").exists()]
    data = path.read_bytes() if path.exists() else b""
    return hashlib.sha256(data).hexdigest() + "".join(leftovers)


def run_cli(*argv: object) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, err.getvalue()


@dataclass
class Tally:
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    changed_on_refusal: int = 0

    def line(self, name: str) -> str:
        o = self.outcomes
        return (f"{name:<16} cases {self.cases:>6}  accepted {o['accepted']:>6}  refused "
                f"{o['refused']:>6}  crashes {o['crash']:>3}  hangs {o['hang']:>3}  "
                f"changed on refusal {self.changed_on_refusal:>3}")


class Target:
    """One entry point; ``case(*drawn)`` runs one example and records it in ``tally``."""

    name = ""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.tally = Tally()

    def case(self, *drawn) -> str:
        self.tally.cases += 1
        try:
            with time_limit(HANG_SECONDS):
                outcome = self.run(*drawn)
        except Hang:
            outcome = "hang"
            self.tally.crashes.append(f"hang: {drawn!r:.300}")
        except Crash as crash:
            outcome = "crash"
            self.tally.crashes.append(f"{crash}: {drawn!r:.300}")
        except Exception as error:  # noqa: BLE001 - anything else is a crash, recorded
            outcome = "crash"
            self.tally.crashes.append(f"{type(error).__name__}: {error!s:.200} — {drawn!r:.300}")
        self.tally.outcomes[outcome] += 1
        return outcome

    def run(self, *drawn) -> str:
        raise NotImplementedError

    def cli_outcome(self, plan: Path, *argv: object, ok: tuple[int, ...] = (0,)) -> str:
        before = digest(plan)
        code, err = run_cli(*argv)
        if "Traceback" in err or code not in (*ok, 2):
            raise Crash(f"exit {code}: {err[-300:]}")
        if code == 2:
            if not err.strip():
                raise Crash("refused without a message")
            if digest(plan) != before:
                self.tally.changed_on_refusal += 1
            return "refused"
        return "accepted"


def _sample_file(path: Path) -> Path:
    """The sample as a plan file, its 令和4年度 reopened so ward workbooks may change it."""
    with open_plan(path, create=True) as store:
        load_sample(store)
    with open_plan(path, readonly=True) as store:
        final = store.edition(2022) is not None and store.edition(2022).status == "final"
    if final:
        code, err = run_cli("reopen", "--db", path, "--year", "2022", "--reason", "fuzzing")
        assert code == 0, err
    return path


# -- JSON import -------------------------------------------------------------------------------

def small_document(store) -> dict:
    """The sample, trimmed so one import takes milliseconds, still a valid document."""
    doc = export_document(store)
    for edition in doc["editions"]:
        edition["initiatives"] = edition["initiatives"][:12]
        keys = {i["key"] for i in edition["initiatives"]}
        for priority in edition["priorities"]:
            priority["actions"] = [a for a in priority["actions"] if a["initiative"] in keys][:3]
        for plan in edition["ward_plans"]:
            plan["projects"] = plan["projects"][:4]
    parse_document(doc)
    return doc


def paths_of(value, prefix=()) -> list[tuple]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            out += paths_of(item, (*prefix, index))
    return out


class JsonImport(Target):
    name = "json import"

    def __init__(self, workdir: Path):
        super().__init__(workdir)
        self.pristine = _sample_file(workdir / "json-pristine.sqlite")
        self.plan = workdir / "json.sqlite"
        shutil.copy(self.pristine, self.plan)
        with open_plan(self.pristine, readonly=True) as store:
            self.document = small_document(store)
        self.paths = [p for p in paths_of(self.document) if p]
        self.source = workdir / "in.json"

    def mutate(self, mutations: list) -> str:
        doc = copy.deepcopy(self.document)
        raw = []
        for kind, path, value in mutations:
            parent = doc
            try:
                for key in path[:-1]:
                    parent = parent[key]
                if kind == "delete":
                    del parent[path[-1]]
                elif kind == "raw":
                    parent[path[-1]] = f"@@RAW{len(raw)}@@"
                    raw.append(value)
                else:
                    parent[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                continue  # an earlier mutation removed the place
        text = json.dumps(doc, ensure_ascii=True, allow_nan=True)
        for n, literal in enumerate(raw):
            text = text.replace(f'"@@RAW{n}@@"', literal)
        return text

    def run(self, mutations: list, truncate: int | None = None) -> str:
        text = self.mutate(mutations)
        if truncate is not None:
            text = text[:truncate]
        self.source.write_text(text, encoding="utf-8")
        outcome = self.cli_outcome(self.plan, "import", "--db", self.plan, "--replace",
                                   self.source)
        if outcome == "accepted":
            shutil.copy(self.pristine, self.plan)
        return outcome


# -- ward workbook import --------------------------------------------------------------------

def _cell_xml(ref: str, kind: str, value: str) -> str:
    if kind == "number":
        return f'<c r="{ref}"><v>{value}</v></c>'
    if kind == "formula":
        return f'<c r="{ref}"><f>{_escape(value)}</f></c>'
    if kind == "empty":
        return f'<c r="{ref}"/>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{_escape(value)}</t></is></c>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WorkbookImport(Target):
    name = "workbook import"
    SHEETS = {"data": "xl/worksheets/sheet1.xml", "meta": "xl/worksheets/sheet2.xml"}

    def __init__(self, workdir: Path):
        super().__init__(workdir)
        self.pristine = _sample_file(workdir / "xlsx-pristine.sqlite")
        template = workdir / "template.xlsx"
        code, err = run_cli("ward-xlsx", "export", "--db", self.pristine, "--year", "2022",
                            "--ward", "中央区", "-o", template)
        assert code == 0, err
        self.plan = workdir / "xlsx.sqlite"
        shutil.copy(self.pristine, self.plan)
        with zipfile.ZipFile(template) as archive:
            self.members = {i.filename: archive.read(i.filename) for i in archive.infolist()}
        self.book = workdir / "in.xlsx"

    def run(self, edits: list) -> str:
        members = dict(self.members)
        for sheet, ref, kind, value in edits:
            name = self.SHEETS[sheet]
            xml = members[name].decode("utf-8", "surrogatepass")
            cell = _cell_xml(ref, kind, value)
            pattern = re.compile(rf'<c r="{ref}"(?:[^>]*?/>|[^>]*?>.*?</c>)', re.S)
            if kind == "far":
                xml = xml.replace("</sheetData>", f'<row r="{value}">'
                                  f'{_cell_xml(ref.rstrip("0123456789") + value, "text", "x")}'
                                  "</row></sheetData>", 1)
            elif pattern.search(xml):
                xml = pattern.sub(lambda m, cell=cell: cell, xml, count=1)
            members[name] = xml.encode("utf-8", "surrogatepass")
        with zipfile.ZipFile(self.book, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
        outcome = self.cli_outcome(self.plan, "ward-xlsx", "import", "--db", self.plan,
                                   self.book)
        if outcome == "accepted":
            shutil.copy(self.pristine, self.plan)
        return outcome


# -- amounts ---------------------------------------------------------------------------------

class AmountParsing(Target):
    name = "amount parsing"

    def run(self, text: str) -> str:
        try:
            value = parse_amount(text)
        except AmountError as error:
            if not str(error):
                raise Crash("refused without a message") from None
            return "refused"
        if value is not None:
            if not (isinstance(value, int) and -MAX_AMOUNT <= value <= MAX_AMOUNT):
                raise Crash(f"parsed to {value!r}")
            if parse_amount(format_amount(value, unit=True)) != value:
                raise Crash("format → parse changed the value")
        return "accepted"


# -- hostile plan files ----------------------------------------------------------------------

PLAN_TABLES = ["plan", "edition", "vision", "measure", "ward_plan", "initiative", "priority",
               "priority_action", "ward_group", "ward_project", "ward"]
PLANTED = [
    "CREATE TRIGGER planted AFTER UPDATE ON initiative BEGIN DELETE FROM initiative; END",
    "CREATE VIEW planted_view AS SELECT * FROM initiative",
    "CREATE TABLE planted_table (x)",
    "DROP INDEX IF EXISTS idx_initiative_vision_id",
    "DELETE FROM vision WHERE id = 1",
    "PRAGMA user_version = 99",
    "PRAGMA application_id = 7",
]


class HostilePlanFile(Target):
    name = "plan files"

    def __init__(self, workdir: Path):
        super().__init__(workdir)
        self.pristine = _sample_file(workdir / "file-pristine.sqlite")
        self.plan = workdir / "hostile.sqlite"
        conn = sqlite3.connect(self.pristine)
        self.columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
                        for t in PLAN_TABLES}
        conn.close()
        self.output = workdir / "out.json"

    def damage(self, edits: list) -> None:
        shutil.copy(self.pristine, self.plan)
        conn = sqlite3.connect(self.plan)
        try:
            conn.execute("PRAGMA ignore_check_constraints = ON")
            conn.execute("PRAGMA foreign_keys = OFF")
            for table, column_index, row, value, planted in edits:
                if planted is not None:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute(PLANTED[planted])
                    continue
                column = self.columns[table][column_index % len(self.columns[table])]
                if isinstance(value, str):
                    value = value.encode("utf-8", "surrogatepass")  # may be invalid UTF-8
                    value = value.decode("utf-8") if _valid_utf8(value) else value
                with contextlib.suppress(sqlite3.Error, OverflowError):
                    conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT rowid "
                                 f"FROM {table} ORDER BY rowid LIMIT 1 OFFSET ?)", [value, row])
            conn.commit()
        finally:
            conn.close()

    def run(self, edits: list, command: int) -> str:
        self.damage(edits)
        self.output.unlink(missing_ok=True)
        argv = [["info"], ["check"], ["export", "-o", self.output]][command % 3]
        before = digest(self.plan)
        outcome = self.cli_outcome(self.plan, *argv, "--db", self.plan, ok=(0, 1))
        if digest(self.plan) != before and outcome != "refused":
            self.tally.changed_on_refusal += 1  # a reading command must never change the file
        return outcome


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
