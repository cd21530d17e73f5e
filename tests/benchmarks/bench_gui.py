"""GUI speed figures (standalone, offscreen): startup on the sample, a 10,000-initiative plan.

    .venv/bin/python tests/benchmarks/bench_gui.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def time_filter(editor, *, widen: bool = False) -> list[float]:
    """Seconds per keystroke typing 事業12 into the filter (and backspacing it with widen)."""
    from PySide6.QtWidgets import QApplication

    texts = ["事業12"[:n] for n in range(1, 5)]
    if widen:
        texts += [texts[-1][:n] for n in range(3, -1, -1)]
    times = []
    for text in texts:
        start = time.perf_counter()
        editor.filter_edit.setText(text)
        QApplication.processEvents()
        times.append(time.perf_counter() - start)
    return times


def time_scroll(view, step: int, count: int = 50) -> float:
    """Seconds per scroll step of ``step`` pixels, repainting each time."""
    start = time.perf_counter()
    for _ in range(count):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + step)
        view.viewport().repaint()
    return (time.perf_counter() - start) / count


def main() -> None:
    from PySide6.QtCore import QSettings, QStandardPaths
    from PySide6.QtWidgets import QApplication

    QStandardPaths.setTestModeEnabled(True)
    tmp = Path(tempfile.mkdtemp(prefix="planbook-bench-"))
    from db.sample import load_sample
    from db.store import open_plan
    sample = tmp / "sample.sqlite"
    with open_plan(sample, create=True) as store:
        load_sample(store)
    from db.synthetic import synthetic_plan
    big = tmp / "big.sqlite"
    with open_plan(big, create=True) as store:
        synthetic_plan(store, initiatives=10000, fiscal_year=2024)

    start = time.perf_counter()
    from desktop.app import make_application
    from desktop.ui.shell.settings import Settings
    from desktop.ui.shell.window import MainWindow
    app = make_application([])
    settings = Settings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.show()
    window.open_path(sample)
    QApplication.processEvents()
    startup = time.perf_counter() - start
    print(f"startup to usable window (sample): {startup:.2f} s "
          f"(+{start - T0:.2f} s interpreter/imports before)")

    window.preview.enabled = False  # a pending preview of the sample must not run meanwhile
    window.preview.timer.stop()
    from desktop.ui.worker import wait_for_all
    wait_for_all()
    start = time.perf_counter()
    window.open_path(big)
    QApplication.processEvents()
    print(f"open the 10,000-initiative file: {time.perf_counter() - start:.2f} s")
    wait_for_all()  # the first background check of the whole plan
    QApplication.processEvents()
    store = window.doc.store
    edition = store.edition(2024)
    counts = {v.id: len([i for i in store.initiatives(edition.id) if i.vision_number == v.number])
              for v in store.visions(edition.id)}
    largest = max(counts, key=counts.get)
    window.select_key(f"front:{edition.id}")
    window.drop_pages()  # the file opened on vision 1: build the largest table from scratch
    QApplication.processEvents()
    start = time.perf_counter()
    window.select_key(f"initiatives:{largest}")
    QApplication.processEvents()
    opened = time.perf_counter() - start
    editor = window.current_page().initiatives
    print(f"largest table ({counts[largest]} initiatives) opens: {opened:.3f} s")
    times = time_filter(editor)
    print(f"filter keystroke: max {max(times) * 1000:.0f} ms, mean "
          f"{sum(times) / len(times) * 1000:.0f} ms ({editor.proxy.rowCount()} rows match)")
    editor.filter_edit.clear()
    print(f"scrolling: {time_scroll(editor.view, 30) * 1000:.1f} ms per step")

    # the worst case: one vision holding all 10,000 initiatives in a single table
    one = tmp / "one-vision.sqlite"
    with open_plan(one, create=True) as store:
        synthetic_plan(store, initiatives=10000, fiscal_year=2024, visions=1)
    window.open_path(one)
    QApplication.processEvents()
    wait_for_all()
    QApplication.processEvents()
    store = window.doc.store
    vision = store.visions(store.edition(2024).id)[0]
    edition = store.edition(2024)
    window.select_key(f"front:{edition.id}")
    window.drop_pages()  # open the vision's page from scratch, as on first use
    QApplication.processEvents()
    start = time.perf_counter()
    window.select_key(f"initiatives:{vision.id}")
    QApplication.processEvents()
    opened_all = time.perf_counter() - start
    editor = window.current_page().initiatives
    rows = editor.model.rowCount()
    print(f"one vision with all {rows} initiatives opens: {opened_all:.3f} s (limit 0.5 s)")
    times = time_filter(editor, widen=True)
    print("  per keystroke (ms):", " ".join(f"{t * 1000:.0f}" for t in times))
    print(f"filter keystroke on {rows} rows: max {max(times) * 1000:.0f} ms, mean "
          f"{sum(times) / len(times) * 1000:.0f} ms (limit 100 ms)")
    print(f"scrolling {rows} rows: {time_scroll(editor.view, 200) * 1000:.1f} ms per step")
    print(f"peak memory: {rss_mb():.0f} MB")
    window.close()
    del app


if __name__ == "__main__":
    main()
