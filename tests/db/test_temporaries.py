"""Temporaries that killed writers left beside a plan file are removed by the next writer; a
live writer's temporary never is (issue 8). The writers here are real processes: the owner
lock is a file lock, and only another process shows whether it is held."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from db.planfile import copy_database, new_plan_file
from db.store import open_plan

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
    import sys
    from pathlib import Path
    from db.planfile import new_plan_file
    from db.store import open_plan
    with new_plan_file(Path(sys.argv[1])) as temporary:
        with open_plan(temporary, create=True) as store:
            store.checkpoint()
        print(temporary, flush=True)
        sys.stdin.readline()  # building … until told to finish (or killed)
    print("done", flush=True)
"""


def writer(target: Path) -> tuple[subprocess.Popen, Path]:
    """A writer building ``target`` in another process, stopped half-way: (process, its
    temporary)."""
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(WRITER), str(target)],
                               env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    temporary = Path(process.stdout.readline().strip())
    assert temporary.exists(), temporary
    return process, temporary


def beside(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name != target.name)


def init(target: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(target), "init",
                             "--empty"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_next_writer_removes_what_a_killed_one_left(tmp_path):
    target = tmp_path / "plan.sqlite"
    process, temporary = writer(target)
    process.send_signal(signal.SIGKILL)
    process.wait()
    left = beside(target)
    assert temporary.name in left and any(name.endswith(".lock") for name in left)
    init(target)
    assert beside(target) == []
    with open_plan(target, readonly=True) as store:
        assert store.editions() == []  # the new, empty file: nothing adopted


def test_opening_the_file_to_write_removes_them_too(tmp_path, sample_file):
    """Beside an existing plan (a killed `init` over it, a killed copy onto it): the editor or
    an import opening it for writing clears them; reading it leaves them."""
    process, temporary = writer(sample_file)
    process.send_signal(signal.SIGKILL)
    process.wait()
    with open_plan(sample_file, readonly=True):
        assert temporary.exists()
    with open_plan(sample_file):
        assert not temporary.exists()
    assert beside(sample_file) == []


def test_a_live_writers_temporary_is_left_alone(tmp_path, sample_file):
    target = tmp_path / "shared" / "plan.sqlite"
    target.parent.mkdir()
    process, temporary = writer(target)
    try:
        source = sqlite3.connect(sample_file)
        copy_database(source, target)  # another writer, the same target
        source.close()
        assert temporary.exists() and len(beside(target)) == 2  # it and its owner lock
        process.stdin.write("finish\n")
        process.stdin.flush()
        assert process.stdout.readline().strip() == "done"
        assert process.wait(30) == 0
    finally:
        process.kill()
    assert beside(target) == []
    with open_plan(target, readonly=True) as store:  # the live writer's file won, whole
        assert store.editions() == []


def test_a_temporary_of_this_process_is_its_own(tmp_path):
    """Two temporaries of one target at once in one process (a copy while a file is built):
    the second writer's sweep leaves the first one's temporary alone."""
    target = tmp_path / "plan.sqlite"
    with new_plan_file(target) as first:
        with open_plan(first, create=True):
            pass
        with new_plan_file(target) as second, open_plan(second, create=True):
            assert first.exists()
        assert first.exists()
    assert beside(target) == []


def test_an_unlocked_temporary_is_removed_only_when_old(tmp_path):
    """What the PlanBook before owner locks left (no lock file beside it): an old one is
    stale; a fresh one may be a running old PlanBook's, and a fixed name is nobody's."""
    target = tmp_path / "plan.sqlite"
    old, fresh = tmp_path / ".plan.sqlite.a1b2c3d4.building", tmp_path / ".plan.sqlite.x_9y8z7w.copy"
    fixed = tmp_path / ".plan.sqlite.building"
    for path in (old, Path(f"{old}-journal"), fresh, fixed):
        path.write_bytes(b"x")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(f"{old}-journal", (hour_ago, hour_ago))
    init(target)
    assert beside(target) == sorted([fresh.name, fixed.name])
