"""The navigator: fiscal year → front matter, priority items, visions → measures → initiatives,
wards → each ward → its projects. A light tree model over the store, keyed by node keys like
``vision:12`` so the selection survives rebuilds and is remembered between sessions."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, Qt

from db.era import era_label
from db.outline import outline

STRUCTURE_TABLES = {"edition", "vision", "priority", "initiative", "ward_plan", "ward", "measure",
                    "ward_project", "priority_action"}


def t(text: str) -> str:
    return QCoreApplication.translate("Navigator", text)


class Node:
    __slots__ = ("key", "label", "parent", "children", "row", "table", "row_id", "fiscal_year")

    def __init__(self, key: str, label: str, parent: Node | None, table: str | None = None,
                 row_id: int | None = None, fiscal_year: int | None = None):
        self.key, self.label, self.parent = key, label, parent
        self.children: list[Node] = []
        self.table, self.row_id = table, row_id
        self.fiscal_year = fiscal_year if fiscal_year is not None else (
            parent.fiscal_year if parent else None)
        self.row = 0
        if parent is not None:
            self.row = len(parent.children)
            parent.children.append(self)


class NavigatorModel(QAbstractItemModel):
    def __init__(self, doc, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.root = Node("", "", None)
        self.by_key: dict[str, Node] = {}
        self.rebuild()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> Node:
        store = self.doc.store
        root = Node("", "", None)
        for edition in store.editions():
            year = edition.fiscal_year
            label = f"{era_label(year)} ({year})"
            if edition.status == "final":  # read-only: the lock banner says why
                label += "  " + QCoreApplication.translate("Navigator", "final (確定)")
            e = Node(f"edition:{edition.id}", label, root, "edition", edition.id, year)
            Node(f"front:{edition.id}", QCoreApplication.translate("Navigator", "Front matter"), e, "edition", edition.id)
            Node(f"contact:{edition.id}", QCoreApplication.translate("Navigator", "Contact"), e, "edition", edition.id)
            entries = outline(store, edition.id)  # (no records: titles and counts)
            if entries.priorities:
                p = Node(f"priorities:{edition.id}", QCoreApplication.translate("Navigator", "Priority items"), e)
                for priority_id, number, title in entries.priorities:
                    Node(f"priority:{priority_id}",
                         QCoreApplication.translate("Navigator", "Priority %1").replace("%1", str(number)) + f"  {title}",
                         p, "priority", priority_id)
            if entries.visions:
                v = Node(f"visions:{edition.id}", QCoreApplication.translate("Navigator", "Visions"), e)
                by_number: dict[int, list] = {}
                for item_id, title, vision_number in entries.initiatives:
                    if vision_number is not None:
                        by_number.setdefault(vision_number, []).append((item_id, title))
                for vision_id, number, title, measures in entries.visions:
                    vn = Node(f"vision:{vision_id}",
                              QCoreApplication.translate("Navigator", "Vision %1").replace("%1", str(number)) + f"  {title}",
                              v, "vision", vision_id)
                    Node(f"measures:{vision_id}",
                         QCoreApplication.translate("Navigator", "Measures (%1)").replace("%1", str(measures)), vn, "vision",
                         vision_id)
                    items = by_number.get(number, [])
                    inode = Node(f"initiatives:{vision_id}",
                                 QCoreApplication.translate("Navigator", "Initiatives (%1)").replace("%1", str(len(items))), vn,
                                 "vision", vision_id)
                    for item_id, item_title in items:
                        Node(f"initiative:{item_id}", item_title or QCoreApplication.translate("Navigator", "(untitled)"), inode,
                             "initiative", item_id)
            if entries.ward_plans:
                w = Node(f"wards:{edition.id}", QCoreApplication.translate("Navigator", "Wards"), e, "edition", edition.id)
                for plan_id, ward_name, projects in entries.ward_plans:
                    wn = Node(f"ward:{plan_id}", ward_name, w, "ward_plan", plan_id)
                    Node(f"projects:{plan_id}",
                         QCoreApplication.translate("Navigator", "Projects (%1)").replace("%1", str(projects)), wn,
                         "ward_plan", plan_id)
        return root

    def rebuild(self) -> None:
        self.beginResetModel()
        self.root = self._build()
        self.by_key = {}
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            self.by_key[node.key] = node
            stack.extend(node.children)
        self.endResetModel()

    def relabel(self, table: str, ids: set[int]) -> None:
        """A title changed: update the labels of those nodes only."""
        for row_id in ids:
            node = self.by_key.get(f"{table}:{row_id}")
            if node is None:
                continue
            row = self.doc.store.row(table, row_id)
            if row is None:
                continue
            if table == "initiative":
                node.label = row["title"] or QCoreApplication.translate("Navigator", "(untitled)")
            elif table == "vision":
                node.label = QCoreApplication.translate("Navigator", "Vision %1").replace("%1", str(row["number"])) + f"  {row['title']}"
            elif table == "priority":
                node.label = QCoreApplication.translate("Navigator", "Priority %1").replace("%1", str(row["number"])) + f"  {row['title']}"
            else:
                continue
            index = self.createIndex(node.row, 0, node)
            self.dataChanged.emit(index, index)

    # -- Qt model API -----------------------------------------------------------------------
    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row, column, parent=QModelIndex()):  # noqa: B008
        if column != 0:
            return QModelIndex()
        node = self.node(parent)
        if 0 <= row < len(node.children):
            return self.createIndex(row, 0, node.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        parent = node.parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return node.label
        if role == Qt.ItemDataRole.UserRole:
            return node.key
        return None

    def index_of(self, key: str) -> QModelIndex:
        node = self.by_key.get(key)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)
