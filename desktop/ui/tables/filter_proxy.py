"""The filter box's proxy: rows whose text contains every typed word; sorting by a column."""

from __future__ import annotations

from PySide6.QtCore import (
    QSortFilterProxyModel,
)

from .cells import SORT_ROLE, normalise


class FilterProxy(QSortFilterProxyModel):
    """Filters on every column at once (NFKC, case-insensitive, all words must match).

    Typing narrows the filter: when the new words contain the previous ones, a row refused
    before is refused again without looking at its text, so each keystroke only re-checks the
    rows still shown.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._terms: list[str] = []
        self._refused: set[int] | None = None  # rows refused by the previous, wider filter
        self._refusing: set[int] = set()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    def setSourceModel(self, model) -> None:
        super().setSourceModel(model)
        # before the proxy itself re-filters the changed rows
        for signal in (model.modelAboutToBeReset, model.rowsAboutToBeInserted,
                       model.rowsAboutToBeRemoved, model.layoutAboutToBeChanged,
                       model.dataChanged):
            signal.connect(self._forget)

    def _forget(self, *_args) -> None:
        self._refused = None

    def set_terms(self, text: str) -> None:
        terms = normalise(text).split()
        narrower = bool(self._terms) and self._refused is not None and all(
            any(old in new for new in terms) for old in self._terms)
        self._refused = self._refused if narrower else None
        self._refusing = set()
        model = self.sourceModel()
        if terms and self._refused is None and hasattr(model, "warm_search"):
            model.warm_search()  # every key in one tight loop before the pass
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._terms = terms
            self.invalidateRowsFilter()
        self._refused = self._refusing if terms else None

    def shown_source_rows(self) -> list[int]:
        """The source rows the filter lets through, in source order (cheap after a filter)."""
        model = self.sourceModel()
        if self._terms and self._refused is not None:
            refused = self._refused
            return [r for r in range(model.rowCount()) if r not in refused]
        return sorted(self.mapToSource(self.index(r, 0)).row() for r in range(self.rowCount()))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._terms:
            return True
        if self._refused is not None and source_row in self._refused:
            self._refusing.add(source_row)
            return False
        text = self.sourceModel().search_text(source_row)
        if all(term in text for term in self._terms):
            return True
        self._refusing.add(source_row)
        return False
