"""Soak test: thousands of edits, undos and redos in the real editor window (offscreen).

    python tests/soak/soak_editor.py [--steps 20000] [--max-growth-mb 8]

Opens the sample in a MainWindow (preview on, analysis on, events processed as a user's would
be), then types into ward-project cells (text and amounts) and presses Undo and Redo at
random (seeded). Prints steps per second, the process's resident memory at the start and the
end, and the drift of ``sys.getrefcount`` of None, True and False (PySide6 6.12.0 dropped
references to them on calls into Python and aborted the editor: none_dealloc, bool_dealloc).
Exits 1 when the window crashes, references to None, True or False are being lost, the file
fails its integrity check, an edit is lost, the undo history grows past its limit or memory
keeps growing once the undo history is full (from then to the end it may add at most
``--max-growth-mb``; in a run too short to fill it, from a quarter of the steps).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# PySide6 6.11 leaks references to None on many Qt calls (~160 per step here): the count only
# grows, which is harmless. 6.12.0 *loses* them: here ~35 references to None per step
# (none_dealloc after ~400 steps), in the undo/redo test ~140 per call. Checked after every
# step: a fall to half the starting count is never a legitimate release, and it comes well
# before the abort at zero.
SINGLETONS = {"None": None, "True": True, "False": False}
# Once the undo history is full, nothing the editor keeps should grow. What still does, slowly:
# SQLite's page cache filling up to its 2 MB as the change log adds pages.
MAX_GROWTH_MB = 8.0


def rss_mb() -> float:
    """Resident memory of this process now (Linux /proc; elsewhere the peak)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20000)
    parser.add_argument("--max-growth-mb", type=float, default=MAX_GROWTH_MB)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="planbook-soak-", ignore_cleanup_errors=True) as work:
        return soak(args, Path(work))


def soak(args: argparse.Namespace, work: Path) -> int:
    os.environ["PLANBOOK_DATA_DIR"] = str(work / "userdata")

    from editor_driver import EditorSession, prepare_sample

    from db.store import open_plan
    from desktop.ui.document import document as document_module

    path = work / "soak.sqlite"
    prepare_sample(path)
    try:
        session = EditorSession(path, work)
    except RuntimeError as error:
        print(f"soak: {error}", file=sys.stderr)
        return 1
    window, model, rows, settle = session.window, session.model, session.rows, session.settle
    name_column, amount_column = session.columns["name"], session.columns["initial"]
    rng = random.Random(args.seed)
    undo, redo = session.undo_action, session.redo_action
    expected: dict[tuple[int, str], object] = {}

    refs_start = {name: sys.getrefcount(value) for name, value in SINGLETONS.items()}

    def refs_drift() -> str:
        return "/".join(f"{sys.getrefcount(value) - refs_start[name]:+d}"
                        for name, value in SINGLETONS.items())

    started = time.perf_counter()
    samples: list[tuple[int, float]] = [(0, rss_mb())]
    full_at: int | None = None  # the first sample with the undo history at its limit
    edits = undos = redos = 0
    for step in range(1, args.steps + 1):
        choice = rng.random()
        if choice < 0.5:
            row = rng.randrange(rows)
            if rng.random() < 0.5:
                field, value = "name", f"soak {step} 事業"
            else:
                field, value = "initial", f"{rng.randrange(1, 99_999):,}"
            if not session.type_into(row, field, value):
                print(f"soak: edit {step} refused", file=sys.stderr)
                return 1
            edits += 1
        elif choice < 0.8:
            undo.trigger()
            undos += 1
        else:
            redo.trigger()
            redos += 1
        if step % 50 == 0:
            settle()
        for name, value in SINGLETONS.items():
            if sys.getrefcount(value) < refs_start[name] // 2:
                print(f"soak: references to {name} are being lost: {refs_start[name]} at the "
                      f"start, {sys.getrefcount(value)} after {step} steps (a PySide6 bug; "
                      f"Python aborts when they run out)", file=sys.stderr, flush=True)
                shutil.rmtree(work, ignore_errors=True)
                os._exit(1)  # closing the window would now end in that abort instead
        if step % 1000 == 0:
            samples.append((step, rss_mb()))
            if full_at is None and window.doc.undo_stack.count() >= document_module.UNDO_LIMIT:
                full_at = step
            print(f"  {step:>6} steps  {step / (time.perf_counter() - started):6.0f}/s  "
                  f"RSS {samples[-1][1]:6.1f} MB  None/True/False refs {refs_drift()}  "
                  f"undo steps {window.doc.undo_stack.count()}", flush=True)
    elapsed = time.perf_counter() - started
    for row in range(rows):  # what the window shows is what the file holds
        for column in (name_column, amount_column):
            expected[(row, model.columns[column].field)] = model.data(model.index(row, column))
    stack_count = window.doc.undo_stack.count()
    session.close()

    conn = sqlite3.connect(path)
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    with open_plan(path, readonly=True) as store:
        reopened = {(r, f): v for (r, f), v in expected.items()}
        ids = [r["id"] for r in model.rows]
        for row, row_id in enumerate(ids):
            stored = store.row("ward_project", row_id)
            if str(stored["name"]) != expected[(row, "name")]:
                reopened[(row, "name")] = f"LOST: file has {stored['name']!r}"
    lost = [v for v in reopened.values() if str(v).startswith("LOST")]

    first = full_at if full_at is not None else args.steps // 4
    warm_step, warm = next((step, rss) for step, rss in samples if step >= first)
    end = samples[-1][1]
    print(f"soak: {args.steps} steps ({edits} edits, {undos} undos, {redos} redos) in "
          f"{elapsed:.1f} s = {args.steps / elapsed:.0f} steps/s; RSS start {samples[0][1]:.1f} MB, "
          f"at step {warm_step} {warm:.1f} MB, end {end:.1f} MB "
          f"({(end - warm) * 2**20 / max(args.steps - warm_step, 1):+.0f} bytes per step since); "
          f"None/True/False refs {refs_drift()}; undo steps kept {stack_count} "
          f"(limit {document_module.UNDO_LIMIT}); preview builds {window.preview.builds}; "
          f"integrity {integrity}")
    failures = []
    if integrity != "ok":
        failures.append(f"integrity_check: {integrity}")
    if lost:
        failures.append(f"{len(lost)} edits lost")
    if stack_count > document_module.UNDO_LIMIT:
        failures.append(f"undo history {stack_count} > {document_module.UNDO_LIMIT}")
    if end - warm > args.max_growth_mb:
        failures.append(f"memory grew {end - warm:.1f} MB after step {warm_step} "
                        f"(allowed {args.max_growth_mb} MB)")
    for failure in failures:
        print(f"soak: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
