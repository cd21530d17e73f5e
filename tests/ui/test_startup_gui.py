"""The editor's start: the window is usable (navigator and first form shown) before anything
that only exports need loads; the checks, the safety copy and the preview follow at once.

Run in a fresh interpreter, since this test process has everything loaded already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "sqlite_utils", "reportlab", "budoux")
# what the window needs only later: subprocess (~5 ms with its imports) compiles a missing
# translation; Qt's PDF modules show the first preview
LATER = ("subprocess", "PySide6.QtPdf", "PySide6.QtPdfWidgets")

PROBE = r"""
import json, sys, time
from PySide6.QtCore import QSettings, QStandardPaths
QStandardPaths.setTestModeEnabled(True)
from desktop.app import make_application
import gc
collecting_while_starting = gc.isenabled()
from desktop.ui.shell.window import MainWindow
from desktop.ui.shell.settings import PREVIEW_ENABLED, Settings
app = make_application([])
settings = Settings(QSettings(sys.argv[1] + ".ini", QSettings.Format.IniFormat))
settings.set(PREVIEW_ENABLED, True)
window = MainWindow(settings)
window.show()
window.open_path(sys.argv[1])
window.preview_dock.show()
app.processEvents()
page = window.current_page()
import PySide6.QtWidgets
usable = {"navigator": window.tree.isVisible() and window.nav_model.rowCount() > 0,
          "page": type(page).__name__ if page is not None and page.isVisible() else None,
          "loaded": sorted(set(sys.modules) & set(sys.argv[2:])),
          "every_widget_class": "QMdiArea" in vars(PySide6.QtWidgets),
          "dialog_classes": [n for n in ("QFileDialog", "QInputDialog", "QColorDialog",
                                         "QUndoView", "QDialogButtonBox", "QProgressDialog")
                             if n in vars(PySide6.QtWidgets)],
          "collecting": [collecting_while_starting, gc.isenabled()]}
end = time.perf_counter() + 20
while time.perf_counter() < end and not (window.analyses and window.preview.builds):
    app.processEvents()
    time.sleep(0.01)
backups = [p.name for p in __import__("desktop.paths").paths.backups_dir().rglob("*.sqlite")]
print(json.dumps({**usable, "analyses": window.analyses, "previews": window.preview.builds,
                  "backups": backups}))
"""


def test_the_window_is_usable_first_and_the_checks_and_preview_follow(sample_file, tmp_path):
    result = subprocess.run([sys.executable, "-c", PROBE, str(sample_file), *HEAVY, *LATER],
                            cwd=ROOT,
                            capture_output=True, text=True, check=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT),
                                 "QT_QPA_PLATFORM": "offscreen",
                                 "PLANBOOK_DATA_DIR": str(tmp_path / "data")})
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["navigator"] and figures["page"] == "VisionPage"
    assert figures["loaded"] == []  # no export library (or LATER) before the window is usable
    # PySide makes its classes when first used, but all of QtWidgets' (~10 ms) for the first
    # Python wrapper of a widget Qt made (a view's viewport()): PlanBook uses no QMdiArea
    assert not figures["every_widget_class"]
    assert figures["dialog_classes"] == []  # (made when a dialog first opens: ~3 ms)
    # the garbage collector waits while the editor starts, and is back after the first frame
    assert figures["collecting"] == [False, True]
    assert figures["analyses"] >= 1 and figures["previews"] >= 1
    assert len(figures["backups"]) == 1  # the day's safety copy, written after the first paint
