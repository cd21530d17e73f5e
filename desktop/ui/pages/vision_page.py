"""A vision's page: its form, measures and initiatives."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
)

from ..forms import fields
from ..forms.record_form import RecordForm
from ..tables.plan_models import (
    InitiativesModel,
    MeasuresModel,
)
from ..tables.table_editor import TableEditor
from .page import Page, tab_pages, tabs


def t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


class VisionPage(Page):
    def __init__(self, doc, vision_id: int, edition_id: int, parent=None):
        super().__init__(parent)
        self.vision_id = vision_id
        self._sub, self._dragged = "vision", False
        row = doc.store.row("vision", vision_id)
        title = QCoreApplication.translate("Pages", "Vision %1").replace("%1", str(row["number"])) if row else ""
        # each part is made where it stays: a finished part moved into the splitter would have
        # all its widgets restyled again (the application's style sheet). The splitter's panes
        # are its children in the order made; the form is made before the tables, so Tab goes
        # from the form's fields to the tables.
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("visionSplitter")
        self.form = self.add_form(RecordForm(doc, "vision", vision_id, fields.VISION_FIELDS, title,
                                             splitter))
        self.tabs = tabs(splitter)
        inside = tab_pages(self.tabs)
        self.measures = self.add_table(TableEditor(MeasuresModel(doc, vision_id), inside))
        self.initiatives = self.add_table(TableEditor(
            InitiativesModel(doc, edition_id, vision_id=vision_id), inside))
        self.initiatives.activated.connect(lambda i: self.open_key.emit(f"initiative:{i}"))
        self.tabs.addTab(self.measures, "")
        self.tabs.addTab(self.initiatives, "")
        for editor in (self.measures, self.initiatives):
            editor.model.modelReset.connect(self._count_tabs)
        self._count_tabs()
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_dragged", True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _count_tabs(self) -> None:
        """Tab titles say how many rows each holds: 施策 (0) tells an empty vision at a glance."""
        self.tabs.setTabText(0, t("Measures (%1)").replace("%1", str(len(self.measures.model.rows))))
        self.tabs.setTabText(1, t("Initiatives (%1)").replace(
            "%1", str(len(self.initiatives.model.rows))))

    def show_sub(self, sub: str) -> None:
        """The 施策/取組 nodes show their table with all the height (the vision's form folded
        away; drag the divider to see it), the vision node shows the form too."""
        if sub in ("measures", "initiatives"):
            self.tabs.setCurrentWidget(self.measures if sub == "measures" else self.initiatives)
        self._sub, self._dragged = sub, False
        self._fit_splitter()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if not self._dragged:  # the window's real height is known only once it is shown
            self._fit_splitter()

    def _fit_splitter(self) -> None:
        if self._sub in ("measures", "initiatives"):
            self.splitter.setSizes([0, 1])
            return
        # the whole form when it fits in three fifths of the height; the tables keep the rest
        total = max(self.splitter.height(), 500)
        wanted = self.form.widget().sizeHint().height() + 2 * self.form.frameWidth()
        top = min(max(wanted, total * 2 // 5), total * 3 // 5)
        self.splitter.setSizes([top, total - top])
