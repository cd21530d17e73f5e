"""One helper for work off the UI thread.

``run_task(fn, on_result=…, on_error=…, on_progress=…)`` runs ``fn(progress)`` on a
``QThreadPool``; ``progress`` is a ``desktop.publish.progress.Progress`` whose ``step`` calls are
delivered to ``on_progress`` on the UI thread, and ``progress.cancel()`` stops the work at its
next step. Results and errors are delivered on the UI thread. Background code never touches
widgets. ``Task.synchronous = True`` (tests) runs everything inline instead.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from desktop.publish.progress import Cancelled, Progress


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    finished = Signal()


class Task:
    """A unit of background work; keep a reference to ``signals`` to listen to it.

    A plain object handed to the pool as a callable: a ``QRunnable`` that is not deleted by
    the pool (it must outlive ``run`` for its signals) stays owned by Qt, so PySide never let
    go of it, nor of anything it held."""

    synchronous = False
    _alive: set[Task] = set()

    def __init__(self, fn: Callable[[Progress], Any]):
        self.fn = fn
        # the application owns the signals, so only the UI thread deletes them (``_release``),
        # whichever thread lets go of the task last
        self.signals = _Signals(QCoreApplication.instance())
        self.progress = Progress(self._report)
        self.done = False

    def _report(self, done: int, total: int, label: str) -> None:
        self.signals.progressed.emit(done, total, label)

    def cancel(self) -> None:
        self.progress.cancel()

    def run(self) -> None:  # worker thread: signals only, never widgets
        try:
            try:
                result = self.fn(self.progress)
            except Cancelled:
                self.signals.cancelled.emit()
            except Exception as error:  # noqa: BLE001 - delivered to the UI as a message
                self.signals.failed.emit(error, traceback.format_exc())
            else:
                self.signals.succeeded.emit(result)
            finally:
                self.done = True
                self.signals.finished.emit()
        except RuntimeError:  # the application quit while this ran: nobody to tell
            pass


def run_task(fn: Callable[[Progress], Any], *, on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception, str], None] | None = None,
             on_progress: Callable[[int, int, str], None] | None = None,
             on_cancelled: Callable[[], None] | None = None,
             on_finished: Callable[[], None] | None = None,
             pool: QThreadPool | None = None) -> Task:
    task = Task(fn)
    if on_result:
        task.signals.succeeded.connect(on_result)
    if on_error:
        task.signals.failed.connect(on_error)
    if on_progress:
        task.signals.progressed.connect(on_progress)
    if on_cancelled:
        task.signals.cancelled.connect(on_cancelled)
    if on_finished:
        task.signals.finished.connect(on_finished)
    Task._alive.add(task)
    task.signals.finished.connect(lambda: _release(task))
    if Task.synchronous:
        task.run()
    else:
        (pool or QThreadPool.globalInstance()).start(task.run)
    return task


def _release(task: Task) -> None:
    """The task has finished (UI thread): let go of it and of its signals.

    Qt holds the signals' connections, out of sight of Python's garbage collector, and the one
    above refers to the task: until the signals are deleted, the task and everything its
    callbacks hold stay in memory."""
    Task._alive.discard(task)
    task.signals.deleteLater()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Block until background tasks finish (closing the window, tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
