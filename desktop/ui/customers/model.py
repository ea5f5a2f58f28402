"""The customer list on screen: a thin Qt list model over customers, searched and filtered in a proxy."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF

from desktop.core.customers import STAR_HEX, STAR_LABELS, Customer, StarColour, matches_search
from desktop.ui.widgets.language import label

CustomerRole = Qt.ItemDataRole.UserRole + 1
NicknameRole = Qt.ItemDataRole.UserRole + 2
StarRole = Qt.ItemDataRole.UserRole + 3
TagsRole = Qt.ItemDataRole.UserRole + 4
NoteRole = Qt.ItemDataRole.UserRole + 5

Index = QModelIndex | QPersistentModelIndex
STAR_ICON_PX = 16
_star_icons: dict[StarColour, QIcon] = {}


def star_icon(colour: StarColour) -> QIcon:
    """A filled five-pointed star in the flag's colour, drawn once per colour (no font needs the ★ glyph)."""
    if colour not in _star_icons:
        pixmap = QPixmap(STAR_ICON_PX, STAR_ICON_PX)
        pixmap.fill(Qt.GlobalColor.transparent)
        centre, outer, inner = STAR_ICON_PX / 2, STAR_ICON_PX / 2 - 0.5, STAR_ICON_PX / 5
        points = []
        for i in range(10):
            radius = outer if i % 2 == 0 else inner
            angle = math.pi / 2 + i * math.pi / 5
            points.append(QPointF(centre + radius * math.cos(angle), centre - radius * math.sin(angle)))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAR_HEX[colour]))
        painter.drawPolygon(QPolygonF(points))
        painter.end()
        _star_icons[colour] = QIcon(pixmap)
    return _star_icons[colour]


class CustomerListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Customer] = []

    def set_customers(self, customers: Sequence[Customer]) -> None:
        self.beginResetModel()
        self._rows = list(customers)
        self.endResetModel()

    def update_customer(self, customer: Customer) -> None:
        """One customer changed (or is new): update its row in place, or add it on top."""
        row = self.row_of(customer.nickname)
        if row >= 0:
            self._rows[row] = customer
            self.dataChanged.emit(self.index(row), self.index(row))
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, customer)
        self.endInsertRows()

    def customer(self, row: int) -> Customer:
        return self._rows[row]

    def row_of(self, nickname: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.nickname == nickname), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            details = "  ".join(part for part in (" ".join(c.tags), c.note.splitlines()[0] if c.note else "") if part)
            return f"{c.nickname}\n{details}" if details else c.nickname
        if role == Qt.ItemDataRole.DecorationRole:
            return star_icon(c.star) if c.star else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return label(STAR_LABELS[c.star]) if c.star else None
        if role == CustomerRole:
            return c
        if role == NicknameRole:
            return c.nickname
        if role == StarRole:
            return c.star.value if c.star else ""
        if role == TagsRole:
            return list(c.tags)
        if role == NoteRole:
            return c.note
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = {
            CustomerRole: b"customer", NicknameRole: b"nickname", StarRole: b"star", TagsRole: b"tags",
            NoteRole: b"note",
        }
        return {**super().roleNames(), **{role: QByteArray(name) for role, name in names.items()}}


class CustomerFilterProxy(QSortFilterProxyModel):
    """Search (nickname, tags, note, star name) and “starred only”, over a CustomerListModel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._starred_only = False

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query
        self.endFilterChange()

    def set_starred_only(self, starred_only: bool) -> None:
        self.beginFilterChange()
        self._starred_only = starred_only
        self.endFilterChange()

    def customer(self, row: int) -> Customer:
        return self.index(row, 0).data(CustomerRole)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        customer = self.sourceModel().index(source_row, 0, source_parent).data(CustomerRole)
        if customer is None:
            return False
        if self._starred_only and not customer.starred:
            return False
        return matches_search(customer, self._query)
