"""The real editor window driven as a user drives it, offscreen: typing into a ward's project
cells, pasting blocks of them, Undo and Redo. ``soak_editor.py`` runs thousands of such steps;
the kill -9 campaign (tests/fuzz/fuzz_editor_kill.py) runs this module as its own process:

    python tests/soak/editor_driver.py PLAN_FILE [--seed N] [--steps N]

which edits PLAN_FILE until killed (or for N steps), writing a journal to stdout, one JSON
object a line: ``{"ready": …}`` once the window shows the plan, then for every step first
``{"intent": n, "kind": …, "cells": [[table, id, field, value], …]}`` (the values the step
gives those cells in the file) and, once the step is committed, ``{"done": n}``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EDITED = ("name", "initial")  # the ward project fields the steps write


def prepare_sample(path: Path) -> None:
    """A plan file holding the sample, its final years reopened (the editor may edit them)."""
    from db.cycle import reopen
    from db.planfile import new_plan_file
    from db.sample import load_sample
    from db.store import open_plan

    with new_plan_file(path) as temporary, open_plan(temporary, create=True) as store:
        load_sample(store)
        for edition in store.editions():
            if edition.status == "final":
                reopen(store, edition.fiscal_year, "the editor is driven over it")


class EditorSession:
    """A MainWindow (preview on) showing the ward plan with the most projects of ``path``."""

    def __init__(self, path: Path, work: Path, preview: bool = True):
        from PySide6.QtCore import QSettings, QStandardPaths
        from PySide6.QtWidgets import QApplication

        from desktop.ui.shell.actions import A
        from desktop.ui.shell.settings import PREVIEW_ENABLED, Settings
        from desktop.ui.shell.window import MainWindow

        QStandardPaths.setTestModeEnabled(True)
        self.app = QApplication.instance() or QApplication([])
        settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
        settings.set(PREVIEW_ENABLED, preview)
        self.window = MainWindow(settings)
        self.window.show()
        if not self.window.open_path(path):
            raise RuntimeError(f"{path}: the editor did not open it")
        self.doc = self.window.doc
        store = self.doc.store
        busiest = max((plan for edition in store.editions()
                       for plan in store.ward_plans(edition.id)),
                      key=lambda plan: len(plan.projects))
        self.window.select_key(f"projects:{busiest.id}")
        self.app.processEvents()
        self.model = self.window.current_page().projects.model
        self.columns = {c.field: i for i, c in enumerate(self.model.columns) if c.field in EDITED}
        self.rows = self.model.rowCount()
        self.undo_action, self.redo_action = self.window.actions_[A.UNDO], \
            self.window.actions_[A.REDO]
        self.refusals: list[str] = []
        self.doc.refused.connect(self.refusals.append)
        self.settle()

    def settle(self, ms: int = 1) -> None:
        """Let the window's event loop run (timers, repaints, deferred deletes), as it does
        between a user's keystrokes; processEvents() alone never deletes deleteLater()'d
        widgets."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def close(self) -> None:
        """Quit as a user does: background work finished, the window closed."""
        from desktop.ui.worker import wait_for_all

        wait_for_all(60000)
        self.window.close()
        wait_for_all(60000)
        self.settle()

    def type_into(self, row: int, field: str, text: str) -> bool:
        """Type ``text`` into a cell, as the table's editor does when Enter is pressed."""
        return self.model.setData(self.model.index(row, self.columns[field]), text)

    def paste(self, row: int, block: list[list[str]]) -> None:
        """Paste ``block`` (a header row of field names, then values) at ``row``: one step."""
        from desktop.ui.tables.paste import apply_paste, plan_paste

        plan = plan_paste(self.model, row, 0, block, list(range(self.rows)))
        if plan.problems:
            raise RuntimeError(f"paste refused: {plan.problems}")
        if not plan.is_empty:
            apply_paste(self.model, plan)

    def random_text(self, rng: random.Random, step: int, field: str) -> tuple[str, object]:
        """What a user types into ``field`` and what the file then holds."""
        if field == "name":
            text = f"step {step} 事業"
            return text, text
        amount = rng.randrange(1, 99_999)
        return f"{amount:,}", amount

    def target(self, row: int, field: str) -> tuple[str, int]:
        return self.model.target(row, self.model.columns[self.columns[field]])

    # -- a journaled step: what it will write, then that it is committed ----------------------
    def planned_step(self, rng: random.Random, step: int):
        """(kind, cells the step will write with their values, the action doing it)."""
        stack = self.doc.undo_stack
        choice = rng.random()
        if choice < 0.3 and stack.index() > 0:
            command = stack.command(stack.index() - 1)
            cells = [(op.table, op.row_id, f, op.old[f]) for op in command.ops for f in op.values]
            return "undo", cells, self.undo_action.trigger
        if choice < 0.5 and stack.index() < stack.count():
            command = stack.command(stack.index())
            cells = [(op.table, op.row_id, f, v) for op in command.ops
                     for f, v in op.values.items()]
            return "redo", cells, self.redo_action.trigger
        if choice < 0.65 and self.rows >= 2:
            row = rng.randrange(self.rows - 1)
            block, cells = [list(EDITED)], []
            for r in (row, row + 1):
                texts = []
                for field in EDITED:
                    text, value = self.random_text(rng, step, field)
                    texts.append(text)
                    cells.append((*self.target(r, field), field, value))
                block.append(texts)
            return "paste", cells, lambda: self.paste(row, block)
        row, field = rng.randrange(self.rows), rng.choice(EDITED)
        text, value = self.random_text(rng, step, field)
        return "edit", [(*self.target(row, field), field, value)], \
            lambda: self.type_into(row, field, text)

    def journaled_step(self, rng: random.Random, step: int, write) -> None:
        kind, cells, action = self.planned_step(rng, step)
        write({"intent": step, "kind": kind, "cells": cells})
        index = self.doc.undo_stack.index()
        action()
        moved = self.doc.undo_stack.index() - index
        if self.refusals or self.doc.unsaved or (kind == "undo" and moved != -1) or \
                (kind == "redo" and moved != 1):
            raise RuntimeError(f"step {step} ({kind}) was not done: {self.refusals}")
        write({"done": step})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--steps", type=int, default=0, help="0: until killed")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix=".editor-driver-", dir=args.plan.parent))  # settings
    os.environ.setdefault("PLANBOOK_DATA_DIR", str(work / "userdata"))

    def write(entry: dict) -> None:
        sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    session = EditorSession(args.plan, work)
    write({"ready": str(args.plan), "rows": session.rows})
    rng = random.Random(args.seed)
    step = 0
    while not args.steps or step < args.steps:
        step += 1
        session.journaled_step(rng, step, write)
        if step % 5 == 0:
            session.settle()
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
