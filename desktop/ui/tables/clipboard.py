"""Copy, paste and clear between a table and Excel (tab-separated text).

A paste that would overwrite cells holding something first shows what it changes (OK/Cancel);
a paste that only fills empty cells or appends rows is applied at once. Delete clears the
selected cells (one undo step), as in Excel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ..document import commands
from .cells import tr
from .tsv import parse_tsv, to_tsv

if TYPE_CHECKING:  # pasting loads when first used
    from .paste import PastePlan
    from .paste_dialog import PastePreviewDialog


def t(text: str) -> str:
    return QCoreApplication.translate("TableEditor", text)


class Clipboard:
    """The clipboard half of ``TableEditor`` (its ``view``, ``proxy``, ``model``)."""

    pending_paste: PastePreviewDialog | None = None

    def copy(self) -> str:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        cols = sorted({i.column() for i in indexes})
        block = []
        for r in rows:
            block.append([str(self.proxy.index(r, c).data(Qt.ItemDataRole.EditRole) or "")
                          if self.model.columns[c].kind not in ("status", "choice", "bool")
                          else str(self.proxy.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
                          for c in range(cols[0], cols[-1] + 1)])
        text = to_tsv(block)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(t("Copied %1 × %2 cells").replace("%1", str(len(rows)))
                          .replace("%2", str(cols[-1] - cols[0] + 1)))
        return text

    def plan_paste(self, text: str) -> PastePlan | None:
        """What pasting ``text`` at the current cell would do (None: nothing to paste)."""
        from .paste import plan_paste

        block = parse_tsv(text)
        if not block:
            return None
        current = self.view.currentIndex()
        shown = [self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                 for r in range(self.proxy.rowCount())]
        return plan_paste(self.model, current.row() if current.isValid() else None,
                          current.column() if current.isValid() else 0, block, shown)

    def paste(self, text: str | None = None) -> bool:
        """Paste now when nothing is overwritten; else show the preview (``pending_paste``)
        and paste when it is accepted. True when pasted now."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        plan = self.plan_paste(text)
        if plan is None:
            return False
        if plan.problems:
            self.message.emit(t("Paste refused: %1").replace("%1", "; ".join(plan.problems[:3])))
            box = QMessageBox(QMessageBox.Icon.Warning, t("Paste refused"),
                              t("Nothing was pasted. Fix these cells and paste again:"),
                              QMessageBox.StandardButton.Ok, self)
            box.setDetailedText("\n".join(plan.problems))
            box.setObjectName("pasteRefused")
            box.open()
            return False
        if plan.is_empty:
            self.message.emit(t("The pasted cells hold what the table already has."))
            return False
        if plan.overwrites:
            from .paste_dialog import PastePreviewDialog

            dialog = PastePreviewDialog(self.model, plan, self)
            dialog.accepted.connect(lambda: self._apply_paste(plan))
            dialog.finished.connect(lambda _: setattr(self, "pending_paste", None))
            self.pending_paste = dialog
            dialog.open()
            return False
        self._apply_paste(plan)
        return True

    def _apply_paste(self, plan: PastePlan) -> None:
        from .paste import apply_paste

        first = plan.changes[0].row if plan.changes else None
        first_id = self.model.rows[first]["id"] if first is not None else None
        apply_paste(self.model, plan)
        self.message.emit(t("Pasted %1 rows").replace("%1", str(plan.rows)))
        if first_id is not None:
            self.select_ids([first_id])

    def clear_cells(self) -> int:
        """Empty the selected editable cells, as Delete does in Excel; one undo step."""
        updates: dict[tuple[str, int], dict] = {}
        for index in self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]:
            if not index.isValid():
                continue
            source = self.proxy.mapToSource(index)
            column = self.model.columns[source.column()]
            if not column.editable or column.kind in ("readonly", "bool"):
                continue
            empty = self.model.convert(column, "")
            if self.model.value(source.row(), column) in (empty, None, ""):
                continue
            table, row_id = self.model.target(source.row(), column)
            updates.setdefault((table, row_id), {})[column.field] = empty
        if not updates:
            return 0
        cells = sum(len(v) for v in updates.values())
        macro = self.doc.macro(t("Clear %1 cells").replace("%1", str(cells)) if cells > 1
                               else t("Clear %1").replace("%1", tr(next(
                                   c for c in self.model.columns
                                   if c.field in next(iter(updates.values()))).header)))
        for (table, row_id), values in updates.items():
            macro.add(commands.SetFields(self.doc, table, row_id, values))
        self.doc.push(macro)
        self.message.emit(t("Cleared %1 cells (Ctrl+Z brings them back)").replace("%1", str(cells)))
        return cells

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        else:
            super().keyPressEvent(event)
