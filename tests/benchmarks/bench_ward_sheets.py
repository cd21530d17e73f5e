"""Ward sheets: the five sample wards, 50 generated wards of 60 projects, one ward alone; the
Excel round trip (make bench).

    .venv/bin/python tests/benchmarks/bench_ward_sheets.py

Each PDF is timed in a fresh process, best of three: 50 wards × 60 projects ≤ 1 s (fonts
and caches cold, as for `planbook ward-sheets`); a single ward ≤ 40 ms a page (its second
build, fonts loaded, as in the editor's preview).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from verdict import check, finish, note  # noqa: E402

CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from db.store import memory_plan
wards, projects, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
store = memory_plan()
if wards == 0:
    from db.sample import load_sample
    load_sample(store)
    doc = store.load(2022)
else:
    from db.synthetic import synthetic_plan
    synthetic_plan(store, initiatives=10, wards=wards, projects_per_ward=projects)
    doc = store.load(2024)
from desktop.publish.ward_sheets import build_ward_sheets
if sys.argv[4] == "warm":  # as in the editor's preview: fonts already loaded
    build_ward_sheets(doc, out)
    doc = store.load(2024)  # the same ward, read again: nothing carried over but the fonts
    import desktop.publish.typeset.text as text, desktop.publish.typeset.linebreak as lb
    text._line_counts.cache_clear(); lb._measured_atoms.cache_clear()
started = time.perf_counter()
report = build_ward_sheets(doc, out)
print(json.dumps({{"seconds": time.perf_counter() - started, "pages": report.pages}}))
"""


def sheets(wards: int, projects: int, out: Path, warm: bool = False) -> dict:
    runs = []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), str(wards),
                                 str(projects), str(out), "warm" if warm else "cold"],
                                check=True, capture_output=True,
                                text=True, cwd=ROOT)
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["seconds"])


def best_of(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    from db.sample import load_sample
    from db.store import memory_plan
    from desktop.publish.ward_excel import (
        export_ward_workbook,
        plan_ward_import,
        read_ward_workbook,
    )

    with tempfile.TemporaryDirectory(prefix="planbook-bench-") as folder:
        out = Path(folder)
        sample = sheets(0, 0, out / "sample.pdf")
        note("5 sample wards", f"{sample['seconds'] * 1000:.0f} ms ({sample['pages']} pages)")
        many = sheets(50, 60, out / "many.pdf")
        check("50 wards × 60 projects", many["seconds"], 1.0, " s",
              detail=f"{many['pages']} pages")
        one = sheets(1, 60, out / "one.pdf", warm=True)
        check("one ward of 60 projects (fonts loaded), per page", one["seconds"] / one["pages"] * 1000, 40,
              " ms", detail=f"{one['pages']} pages in {one['seconds'] * 1000:.0f} ms")
        from db.cycle import reopen

        store = memory_plan()
        load_sample(store)
        reopen(store, 2022, "benchmark")  # the sample's 2022 is final: imports are refused
        doc = store.load(2022)
        seconds = best_of(lambda: export_ward_workbook(doc, "東区", out / "higashi.xlsx"))
        note("Excel export, 東区 (21 projects)", f"{seconds * 1000:.0f} ms")
        seconds = best_of(lambda: plan_ward_import(store, read_ward_workbook(out / "higashi.xlsx")))
        note("Excel read + diff, 東区", f"{seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
    finish()
