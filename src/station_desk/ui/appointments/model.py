"""The day view's table model: one appointment a row, clashes and missed ones marked."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.service import Appointment, ApptKind, ApptStatus, clashes
from ..widgets import palette
from ..widgets.table_models import RowsModel

Index = QModelIndex | QPersistentModelIndex
NO_ROLE = Qt.ItemDataRole.UserRole

CLASH_BRUSH = QBrush(QColor(palette.CLASH_TINT))
MISSED_BRUSH = QBrush(QColor(palette.MISSED_TINT))
STATUS_COLORS = {
    ApptStatus.BOOKED: palette.PRIMARY,
    ApptStatus.SERVED: palette.OK,
    ApptStatus.NO_SHOW: palette.DANGER,
    ApptStatus.CANCELLED: palette.MUTED,
    ApptStatus.RESCHEDULED: palette.MUTED,
}
CHIP_COLORS = {  # background of a chip in the week view
    ApptStatus.BOOKED: palette.PRIMARY_TINT,
    ApptStatus.SERVED: palette.OK_TINT,
    ApptStatus.NO_SHOW: palette.NO_SHOW_TINT,
    ApptStatus.CANCELLED: palette.SURFACE,
    ApptStatus.RESCHEDULED: palette.SURFACE,
}


class DayModel(RowsModel):
    HEADERS = ("时间", "方式", "申请人", "联系电话", "事项", "工作人员", "状态", "提示")
    COL_TIME, COL_KIND, COL_NAME, COL_PHONE, COL_ITEM, COL_STAFF, COL_STATUS, COL_HINT = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Appointment] = []
        self._clashes: dict[str, list[Appointment]] = {}
        self._now = datetime.now().astimezone()

    def set_rows(self, rows: list[Appointment], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self._clashes = {a.id: clashes(a.at, a.minutes, a.staff_name, rows, ignore_id=a.id)
                         for a in rows if a.status == ApptStatus.BOOKED}
        self.endResetModel()

    def appointment_at(self, row: int) -> Appointment | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, appt_no: str) -> int:
        return next((i for i, a in enumerate(self._rows) if a.appt_no == appt_no), -1)

    def clashes_of(self, appt: Appointment) -> list[Appointment]:
        return self._clashes.get(appt.id, [])

    def hint(self, a: Appointment) -> str:
        parts = []
        clash = self.clashes_of(a)
        if clash:
            parts.append("⚠ " + self.tr("与%1 %2 时间冲突").replace("%1", a.staff_name).replace(
                "%2", "、".join(f"{c.at.astimezone():%H:%M} {c.applicant_name}" for c in clash)))
        if a.is_missed(self._now):
            parts.append("⚠ " + self.tr("已过预约时间，请跟进"))
        if a.kind == ApptKind.HOME and a.address:
            parts.append(self.tr("上门：") + a.address)
        if a.case_no:
            parts.append(self.tr("办件 ") + a.case_no)
        if a.note:
            parts.append(a.note)
        return "；".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        a = self.appointment_at(index.row()) if index.isValid() else None
        if a is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            start = a.at.astimezone()
            return (f"{start:%H:%M}–{a.end.astimezone():%H:%M}", a.kind.value,
                    a.applicant_name, a.phone, a.item_name, a.staff_name, a.status.value,
                    self.hint(a))[column]
        if role == Qt.ItemDataRole.BackgroundRole:
            if a.is_missed(self._now):
                return MISSED_BRUSH
            if self.clashes_of(a):
                return CLASH_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_STATUS:
            return QBrush(QColor(STATUS_COLORS[a.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            told = "\n".join(f"{n}. {m}" for n, m in enumerate(a.materials_told, 1))
            return (f"{a.appt_no}（{a.channel.value}预约）\n" + self.tr("已告知带齐：")
                    + "\n" + told + (f"\n{self.hint(a)}" if self.hint(a) else ""))
        return None
