"""Start-up of the `planbook` command against a bare interpreter, as ratios in one run.

    .venv/bin/python tests/benchmarks/bench_startup.py

`planbook --help` and `planbook info` on the sample, each ≤ 4× `python -c pass` (whole
processes, best of 15, interleaved so that machine noise falls on every command alike). Every
side runs from bytecode, as an installed app does: PlanBook's modules are compiled first, also
where PYTHONDONTWRITEBYTECODE keeps Python from caching them (else each `planbook` process would
compile ~20 of them again, as no installed copy ever does).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from verdict import check, finish  # noqa: E402

PLANBOOK = str(Path(sys.executable).parent / "planbook")


def main() -> None:
    import compileall

    for package in ("db", "desktop"):
        compileall.compile_dir(ROOT / package, quiet=1)
    from db.sample import load_sample
    from db.store import open_plan

    with tempfile.TemporaryDirectory(prefix="planbook-bench-") as folder:
        env = {**os.environ, "PLANBOOK_DATA_DIR": folder}
        sample = Path(folder) / "sample.sqlite"
        with open_plan(sample, create=True) as store:
            load_sample(store)
        commands = {"python -c pass": [sys.executable, "-c", "pass"],
                    "planbook --help": [PLANBOOK, "--help"],
                    "planbook info (sample)": [PLANBOOK, "info", "--db", str(sample)]}
        best = dict.fromkeys(commands, float("inf"))
        for _ in range(15):
            for name, argv in commands.items():
                started = time.perf_counter()
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
                best[name] = min(best[name], time.perf_counter() - started)
    reference = best.pop("python -c pass")
    for name, seconds in best.items():
        check(f"{name} / python -c pass", seconds / reference, 4,
              detail=f"{seconds * 1000:.0f} ms / {reference * 1000:.0f} ms")


if __name__ == "__main__":
    main()
    finish()
