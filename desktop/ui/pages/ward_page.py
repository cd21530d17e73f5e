"""A ward's page: its plan form, groups, projects and the 集計 summary."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.budget import execution_rate, format_rate, remaining
from db.era import era_label
from db.money import format_amount
from db.records import Totals

from ..forms import fields
from ..forms.record_form import RecordForm
from ..tables.plan_models import (
    InitiativesModel,
)
from ..tables.table_editor import TableEditor
from ..tables.ward_models import WardGroupsModel, WardProjectsModel
from .page import Page, tabs

STAGES = ("initial", "revised", "settled")


def t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


class WardSummary(QWidget):
    """Group subtotals, the total, the allocation and what remains, for 当初/補正後/決算."""

    def __init__(self, doc, model: WardProjectsModel, parent=None):
        super().__init__(parent)
        self.doc, self.model = doc, model
        self.setObjectName("wardSummary")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 2, 4, 2)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(3)
        model.modelReset.connect(self.refresh)
        model.dataChanged.connect(lambda *_: self.refresh())
        doc.changed.connect(lambda c: self.refresh() if "ward_plan" in c else None)
        self.refresh()

    def refresh(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:  # findChild must not see the old cells: nameless at once
                widget.hide()  # (not orphaned: Qt deletes thousands of orphans very slowly)
                widget.setObjectName("")
                widget.deleteLater()
            # takeAt hands the layout's item to the caller, and PySide does not delete it:
            # left alone, ~2.4 KB stayed in memory per refresh, i.e. per edit on the page
            shiboken6.delete(item)
        plan = self.doc.store.row("ward_plan", self.model.ward_plan_id)
        if plan is None:
            return
        heads = [t("Initial budget"), t("Revised"), t("Settled")]
        corner = QLabel(f"<b>{t('Budget summary (¥1,000)')}</b>", self)
        self.grid.addWidget(corner, 0, 0)
        for c, head in enumerate(heads):
            label = QLabel(f"<b>{head}</b>", self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(label, 0, c + 1)
        r = 1
        fields = STAGES
        for group in self.model.groups:
            rows = [i for i, p in enumerate(self.model.rows) if p.get("group_id") == group.id]
            if not rows:
                continue
            sums = self.model.totals(rows)
            self._line(r, t("Subtotal: %1").replace("%1", group.title), [sums[f] for f in fields])
            r += 1
        r = self._rule(r)
        totals = self.model.totals()
        self._line(r, t("Total"), [totals[f] for f in fields], bold=True, name="total")
        r += 1
        allocation = plan.get("allocation")
        self._line(r, t("Allocation"), [allocation] * 3, name="allocation")
        r += 1
        # the rules shared with the ward sheets (db.budget): a stage with no total yet shows —
        remain = [None if totals[f] is None else remaining(allocation, totals[f])
                  for f in fields]
        line = self._line(r, t("Remaining (allocation − total)"), remain, warn=True,
                          name="remaining")
        line.setToolTip(t("What is left of the allocation at each budget stage; △ and red mean "
                          "the projects exceed the allocation."))
        r += 1
        rate = execution_rate(Totals(totals["initial"], totals["revised"], totals["settled"]))
        label = QLabel(t("Execution rate (settled ÷ revised)"), self)
        label.setToolTip(t("How much of the revised budget was actually spent."))
        self.grid.addWidget(label, r, 0)
        cell = QLabel(format_rate(rate, blank="—"), self)
        cell.setObjectName("executionRate")
        cell.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(cell, r, 3)
        # the figures stay next to their labels; the room left over goes to the right of them
        self.grid.setColumnStretch(0, 0)
        self.grid.setColumnStretch(4, 1)
        for c in (1, 2, 3):
            self.grid.setColumnMinimumWidth(c, 110)

    def _rule(self, r: int) -> int:
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.grid.addWidget(rule, r, 0, 1, 4)
        return r + 1

    def _line(self, r: int, label: str, values, bold=False, warn=False, name: str = "") -> QLabel:
        """One row of the grid; with ``name`` its cells are ``{name}_initial`` … ``_settled``."""
        head = QLabel(f"<b>{label}</b>" if bold else label, self)
        self.grid.addWidget(head, r, 0)
        for c, value in enumerate(values):
            text = format_amount(value, blank="—")
            cell = QLabel(f"<b>{text}</b>" if bold else text, self)
            if name:
                cell.setObjectName(f"{name}_{STAGES[c]}")
            cell.setAlignment(Qt.AlignmentFlag.AlignRight)
            if warn and value is not None and value < 0:
                cell.setStyleSheet("color: #B00020; font-weight: bold;")
                cell.setToolTip(t("Over the allocation by %1").replace(
                    "%1", format_amount(-value, unit=True)))
            self.grid.addWidget(cell, r, c + 1)
        return head


class WardPage(Page):
    def __init__(self, doc, ward_plan_id: int, edition_id: int, parent=None):
        super().__init__(parent)
        self.ward_plan_id = ward_plan_id
        plan = doc.store.row("ward_plan", ward_plan_id)
        ward = doc.store.row("ward", plan["ward_id"]) if plan else None
        self.ward_name = ward["name"] if ward else ""
        model = WardProjectsModel(doc, ward_plan_id)
        self.summary = WardSummary(doc, model)
        self.projects = self.add_table(TableEditor(model, self, footer=self.summary))
        self.projects.setObjectName("wardProjects")
        form = self.add_form(RecordForm(doc, "ward_plan", ward_plan_id, fields.WARD_FIELDS,
                                              self.ward_name))
        self.groups = self.add_table(TableEditor(WardGroupsModel(doc, ward_plan_id), self))
        self.initiatives = self.add_table(TableEditor(
            InitiativesModel(doc, edition_id, ward_plan_id=ward_plan_id), self))
        self.initiatives.activated.connect(lambda i: self.open_key.emit(f"initiative:{i}"))
        self.tabs = tabs(self)
        self.tabs.addTab(self.projects, QCoreApplication.translate("Pages", "Projects"))
        self.tabs.addTab(form, QCoreApplication.translate("Pages", "Ward"))
        self.tabs.addTab(self.groups, QCoreApplication.translate("Pages", "Groups"))
        self.tabs.addTab(self.initiatives, QCoreApplication.translate("Pages", "Booklet panel"))
        edition = doc.store.row("edition", plan["edition_id"]) if plan else None
        year = f"{era_label(edition['fiscal_year'])} " if edition else ""
        title = QLabel(f"<h2>{year}{self.ward_name}</h2>", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.tabs)

    def show_sub(self, sub: str) -> None:
        if sub == "projects":
            self.tabs.setCurrentWidget(self.projects)
