"""How every `make bench` script reports a figure against its target: one line each,
PASS or FAIL, and a non-zero exit when anything failed."""

from __future__ import annotations

import sys

failed: list[str] = []


def check(label: str, value: float, limit: float, unit: str = "×", detail: str = "") -> bool:
    ok = value <= limit
    if not ok:
        failed.append(label)
    print(f"  {label:<50} {value:8.2f}{unit:<3} target ≤ {limit:g}{unit}  "
          f"{'PASS' if ok else 'FAIL'}{'  (' + detail + ')' if detail else ''}", flush=True)
    return ok


def note(label: str, text: str) -> None:
    print(f"  {label:<50} {text}", flush=True)


def finish() -> None:
    sys.exit(1 if failed else 0)
