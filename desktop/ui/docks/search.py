"""The Search panel: every place in the plan that contains the typed words."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.era import era_label
from db.money import format_amount


def t(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


@dataclass
class Hit:
    key: str  # navigator key of the page to open
    table: str
    row_id: int
    field: str
    label: str
    text: str


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def search_plan(store, query: str, limit: int = 500) -> list[Hit]:
    """Every place in the plan whose title, text or amount contains all the words of ``query``."""
    terms = _norm(query).split()
    if not terms:
        return []
    hits: list[Hit] = []

    def consider(key, table, row_id, label, fields: list[tuple[str, str]]):
        whole = _norm(" ".join(v for _, v in fields))
        if not all(term in whole for term in terms):
            return
        for field, value in fields:  # the field holding the first term
            if terms[0] in _norm(value):
                hits.append(Hit(key, table, row_id, field, label, value.replace("\n", " ")[:120]))
                return
        hits.append(Hit(key, table, row_id, fields[0][0], label, fields[0][1][:120]))

    def amount(value) -> str:
        return "" if value is None else f"{format_amount(value)} {value} {format_amount(value, unit=True)}"

    for edition in store.editions():
        year = era_label(edition.fiscal_year)
        for vision in store.visions(edition.id):
            consider(f"vision:{vision.id}", "vision", vision.id, f"{year} ビジョン{vision.number}",
                     [("title", vision.title), ("direction", "\n".join(vision.direction))])
            for measure in store.measures(vision.id):
                consider(f"measures:{vision.id}", "measure", measure.id,
                         f"{year} 施策 {measure.code}",
                         [("title", measure.title), ("code", measure.code), ("goal", measure.goal)])
        for priority in store.priorities(edition.id, {}):
            consider(f"priority:{priority.id}", "priority", priority.id,
                     f"{year} 重点事項{priority.number}",
                     [("title", priority.title), ("lead", priority.lead)])
        for item in store.initiatives(edition.id):
            consider(f"initiative:{item.id}", "initiative", item.id, f"{year} {item.title}",
                     [("title", item.title), ("description", item.description),
                      ("amount", amount(item.amount)),
                      ("previous_amount", amount(item.previous_amount)),
                      ("category", item.category), ("budget_note", item.budget_note),
                      ("section", item.section), ("highlights", "\n".join(item.highlights)),
                      ("indicators", "\n".join(item.indicators))])
            if len(hits) >= limit:
                return hits
        for plan in store.ward_plans(edition.id):
            consider(f"ward:{plan.id}", "ward_plan", plan.id, f"{year} {plan.ward.name}",
                     [("headline", plan.headline), ("description", plan.description)])
            for project in plan.projects:
                consider(f"projects:{plan.id}", "ward_project", project.id,
                         f"{year} {plan.ward.name} No.{project.number or ''}",
                         [("name", project.name), ("description", project.description),
                          ("initial", amount(project.initial)),
                          ("revised", amount(project.revised)),
                          ("settled", amount(project.settled))])
    return hits[:limit]


class SearchPanel(QWidget):
    go_to = Signal(object)  # Hit

    def __init__(self, store_getter, parent=None):
        super().__init__(parent)
        self.store_getter = store_getter
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(QCoreApplication.translate("Panels", "Search titles, descriptions and amounts; Enter to search"))
        self.edit.returnPressed.connect(self.run)
        self.count = QLabel(self)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels([QCoreApplication.translate("Panels", "Where"), QCoreApplication.translate("Panels", "Text")])
        self.view = QTreeView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setColumnWidth(0, 300)
        self.view.activated.connect(lambda i: self.open(i.row()))
        self.view.doubleClicked.connect(lambda i: self.open(i.row()))
        top = QHBoxLayout()
        top.addWidget(self.edit, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.hits: list[Hit] = []
        self.current = -1

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(t("Search titles, descriptions and amounts; Enter to search"))
        self.model.setHorizontalHeaderLabels([t("Where"), t("Text")])
        if self.count.text():
            self.count.setText(t("%1 hits").replace("%1", str(len(self.hits))))

    def run(self) -> list[Hit]:
        self.hits = search_plan(self.store_getter(), self.edit.text())
        self.model.removeRows(0, self.model.rowCount())
        for hit in self.hits:
            self.model.appendRow([QStandardItem(hit.label), QStandardItem(hit.text)])
        self.count.setText(QCoreApplication.translate("Panels", "%1 hits").replace("%1", str(len(self.hits))))
        self.current = -1
        if self.hits:
            self.next()
        return self.hits

    def next(self) -> None:
        if not self.hits:
            if self.edit.text():
                self.run()
            return
        self.open((self.current + 1) % len(self.hits))

    def open(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.current = row
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.go_to.emit(self.hits[row])
