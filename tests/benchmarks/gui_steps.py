"""What bench_gui.py's child processes do once the editor shows its plan (each returns its
figures as a dict)."""

from __future__ import annotations

import time

WORD = "拠点整備"  # a generated title's noun: matches about one row in seven


def _until(app, done, timeout: float = 30.0) -> None:
    end = time.perf_counter() + timeout
    while not done() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def _settle(app, window) -> None:
    """Wait until the background work asked for so far is done: the checks too, which start
    only once a preview is shown (they would otherwise share the interpreter with the step)."""
    from desktop.ui.worker import wait_for_all

    def checks_pending() -> bool:
        task = window._analysis_task
        return (window._analysis_waiting or window.analysis_timer.isActive()
                or (task is not None and not task.done))

    wait_for_all()
    app.processEvents()
    _until(app, lambda: not checks_pending(), 60)
    wait_for_all()
    app.processEvents()


def nothing(app, window) -> dict:
    return {}


def _vision_table(app, window):
    store = window.doc.store
    edition = store.edition(2024)
    counts = {}
    for item in store.initiatives(edition.id):
        counts[item.vision_number] = counts.get(item.vision_number, 0) + 1
    vision = max(store.visions(edition.id), key=lambda v: counts.get(v.number, 0))
    return vision, [i for i in store.initiatives(edition.id) if i.vision_number == vision.number]


def tables(app, window) -> dict:
    _settle(app, window)
    vision, _ = _vision_table(app, window)
    window.select_key(f"front:{window.doc.store.edition(2024).id}")
    window.drop_pages()
    app.processEvents()
    started = time.perf_counter()
    window.select_key(f"initiatives:{vision.id}")
    app.processEvents()
    opened = time.perf_counter() - started
    editor = window.current_page().initiatives
    # the page's preview renders meanwhile; a user starts typing a moment later
    preview = window.preview
    _until(app, lambda: not preview.timer.isActive() and (preview._task is None
                                                           or preview._task.done), 60)
    _settle(app, window)
    keys = []
    for n in range(1, len(WORD) + 1):
        started = time.perf_counter()
        editor.filter_edit.setText(WORD[:n])
        app.processEvents()
        keys.append(time.perf_counter() - started)
    matching = editor.proxy.rowCount()
    editor.filter_edit.clear()
    app.processEvents()
    view = editor.view
    started = time.perf_counter()
    for _ in range(50):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 30)
        view.viewport().repaint()
    scroll = (time.perf_counter() - started) / 50 * 1000
    return {"open_s": opened, "rows": editor.model.rowCount(), "word": WORD, "keys": keys,
            "matching": matching, "scroll_ms": scroll}


def edits(app, window) -> dict:
    """Commit an edit to one initiative every 0.6 s (typing, then Enter), timing each until the
    preview shows it, while a 1 ms timer measures the longest gap in the event loop."""
    from PySide6.QtCore import QTimer

    _settle(app, window)
    vision, items = _vision_table(app, window)
    window.select_key(f"initiatives:{vision.id}")
    preview = window.preview
    _until(app, lambda: preview._task is None or preview._task.done, 60)
    _settle(app, window)
    last = [time.perf_counter()]
    gaps = [0.0]

    def tick():
        now = time.perf_counter()
        gaps[0] = max(gaps[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    latency = []
    item = items[len(items) // 2]
    last[0] = time.perf_counter()
    timer.start()
    for n in range(6):
        builds = preview.builds
        window.doc.set_fields("initiative", item.id, {"title": f"{item.title} 改{n}"}, "title")
        started = time.perf_counter()
        if preview.enabled:
            _until(app, lambda b=builds: preview.builds > b)
            latency.append(time.perf_counter() - started)
        pause = time.perf_counter() + 0.6
        _until(app, lambda p=pause: time.perf_counter() > p)
    timer.stop()
    report = preview.last_report
    return {"latency": latency[1:], "gap": gaps[0],  # the first pays one-off font loading
            "section_pages": getattr(report, "section_pages", 0)}
