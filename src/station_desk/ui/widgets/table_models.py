"""Table models: one per table view, fed by the desk's operations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.catalogue import CatalogueItem

Index = QModelIndex | QPersistentModelIndex
WARN_BRUSH = QBrush(QColor("#b45309"))


class RowsModel(QAbstractTableModel):
    """A small table held in memory: `_rows` and a fixed `HEADERS` (Chinese, tr())."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None


class CatalogueModel(RowsModel):
    """The service catalogue (about 60 rows: held in memory, filtered by the page)."""

    HEADERS = ("编码", "类别", "事项名称", "办件类型", "承诺时限", "本人到场", "要素状态")

    def set_items(self, items: list[CatalogueItem]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> CatalogueItem | None:
        item: CatalogueItem | None = self._rows[row] if 0 <= row < len(self._rows) else None
        return item

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item: CatalogueItem = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            limit = (self.tr("当场办结") if item.time_limit_days == 0
                     else f"{item.time_limit_days} " + self.tr("个工作日"))
            return (item.code, item.category, item.name, item.case_type.value, limit,
                    self.tr("必须") if item.in_person else self.tr("可代办"),
                    item.status_label)[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and not item.verified:
            return WARN_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column == 6 and not item.verified:
            return self.tr("办事指南要素尚未经县级核实，打印告知书前请核对")
        return None
