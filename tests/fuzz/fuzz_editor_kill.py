"""kill -9 of the real editor at random moments while it edits, pastes, undoes and redoes
(tests/soak/editor_driver.py in its own process, on a copy of the sample). After each kill the
plan file passes ``PRAGMA integrity_check`` and ``foreign_key_check``, opens with
``open_plan``, holds every step the editor reported committed, and never half a step: it holds
the last reported step, or the step under way complete (killed after its commit, before its
report), nothing in between."""

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

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "soak" / "editor_driver.py"
sys.path.insert(0, str(DRIVER.parent))

from editor_driver import EDITED, prepare_sample  # noqa: E402

from db.store import open_plan  # noqa: E402

Cell = tuple[str, int, str]  # table, row id, field
READY_WAIT = 180.0  # seconds an editor may take to start on a loaded machine


def cells_in(path: Path) -> dict[Cell, object]:
    """The edited fields of every ward project, read through PlanBook (open_plan)."""
    with open_plan(path) as store:
        rows = store.db.execute(f"SELECT id, {', '.join(EDITED)} FROM ward_project").fetchall()
    return {("ward_project", row[0], field): value
            for row in rows for field, value in zip(EDITED, row[1:], strict=True)}


def replay(journal: Path) -> tuple[dict[Cell, object], dict[Cell, object], int]:
    """(the cells as the committed steps left them, the cells of the step under way at the
    kill, how many steps were committed)."""
    committed: dict[Cell, object] = {}
    intents: dict[int, dict[Cell, object]] = {}
    done = 0
    for line in journal.read_text("utf-8").splitlines():
        if not line.endswith("}"):
            continue  # cut by the kill mid-line
        entry = json.loads(line)
        if "intent" in entry:
            intents[entry["intent"]] = {(t, i, f): v for t, i, f, v in entry["cells"]}
        elif "done" in entry:
            committed.update(intents.pop(entry["done"]))
            done += 1
    pending = next(iter(intents.values()), {})
    return committed, pending, done


def sound(path: Path) -> tuple[str, list]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()


class EditorKillCampaign:
    def __init__(self, workdir: Path, seed: int = 8, editing: float = 3.0):
        self.workdir = workdir
        self.rng = random.Random(seed)
        self.editing = editing  # the longest an editor edits before it is killed (s)
        self.base = workdir / "editor-base.sqlite"
        prepare_sample(self.base)
        self.baseline = cells_in(self.base)
        self.figures = Counter(dict.fromkeys(
            ("kills", "steps committed before the kills", "integrity failures",
             "foreign key failures", "unopenable", "lost committed edits", "half edits"), 0))
        self.problems: list[str] = []

    @property
    def env(self) -> dict:
        return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                "PLANBOOK_DATA_DIR": str(self.workdir / "editor-userdata")}

    def run(self, kills: int, parallel: int = 1) -> None:
        """``kills`` editors killed, ``parallel`` of them running at a time."""
        n = 0
        while n < kills:
            batch = range(n + 1, min(kills, n + parallel) + 1)
            self.kill_batch(list(batch))
            n += len(batch)

    def kill_batch(self, numbers: list[int]) -> None:
        running = {n: self.start(n) for n in numbers}
        kill_at: dict[int, float] = {}
        deadline = time.monotonic() + READY_WAIT
        while len(kill_at) < len(running) and time.monotonic() < deadline:
            for n, (process, folder) in running.items():
                if n not in kill_at and '"ready"' in self.journal(folder).read_text("utf-8"):
                    kill_at[n] = time.monotonic() + self.rng.uniform(0.05, self.editing)
                elif n not in kill_at and process.poll() is not None:
                    kill_at[n] = 0.0
            time.sleep(0.02)
        for n in sorted(running, key=lambda n: kill_at.get(n, 0.0)):
            process, folder = running[n]
            time.sleep(max(0.0, kill_at.get(n, 0.0) - time.monotonic()))
            if process.poll() is not None or n not in kill_at:
                self.figures["editor stopped by itself"] += 1
                errors = (folder / "stderr.txt").read_text("utf-8", "replace")[-600:]
                self.problems.append(f"editor {n} did not run until the kill: {errors}")
                process.kill()
                process.wait()
                continue
            process.send_signal(signal.SIGKILL)
            process.wait()
            self.figures["kills"] += 1
            self.check(n, folder / "plan.sqlite", self.journal(folder))
            shutil.rmtree(folder)

    @staticmethod
    def journal(folder: Path) -> Path:
        return folder / "journal.jsonl"

    def start(self, n: int) -> tuple[subprocess.Popen, Path]:
        folder = self.workdir / f"editor-{n}"
        folder.mkdir()
        shutil.copy(self.base, folder / "plan.sqlite")  # closed: no log, a whole file
        with open(self.journal(folder), "wb") as out, open(folder / "stderr.txt", "wb") as err:
            process = subprocess.Popen(
                [sys.executable, str(DRIVER), str(folder / "plan.sqlite"), "--seed", str(n)],
                cwd=ROOT, env=self.env, stdout=out, stderr=err)
        return process, folder

    def check(self, n: int, target: Path, journal: Path) -> None:
        committed, pending, steps = replay(journal)
        self.figures["steps committed before the kills"] += steps
        integrity, foreign = sound(target)
        if integrity != "ok":
            self.figures["integrity failures"] += 1
            self.problems.append(f"editor {n}: integrity_check: {integrity}")
            return
        if foreign:
            self.figures["foreign key failures"] += 1
            self.problems.append(f"editor {n}: foreign_key_check: {foreign[:3]}")
        try:
            found = cells_in(target)
        except Exception as error:  # noqa: BLE001 - recorded as a failure
            self.figures["unopenable"] += 1
            self.problems.append(f"editor {n}: open_plan refused it after the kill: {error}")
            return
        expected = {**self.baseline, **committed}
        differ = {cell for cell in expected.keys() | found.keys()
                  if found.get(cell) != expected.get(cell)}
        lost = differ - pending.keys()
        if lost:
            self.figures["lost committed edits"] += len(lost)
            cell = sorted(lost)[0]
            self.problems.append(f"editor {n}: {len(lost)} committed cells lost, e.g. {cell}: "
                                 f"file {found.get(cell)!r}, committed {expected.get(cell)!r}")
        elif not differ:
            self.figures["file = the last step reported"] += 1
        elif all(found.get(cell) == value for cell, value in pending.items()):
            self.figures["file = the step under way, whole"] += 1
        else:
            self.figures["half edits"] += 1
            self.problems.append(f"editor {n}: half a step in the file: {sorted(differ)} of "
                                 f"{sorted(pending)}")

    def summary(self) -> str:
        return f"{'editor':<18} " + ", ".join(f"{name} {count}"
                                              for name, count in self.figures.items())
