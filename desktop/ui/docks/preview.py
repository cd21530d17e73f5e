"""The PDF preview dock: re-renders the section being edited, debounced, in a worker.

A vision (its measures, its initiatives) is previewed as its own section: only that vision is
read and laid out, and only the pages around the initiative being edited are drawn, so the
preview's cost does not grow with the rest of the plan. A ward's sheet is its own document;
anything else (front matter, priorities, the ward part) previews the whole booklet."""

from __future__ import annotations

import linecache
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..worker import run_task, wait_for_all


def t(text: str) -> str:
    return QCoreApplication.translate("Preview", text)


def build_preview(path: Path, fiscal_year: int, ward: str | None, output: Path, progress,
                  section: int | None = None, focus: str | None = None):
    """Worker side: its own read-only connection; one vision's section, one ward's sheet, or
    the booklet. Returns (pdf, outline, page to show or None)."""
    from desktop.publish.collector import collector_paused
    from desktop.publish.layout_caches import forget_layouts

    global _last_section
    loaded = set(sys.modules)
    key = (path, fiscal_year, ward, section)
    if key != _last_section:  # what the other section's texts measured is of no use here
        forget_layouts()
    _last_section = key if section is not None and ward is None else None
    try:
        with collector_paused():  # reading too: a full collection walks the editor's records
            return _build(path, fiscal_year, ward, output, progress, section, focus)
    finally:
        if _last_section is None:  # a whole document: its texts won't be asked for again soon
            forget_layouts()
        _forget_sources(set(sys.modules) - loaded)


_last_section: tuple | None = None  # the vision section the layout caches hold (one worker)


def _forget_sources(modules: set[str]) -> None:
    """PySide6 reads the source of every module imported after it (inspect.getsource, to
    see whether the module uses PySide's __feature__), and linecache keeps it: 4–6 MB for
    reportlab, PIL and the booklet the first preview loads. Those lines are dropped (a
    traceback reads them again if it ever needs them)."""
    for name in modules:
        linecache.cache.pop(getattr(sys.modules.get(name), "__file__", None), None)


def _build(path: Path, fiscal_year: int, ward: str | None, output: Path, progress,
           section: int | None, focus: str | None):
    from db.store import open_plan

    if section is not None and ward is None:
        from desktop.publish.booklet.section import build_vision_section

        # the file read in place (one section of it), not copied whole into memory
        with open_plan(path, readonly=True, snapshot=False) as store, store.db.reading():
            doc = store.load_vision(fiscal_year, section)
        report = build_vision_section(doc, section, output, focus=focus, progress=progress)
        return output, report.outline, report.focus_page, report
    with open_plan(path, readonly=True) as store:
        doc = store.load(fiscal_year)
    plan = doc.ward_plan(ward) if ward else None
    if plan is not None and plan.projects:
        from desktop.publish.ward_sheets import build_ward_sheets
        report = build_ward_sheets(doc, output, wards=[ward], progress=progress)
    else:
        from desktop.publish.booklet import build_booklet
        report = build_booklet(doc, output, progress=progress)
    return output, list(getattr(report, "outline", []) or []), None, report


class PreviewPanel(QWidget):
    # a whole booklet's or ward sheet's report (not a vision section's, whose pages are its own)
    printed = Signal(object)
    idle = Signal()  # a build ended and no other is asked for

    def __init__(self, parent=None, delay_ms: int = 50):
        super().__init__(parent)
        self._document = self._view = None  # made when first used (see view)
        self.status = QLabel(QCoreApplication.translate("Preview", "The preview appears here while you edit."), self)
        self.status.setWordWrap(True)
        # until then, what an empty QPdfView shows: its frame around the palette's dark colour
        self._blank = QFrame(self)
        self._blank.setFrameStyle(QFrame.Shape.StyledPanel | QFrame.Shadow.Sunken)
        self._blank.setBackgroundRole(QPalette.ColorRole.Dark)
        self._blank.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self._blank, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._start)
        self.soon = QTimer(self)  # no debounce: an edit just made, F5, the build asked for again
        self.soon.setSingleShot(True)
        self.soon.setInterval(0)
        self.soon.timeout.connect(self._start)
        # removed by shutdown() (or, failing that, when the panel is garbage collected)
        self._tempdir = tempfile.TemporaryDirectory(prefix="planbook-preview-",
                                                    ignore_cleanup_errors=True)
        self._dir = Path(self._tempdir.name)
        self._flip = 0
        self._task = None
        self._again = False
        self._building = False  # from the build's start until its end reaches this thread
        self.request_args: tuple | None = None
        self.hints: list[str] = []
        self.enabled = True
        self.builds = 0
        self.last_report = None  # the last build's report (what was laid out and drawn)
        self.shown_page = 0  # the page the view was last turned to

    @property
    def view(self):
        """The QPdfView showing ``document``. Qt's PDF modules load with the first preview, not
        before the editor's first frame (~6 ms)."""
        if self._view is None:
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self._document = QPdfDocument(self)
            view = QPdfView(self)
            view.setObjectName("pdfView")
            view.setDocument(self._document)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.layout().replaceWidget(self._blank, view)
            self._blank.deleteLater()
            view.show()
            self._view = view
        return self._view

    @property
    def document(self):
        """The QPdfDocument the view shows (the preview last drawn; empty before the first)."""
        return self.view.document()

    def retranslate(self) -> None:
        if self._document is not None and self._document.pageCount() > 0:
            self.status.setText(t("Preview: %1 pages").replace("%1", str(self.document.pageCount())))
        elif self.builds == 0:
            self.status.setText(t("The preview appears here while you edit."))

    def request(self, path: Path | None, fiscal_year: int | None, ward: str | None,
                hints: list[str], section: int | None = None, focus: str | None = None) -> None:
        """Ask for a fresh preview soon (restarts the debounce timer): of vision ``section``
        around initiative ``focus`` (its key), of ``ward``'s sheet, or of the booklet."""
        if path is None or fiscal_year is None or not self.enabled:
            return
        self.request_args = (path, fiscal_year, ward, section, focus)
        self.hints = hints
        self.timer.start()

    def render_soon(self) -> None:
        """Start the build asked for without the debounce (an edit just made, F5): when one is
        being built, the next starts as soon as it ends."""
        self.timer.stop()
        self.soon.start()

    def busy(self) -> bool:
        """A preview is asked for or being built."""
        return self.timer.isActive() or self.soon.isActive() or self._building

    def _start(self) -> None:
        self.timer.stop()  # one build for what was asked, whichever timer fired
        self.soon.stop()
        if self._task is not None and not self._task.done:
            self._again = True
            return
        if self.request_args is None or not self.enabled:  # turned off since it was asked for
            return
        path, year, ward, section, focus = self.request_args
        self._flip ^= 1
        output = self._dir / f"preview{self._flip}.pdf"
        self.status.setText(QCoreApplication.translate("Preview", "Rendering the preview…"))
        self._building = True
        self._task = run_task(lambda progress: build_preview(path, year, ward, output, progress,
                                                             section, focus),
                              on_result=self._loaded, on_error=self._failed,
                              on_finished=self._finished)

    def _finished(self) -> None:
        self._building = False
        if self._again:  # what was asked for meanwhile is the latest: no need to wait more
            self._again = False
            self.soon.start()
        elif not self.busy():
            self.idle.emit()

    def _loaded(self, result) -> None:
        output, outline, jump, self.last_report = result
        if hasattr(self.last_report, "notes"):
            self.printed.emit(self.last_report)
        page = self.view.pageNavigator().currentPage() if self.document.pageCount() else 0
        self.document.close()
        self.document.load(str(output))
        self.builds += 1
        target = jump if jump is not None else self._page_for(outline)
        self.status.setText(QCoreApplication.translate("Preview", "Preview: %1 pages").replace("%1", str(self.document.pageCount())))
        if target is None:
            target = min(page, max(self.document.pageCount() - 1, 0))
        self.shown_page = target
        QTimer.singleShot(0, lambda: self.view.pageNavigator().jump(target, QPointF(), 0))

    def _page_for(self, outline) -> int | None:
        best = None
        for hint in self.hints:
            for entry in outline:
                try:
                    _level, title, page = entry
                except (TypeError, ValueError):
                    continue
                if hint and hint in str(title):
                    best = max(int(page) - 1, 0)
                    return best
        return best

    def _failed(self, error, details) -> None:
        self.status.setText(QCoreApplication.translate("Preview", "No preview: %1").replace("%1", str(error)))

    def shutdown(self) -> None:
        """Stop rendering and remove the temporary folder the previews were written to."""
        self.timer.stop()
        self.soon.stop()
        self.enabled = False
        if self._task is not None:
            self._task.cancel()
            if not self._task.done:
                wait_for_all(30000)  # the worker may be writing into the folder
        if self._document is not None:
            self._document.close()
        self._tempdir.cleanup()


__all__ = ["PreviewPanel", "build_preview", "Qt"]
