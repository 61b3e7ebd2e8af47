"""The setup wizard's staff grid: one person a row (name, role, window, PIN),
every cell open for typing or choosing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from ...domain.pin import MAX_DIGITS, MIN_DIGITS
from ...domain.station import Role
from ...services.desk import StaffInput
from ..widgets.delegates import ChoiceDelegate, SecretDelegate, keep_editors_open
from ..widgets.table_models import EditableRowsModel, Index

COL_NAME, COL_ROLE, COL_WINDOW, COL_PIN = range(4)
PIN_LENGTH = MAX_DIGITS
NOT_FIXED = ""  # the window of someone who sits at no fixed window


@dataclass(frozen=True)
class StaffDraft:
    name: str
    role: Role
    window: str | None  # None: not chosen yet (the row's default window applies)
    pin: str


class StaffGridModel(EditableRowsModel):
    HEADERS = ("姓名", "岗位", "窗口", f"密码（{MIN_DIGITS}–{MAX_DIGITS}位数字）")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[StaffDraft] = []
        self._windows: list[str] = []

    def add(self, role: Role, name: str = "", window: str | None = None, pin: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(StaffDraft(name, role, window, pin))
        self.endInsertRows()
        self.set_windows(self._windows)  # a new row gets its default window
        return row

    def set_windows(self, names: Sequence[str]) -> None:
        """The windows to choose from; a choice no longer there becomes "not fixed",
        a row with no choice yet gets the window of its position (row 1: the first)."""
        self._windows = list(names)
        for row, draft in enumerate(self._rows):
            window = draft.window
            if window is None:
                if not self._windows:
                    continue  # chosen once the windows are known
                window = self._windows[min(row, len(self._windows) - 1)]
            elif window not in (NOT_FIXED, *self._windows):
                window = NOT_FIXED
            if window != draft.window:
                self._rows[row] = replace(draft, window=window)
                changed = self.index(row, COL_WINDOW)
                self.dataChanged.emit(changed, changed)

    def window_choices(self) -> list[tuple[str, str]]:
        return [(self.tr("（不固定窗口）"), NOT_FIXED), *((n, n) for n in self._windows)]

    @staticmethod
    def role_choices() -> list[tuple[str, Role]]:
        return [(r.label, r) for r in Role]

    def staff(self) -> list[StaffInput]:
        """The people named (rows without a name are left out)."""
        return [StaffInput(d.name.strip(), d.role, d.pin.strip() or None, d.window or None)
                for d in self._rows if d.name.strip()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.has_row(index):
            return None
        d, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.EditRole:
            return (d.name, d.role, d.window or NOT_FIXED, d.pin)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            window = d.window or self.tr("（不固定窗口）")
            return (d.name, d.role.label, window, "●" * len(d.pin))[column]
        return None

    def set_cell(self, row: int, column: int, value: Any) -> bool:
        d = self._rows[row]
        if column == COL_ROLE:
            if value not in list(Role):
                return False
            d = replace(d, role=Role(value))
        elif column == COL_WINDOW:
            if value not in (NOT_FIXED, *self._windows):
                return False
            d = replace(d, window=str(value))
        elif column == COL_PIN:
            d = replace(d, pin=str(value)[:PIN_LENGTH])
        else:
            d = replace(d, name=str(value))
        self._rows[row] = d
        return True


def staff_grid(model: StaffGridModel, parent: QWidget | None = None) -> QTableView:
    """The grid, with the choosing and PIN cells always open (as a form's fields are)."""
    view = QTableView(parent)
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.setItemDelegateForColumn(COL_ROLE, ChoiceDelegate(model.role_choices, view))
    view.setItemDelegateForColumn(COL_WINDOW, ChoiceDelegate(model.window_choices, view))
    view.setItemDelegateForColumn(COL_PIN, SecretDelegate(PIN_LENGTH, view))
    keep_editors_open(view, (COL_ROLE, COL_WINDOW, COL_PIN))
    return view
