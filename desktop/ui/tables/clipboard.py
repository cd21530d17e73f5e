"""Copy and paste between a table and Excel (tab-separated text)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMessageBox

from .tsv import parse_tsv, to_tsv


def t(text: str) -> str:
    return QCoreApplication.translate("TableEditor", text)


class Clipboard:
    """The clipboard half of ``TableEditor`` (its ``view``, ``proxy``, ``model``)."""

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

    def paste(self, text: str | None = None) -> bool:
        if text is None:
            text = QGuiApplication.clipboard().text()
        block = parse_tsv(text)
        if not block:
            return False
        current = self.view.currentIndex()
        top = current.row() if current.isValid() else self.proxy.rowCount()
        left = current.column() if current.isValid() else 0
        targets: list[int | None] = []
        for r in range(len(block)):
            if top + r < self.proxy.rowCount():
                targets.append(self.proxy.mapToSource(self.proxy.index(top + r, 0)).row())
            else:
                targets.append(None)
        first_id = self.model.rows[targets[0]]["id"] if targets and targets[0] is not None else None
        problems = self.model.paste_cells(targets, left, block)
        if problems:
            self.message.emit(t("Paste refused: %1").replace("%1", "; ".join(problems[:3])))
            box = QMessageBox(QMessageBox.Icon.Warning, t("Paste refused"),
                              t("Nothing was pasted. Fix these cells and paste again:"),
                              QMessageBox.StandardButton.Ok, self)
            box.setDetailedText("\n".join(problems))
            box.setObjectName("pasteRefused")
            box.open()
            return False
        self.message.emit(t("Pasted %1 rows").replace("%1", str(len(block))))
        if first_id is not None:
            self.select_ids([first_id])
        return True

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        else:
            super().keyPressEvent(event)
