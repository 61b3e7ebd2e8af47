"""The item editor's materials (申请材料): name, originals, copies, note, edited
in place. Counts are whole numbers (the view edits them with a spin box)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from ...domain.catalogue import Material
from ..widgets.table_models import EditableRowsModel, Index

MAX_COPIES = 20
COL_NAME, COL_ORIGINALS, COL_COPIES, COL_NOTE = range(4)
_FIELDS = {COL_NAME: "name", COL_ORIGINALS: "originals", COL_COPIES: "copies",
           COL_NOTE: "note"}


class MaterialsModel(EditableRowsModel):
    HEADERS = ("材料名称", "原件", "复印件", "说明")

    def __init__(self, materials: tuple[Material, ...] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Material] = list(materials)

    def materials(self) -> tuple[Material, ...]:
        """The named materials, trimmed (rows left without a name are dropped)."""
        return tuple(replace(m, name=m.name.strip(), note=m.note.strip())
                     for m in self._rows if m.name.strip())

    def add(self, material: Material) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(material)
        self.endInsertRows()
        return row

    def removeRows(self, row: int, count: int,  # noqa: N802
                   parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count <= 0 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row:row + count]
        self.endRemoveRows()
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.has_row(index):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self._rows[index.row()], _FIELDS[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COL_ORIGINALS,
                                                                            COL_COPIES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def set_cell(self, row: int, column: int, value: Any) -> bool:
        if column in (COL_ORIGINALS, COL_COPIES):
            try:
                value = min(max(int(value), 0), MAX_COPIES)
            except (TypeError, ValueError):
                return False
        else:
            value = str(value)
        self._rows[row] = replace(self._rows[row], **{_FIELDS[column]: value})
        return True
