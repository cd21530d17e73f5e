"""Row operations of a table: add, duplicate, delete (asking first) and move, each one undo
step that keeps the moved or new rows selected."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from ..document import commands
from .row_ops import PlaceAfter, unique_key


def t(text: str) -> str:
    return QCoreApplication.translate("TableEditor", text)


class RowEdits:
    """The row half of ``TableEditor`` (its ``model``, ``view``, ``proxy``, ``doc``)."""

    pending_delete: QMessageBox | None = None

    def insert_row(self) -> None:
        if not self.model.can_insert():
            return
        rows = self.selected_source_rows()
        after = self.model.rows[rows[-1]]["id"] if rows else None
        macro = self.doc.macro(t("Add row"))
        insert = macro.add(commands.InsertRow(self.doc, self.model.table,
                                              self.model.new_row_values()))
        if self.model.ordered:
            macro.add(PlaceAfter(self.model, [insert], after))
        self.doc.push(macro)
        self._reselect = [insert.row_id]
        self._after_reload()
        self.view.setFocus()

    def duplicate_rows(self) -> None:
        rows = self.selected_source_rows()
        if not rows or not self.model.can_insert():
            return
        macro = self.doc.macro(t("Duplicate %1 rows").replace("%1", str(len(rows))))
        inserted = []
        fresh = self.model.new_row_values()
        for r in rows:
            values = self.doc.store.row(self.model.table, self.model.rows[r]["id"])
            values.pop("id", None)
            if "key" in values:
                values["key"] = unique_key(self.doc.store, values["edition_id"], "copy")
                values["key"] = values["key"] + f"-{len(inserted)}"
            if "position" in fresh:
                values["position"] = fresh["position"]
            inserted.append(macro.add(commands.InsertRow(self.doc, self.model.table, values)))
        if self.model.ordered:
            macro.add(PlaceAfter(self.model, inserted, self.model.rows[rows[-1]]["id"]))
        self.doc.push(macro)
        self._reselect = [c.row_id for c in inserted]
        self._after_reload()

    def delete_rows(self, confirm: bool = True) -> bool:
        """Delete the selected rows (one undo step). More than one row, or a row with any
        text, is deleted only after a Yes (``pending_delete`` is the question meanwhile)."""
        ids = self.selected_ids()
        if not ids:
            return False
        if confirm and (len(ids) > 1 or self._rows_hold_text(self.selected_source_rows())):
            names = [str(self.model.rows[r].get("title") or self.model.rows[r].get("name") or "")
                     for r in self.selected_source_rows()]
            shown = "\n".join(f"・{n}" for n in names[:8] if n)
            if len(names) > 8:
                shown += "\n" + t("… and %1 more").replace("%1", str(len(names) - 8))
            box = QMessageBox(QMessageBox.Icon.Question, t("Delete rows"),
                              t("Delete %1 rows with everything in them?").replace(
                                  "%1", str(len(ids))) + ("\n\n" + shown if shown else ""),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                              self)
            box.setObjectName("confirmDelete")
            box.setDefaultButton(QMessageBox.StandardButton.No)
            yes = QMessageBox.StandardButton.Yes
            box.buttonClicked.connect(lambda button: box.standardButton(button) == yes
                                      and self.delete_rows(confirm=False))
            box.finished.connect(lambda _: setattr(self, "pending_delete", None))
            self.pending_delete = box
            box.open()
            return False
        after = self.selected_source_rows()[0]
        self.doc.delete_rows(self.model.table, ids,
                             t("Delete %1 rows").replace("%1", str(len(ids))))
        if self.model.rows:
            self.select_ids([self.model.rows[min(after, len(self.model.rows) - 1)]["id"]])
        return True

    def _rows_hold_text(self, rows: list[int]) -> bool:
        for r in rows:
            for column in self.model.columns:
                if column.kind in ("text", "amount", "int") and column.editable \
                        and self.model.value(r, column) not in (None, ""):
                    return True
        return False

    def move_rows(self, delta: int) -> None:
        if not self.model.ordered:
            return
        rows = self.selected_source_rows()
        if not rows:
            return
        if self.proxy.sortColumn() >= 0:  # moving means the printed order: show it
            self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
        ids = [r["id"] for r in self.model.rows]
        chosen = set(rows)
        order = list(range(len(ids)))
        if delta < 0:
            if rows[0] == 0:
                return
            for r in rows:
                order[r - 1], order[r] = order[r], order[r - 1]
        else:
            if rows[-1] == len(ids) - 1:
                return
            for r in reversed(rows):
                order[r + 1], order[r] = order[r], order[r + 1]
        new_local = [ids[i] for i in order]
        scope = self.model.scope_ids()
        local = set(ids)
        it = iter(new_local)
        new_scope = [next(it) if i in local else i for i in scope]
        moved = [ids[r] for r in chosen]
        self._reselect = moved
        self.doc.reorder(self.model.table, new_scope,
                         t("Move rows up") if delta < 0 else t("Move rows down"),
                         self.model.scope_positions())
        self._after_reload()
