"""The central editor's pages: what opens for each kind of navigator node."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.budget import execution_rate, format_rate, remaining
from db.era import era_label
from db.money import format_amount
from db.records import Totals

from . import forms
from .models import (
    InitiativesModel,
    MeasuresModel,
    PrioritiesModel,
    PriorityActionsModel,
    VisionsModel,
    WardGroupsModel,
    WardProjectsModel,
)
from .table_editor import TableEditor

STAGES = ("initial", "revised", "settled")


def t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


class Page(QWidget):
    """A page shows one node; it knows its tables and forms for go-to and row actions."""

    message = Signal(str)
    open_key = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tables: list[TableEditor] = []
        self.forms: list[forms.RecordForm] = []

    def add_table(self, editor: TableEditor) -> TableEditor:
        self.tables.append(editor)
        editor.message.connect(self.message)
        return editor

    def add_form(self, form: forms.RecordForm) -> forms.RecordForm:
        self.forms.append(form)
        form.message.connect(self.message)
        return form

    def current_table(self) -> TableEditor | None:
        focus = self.focusWidget()
        for table in self.tables:
            if focus is not None and (table is focus or table.isAncestorOf(focus)):
                return table
        visible = [t for t in self.tables if t.isVisible()]
        return visible[0] if visible else (self.tables[0] if self.tables else None)

    def show_sub(self, sub: str) -> None:
        """Show part of the page (a tab) for a node key's kind."""

    def go_to(self, table: str, row_id: int | None, field: str | None) -> bool:
        for editor in self.tables:
            model = editor.model
            if model.table == table and model.row_of(row_id) >= 0:
                self._reveal(editor)
                editor.select_ids([row_id], field)
                column = model.column_of(field) if field else -1
                if column >= 0:
                    index = editor.proxy.mapFromSource(model.index(model.row_of(row_id), column))
                    editor.view.setCurrentIndex(index)
                editor.view.setFocus()
                return True
        for form in self.forms:
            if form.table == table and form.row_id == row_id:
                self._reveal(form)
                return form.focus_field(field or "") or True
        return False

    def _reveal(self, widget: QWidget) -> None:
        parent = widget.parentWidget()
        child = widget
        while parent is not None and parent is not self:
            if isinstance(parent, QTabWidget):
                parent.setCurrentWidget(child)
            child, parent = parent, parent.parentWidget()


def _tabs(parent: QWidget) -> QTabWidget:
    tabs = QTabWidget(parent)
    tabs.setDocumentMode(True)
    return tabs


class VisionPage(Page):
    def __init__(self, doc, vision_id: int, edition_id: int, parent=None):
        super().__init__(parent)
        self.vision_id = vision_id
        row = doc.store.row("vision", vision_id)
        title = QCoreApplication.translate("Pages", "Vision %1").replace("%1", str(row["number"])) if row else ""
        form = self.add_form(forms.RecordForm(doc, "vision", vision_id, forms.VISION_FIELDS, title))
        self.tabs = _tabs(self)
        self.measures = self.add_table(TableEditor(MeasuresModel(doc, vision_id), self))
        self.initiatives = self.add_table(TableEditor(
            InitiativesModel(doc, edition_id, vision_id=vision_id), self))
        self.initiatives.activated.connect(lambda i: self.open_key.emit(f"initiative:{i}"))
        self.tabs.addTab(self.measures, "")
        self.tabs.addTab(self.initiatives, "")
        for editor in (self.measures, self.initiatives):
            editor.model.modelReset.connect(self._count_tabs)
        self._count_tabs()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(form)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _count_tabs(self) -> None:
        """Tab titles say how many rows each holds: 施策 (0) tells an empty vision at a glance."""
        self.tabs.setTabText(0, t("Measures (%1)").replace("%1", str(len(self.measures.model.rows))))
        self.tabs.setTabText(1, t("Initiatives (%1)").replace(
            "%1", str(len(self.initiatives.model.rows))))

    def show_sub(self, sub: str) -> None:
        if sub == "measures":
            self.tabs.setCurrentWidget(self.measures)
        elif sub == "initiatives":
            self.tabs.setCurrentWidget(self.initiatives)


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
            if widget is not None:  # gone at once: findChild must not see the old cells
                widget.setParent(None)
                widget.deleteLater()
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
        self.grid.setColumnStretch(0, 1)
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
        form = self.add_form(forms.RecordForm(doc, "ward_plan", ward_plan_id, forms.WARD_FIELDS,
                                              self.ward_name))
        self.groups = self.add_table(TableEditor(WardGroupsModel(doc, ward_plan_id), self))
        self.initiatives = self.add_table(TableEditor(
            InitiativesModel(doc, edition_id, ward_plan_id=ward_plan_id), self))
        self.initiatives.activated.connect(lambda i: self.open_key.emit(f"initiative:{i}"))
        self.tabs = _tabs(self)
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


class PriorityPage(Page):
    def __init__(self, doc, priority_id: int, edition_id: int, parent=None):
        super().__init__(parent)
        row = doc.store.row("priority", priority_id)
        form = self.add_form(forms.RecordForm(
            doc, "priority", priority_id, forms.PRIORITY_FIELDS,
            QCoreApplication.translate("Pages", "Priority item %1").replace("%1", str(row["number"])) if row else ""))
        self.actions = self.add_table(TableEditor(
            PriorityActionsModel(doc, priority_id, edition_id), self))
        self.actions.activated.connect(self._open)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(form)
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(f"<b>{t('Main actions')}</b>", box))
        lay.addWidget(self.actions)
        splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

    def _open(self, action_id: int) -> None:
        row = self.actions.model.rows[self.actions.model.row_of(action_id)]
        self.open_key.emit(f"initiative:{row['initiative_id']}")


class TablePage(Page):
    def __init__(self, model, title: str, parent=None):
        super().__init__(parent)
        editor = self.add_table(TableEditor(model, self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel(f"<h2>{title}</h2>", self))
        layout.addWidget(editor)


class FormPage(Page):
    def __init__(self, form: forms.RecordForm, parent=None):
        super().__init__(parent)
        self.add_form(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(form)


def make_page(doc, key: str, edition_id: int | None) -> Page | None:
    kind, _, raw = key.partition(":")
    row_id = int(raw) if raw.isdigit() else None
    if row_id is None:
        return None
    if kind in ("vision", "measures", "initiatives"):
        vision = doc.store.row("vision", row_id)
        return VisionPage(doc, row_id, vision["edition_id"]) if vision else None
    if kind in ("ward", "projects"):
        plan = doc.store.row("ward_plan", row_id)
        return WardPage(doc, row_id, plan["edition_id"]) if plan else None
    if kind == "priority":
        row = doc.store.row("priority", row_id)
        return PriorityPage(doc, row_id, row["edition_id"]) if row else None
    if kind == "initiative":
        return FormPage(forms.initiative_form(doc, row_id)) if doc.store.row(
            "initiative", row_id) else None
    if kind == "front" or kind == "edition":
        return FormPage(forms.RecordForm(doc, "edition", row_id, forms.FRONT_FIELDS,
                                         QCoreApplication.translate("Pages", "Front matter")))
    if kind == "contact":
        return FormPage(forms.RecordForm(doc, "edition", row_id, forms.CONTACT_FIELDS,
                                         QCoreApplication.translate("Pages", "Contact (back cover)")))
    if kind == "priorities":
        return TablePage(PrioritiesModel(doc, row_id), QCoreApplication.translate("Pages", "Priority items"))
    if kind == "visions":
        return TablePage(VisionsModel(doc, row_id), QCoreApplication.translate("Pages", "Visions"))
    if kind == "wards":
        fields = [f for f in forms.FRONT_FIELDS if f.name.startswith("ward_")]
        return FormPage(forms.RecordForm(doc, "edition", row_id, fields, QCoreApplication.translate("Pages", "Wards")))
    return None


def page_key(key: str) -> str:
    """Keys that share one page (a vision's measures and initiatives open the vision page)."""
    kind, _, raw = key.partition(":")
    kind = {"measures": "vision", "initiatives": "vision", "projects": "ward",
            "edition": "front"}.get(kind, kind)
    return f"{kind}:{raw}"
