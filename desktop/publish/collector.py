"""Python's cyclic garbage collector paused while a document is built, and while the editor
starts.

A layout allocates hundreds of thousands of small objects that live until the PDF is written;
the collector keeps walking them (12-20 % of a 10,000-initiative booklet) and finds nothing to
free: they are released by reference counting when the build ends. Builds may overlap (the
preview in a worker thread, an export): the collector is back on when the last one ends, and
left off if it was off before the first.

The editor's start is the same case: its imports and first window make objects that live as long
as the editor (modules, classes, PySide's enums), which the collector would walk about 60 times
before the first frame, freeing nothing (5 % of the start). It is paused from the start
(``pause_for_start``) until the first frame (``resume_after_start``); what the imports made is
frozen on the way (``freeze_what_started``): kept out of every later collection.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True
_starting = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def pause_for_start() -> None:
    """Pause the collector until ``resume_after_start`` (unless it is off already)."""
    global _starting
    with _lock:
        if not _starting and _depth == 0 and gc.isenabled():
            gc.disable()
            _starting = True


def freeze_what_started() -> None:
    """Keep everything made so far (while starting: the modules and classes the editor loaded)
    out of every later collection."""
    if _starting:
        gc.freeze()


def resume_after_start() -> None:
    """The collector back on as ``pause_for_start`` found it (at the end of a build that runs
    now)."""
    global _starting, _was_enabled
    with _lock:
        if not _starting:
            return
        _starting = False
        if _depth == 0:
            gc.enable()
        else:
            _was_enabled = True
