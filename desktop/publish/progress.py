"""Progress reporting and cancellation for long exports, without any Qt.

An export takes a ``Progress`` and calls ``progress.step(done, total, label)`` as it goes; the
call raises ``Cancelled`` once the caller has asked to stop, so exports stop at the next step
and write nothing further. The GUI's worker wraps this in signals; the CLI passes ``Progress()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user cancelled the export; nothing was written to the output path."""


class Progress:
    def __init__(self, callback: Callable[[int, int, str], None] | None = None):
        self._callback = callback
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._callback is not None:
            self._callback(done, total, label)
