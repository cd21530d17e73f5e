"""Before a paste overwrites anything: the list of cells it changes and rows it adds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from .cells import tr
from .paste import PastePlan

SHOWN = 500  # rows of the list; a bigger paste says how many more


def t(text: str) -> str:
    return QCoreApplication.translate("Paste", text)


class PastePreviewDialog(QDialog):
    def __init__(self, model, plan: PastePlan, parent=None):
        super().__init__(parent)
        self.setObjectName("pastePreview")
        self.setWindowTitle(t("Paste: check the changes"))
        self.plan = plan
        overwrites = plan.overwrites
        summary = t("This paste overwrites %1 cells that hold something").replace(
            "%1", str(len(overwrites)))
        if len(plan.changes) > len(overwrites):
            summary += t(", fills %1 empty cells").replace(
                "%1", str(len(plan.changes) - len(overwrites)))
        if plan.new_rows:
            summary += t(" and adds %1 rows").replace("%1", str(len(plan.new_rows)))
        summary += t(". OK pastes; Cancel leaves the table as it is. (One Ctrl+Z undoes the "
                     "whole paste.)")
        mapped = [tr(c.header) for c in plan.mapping if c is not None]
        columns = (t("Columns (by the header row): %1") if plan.header
                   else t("Columns: %1")).replace("%1", " ⇥ ".join(mapped))
        label = QLabel(summary + "\n" + columns, self)
        label.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("pasteChanges")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([t("Row"), t("Record"), t("Column"), t("Now"), t("After")])
        for change in plan.changes[:SHOWN]:
            record = model.rows[change.row]
            title = str(record.get("title") or record.get("name") or "")
            QTreeWidgetItem(self.list, [str(change.row + 1), title, tr(change.column.header),
                                        change.old, change.new])
        for n, text in enumerate(plan.new_texts[:max(0, SHOWN - len(plan.changes))]):
            QTreeWidgetItem(self.list, [t("new %1").replace("%1", str(n + 1)), text, "", "",
                                        t("(added)")])
        more = len(plan.changes) + len(plan.new_texts) - SHOWN
        if more > 0:
            QTreeWidgetItem(self.list, ["…", t("%1 more").replace("%1", str(more))])
        for column, width in enumerate((50, 220, 110, 160, 160)):
            self.list.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def rows(self) -> list[list[str]]:
        """What the list shows (for tests)."""
        return [[self.list.topLevelItem(r).text(c) for c in range(5)]
                for r in range(self.list.topLevelItemCount())]
