"""Table models: one per table view, fed by the desk's operations.

`RowsModel` is the small in-memory table with fixed headers; `RecordsModel`
adds the common case of one domain record a row whose cells are plain text,
worked out once when the records are set (the views repaint often)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.catalogue import CatalogueItem
from . import palette

Index = QModelIndex | QPersistentModelIndex
WARN_BRUSH = QBrush(QColor(palette.WARNING))
DANGER_BRUSH = QBrush(QColor(palette.DANGER))
R = TypeVar("R")

_CENTRE = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowsModel(QAbstractTableModel):
    """A small table held in memory: `_rows` and a fixed `HEADERS` (Chinese, tr())."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def has_row(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._rows)

    def header_labels(self) -> Sequence[str]:
        """The column titles (shown through tr())."""
        return self.HEADERS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.header_labels())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        labels = self.header_labels()
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(labels):
            return self.tr(labels[section])
        return None


class EditableRowsModel(RowsModel):
    """Rows edited in place; a subclass says how a value lands in a cell (`set_cell`,
    False to refuse it)."""

    def set_cell(self, row: int, column: int, value: Any) -> bool:
        raise NotImplementedError

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1  # row numbers: "the first row is the head"
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.has_row(index) \
                or not self.set_cell(index.row(), index.column(), value):
            return False
        self.dataChanged.emit(index, index)
        return True


class RecordsModel(RowsModel, Generic[R]):
    """One record a row. A subclass says a record's `cells` (texts, one a column)
    and which columns to mark (`marked`, in `mark_brush`: the danger colour);
    `CENTRED`/`RIGHT` columns are aligned so, and `TOOLTIPS` shows each cell's
    full text as its tooltip (for elided free text). The record itself is the
    row's `Qt.UserRole` data."""

    MARK_BRUSH: QBrush = DANGER_BRUSH
    CENTRED: frozenset[int] = frozenset()
    RIGHT: frozenset[int] = frozenset()
    TOOLTIPS = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._cells: list[tuple[str, ...]] = []
        self._marks: list[frozenset[int]] = []
        self._brushes: list[QBrush] = []

    # -- what a subclass says ---------------------------------------------------------
    def cells(self, record: R) -> Sequence[str]:
        raise NotImplementedError

    def marked(self, record: R) -> Iterable[int]:
        return ()

    def mark_brush(self, record: R) -> QBrush:
        return self.MARK_BRUSH

    # -- filling and reading --------------------------------------------------------
    def set_records(self, records: Iterable[R]) -> None:
        self.beginResetModel()
        self._take(records)
        self.endResetModel()

    def _take(self, records: Iterable[R]) -> None:
        """The records and what is shown of them (inside a model reset)."""
        self._rows = list(records)
        self._cells = [tuple(self.cells(r)) for r in self._rows]
        self._marks = [frozenset(self.marked(r)) for r in self._rows]
        self._brushes = [self.mark_brush(r) for r in self._rows]

    def records(self) -> list[R]:
        return list(self._rows)

    def record_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def text(self, row: int, column: int) -> str:
        return self._cells[row][column] if 0 <= row < len(self._cells) else ""

    def texts(self) -> list[list[str]]:
        """Every cell as shown (for tests and screen checks)."""
        return [list(cells) for cells in self._cells]

    def is_marked(self, row: int, column: int) -> bool:
        return 0 <= row < len(self._marks) and column in self._marks[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.has_row(index):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.ToolTipRole and self.TOOLTIPS:
            return self._cells[row][column] or None
        if role == Qt.ItemDataRole.ForegroundRole and column in self._marks[row]:
            return self._brushes[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.CENTRED:
                return int(_CENTRE)
            if column in self.RIGHT:
                return int(_RIGHT)
        if role == Qt.ItemDataRole.UserRole:
            return self._rows[row]
        return None


class CatalogueModel(RecordsModel[CatalogueItem]):
    """The service catalogue (about 60-200 rows: held in memory, filtered by the page).
    Its cells are worked out once per filling: a column sized to its contents reads
    every row at each layout, and 要素状态 checks the item's guide elements."""

    HEADERS = ("编码", "类别", "事项名称", "办件类型", "承诺时限", "本人到场", "要素状态")
    MARK_BRUSH = WARN_BRUSH
    STATUS = 6

    def cells(self, record: CatalogueItem) -> Sequence[str]:
        item = record
        limit = (self.tr("当场办结") if item.time_limit_days == 0
                 else f"{item.time_limit_days} " + self.tr("个工作日"))
        return (item.code, item.category, item.name, item.case_type.value, limit,
                self.tr("必须") if item.in_person else self.tr("可代办"), item.status_label)

    def marked(self, record: CatalogueItem) -> Iterable[int]:
        return () if record.verified else (self.STATUS,)

    def set_items(self, items: list[CatalogueItem]) -> None:
        self.set_records(items)

    def item_at(self, row: int) -> CatalogueItem | None:
        return self.record_at(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.has_row(index) and self.is_marked(index.row(), index.column()):
                return self.tr("办事指南要素尚未经县级核实，打印告知书前请核对")
            return None
        return super().data(index, role)
