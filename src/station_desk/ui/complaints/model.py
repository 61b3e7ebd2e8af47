"""The complaints list's table model: overdue in red, finished ones grey."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.service import Complaint, ComplaintStatus
from ..widgets import palette
from ..widgets.table_models import RecordsModel, RowsModel

Index = QModelIndex | QPersistentModelIndex
OVERDUE_BRUSH = QBrush(QColor(palette.DANGER))
DONE_BRUSH = QBrush(QColor(palette.MUTED))


class ComplaintModel(RowsModel):
    HEADERS = ("编号", "受理时间", "投诉人", "联系电话", "投诉事项", "涉及窗口/人员", "程度",
               "状态", "办理时限")
    COL_NO, COL_AT, COL_WHO, COL_PHONE, COL_MATTER, COL_CONCERNING, COL_SEVERITY, \
        COL_STATUS, COL_DUE = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Complaint] = []
        self._today = date.today()

    def set_rows(self, rows: list[Complaint], today: date) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._today = today
        self.endResetModel()

    def complaint_at(self, row: int) -> Complaint | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, number: str) -> int:
        return next((i for i, c in enumerate(self._rows) if c.complaint_no == number), -1)

    def due_text(self, c: Complaint, full: bool = False) -> str:
        if c.status == ComplaintStatus.NOT_ACCEPTED:
            return "—"
        if c.due is None:
            return ""
        text = f"{c.due:%Y-%m-%d}" if full or c.due.year != self._today.year \
            else f"{c.due:%m-%d}"
        if c.status == ComplaintStatus.CLOSED:
            return text
        if c.is_overdue(self._today):
            return text + self.tr("（超期 %1 天）").replace(
                "%1", str((self._today - c.due).days))
        left = (c.due - self._today).days
        return text + (self.tr("（今天到期）") if left == 0 else
                       self.tr("（还剩 %1 天）").replace("%1", str(left)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.complaint_at(index.row()) if index.isValid() else None
        if c is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            received = c.received_at.astimezone()
            when = (f"{received:%m-%d %H:%M}" if received.year == self._today.year
                    else f"{received:%Y-%m-%d}")
            short_no = c.complaint_no.split("-", 1)[-1]  # the station code is on every row
            return (short_no, when, c.complainant, c.phone,
                    c.matter.replace("\n", " "), c.concerning, c.severity.value,
                    c.status.value, self.due_text(c))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if c.is_overdue(self._today):
                return OVERDUE_BRUSH
            if c.status in (ComplaintStatus.CLOSED, ComplaintStatus.NOT_ACCEPTED):
                return DONE_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return {self.COL_NO: c.complaint_no, self.COL_MATTER: c.matter,
                    self.COL_AT: f"{c.received_at.astimezone():%Y-%m-%d %H:%M}",
                    self.COL_DUE: self.due_text(c, full=True)}.get(index.column())
        return None


class CallbacksModel(RecordsModel[dict[str, Any]]):
    """The unsatisfied ratings waiting for a call-back and a correction (rating in red)."""

    HEADERS = ("办件编号", "申请人", "联系电话", "评价", "评价时间", "整改期限", "来源", "经办人",
               "群众意见")
    COL_LEVEL = 3
    COL_DUE = 5
    MARK_BRUSH = OVERDUE_BRUSH

    def cells(self, record: dict[str, Any]) -> Sequence[str]:
        rated = datetime.fromisoformat(str(record["rated_at"])).astimezone()
        values = (record["case_no"], record["applicant_name"], record["phone"], record["level"],
                  f"{rated:%Y-%m-%d %H:%M}", record.get("rectify_due") or "—",
                  record["source"], record["staff_name"], record["note"])
        return [str(v or "") for v in values]

    def marked(self, record: dict[str, Any]) -> Iterable[int]:
        due = record.get("rectify_due")
        late = bool(due) and str(due) < date.today().isoformat()
        return (self.COL_LEVEL, self.COL_DUE) if late else (self.COL_LEVEL,)
