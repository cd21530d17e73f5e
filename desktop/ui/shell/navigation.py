"""Going from the navigator (or a problem, a search hit) to a page and a record's field."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    Qt,
)
from PySide6.QtWidgets import (
    QApplication,
)

from ..pages.make_page import make_page, page_key
from ..pages.page import Page
from ..tables.table_editor import TableEditor


def t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


PAGE_CACHE = 12


class Navigation:
    """The main window's navigation (a part of ``MainWindow``)."""

    # -- navigation -------------------------------------------------------------------------
    def select_key(self, key: str) -> bool:
        if self.nav_model is None:
            return False
        index = self.nav_model.index_of(key)
        if not index.isValid():
            return False
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.tree.scrollTo(index)
        if self.current_key != key:
            self._show_key(key)
        return True

    def _node_changed(self, current, _previous) -> None:
        if current.isValid():
            self._show_key(current.data(Qt.ItemDataRole.UserRole))

    def _show_key(self, key: str) -> None:
        self.current_key = key
        pkey = page_key(key)
        page = self.pages.get(pkey)
        if page is None:
            page = make_page(self.doc, key, None, self.stack)
            if page is None:
                self.stack.setCurrentWidget(self.placeholder)
                self._update_title()
                return
            page.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            page.open_key.connect(self.select_key)
            self.pages[pkey] = page
            self.stack.addWidget(page)
        if pkey in self.page_order:
            self.page_order.remove(pkey)
        self.page_order.append(pkey)
        while len(self.page_order) > PAGE_CACHE:
            old = self.page_order.pop(0)
            victim = self.pages.pop(old)
            self.stack.removeWidget(victim)
            victim.deleteLater()
        page.show_sub(key.partition(":")[0])
        self.stack.setCurrentWidget(page)
        self._update_title()
        self.request_preview()
        if self.doc and self.doc.path:
            self.settings.set_last_selection(str(self.doc.path), key)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def current_table(self) -> TableEditor | None:
        focus = QApplication.focusWidget()
        widget = focus
        while widget is not None:
            if isinstance(widget, TableEditor):
                return widget
            widget = widget.parentWidget()
        page = self.current_page()
        return page.current_table() if page else None

    def _table_call(self, method: str, *args) -> None:
        editor = self.current_table()
        if editor is not None:
            getattr(editor, method)(*args)

    def drop_pages(self) -> None:
        """Forget the built pages (they are rebuilt from the plan when next shown)."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.page_order.clear()

    def current_fiscal_year(self) -> int | None:
        if self.nav_model is None:
            return None
        node = self.nav_model.by_key.get(self.current_key or "")
        if node is not None:
            return node.fiscal_year
        years = self.doc.store.fiscal_years() if self.doc else []
        return years[-1] if years else None

    def _key_for(self, table: str, row_id: int, field: str) -> str | None:
        store = self.doc.store
        row = store.row(table, row_id)
        if row is None:
            return None
        if table == "initiative":
            if field in ("title", "category", "status", "amount", "previous_amount",
                         "budget_note", "measure_code", "section"):
                if row["vision_id"] is not None:
                    return f"initiatives:{row['vision_id']}"
                if row["ward_plan_id"] is not None:
                    return f"ward:{row['ward_plan_id']}"
            return f"initiative:{row_id}"
        if table == "measure":
            return f"measures:{row['vision_id']}"
        if table == "vision":
            return f"vision:{row_id}"
        if table == "priority":
            return f"priority:{row_id}"
        if table == "priority_action":
            return f"priority:{row['priority_id']}"
        if table == "ward_project":
            return f"projects:{row['ward_plan_id']}"
        if table in ("ward_group",):
            return f"ward:{row['ward_plan_id']}"
        if table == "ward_plan":
            return f"ward:{row_id}"
        if table == "edition":
            return f"contact:{row_id}" if field.startswith("contact") else f"front:{row_id}"
        return None

    def go_to(self, table: str, row_id: int, field: str = "", key: str | None = None) -> bool:
        """Open the page that shows (table, row, field) and put the cursor on it."""
        if self.doc is None:
            return False
        key = key or self._key_for(table, row_id, field)
        if key is None:
            return False
        if not self.select_key(key):
            self._show_key(key)
        page = self.current_page()
        if page is None:
            return False
        if page.go_to(table, row_id, field):
            return True
        if table == "initiative" and key != f"initiative:{row_id}":
            return self.go_to(table, row_id, field, f"initiative:{row_id}")
        return False

    def _rebuild_navigator(self) -> None:
        """Rebuild the tree after a structural change, keeping what was expanded and the
        selection; when the selected record is gone (deleted), select its nearest parent
        that is still there."""
        expanded = [key for key, node in self.nav_model.by_key.items()
                    if node.children and self.tree.isExpanded(self.nav_model.index_of(key))]
        current = self.current_key
        parents = []
        node = self.nav_model.by_key.get(current or "")
        while node is not None and node.parent is not None and node.parent.key:
            node = node.parent
            parents.append(node.key)
        self.tree.selectionModel().blockSignals(True)
        self.nav_model.rebuild()
        for key in expanded:
            index = self.nav_model.index_of(key)
            if index.isValid():
                self.tree.expand(index)
        self.tree.selectionModel().blockSignals(False)
        if current and current in self.nav_model.by_key:
            index = self.nav_model.index_of(current)
            self.tree.selectionModel().blockSignals(True)
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.selectionModel().blockSignals(False)
        elif current:
            parent = next((key for key in parents if key in self.nav_model.by_key), None)
            if parent is None and self.nav_model.root.children:
                parent = self.nav_model.root.children[0].key
            if parent is not None:
                self.select_key(parent)
