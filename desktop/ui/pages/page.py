"""What every page of the central editor has: its tables and forms, going to a
record's field; the plain table and form pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..forms.record_form import RecordForm
from ..tables.table_editor import TableEditor


def t(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


class Page(QWidget):
    """A page shows one node; it knows its tables and forms for go-to and row actions."""

    message = Signal(str)
    open_key = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tables: list[TableEditor] = []
        self.forms: list[RecordForm] = []

    def add_table(self, editor: TableEditor) -> TableEditor:
        self.tables.append(editor)
        editor.message.connect(self.message)
        return editor

    def add_form(self, form: RecordForm) -> RecordForm:
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
        """Make current every tab on the way from ``widget`` up to the page. (A tab's page is
        not the tab widget's child but its page stack's, so each tab widget is asked which
        widget on the way is one of its pages.)"""
        below: list[QWidget] = []
        current = widget
        while current is not None and current is not self:
            if isinstance(current, QTabWidget):
                index = next((i for i in map(current.indexOf, below) if i >= 0), -1)
                if index >= 0:
                    current.setCurrentIndex(index)
            below.append(current)
            current = current.parentWidget()


def tabs(parent: QWidget) -> QTabWidget:
    tabs = QTabWidget(parent)
    tabs.setDocumentMode(True)
    return tabs


def tab_pages(tabs: QTabWidget) -> QWidget:
    """Where ``tabs`` keeps its pages (its stack): a page made there is added without being
    moved, which would restyle every widget in it and measure its tables' headers again."""
    return tabs.findChild(QStackedWidget) or tabs  # (its own children come first)


class TablePage(Page):
    def __init__(self, model, title: str, parent=None):
        super().__init__(parent)
        editor = self.add_table(TableEditor(model, self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel(f"<h2>{title}</h2>", self))
        layout.addWidget(editor)


class FormPage(Page):
    def __init__(self, form: RecordForm, parent=None):
        super().__init__(parent)
        self.add_form(form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(form)
