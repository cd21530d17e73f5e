"""Soak test: thousands of edits, undos and redos in the real editor window (offscreen).

    python tests/soak/soak_editor.py [--steps 20000] [--max-growth-mb 40]

Opens the sample in a MainWindow (preview on, analysis on, events processed as a user's would
be), then types into ward-project cells (text and amounts) and presses Undo and Redo at
random (seeded). Prints steps per second, the process's resident memory at the start and the
end, and the drift of ``sys.getrefcount(None)`` (PySide6 6.12.0 dropped a reference to None
per call and aborted the editor). Exits 1 when the window crashes, references to None are
lost, the file fails its integrity check, an edit is lost, the undo history grows past its
limit or memory keeps growing after the warm-up (from a quarter of the steps to the end it
may add at most ``--max-growth-mb``).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# PySide6 6.11 leaks a reference to None on many Qt calls (show, hide, setStyleSheet …): the
# count only grows, which is harmless; 6.12.0 *lost* one per call until None was freed and
# Python aborted (none_dealloc). Only a fall is a failure.
NONE_MARGIN = 1000


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
    parser.add_argument("--max-growth-mb", type=float, default=40.0)
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

    none_start = sys.getrefcount(None)
    started = time.perf_counter()
    samples: list[tuple[int, float]] = [(0, rss_mb())]
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
        if step % 1000 == 0:
            samples.append((step, rss_mb()))
            drift = sys.getrefcount(None) - none_start
            print(f"  {step:>6} steps  {step / (time.perf_counter() - started):6.0f}/s  "
                  f"RSS {samples[-1][1]:6.1f} MB  None refs {drift:+d}  "
                  f"undo steps {window.doc.undo_stack.count()}", flush=True)
            if drift < -NONE_MARGIN:  # PySide6 6.12.0 lost one per call: the editor aborted
                print("soak: references to None are being lost (a PySide6 bug)",
                      file=sys.stderr)
                return 1
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

    warm = next(rss for step, rss in samples if step >= args.steps // 4)
    end = samples[-1][1]
    print(f"soak: {args.steps} steps ({edits} edits, {undos} undos, {redos} redos) in "
          f"{elapsed:.1f} s = {args.steps / elapsed:.0f} steps/s; RSS start {samples[0][1]:.1f} MB, "
          f"after warm-up {warm:.1f} MB, end {end:.1f} MB; None refs "
          f"{sys.getrefcount(None) - none_start:+d}; undo steps kept {stack_count} "
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
        failures.append(f"memory grew {end - warm:.1f} MB after the warm-up "
                        f"(allowed {args.max_growth_mb} MB)")
    for failure in failures:
        print(f"soak: FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
