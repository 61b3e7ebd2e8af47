"""The statistics page's tables (by type, by status, per station): figures with
the rates below the manual's target in red and the total row in bold."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from ...domain.report_rows import Cell, targets
from ...domain.stats import rate_text
from ..widgets.table_models import Index, RecordsModel

Row = Sequence[Cell]
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def cell_text(value: Cell) -> str:
    if value is None:
        return "—"
    return rate_text(value) if isinstance(value, float) else str(value)


class FiguresModel(RecordsModel[Row]):
    """A table whose headers come with its rows; figures right-aligned."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._targets: list[float | None] = []
        self._total_row = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_table(self, headers: Sequence[str], rows: Iterable[Row], *,
                  total_row: bool = False) -> None:
        """`headers` are shown as given (already translated); a column named after a
        rate with a target marks the rates below it; `total_row`: the last row in bold."""
        rate_targets = dict(zip(("当场办结率", "按期办结率", "满意率"),
                                (t for _n, t in targets()), strict=True))
        self.beginResetModel()
        self._headers = list(headers)
        self._targets = [rate_targets.get(h) for h in self._headers]
        self._total_row = total_row
        self._take(rows)
        self.endResetModel()

    def cells(self, record: Row) -> Sequence[str]:
        return [cell_text(v) for v in record]

    def marked(self, record: Row) -> Iterable[int]:
        return [c for c, value in enumerate(record)
                if isinstance(value, float) and c < len(self._targets)
                and (target := self._targets[c]) is not None and value < target - 1e-9]

    def header_labels(self) -> Sequence[str]:
        return self._headers

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT) if index.column() > 0 else None
        if role == Qt.ItemDataRole.FontRole:
            last = self._total_row and index.row() == self.rowCount() - 1
            return self._bold if last else None
        return super().data(index, role)
