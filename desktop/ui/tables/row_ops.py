"""Row operations the table models share: placing inserted rows, record dicts, new keys."""

from __future__ import annotations

from ..document import commands


class PlaceAfter(commands.Op):
    """Put newly inserted rows right after ``after_id`` (None: at the end) in printed order."""

    def __init__(self, model, inserted, after_id: int | None):
        """``model``: the RecordTableModel whose rows get the new ones."""
        super().__init__(model.doc)
        self.model, self.inserted, self.after_id = model, inserted, after_id
        self.order: list[int] | None = None
        self.before: dict[int, int] | None = None

    def redo(self) -> None:
        if self.order is None:
            new_ids = [c.row_id for c in self.inserted]
            ids = [i for i in self.model.scope_ids() if i not in set(new_ids)]
            at = ids.index(self.after_id) + 1 if self.after_id in ids else len(ids)
            if self.after_id is None and self.model.rows:
                last = self.model.rows[-1]["id"]
                at = ids.index(last) + 1 if last in ids else len(ids)
            self.order = ids[:at] + new_ids + ids[at:]
        if self.before is None:  # a redo after an undo starts from exactly the same positions
            self.before = commands.positions(self.doc.store, self.model.table, self.order,
                                             self.model.scope_positions())
        self.doc.store.reorder(self.model.table, self.order)
        self.doc.note(self.model.table, None, structural=True)

    def undo(self) -> None:
        commands.restore_positions(self.doc.store, self.model.table, self.before)
        self.doc.note(self.model.table, None, structural=True)


def record_dict(record) -> dict:
    return dict(record.__dict__)


def unique_key(store, edition_id: int, prefix: str = "new") -> str:
    import uuid  # (it loads platform: ~3 ms at start, so only when a row is inserted)

    existing = {i.key for i in store.initiatives(edition_id)}
    while True:
        key = f"{prefix}-{uuid.uuid4().hex[:8]}"
        if key not in existing:
            return key
