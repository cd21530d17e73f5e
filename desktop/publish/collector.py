"""Python's cyclic garbage collector paused while a document is built.

A layout allocates hundreds of thousands of small objects that live until the PDF is written;
the collector keeps walking them (12-20 % of a 10,000-initiative booklet) and finds nothing to
free: they are released by reference counting when the build ends. Builds may overlap (the
preview in a worker thread, an export): the collector is back on when the last one ends, and
left off if it was off before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


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
