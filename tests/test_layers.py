"""The layers stay apart: the data layer and the exports never import Qt."""

import subprocess
import sys

import pytest

HEADLESS_MODULES = ["db.store", "db.interchange", "db.checks", "db.sample", "db.synthetic",
                    "db.backups", "db.budget", "db.money", "db.era", "desktop.paths",
                    "desktop.publish.progress", "desktop.publish.booklet",
                    "desktop.publish.ward_sheets", "desktop.publish.ward_excel", "desktop.cli"]


@pytest.mark.parametrize("module", HEADLESS_MODULES)
def test_module_imports_no_qt(module):
    code = (f"import sys, {module}\n"
            "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
            "print(','.join(qt))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_no_sql_outside_db():
    """SQL statements live in db/ only (the editor and exports use the typed API)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "desktop"
    pattern = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
                         r"|PRAGMA\s+\w+)\b|\.db\.(execute|conn)\b")
    offenders = [str(p) for p in root.rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []
