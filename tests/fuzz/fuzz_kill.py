"""kill -9 at random moments of the writers (``planbook import``, ``init``, ``ward-xlsx import``):
after each kill the plan file passes ``PRAGMA integrity_check`` and holds wholly the old content
or wholly the new one (``init``: no file, or the complete sample). Temporary files a killed
writer left are counted, and the next writer run (to completion) must remove them all."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from fuzz_harness import _sample_file, run_cli

from db.interchange import export_document, import_document
from db.store import memory_plan, open_plan
from db.synthetic import synthetic_plan

ROOT = Path(__file__).resolve().parents[2]
VOLATILE = {"change_log", "events", "snapshots", "log", "exported_at"}


def content(path: Path) -> str | None:
    """The plan's content as canonical JSON (logs and timestamps left out); None: no file."""
    if not path.exists():
        return None
    with open_plan(path, readonly=True) as store:
        document = export_document(store)
    return json.dumps(_strip(document), ensure_ascii=False, sort_keys=True)


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


class KillCampaign:
    def __init__(self, workdir: Path, seed: int = 8):
        self.workdir = workdir
        self.rng = random.Random(seed)
        self.figures: dict[str, Counter] = {}
        self.problems: list[str] = []
        self.old = _sample_file(workdir / "kill-old.sqlite")
        self.old_content = content(self.old)
        big = memory_plan()
        synthetic_plan(big, 3000, fiscal_year=2030)
        self.new_json = workdir / "kill-new.json"
        self.new_json.write_text(json.dumps(export_document(big), ensure_ascii=False), "utf-8")
        reference = memory_plan()
        import_document(reference, json.loads(self.new_json.read_text("utf-8")))
        self.new_content = json.dumps(_strip(export_document(reference)), ensure_ascii=False,
                                      sort_keys=True)
        self.workbook, self.workbook_content = self._edited_workbook()

    def _edited_workbook(self) -> tuple[Path, str]:
        from openpyxl import load_workbook

        book = self.workdir / "kill.xlsx"
        code, err = run_cli("ward-xlsx", "export", "--db", self.old, "--year", "2022", "--ward",
                            "中央区", "-o", book)
        assert code == 0, err
        self.old_content = content(self.old)  # the export made the plan's workbook key
        wb = load_workbook(book)
        ws = wb["中央区"]
        ws["E4"], ws["F5"], ws["I6"], ws["B14"], ws["D14"] = 1234, 999, "削除", "新しい事業", 50
        wb.save(book)
        scratch = self.workdir / "kill-reference.sqlite"
        shutil.copy(self.old, scratch)
        code, err = run_cli("ward-xlsx", "import", "--db", scratch, book, "--yes")
        assert code == 0, err
        return book, content(scratch)

    def command(self, kind: str, target: Path) -> list[str]:
        cli = [sys.executable, "-m", "desktop.cli"]
        if kind == "import":
            return [*cli, "import", "--db", str(target), "--replace", str(self.new_json)]
        if kind == "init":
            return [*cli, "init", "--db", str(target)]
        return [*cli, "ward-xlsx", "import", "--db", str(target), str(self.workbook), "--yes"]

    def prepare(self, kind: str, n: int) -> Path:
        folder = self.workdir / f"kill-{kind}-{n}"
        folder.mkdir()
        target = folder / "plan.sqlite"
        if kind != "init":
            shutil.copy(self.old, target)
        return target

    def expected(self, kind: str) -> dict[str | None, str]:
        if kind == "import":
            return {self.old_content: "old", self.new_content: "new"}
        if kind == "init":
            return {None: "old (no file)", self.sample_content: "new"}
        return {self.old_content: "old", self.workbook_content: "new"}

    def duration(self, kind: str) -> float:
        timings = []
        for n in range(2):
            target = self.prepare(kind, 1000 + n)
            started = time.perf_counter()
            subprocess.run(self.command(kind, target), cwd=ROOT, env=self.env, check=True,
                           capture_output=True)
            timings.append(time.perf_counter() - started)
            if kind == "init":
                self.sample_content = content(target)
        return max(timings)

    @property
    def env(self) -> dict:
        return {**os.environ, "PYTHONPATH": str(ROOT), "PLANBOOK_DATA_DIR": str(self.workdir)}

    def run(self, kills_per_kind: int) -> None:
        for kind in ("init", "import", "ward-xlsx import"):
            longest = self.duration(kind)
            figures = self.figures.setdefault(kind, Counter())
            figures.update(dict.fromkeys(("integrity failures", "mixed content",
                                          "temporary files left",
                                          "temporary files left after the next run"), 0))
            expected = self.expected(kind)
            n = 0
            while figures["kills"] < kills_per_kind and n < 3 * kills_per_kind:
                n += 1
                target = self.prepare(kind, n)
                process = subprocess.Popen(self.command(kind, target), cwd=ROOT, env=self.env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(self.rng.uniform(0.05, longest))
                finished = process.poll() is not None
                if not finished:
                    process.send_signal(signal.SIGKILL)
                process.wait()
                figures["kills" if not finished else "finished before the kill"] += 1
                self.check(kind, target, expected, figures)
                shutil.rmtree(target.parent)

    def check(self, kind: str, target: Path, expected: dict, figures: Counter) -> None:
        if target.exists():
            verdict = integrity(target)
            if verdict != "ok":
                figures["integrity failures"] += 1
                self.problems.append(f"{kind}: integrity_check: {verdict}")
                return
        try:
            found = content(target)
        except Exception as error:  # noqa: BLE001 - recorded as a failure
            figures["unreadable"] += 1
            self.problems.append(f"{kind}: cannot be read after the kill: {error}")
            return
        outcome = expected.get(found)
        if outcome is None:
            figures["mixed content"] += 1
            self.problems.append(f"{kind}: neither old nor new content after the kill")
        else:
            figures[outcome] += 1
        if self.leftovers(target):
            figures["temporary files left"] += 1  # a killed writer's, until the next writer
            self.next_writer(kind, target)
            if self.leftovers(target):
                figures["temporary files left after the next run"] += 1
                self.problems.append(f"{kind}: the next writer left {self.leftovers(target)}")

    @staticmethod
    def leftovers(target: Path) -> list[str]:
        return [p.name for p in target.parent.iterdir()
                if p.name not in ("plan.sqlite", "plan.sqlite-wal", "plan.sqlite-shm")]

    def next_writer(self, kind: str, target: Path) -> None:
        """The next writer run to completion: it removes what the killed one left."""
        command = self.command(kind, target)
        if kind == "init" and target.exists():  # init refuses an existing file: the sample
            command = [sys.executable, "-m", "desktop.cli", "reopen", "--db", str(target),
                       "--year", "2022", "--reason", "the next writer"]  # has a final year
        result = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            self.problems.append(f"{kind} after a killed run failed: {result.stderr[-300:]}")

    def summary(self) -> list[str]:
        lines = []
        for kind, figures in self.figures.items():
            parts = ", ".join(f"{name} {count}" for name, count in sorted(figures.items()))
            lines.append(f"{kind:<18} {parts}")
        return lines
