"""``make fuzz``: PLANBOOK_FUZZ_EXAMPLES (default 10,000) hostile cases per entry point, then a
kill -9 campaign (PLANBOOK_FUZZ_KILLS per writer and of the editor, default 40; 0: none) — and
a summary of both. PLANBOOK_FUZZ_TARGETS="workbook import,…" runs only those entry points.

Exits 1 when any case crashed or hung, a refusal changed a file, a kill left a file that fails
integrity_check or holds neither the old nor the new content, a killed editor's file lacks an
edit it had committed or holds half of one, or the next writer left a killed one's temporaries.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from fuzz_cases import drive, examples  # noqa: E402
from fuzz_harness import (  # noqa: E402
    AmountParsing,
    HostilePlanFile,
    JsonImport,
    Tally,
    WorkbookImport,
)

TARGETS = {"json import": JsonImport, "workbook import": WorkbookImport,
           "amount parsing": AmountParsing, "plan files": HostilePlanFile}


def fuzz_one(name: str, count: int) -> tuple[str, Tally, float]:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="planbook-fuzz-") as folder:
        os.environ["PLANBOOK_DATA_DIR"] = folder
        target = TARGETS[name](Path(folder))
        drive(target, count, fail_fast=False, seed=8)
    return name, target.tally, time.perf_counter() - started


def kill_campaign(kills: int) -> tuple[list[str], list[str], int, float]:
    from fuzz_editor_kill import EditorKillCampaign
    from fuzz_kill import KillCampaign

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="planbook-kill-") as folder:
        os.environ["PLANBOOK_DATA_DIR"] = folder
        campaign = KillCampaign(Path(folder))
        campaign.run(kills)
        editor = EditorKillCampaign(Path(folder))
        editor.run(kills)
        total = sum(f["kills"] for f in campaign.figures.values()) + editor.figures["kills"]
        return ([*campaign.summary(), editor.summary()], campaign.problems + editor.problems,
                total, time.perf_counter() - started)


def main() -> int:
    count = examples(10_000)
    kills = int(os.environ.get("PLANBOOK_FUZZ_KILLS", 40))
    workers = int(os.environ.get("PLANBOOK_FUZZ_WORKERS", 2))
    print(f"fuzzing {count:,} cases per entry point ({workers} processes), then "
          f"{kills} kill -9 runs per writer and of the editor", flush=True)
    failed = False
    only = [n.strip() for n in os.environ.get("PLANBOOK_FUZZ_TARGETS", "").split(",") if n.strip()]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs = [pool.submit(fuzz_one, name, count) for name in TARGETS if not only or name in only]
        kill_job = pool.submit(kill_campaign, kills) if kills else None
        print("\n== fuzzing")
        for job in jobs:
            name, tally, seconds = job.result()
            print(tally.line(name) + f"  ({seconds / 60:.1f} min)", flush=True)
            for crash in tally.crashes[:5]:
                print(f"    {crash}")
            failed |= bool(tally.crashes) or tally.changed_on_refusal > 0
        if kill_job is None:
            return 1 if failed else 0
        lines, problems, total, seconds = kill_job.result()
    print(f"\n== kill -9 campaign: {total} kills ({seconds / 60:.1f} min)")
    for line in lines:
        print(line)
    for problem in problems[:10]:
        print(f"    {problem}")
    failed |= bool(problems) or total < 100 and kills >= 25
    print("\nFAILED" if failed else "\nall cases survived: no crash, no hang, no file changed by "
          "a refusal; every killed write left a sound file, wholly old or wholly new; every "
          "killed editor's file held each edit it had committed and no half edit; the next "
          "writer removed every temporary a killed one left")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
