"""The annual cycle on a 10,000-initiative plan (make bench): new-year (target ≤ 1 s), the
comparison behind the 前年度比較 view (the view itself: bench_gui, ≤ 0.5 s) and the 新旧対照表
PDF (≤ 3 s), each on a real file."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.compare import compare_years  # noqa: E402
from db.cycle import new_year  # noqa: E402
from db.store import open_plan  # noqa: E402
from db.synthetic import synthetic_plan  # noqa: E402
from desktop.publish.compare import build_comparison_pdf, write_comparison_workbook  # noqa: E402

INITIATIVES = 10_000


def report(label: str, seconds: float, target: float | None = None) -> None:
    verdict = "" if target is None else (f"  (target ≤ {target:g} s: "
                                         f"{'ok' if seconds <= target else 'SLOW'})")
    print(f"{label:<52} {seconds:7.3f} s{verdict}")


def edit_next_year(store, year: int) -> None:
    """Amounts for every initiative, a few renamed, deleted and added (a realistic diff)."""
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


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.sqlite"
        with open_plan(path, create=True) as store:
            synthetic_plan(store, INITIATIVES)
        with open_plan(path) as store:
            start = time.perf_counter()
            new_year(store, 2024)
            report(f"new-year on {INITIATIVES:,} initiatives", time.perf_counter() - start, 1.0)
            edit_next_year(store, 2025)
        with open_plan(path, readonly=True) as store:
            start = time.perf_counter()
            comparison = compare_years(store, 2024, 2025)
            report("compare 2024 → 2025 (data for view, PDF, workbook)",
                   time.perf_counter() - start)
        counts = comparison.counts()
        print(f"  {counts}")
        start = time.perf_counter()
        built = build_comparison_pdf(comparison, Path(folder) / "taisho.pdf")
        report(f"新旧対照表 PDF ({built.pages} pages)", time.perf_counter() - start)
        start = time.perf_counter()
        with open_plan(path, readonly=True) as store:
            build_comparison_pdf(compare_years(store, 2024, 2025), Path(folder) / "t2.pdf")
        report("compare to PDF, from opening the file", time.perf_counter() - start, 3.0)
        start = time.perf_counter()
        write_comparison_workbook(comparison, Path(folder) / "taisho.xlsx")
        report("compare workbook (.xlsx)", time.perf_counter() - start)


if __name__ == "__main__":
    main()
