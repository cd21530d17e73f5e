"""The bottom docks' panels (Problems, Summary and Search; the change log), built when a dock
first shows or a panel is first used: on a laptop screen both docks start hidden, and the
window shows without them (a part of ``MainWindow``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QTabWidget

if TYPE_CHECKING:
    from ..docks.change_log import ChangeLogPanel
    from ..docks.problems import ProblemsPanel
    from ..docks.search import SearchPanel
    from ..docks.summary import SummaryPanel

def t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


PANELS = ("problems", "summary", "search", "bottom_tabs", "change_log")


def _panel(name: str) -> property:
    return property(lambda self: self.bottom_panels()[name])


class BottomPanels:
    """The docks exist from the start (their place, size and F7/F8 keys); their panels are
    built by ``bottom_panels()``, which every use of a panel goes through."""

    problems: ProblemsPanel = _panel("problems")
    summary: SummaryPanel = _panel("summary")
    search: SearchPanel = _panel("search")
    bottom_tabs: QTabWidget = _panel("bottom_tabs")
    change_log: ChangeLogPanel = _panel("change_log")

    def _install_bottom_docks(self) -> None:
        self._panels: dict | None = None
        area = Qt.DockWidgetArea.BottomDockWidgetArea
        self.bottom_dock = self._dock("bottomDock", t("Problems and summary"), None, area)
        self.log_dock = self._dock("changeLogDock", t("Change log"), None, area)
        self.tabifyDockWidget(self.bottom_dock, self.log_dock)
        self.bottom_dock.raise_()
        for dock in (self.bottom_dock, self.log_dock):
            dock.visibilityChanged.connect(lambda visible: visible and self.bottom_panels())

    def built_panels(self) -> dict:
        """The panels built so far (none before they are first needed)."""
        return self._panels or {}

    def bottom_panels(self) -> dict:
        if self._panels is not None:
            return self._panels
        from ..docks.change_log import ChangeLogPanel
        from ..docks.problems import ProblemsPanel
        from ..docks.search import SearchPanel
        from ..docks.summary import SummaryPanel

        problems = ProblemsPanel(self)
        problems.go_to.connect(self.go_to)
        summary = SummaryPanel(self)
        search = SearchPanel(lambda: self.doc.store, self)
        search.go_to.connect(lambda hit: self.go_to(hit.table, hit.row_id, hit.field, hit.key))
        tabs = QTabWidget(self)
        tabs.setObjectName("bottomTabs")
        tabs.addTab(problems, t("Problems"))
        tabs.addTab(summary, t("Summary"))
        tabs.addTab(search, t("Search"))
        log = ChangeLogPanel(lambda: self.doc.store if self.doc else None, self)
        log.go_to.connect(lambda table, row_id, field: self.go_to(table, row_id, field))
        self._panels = dict(zip(PANELS, (problems, summary, search, tabs, log), strict=True))
        self.bottom_dock.setWidget(tabs)
        self.log_dock.setWidget(log)
        report = self.preview.last_report
        if hasattr(report, "notes"):
            problems.set_print_notes(report.notes())
        self.show_analysis()
        return self._panels
