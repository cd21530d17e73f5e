"""The 変更履歴 panel: who changed which record, when, from where; filters; double-click goes
to the record."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db import change_log
from db.era import era_label
from db.money import format_amount

from ..tables.cells import field_header

SHOWN = 2000  # newest entries shown; the CLI (planbook log) lists all

RECORD_TYPES = {
    "initiative": QT_TRANSLATE_NOOP("ChangeLog", "Initiative"),
    "measure": QT_TRANSLATE_NOOP("ChangeLog", "Measure"),
    "vision": QT_TRANSLATE_NOOP("ChangeLog", "Vision"),
    "priority": QT_TRANSLATE_NOOP("ChangeLog", "Priority item"),
    "priority_action": QT_TRANSLATE_NOOP("ChangeLog", "Priority action"),
    "ward_plan": QT_TRANSLATE_NOOP("ChangeLog", "Ward plan"),
    "ward_group": QT_TRANSLATE_NOOP("ChangeLog", "Ward project group"),
    "ward_project": QT_TRANSLATE_NOOP("ChangeLog", "Ward project"),
    "edition": QT_TRANSLATE_NOOP("ChangeLog", "Fiscal year edition"),
    "ward": QT_TRANSLATE_NOOP("ChangeLog", "Ward"),
    "plan": QT_TRANSLATE_NOOP("ChangeLog", "Plan"),
}
SOURCES = {
    "editor": QT_TRANSLATE_NOOP("ChangeLog", "Editor"),
    "undo": QT_TRANSLATE_NOOP("ChangeLog", "Undo"),
    "redo": QT_TRANSLATE_NOOP("ChangeLog", "Redo"),
    "import": QT_TRANSLATE_NOOP("ChangeLog", "JSON import"),
    "excel": QT_TRANSLATE_NOOP("ChangeLog", "Excel import"),
    "new-year": QT_TRANSLATE_NOOP("ChangeLog", "New fiscal year"),
}
FIELDS = {
    change_log.ADDED: QT_TRANSLATE_NOOP("ChangeLog", "(added)"),
    change_log.DELETED: QT_TRANSLATE_NOOP("ChangeLog", "(deleted)"),
}
HEADERS = [QT_TRANSLATE_NOOP("ChangeLog", "When"), QT_TRANSLATE_NOOP("ChangeLog", "Who"),
           QT_TRANSLATE_NOOP("ChangeLog", "From"), QT_TRANSLATE_NOOP("ChangeLog", "Year"),
           QT_TRANSLATE_NOOP("ChangeLog", "Kind"), QT_TRANSLATE_NOOP("ChangeLog", "Record"),
           QT_TRANSLATE_NOOP("ChangeLog", "Field"), QT_TRANSLATE_NOOP("ChangeLog", "Before"),
           QT_TRANSLATE_NOOP("ChangeLog", "After")]
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def t(text: str) -> str:
    return QCoreApplication.translate("ChangeLog", text)


def field_label(field: str) -> str:
    """A column's name as the tables show it (名称, 予算額(千円)…), else the column itself."""
    if field in FIELDS:
        return t(FIELDS[field])
    return field_header(field)


class ChangeLogPanel(QWidget):
    go_to = Signal(str, int, str)  # record type (table), id, field

    def __init__(self, store_getter, parent=None):
        super().__init__(parent)
        self.store_getter = store_getter
        self.entries: list[change_log.Entry] = []
        self.person = QComboBox(self)
        self.person.setObjectName("logPerson")
        self.year = QComboBox(self)
        self.year.setObjectName("logYear")
        self.kind = QComboBox(self)
        self.kind.setObjectName("logKind")
        self.since_on = QCheckBox(self)
        self.since = QDateEdit(QDate.currentDate(), self)
        self.since.setObjectName("logSince")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.record = QLineEdit(self)
        self.record.setObjectName("logRecord")
        self.record.setClearButtonEnabled(True)
        self.labels = [QLabel(self) for _ in range(2)]
        filters = QHBoxLayout()
        for widget in (self.labels[0], self.person, self.year, self.kind, self.since_on,
                       self.since, self.labels[1], self.record):
            filters.addWidget(widget)
        filters.setStretchFactor(self.record, 1)
        self.model = QStandardItemModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("changeLogView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.reload)
        for combo in (self.person, self.year, self.kind):
            combo.currentIndexChanged.connect(self.show_entries)
        self.since_on.toggled.connect(self.show_entries)
        self.since.dateChanged.connect(self.show_entries)
        self.record.textChanged.connect(self.show_entries)
        self.retranslate()

    def retranslate(self) -> None:
        self.labels[0].setText(t("Show:"))
        self.labels[1].setText(t("Record:"))
        self.since_on.setText(t("since"))
        self.record.setPlaceholderText(t("title or name contains…"))
        self.model.setHorizontalHeaderLabels([t(h) for h in HEADERS])
        self._fill_filters()
        self.show_entries()

    def schedule(self) -> None:
        """Read the log again soon (after a change; several changes read it once)."""
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        store = self.store_getter()
        self.entries = change_log.entries(store, limit=SHOWN) if store is not None else []
        self._fill_filters()
        self.show_entries()

    def _fill_filters(self) -> None:
        def fill(combo: QComboBox, everyone: str, values: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for text, value in values:
                combo.addItem(text, value)
            at = combo.findData(current)
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

        fill(self.person, t("everyone"), [(u or t("(unknown)"), u) for u in
                                          sorted({e.user for e in self.entries})])
        fill(self.year, t("every year"), [(era_label(y), y) for y in
                                          sorted({e.fiscal_year for e in self.entries
                                                  if e.fiscal_year is not None})])
        fill(self.kind, t("every kind"), [(t(RECORD_TYPES.get(k, k)), k) for k in
                                          sorted({e.record_type for e in self.entries})])

    def shown_entries(self) -> list[change_log.Entry]:
        person, year, kind = (self.person.currentData(), self.year.currentData(),
                              self.kind.currentData())
        since = self.since.date().toString("yyyy-MM-dd") if self.since_on.isChecked() else ""
        words = self.record.text().casefold().split()
        out = []
        for e in reversed(self.entries):  # newest first
            if (person is not None and e.user != person) or \
                    (year is not None and e.fiscal_year != year) or \
                    (kind is not None and e.record_type != kind) or (since and e.at < since):
                continue
            if words and not all(w in e.record_label.casefold() for w in words):
                continue
            out.append(e)
        return out

    def show_entries(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        shown = self.shown_entries()
        for e in shown:
            cells = [e.at.replace("T", " ")[:19], e.user, t(SOURCES.get(e.source, e.source)),
                     era_label(e.fiscal_year) if e.fiscal_year is not None else "",
                     t(RECORD_TYPES.get(e.record_type, e.record_type)), e.record_label,
                     field_label(e.field), _value(e.field, e.old_value),
                     _value(e.field, e.new_value)]
            items = [QStandardItem(c) for c in cells]
            items[0].setData(e, ENTRY_ROLE)
            for item, full in zip(items[7:], (e.old_value, e.new_value), strict=True):
                if full and len(full) > 40:
                    item.setToolTip(full[:1000])
            self.model.appendRow(items)
        widths = (170, 80, 90, 80, 80, 220, 100, 130)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.count.setText(t("%1 of the newest %2 changes shown").replace("%1", str(len(shown)))
                           .replace("%2", str(len(self.entries))))

    def _open(self, index) -> None:
        entry = self.model.index(index.row(), 0).data(ENTRY_ROLE)
        if entry is not None and entry.record_id is not None and \
                entry.field != change_log.DELETED:
            self.go_to.emit(entry.record_type, entry.record_id,
                            "" if entry.field.startswith("(") else entry.field)


AMOUNT_FIELDS = {"amount", "previous_amount", "initial", "revised", "settled", "allocation",
                 "printed_initial", "printed_revised", "printed_settled"}


def _value(field: str, value: str | None) -> str:
    """A logged value as the tables show it (amounts as 1,234)."""
    if field in AMOUNT_FIELDS and value and value.lstrip("-").isdigit():
        return format_amount(int(value))
    return _short(value)


def _short(value: str | None) -> str:
    if value is None:
        return ""
    text = value.replace("\n", " ")
    return text if len(text) <= 60 else text[:59] + "…"
