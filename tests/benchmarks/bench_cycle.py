"""The annual cycle on a 10,000-initiative plan (make bench), each on a real file:
new-year (target ≤ 1 s), the 前年度比較 window opening (≤ 0.5 s), compare to the 新旧対照表
PDF from opening the file (≤ 3 s); the workbook and the comparison itself as notes."""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from verdict import check, finish, note  # noqa: E402

from db.compare import compare_years  # noqa: E402
from db.cycle import new_year  # noqa: E402
from db.store import open_plan  # noqa: E402
from db.synthetic import synthetic_plan  # noqa: E402

INITIATIVES = 10_000


def edit_next_year(store, year: int) -> None:
    """Amounts for every initiative, a few renamed and deleted (a realistic difference)."""
    rng = random.Random(9)
    doc = store.load(year)
    with store.atomic():
        for n, item in enumerate(doc.initiatives):
            values = {"amount": max(0, (item.previous or 1000) + rng.randint(-500, 500))}
            if n % 97 == 0:
                values["title"] = item.title + "(拡充)"
            store.update_fields("initiative", item.id, values)
        for item in doc.initiatives[5::400]:
            store.delete("initiative", item.id)


def compare_window_seconds(path: Path) -> tuple[float, int]:
    """From nothing to the 前年度比較 window shown with every section expanded."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.cycle.compare_window import CompareWindow
    app = QApplication.instance() or QApplication([])
    with open_plan(path, readonly=True) as store:
        start, cpu = time.perf_counter(), time.process_time()
        window = CompareWindow(store, 2025)
        window.show()
        app.processEvents()
        seconds = time.perf_counter() - start
        note("  (CPU time of the window's opening)", f"{time.process_time() - cpu:.3f} s")
        rows = window.model.rowCount()
        window.close()
    return seconds, rows


def main() -> None:
    from desktop.publish.compare import build_comparison_pdf, write_comparison_workbook

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        with open_plan(path, create=True) as store:
            synthetic_plan(store, INITIATIVES)
        with open_plan(path) as store:
            start, cpu = time.perf_counter(), time.process_time()
            new_year(store, 2024)
            check(f"new-year on {INITIATIVES:,} initiatives", time.perf_counter() - start, 1.0,
                  " s", f"CPU {time.process_time() - cpu:.2f} s")
            edit_next_year(store, 2025)
        with open_plan(path, readonly=True) as store:
            start = time.perf_counter()
            comparison = compare_years(store, 2024, 2025)
            note("compare 2024 → 2025 (the data)", f"{time.perf_counter() - start:.3f} s "
                 f"{comparison.counts()}")
        seconds, rows = compare_window_seconds(path)
        check(f"前年度比較 window opens ({rows:,} rows)", seconds, 0.5, " s")
        start, cpu = time.perf_counter(), time.process_time()
        with open_plan(path, readonly=True) as store:
            built = build_comparison_pdf(compare_years(store, 2024, 2025),
                                         Path(folder) / "taisho.pdf")
        check(f"compare to PDF from the file ({built.pages} pages)",
              time.perf_counter() - start, 3.0, " s", f"CPU {time.process_time() - cpu:.2f} s")
        start = time.perf_counter()
        write_comparison_workbook(comparison, Path(folder) / "taisho.xlsx")
        note("compare workbook (.xlsx)", f"{time.perf_counter() - start:.3f} s")
    finish()


if __name__ == "__main__":
    main()
