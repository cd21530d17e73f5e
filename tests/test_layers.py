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


# The editor's rooms (folders of desktop/ui), each importing only from rooms listed before it;
# modules directly in desktop/ui (the worker, shared helpers) come before every room.
UI_ROOMS = ["document", "tables", "forms", "pages", "docks", "cycle", "shell"]


def test_editor_rooms_import_one_way():
    """desktop/ui: a room imports only rooms before it in UI_ROOMS; inside the document,
    the document imports its commands and the commands never import the document."""
    import ast
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "desktop" / "ui"
    wrong = []
    for path in ui.rglob("*.py"):
        parts = path.relative_to(ui).with_suffix("").parts
        room = parts[0] if len(parts) > 1 else ""
        if room == "":
            room = "(shared)"
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level == 0:
                name = node.module or ""
                if not name.startswith("desktop.ui."):
                    continue
                target = name.split(".")[2]
            elif node.level == 1 and len(parts) > 1:
                target = room
            elif node.level == 2 or (node.level == 1 and len(parts) == 1):
                target = (node.module or "").split(".")[0]
            else:
                continue
            if target == room:
                if parts == ("document", "commands") and (node.module or "").endswith(
                        "document"):
                    wrong.append(f"{path.name} imports {node.module}")
                continue
            rank = {name: n for n, name in enumerate(UI_ROOMS)}
            if rank.get(target, -1) > rank.get(room, -1):
                wrong.append(f"{'/'.join(parts)} imports {target}")
    assert wrong == []


def test_editor_modules_stay_small():
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "desktop" / "ui"
    big = {str(p.relative_to(ui)): n for p in ui.rglob("*.py")
           if (n := len(p.read_text("utf-8").splitlines())) > 420}
    assert big == {}
