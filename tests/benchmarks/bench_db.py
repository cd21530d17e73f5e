"""Data-layer benchmark: sample import/export and a 10,000-initiative plan (make bench)."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.checks import check_document  # noqa: E402
from db.interchange import export_json, import_document  # noqa: E402
from db.sample import sample_text  # noqa: E402
from db.store import memory_plan, open_plan  # noqa: E402
from db.synthetic import synthetic_plan  # noqa: E402


def timed(label: str, func, repeat: int = 3):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<48} {best * 1000:8.1f} ms")
    return result


def main() -> None:
    data = json.loads(sample_text())
    with tempfile.TemporaryDirectory() as folder:
        def import_sample():
            path = Path(folder) / f"s{time.perf_counter_ns()}.sqlite"
            with open_plan(path, create=True) as store:
                import_document(store, data)
            return path

        path = timed("import sample into a new file", import_sample)
        with open_plan(path, readonly=True) as store:
            timed("load FY2024 edition (records)", lambda: store.load(2024))
            timed("export sample as JSON", lambda: export_json(store))
            timed("check FY2022 + FY2024", lambda: [check_document(store.load(y))
                                                    for y in store.fiscal_years()])
    big = memory_plan()
    start = time.perf_counter()
    synthetic_plan(big, 10_000)
    print(f"{'generate 10,000-initiative plan':<48} {(time.perf_counter() - start) * 1000:8.1f} ms")
    timed("load 10,000-initiative edition", lambda: big.load(2024))
    timed("check 10,000-initiative edition", lambda: check_document(big.load(2024)))


if __name__ == "__main__":
    main()
