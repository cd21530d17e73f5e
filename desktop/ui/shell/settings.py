"""Every setting PlanBook remembers, declared once: key, type, default, description.

``Settings`` is a thin typed wrapper over ``QSettings``; nothing else in the UI calls
``QSettings`` with a string key. Window state is saved with a version number so a layout from
an older PlanBook is ignored instead of producing a broken window.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

WINDOW_STATE_VERSION = 3  # 3: the change log dock; small screens start with panels hidden
MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    """A user preference: its QSettings key, type and default."""

    key: str
    type: type
    default: Any
    description: str


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "main window geometry")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "docks and toolbars")
WINDOW_STATE_VERSION_KEY = Setting("window/stateVersion", int, 0, "layout version of window/state")
RECENT_FILES = Setting("files/recent", list, [], "recently opened plan files, newest first")
LAST_SELECTION = Setting("files/lastSelection", dict, {}, "navigator node key per plan file")
LAST_EXPORT_DIR = Setting("files/lastExportDir", str, "", "folder of the last export")
LANGUAGE = Setting("ui/language", str, "ja", "user interface language: ja or en")
PREVIEW_ENABLED = Setting("ui/preview", bool, True, "render the PDF preview while editing")
USER_NAME = Setting("changes/userName", str, "", "name written in the change log (empty: the "
                    "OS user name)")

ALL = [WINDOW_GEOMETRY, WINDOW_STATE, WINDOW_STATE_VERSION_KEY, RECENT_FILES, LAST_SELECTION,
       LAST_EXPORT_DIR, LANGUAGE, PREVIEW_ENABLED, USER_NAME]


class Settings:
    """Typed access to the declared settings."""

    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings or QSettings("PlanBook", "PlanBook")

    def get(self, setting: Setting) -> Any:
        raw = self._q.value(setting.key, None)
        if raw is None:
            return _copy(setting.default)
        try:
            if setting.type in (list, dict):
                value = json.loads(raw) if isinstance(raw, str) else raw
                return value if isinstance(value, setting.type) else _copy(setting.default)
            if setting.type is bool:
                return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true")
            if setting.type is QByteArray:
                return raw if isinstance(raw, QByteArray) else QByteArray(raw)
            return setting.type(raw)
        except (TypeError, ValueError):
            return _copy(setting.default)

    def set(self, setting: Setting, value: Any) -> None:
        if setting.type in (list, dict):
            value = json.dumps(value, ensure_ascii=False)
        self._q.setValue(setting.key, value)

    def sync(self) -> None:
        self._q.sync()

    # -- conveniences -------------------------------------------------------------------------
    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get(RECENT_FILES) if p != path]
        recent.insert(0, path)
        recent = recent[:MAX_RECENT]
        self.set(RECENT_FILES, recent)
        return recent

    def remove_recent(self, path: str) -> None:
        self.set(RECENT_FILES, [p for p in self.get(RECENT_FILES) if p != path])

    def last_selection(self, path: str) -> str | None:
        return self.get(LAST_SELECTION).get(path)

    def set_last_selection(self, path: str, key: str) -> None:
        selections = self.get(LAST_SELECTION)
        selections[path] = key
        if len(selections) > 50:
            selections = dict(list(selections.items())[-50:])
        self.set(LAST_SELECTION, selections)


def _copy(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return type(value)(value)
    return value
