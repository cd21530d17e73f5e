"""Ward sheets benchmark: the five sample wards as PDF, and the Excel round trip (make bench)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.sample import load_sample  # noqa: E402
from db.store import memory_plan  # noqa: E402
from desktop.publish.ward_excel import (  # noqa: E402
    export_ward_workbook,
    plan_ward_import,
    read_ward_workbook,
)
from desktop.publish.ward_sheets import build_ward_sheets  # noqa: E402


def best_of(func, repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    store = memory_plan()
    load_sample(store)
    doc = store.load(2022)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        seconds, report = best_of(lambda: build_ward_sheets(doc, out / "wards.pdf"))
        print(f"{'ward sheets PDF, 5 sample wards':<48} {seconds * 1000:8.1f} ms  "
              f"({report.pages} pages)")
        seconds, _ = best_of(lambda: export_ward_workbook(doc, "東区", out / "higashi.xlsx"))
        print(f"{'Excel export, 東区 (21 projects)':<48} {seconds * 1000:8.1f} ms")
        seconds, _ = best_of(lambda: plan_ward_import(
            store, read_ward_workbook(out / "higashi.xlsx")))
        print(f"{'Excel read + diff, 東区':<48} {seconds * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
