"""Loading the translation: resources/translations/planbook_<lang>.qm, compiled on demand.

The Makefile builds the ``.qm`` with ``pyside6-lrelease``. When it is missing or older than its
``.ts`` (a fresh clone run without make), PlanBook compiles it into the per-user cache folder
with PySide6's lrelease; when that fails too, the UI simply runs untranslated.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"


def _lrelease() -> list[str] | None:
    here = Path(sys.executable).parent
    for candidate in (here / "pyside6-lrelease", here / "pyside6-lrelease.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    try:
        import PySide6
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            binary = Path(PySide6.__file__).parent / name
            if binary.exists():
                return [str(binary)]
    except ImportError:
        pass
    return None


def qm_path(language: str) -> Path | None:
    """The compiled translation for ``language``, building it into the cache if needed."""
    ts = TRANSLATIONS / f"planbook_{language}.ts"
    qm = TRANSLATIONS / f"planbook_{language}.qm"
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        return qm if qm.exists() else None
    cache = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation) or Path.home() / ".cache" / "planbook")
    cached = cache / "translations" / f"planbook_{language}.qm"
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        return qm if qm.exists() else None
    import subprocess  # (with its own imports, ~5 ms: only when a translation is compiled)

    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([*tool, "-silent", str(ts), "-qm", str(cached)], check=True,
                       capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return qm if qm.exists() else None
    return cached if cached.exists() else None


def install(app, language: str) -> list[QTranslator]:
    """Install PlanBook's and Qt's own translations for ``language`` ("en": none)."""
    for old in getattr(app, "_planbook_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    if language != "en":
        path = qm_path(language)
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    app._planbook_translators = installed
    return installed
