"""Keeping the Problems, Summary and Preview docks up to date with the plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
)

from ..docks.analysis import analyse
from ..worker import run_task


def t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class DockUpdates:
    """The main window's background checks and preview requests (a part of ``MainWindow``)."""

    def run_analysis(self) -> None:
        """The checks and the summary, in a worker. They read the whole plan (about 0.3 s at
        10,000 initiatives): they wait while a preview is asked for or being drawn, which would
        otherwise share the interpreter with them and show the edit later."""
        if self.doc is None or self.doc.path is None:
            return
        if self.preview.busy():
            self._analysis_waiting = True
            return
        if self._analysis_task is not None and not self._analysis_task.done:
            self._analysis_again = True
            return
        path = Path(self.doc.path)
        self._analysis_task = run_task(lambda progress: analyse(path, progress),
                                       on_result=self._analysed,
                                       on_error=lambda e, d: self.statusBar().showMessage(
                                           t("Checks failed: %1").replace("%1", str(e))),
                                       on_finished=self._analysis_finished)

    def _analysis_finished(self) -> None:
        if self._analysis_again:
            self._analysis_again = False
            self.analysis_timer.start()

    def _preview_idle(self) -> None:
        """The preview is drawn: checks that wait (or would start within 600 ms) run now,
        before the next edit is likely to come."""
        if self._analysis_waiting or self.analysis_timer.isActive():
            self._analysis_waiting = False
            self.analysis_timer.stop()
            self.run_analysis()

    def _analysed(self, analysis) -> None:
        self.analyses += 1
        self._analysis = analysis
        self._problem_count = len(analysis.problems)
        if self.built_panels():
            self.show_analysis()

    def show_analysis(self) -> None:
        """The last checks' findings in the Problems and Summary panels."""
        if self._analysis is not None:
            self.problems.set_problems(self._analysis.problems)
            self.summary.set_summary(self._analysis.summary)
        self._set_problems_tab()

    def _set_problems_tab(self) -> None:
        if not self.built_panels():
            return
        self.bottom_tabs.setTabText(0, t("Problems (%1)").replace(
            "%1", str(self._problem_count)) if self._problem_count else t("Problems"))

    def _preview_visibility(self, visible: bool) -> None:
        if visible:
            self.request_preview()

    def request_preview(self, now: bool = False, initiative_id: int | None = None) -> None:
        """Preview what is being edited: a vision's section (around ``initiative_id``, the
        initiative just changed, or the one open), a ward's sheet, or the booklet."""
        if self.doc is None or not self.preview_dock.isVisible() or self.current_key is None:
            return
        node = self.nav_model.by_key.get(self.current_key) if self.nav_model else None
        if node is None:
            return
        ward = section = focus = None
        hints: list[str] = []
        kind = self.current_key.partition(":")[0]
        store = self.doc.store
        if kind in ("ward", "projects"):
            plan = store.row("ward_plan", node.row_id)
            ward = store.row("ward", plan["ward_id"])["name"] if plan else None
            hints = [ward or ""]
        elif kind in ("vision", "measures", "initiatives"):
            row = store.row("vision", node.row_id)
            hints = [f"ビジョン{row['number']}"] if row else []
            section = row["number"] if row else None
        if kind == "initiative" and initiative_id is None:
            initiative_id = node.row_id
        if kind in ("vision", "measures", "initiatives", "initiative") and initiative_id:
            row = store.row("initiative", initiative_id)
            if row and row["vision_id"]:
                vision = store.row("vision", row["vision_id"])
                hints = [f"ビジョン{vision['number']}"]
                section, focus = vision["number"], row["key"]
        elif kind in ("priority", "priorities"):
            hints = ["重点事項"]
        elif kind == "contact":
            hints = ["裏表紙", "連絡先"]
        self.preview.request(Path(self.doc.path) if self.doc.path else None, node.fiscal_year,
                             ward, hints, section, focus)
        if now:
            self.preview.render_soon()
