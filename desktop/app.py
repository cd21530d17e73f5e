"""Start the desktop editor: ``run_gui(path)`` is what the ``planbook`` command calls.

Importing this module starts the editor's start: the cyclic garbage collector is paused until
the window's first frame (desktop/publish/collector.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.publish import collector

collector.pause_for_start()

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def _fonts() -> str | None:
    """Register the bundled BIZ UD P Gothic (regular and bold: the UI uses no other; each
    font file costs ~15 ms to register); returns the UI family to use."""
    from PySide6.QtGui import QFontDatabase

    family = None
    for name in ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf"):
        font = RESOURCES / "fonts" / name
        if font.exists():
            font_id = QFontDatabase.addApplicationFont(str(font))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if families and family is None:
                family = families[0]
    return family


def make_application(argv: list[str] | None = None):
    """The QApplication with PlanBook's name, icon, font, style sheet and translation."""
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QFont, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell import i18n
    from desktop.ui.shell.settings import LANGUAGE, Settings
    from desktop.ui.shell.window import app_icon

    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("PlanBook")
    QCoreApplication.setApplicationName("PlanBook")
    app.setApplicationDisplayName("PlanBook")
    app.setWindowIcon(app_icon())
    family = _fonts()
    if family:
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)
    style = RESOURCES / "styles" / "planbook.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    i18n.install(app, Settings().get(LANGUAGE))
    collector.freeze_what_started()  # the modules and classes: they stay as long as the editor
    QTimer.singleShot(2000, collector.resume_after_start)  # when no frame comes (minimised)
    return app


def run_gui(db_path: Path | None) -> int:
    """Open the editor on ``db_path`` and run until it closes.

    The ``planbook`` command always passes a path (its default plan file when none is given);
    ``python -m desktop.app`` without an argument passes None, and the editor then opens the
    most recent file that still exists, or starts with no file open."""
    app = make_application()
    from desktop.ui.shell import i18n
    from desktop.ui.shell.settings import RECENT_FILES, Settings
    from desktop.ui.shell.window import MainWindow

    settings = Settings()
    holder: dict = {}

    def build(path: Path | None) -> None:
        window = MainWindow(settings)
        # the window retranslates itself live on the LanguageChange event the new translator sends
        window.language_change_requested.connect(lambda language: i18n.install(app, language))
        holder["window"] = window
        window.show()
        if path is not None:
            window.open_path(path)

    if db_path is None:
        recent = [p for p in settings.get(RECENT_FILES) if Path(p).exists()]
        db_path = Path(recent[0]) if recent else None
    build(Path(db_path) if db_path else None)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(run_gui(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
