"""Where PlanBook keeps per-user files (shared by the CLI and the editor; no Qt)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "PlanBook"


def data_dir() -> Path:
    """The per-user data folder (PLANBOOK_DATA_DIR overrides it, e.g. in tests)."""
    override = os.environ.get("PLANBOOK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / APP_NAME


def default_db_path() -> Path:
    return data_dir() / "planbook.sqlite"


def backups_dir() -> Path:
    return data_dir() / "backups"
