"""The week view of the 预约 page: a column a day (its head says 休 on a day off,
today is highlighted), a chip an appointment, coloured by state, with clashes
and missed ones marked. Clicking a chip asks the page to open it."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from ...domain.service import Appointment, ApptStatus, clashes
from ...services.desk import Desk
from ..widgets import palette
from .dialog import weekday
from .model import CHIP_COLORS, CLASH_BRUSH, MISSED_BRUSH, STATUS_COLORS

NO_ROLE = Qt.ItemDataRole.UserRole


class WeekView(QWidget):
    opened = Signal(str)  # the appointment number of the chip clicked

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(6)
        self.heads: list[QLabel] = []
        self.lists: list[QListWidget] = []
        for i in range(7):
            head = QLabel()
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setObjectName("weekHead")
            chips = QListWidget()
            chips.setWordWrap(True)
            chips.setSpacing(2)
            chips.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            chips.itemActivated.connect(self._open_chip)
            chips.itemClicked.connect(self._open_chip)
            grid.addWidget(head, 0, i)
            grid.addWidget(chips, 1, i)
            grid.setColumnStretch(i, 1)
            self.heads.append(head)
            self.lists.append(chips)
        grid.setRowStretch(1, 1)
        hint = QLabel(self.tr("点一个预约，转到当天的列表处理。"))
        hint.setObjectName("muted")
        grid.addWidget(hint, 2, 0, 1, 7)

    def show_week(self, week: dict[date, list[Appointment]]) -> None:
        now = datetime.now().astimezone()
        for i, (d, found) in enumerate(week.items()):
            self._show_head(self.heads[i], d)
            chips = self.lists[i]
            chips.clear()
            for a in found:
                chips.addItem(self._chip(a, found, now))

    def _show_head(self, head: QLabel, d: date) -> None:
        open_day = self.desk.calendar.is_open_day(d)
        text = f"{weekday(d)}\n{d:%m-%d}"
        if open_day is False:
            text += self.tr("（休）")
        head.setText(text)
        style = "font-weight: bold; padding: 4px;"
        if d == date.today():
            style += f"background: {palette.PRIMARY}; color: white; border-radius: 4px;"
        elif open_day is False:
            style += f"color: {palette.MUTED};"
        head.setStyleSheet(style)

    def _chip(self, a: Appointment, same_day: list[Appointment], now: datetime
              ) -> QListWidgetItem:
        start = a.at.astimezone()
        line = f"{start:%H:%M} {a.applicant_name}\n{a.kind.value} · {a.staff_name}"
        clash = a.status == ApptStatus.BOOKED and clashes(
            a.at, a.minutes, a.staff_name, same_day, ignore_id=a.id)
        if a.status != ApptStatus.BOOKED:
            line += f"\n{a.status.value}"
        elif a.is_missed(now):
            line += "\n⚠ " + self.tr("已过时间")
        if clash:
            line += "\n⚠ " + self.tr("时间冲突")
        chip = QListWidgetItem(line)
        chip.setData(NO_ROLE, a.appt_no)
        chip.setToolTip(f"{a.appt_no}\n{a.item_name}\n{a.phone}")
        chip.setBackground(MISSED_BRUSH if a.is_missed(now) else CLASH_BRUSH if clash
                           else QBrush(QColor(CHIP_COLORS[a.status])))
        chip.setForeground(QBrush(QColor(STATUS_COLORS[a.status])))
        return chip

    def chips(self, column: int) -> list[str]:
        """The chips of the week's `column`-th day (Monday is 0)."""
        if not 0 <= column < 7:
            return []
        chips = self.lists[column]
        return [chips.item(r).text() for r in range(chips.count())]

    def _open_chip(self, chip: QListWidgetItem) -> None:
        self.opened.emit(str(chip.data(NO_ROLE)))
