"""The 前年度比較 as a Qt table model: sections (priority items, visions, wards) with their
totals, each followed by its rows. A thin adapter over ``db.compare.Comparison``: nothing is
computed here but the text, colour and alignment of each cell."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from db.compare import CompareRow, CompareSection, Comparison
from desktop.publish.compare.cells import amount_text, difference_text, percent_text


def t(text: str) -> str:
    return QCoreApplication.translate("Cycle", text)


MARKS = {
    "added": QT_TRANSLATE_NOOP("Cycle", "New"),
    "discontinued": QT_TRANSLATE_NOOP("Cycle", "Discontinued"),
    "renamed": QT_TRANSLATE_NOOP("Cycle", "Renamed"),
    "moved": QT_TRANSLATE_NOOP("Cycle", "Moved"),
    "listed": QT_TRANSLATE_NOOP("Cycle", "Newly listed"),
    "unlisted": QT_TRANSLATE_NOOP("Cycle", "No longer listed"),
}
HEADERS = [QT_TRANSLATE_NOOP("Cycle", "Initiative / project"), QT_TRANSLATE_NOOP("Cycle", "Change"),
           QT_TRANSLATE_NOOP("Cycle", "Previous name"), QT_TRANSLATE_NOOP("Cycle", "Previous (¥1,000)"),
           QT_TRANSLATE_NOOP("Cycle", "This year (¥1,000)"), QT_TRANSLATE_NOOP("Cycle", "Difference"),
           QT_TRANSLATE_NOOP("Cycle", "%")]
FILLS = {"added": QColor("#E3F4E1"), "discontinued": QColor("#ECECEC"),
         "unlisted": QColor("#ECECEC"), "renamed": QColor("#FFF4CC"), "moved": QColor("#E3EEF9")}
DECREASE = QColor("#C62828")
ROOT = QModelIndex()
SECTION_FILL = QColor("#E8EEF5")


class CompareModel(QAbstractTableModel):
    """One line per section (its title and totals, bold) followed by its rows: a flat table,
    so a view of 10,000 rows lays out only what it shows."""

    def __init__(self, comparison: Comparison, parent=None, *, changes_only: bool = False):
        super().__init__(parent)
        self.comparison = comparison
        self.sections: list[CompareSection] = list(comparison.sections)
        self.lines: list[CompareSection | CompareRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.set_changes_only(changes_only)

    def set_changes_only(self, changes_only: bool) -> None:
        """Show every row, or only those that changed (sections keep their full totals)."""
        self.beginResetModel()
        self.changes_only = changes_only
        self.lines = []
        for section in self.sections:
            self.lines.append(section)
            self.lines.extend(r for r in section.rows if r.changed or not changes_only)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return t(HEADERS[section])
        return None

    def row_at(self, index: QModelIndex) -> CompareRow | None:
        line = self.lines[index.row()] if index.isValid() else None
        return line if isinstance(line, CompareRow) else None

    def section_rows(self, title_start: str) -> list[CompareRow]:
        """The rows shown under the first section whose title starts so (for tests, go-to)."""
        out, inside = [], False
        for line in self.lines:
            if isinstance(line, CompareSection):
                if inside:
                    break
                inside = line.title.startswith(title_start)
            elif inside:
                out.append(line)
        return out

    # -- cells ------------------------------------------------------------------------------
    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = index.column()
        line = self.lines[index.row()]
        if isinstance(line, CompareSection):
            section = line
            if role == Qt.ItemDataRole.DisplayRole:
                return self._section_text(section, column)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(SECTION_FILL)
            if role == Qt.ItemDataRole.ForegroundRole and column in (5, 6) and (
                    section.difference or 0) < 0:
                return QBrush(DECREASE)
        else:
            row = line
            if role == Qt.ItemDataRole.DisplayRole:
                return self._row_text(row, column)
            if role == Qt.ItemDataRole.BackgroundRole and column in (0, 1):
                fill = next((FILLS[m] for m in row.marks if m in FILLS), None)
                return QBrush(fill) if fill is not None else None
            if role == Qt.ItemDataRole.ForegroundRole and column in (5, 6) and (
                    row.difference or 0) < 0:
                return QBrush(DECREASE)
            if role == Qt.ItemDataRole.ToolTipRole and row.previous_title not in (None, row.title):
                return t("Previous name: %1").replace("%1", row.previous_title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _section_text(section: CompareSection, column: int) -> str:
        if column == 0:
            return section.title
        if column == 3:
            return amount_text(section.previous)
        if column == 4:
            return amount_text(section.amount)
        if column == 5:
            return difference_text(section.difference)
        if column == 6:
            return percent_text(section.percent)
        return ""

    @staticmethod
    def _row_text(row: CompareRow, column: int) -> str:
        gone = bool({"discontinued", "unlisted"} & set(row.marks))
        if column == 0:
            return row.title
        if column == 1:
            return "・".join(t(MARKS[m]) for m in row.marks) + (f" {row.note}" if row.note else "")
        if column == 2:
            return row.previous_title if row.previous_title not in (None, row.title) else ""
        if column == 3:
            return amount_text(row.previous, missing="-")
        if column == 4:
            return "―" if gone else amount_text(row.amount, missing=t("not entered"))
        if column == 5:
            return difference_text(row.difference)
        if column == 6:
            return percent_text(row.percent)
        return ""
