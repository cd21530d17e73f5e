"""A list editor: filter box, sortable multi-select table, row operations, clipboard, totals."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.money import format_amount

from .cells import tr
from .clipboard import Clipboard
from .delegates import CellDelegate
from .filter_proxy import FilterProxy
from .record_model import RecordTableModel
from .row_edits import RowEdits

MIN_TITLE_WIDTH, MAX_TITLE_WIDTH = 140, 520


class TableView(QTableView):
    """A table view that says what to do when it has no rows, instead of a blank grid."""

    # the width the rows have (its viewport's). Said here rather than watched by an event
    # filter on viewport(): PySide's first wrapper for a QWidget that Qt made creates every
    # widget class it has (~10 ms), which the first frame need not wait for.
    viewport_resized = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.empty_text = ""

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.Resize:
            self.viewport_resized.emit(event.size().width())
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0 or not self.empty_text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        rect = self.viewport().rect().adjusted(24, 24, -24, -24)
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, self.empty_text)
        painter.end()


def _keys(*keys: str) -> str:
    return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                      for k in keys)


class TableEditor(RowEdits, Clipboard, QWidget):
    message = Signal(str)  # for the status bar
    activated = Signal(int)  # row id double-clicked (open its form)

    def __init__(self, model: RecordTableModel, parent=None, *, footer: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.doc = model.doc
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(model)
        self._reselect: list[int] = []

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter rows (title, text, amount)…"))
        self.filter_edit.textChanged.connect(self.set_filter)

        self.view = TableView(self)
        self.view.setObjectName("tableView")
        self.view.setModel(self.proxy)
        # printed order first: with the indicator on no column, enabling sorting sorts nothing
        # (sorting 10,000 rows by column 0 here cost more than a second)
        self.view.horizontalHeader().setSortIndicatorClearable(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(self.view.verticalHeader().ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        if any(c.field == "number" for c in model.columns):
            self.view.verticalHeader().hide()  # the table has its own No. column
        self.view.horizontalHeader().setSortIndicatorClearable(True)
        for c, column in enumerate(model.columns):
            self.view.setColumnWidth(c, column.width)
        self.delegate = CellDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.delegate.error.connect(self._show_error)
        self.delegate.typing.connect(self._typing)
        model.error.connect(self._show_error)
        model.reloaded.connect(self._after_reload)
        model.dataChanged.connect(lambda *_: self.update_totals())
        self.proxy.layoutChanged.connect(self.update_totals)
        self.delegate.closeEditor.connect(lambda *_: self._end_typing())
        self.delegate.closeEditor.connect(self._after_edit)
        self.view.doubleClicked.connect(self._double_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.filter_edit, 1)
        self.buttons: dict[str, QToolButton] = {}
        specs = [
            ("add", self.tr("Add"), self.tr("Add a row below the current one"),
             _keys("Ctrl+Ins"), self.insert_row),
            ("duplicate", self.tr("Duplicate"), self.tr("Duplicate the selected rows"),
             _keys("Ctrl+D"), self.duplicate_rows),
            ("delete", self.tr("Delete rows"), self.tr("Delete the selected rows"),
             _keys("Ctrl+-"), self.delete_rows),
            ("up", self.tr("Up"), self.tr("Move the selected rows up"),
             _keys("Alt+Up"), lambda: self.move_rows(-1)),
            ("down", self.tr("Down"), self.tr("Move the selected rows down"),
             _keys("Alt+Down"), lambda: self.move_rows(1)),
        ]
        for name, text, tip, keys, slot in specs:
            button = QToolButton(self)
            button.setObjectName(f"{name}Button")
            button.setText(text)
            button.setToolTip(f"{tip} ({keys})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes filter → table
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        if not model.can_insert():
            self.buttons["add"].setEnabled(False)
            self.buttons["duplicate"].setEnabled(False)
        if not model.ordered:
            self.buttons["up"].setEnabled(False)
            self.buttons["down"].setEnabled(False)

        self.totals_label = QLabel(self)
        self.totals_label.setObjectName("totalsLabel")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.totals_label)
        if footer is not None:
            layout.addWidget(footer)
        self.filter_edit.installEventFilter(self)
        self.view.viewport_resized.connect(self.fit_columns)
        self.update_totals()
        self._update_empty_text()
        self.setFocusProxy(self.view)

    def _after_edit(self, *_args) -> None:
        """Enter in a cell moves to the cell below, as in Excel (Tab already moves right)."""
        if not self.delegate.closed_by_enter:
            return
        self.delegate.closed_by_enter = False
        current = self.view.currentIndex()
        below = current.sibling(current.row() + 1, current.column())
        if below.isValid():
            self.view.setCurrentIndex(below)

    # -- filter, totals -----------------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        self.proxy.set_terms(text)
        self.update_totals()
        self._update_empty_text()

    def _update_empty_text(self) -> None:
        if self.model.rows:
            self.view.empty_text = self.tr("No row matches 「%1」. Clear the filter (Esc) to see "
                                           "all %2 rows.").replace("%1", self.filter_edit.text()) \
                .replace("%2", str(len(self.model.rows)))
        else:
            self.view.empty_text = self.model.empty_text()
        if self.view.isVisible():  # (drawn when shown)
            self.view.viewport().update()

    def update_totals(self) -> None:
        totals = self.model.totals()
        amounts = [c for c in self.model.columns if c.kind == "amount"]
        shown = self.proxy.rowCount()
        if shown != len(self.model.rows):
            # filtered: the sums of the rows shown, with the whole list's in brackets
            sums = self.model.totals(self.proxy.shown_source_rows())
            parts = [self.tr("%1 of %2 rows shown").replace("%1", str(shown))
                     .replace("%2", str(len(self.model.rows)))]
            for column in amounts:
                parts.append(self.tr("%1: %2 (all rows: %3)").replace("%1", tr(column.header))
                             .replace("%2", format_amount(sums[column.field], blank="—"))
                             .replace("%3", format_amount(totals[column.field], blank="—")))
            self.totals_label.setText(self.tr("Shown rows") + "   " + "    ".join(parts))
            return
        parts = [self.tr("%1 rows").replace("%1", str(len(self.model.rows)))]
        for column in amounts:
            parts.append(f"{tr(column.header)}: {format_amount(totals[column.field], blank='—')}")
        self.totals_label.setText(self.tr("Total") + "   " + "    ".join(parts))

    def _typing(self, index, value) -> None:
        source = self.proxy.mapToSource(index)
        self.model.preview = (source.row(), source.column(), value if value is not None
                              else self.model.rows[source.row()].get(
                                  self.model.columns[source.column()].field))
        self.update_totals()

    def _end_typing(self) -> None:
        self.model.preview = None
        self.update_totals()

    def _show_error(self, text: str) -> None:
        self.message.emit(text)

    # -- selection helpers --------------------------------------------------------------------
    def selected_source_rows(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedIndexes()}
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {self.proxy.mapToSource(current).row()}
        return sorted(r for r in rows if r >= 0)

    def selected_ids(self) -> list[int]:
        return [self.model.rows[r]["id"] for r in self.selected_source_rows()]

    def select_ids(self, ids: list[int], field: str | None = None) -> None:
        selection = QItemSelection()
        first = None
        column = max(self.model.column_of(field), 0) if field else 0
        for row_id in ids:
            r = self.model.row_of(row_id)
            if r < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(r, column))
            if not index.isValid():
                self.filter_edit.clear()
                index = self.proxy.mapFromSource(self.model.index(r, column))
            last = self.proxy.index(index.row(), self.proxy.columnCount() - 1)
            selection.select(self.proxy.index(index.row(), 0), last)
            first = first or index
        model = self.view.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if first is not None:
            model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    def fit_columns(self, width: int) -> None:
        """The title column takes what the view has left after the columns up to the last
        amount, so amounts never scroll out of sight before long text does (long titles are
        elided, their tooltip shows them whole)."""
        columns = self.model.columns
        title = next((c for c, col in enumerate(columns) if col.field in ("title", "name")), -1)
        amounts = [c for c, col in enumerate(columns) if col.kind == "amount"]
        if title < 0 or not amounts or title > amounts[-1]:
            return
        others = sum(self.view.columnWidth(c) for c in range(amounts[-1] + 1) if c != title)
        room = width - others - 2
        self.view.setColumnWidth(title, max(MIN_TITLE_WIDTH, min(room, MAX_TITLE_WIDTH)))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.filter_edit and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.filter_edit.text():
                self.filter_edit.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view.setFocus()  # from the filter straight into the rows it left
                if not self.view.currentIndex().isValid() and self.proxy.rowCount():
                    self.view.setCurrentIndex(self.proxy.index(0, 0))
                return True
        return super().eventFilter(obj, event)

    def _after_reload(self) -> None:
        self._update_empty_text()
        if self._reselect:
            ids, self._reselect = self._reselect, []
            self.select_ids(ids)
        self.update_totals()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not (index.flags() & Qt.ItemFlag.ItemIsEditable):
            self.activated.emit(index.data(Qt.ItemDataRole.UserRole + 3))
