"""What became of a served or rescheduled appointment: the case it turned into
(registered now from the booking, or linked by its number) and the agreed new time."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.service import Appointment, ApptKind
from ...services.desk import Desk
from ..widgets.forms import ok_cancel_buttons
from .dialog import CHINESE, to_qt


def prefill_intake(dialog: Any, appt: Appointment) -> None:
    """What the booking already knows goes into the intake form."""
    dialog.name.setText(appt.applicant_name)
    dialog.id_number.setText(appt.id_number)
    dialog.phone.setText(appt.phone)
    dialog.address.setText(appt.address)
    dialog.choose_item(appt.item_code)
    if appt.kind == ApptKind.HOME:
        dialog.proxy.setChecked(True)
        dialog.door_to_door.setChecked(True)
    dialog.note.setText(f"预约 {appt.appt_no}")


class ServedDialog(QDialog):
    """Register the case now (filled in from the booking) or give its number."""

    def __init__(self, appt: Appointment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("已服务：转为办件"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%1 的预约（%2）已服务。这件事要登记为办件：")
                                .replace("%1", appt.applicant_name)
                                .replace("%2", appt.item_name)))
        self.register_now = QRadioButton(self.tr("现在登记办件（自动填入预约人和事项）"))
        self.register_now.setChecked(True)
        self.already = QRadioButton(self.tr("已经登记了，办件编号："))
        self.case_no = QLineEdit()
        self.case_no.setPlaceholderText(self.tr("完整的办件编号"))
        group = QButtonGroup(self)
        group.addButton(self.register_now)
        group.addButton(self.already)
        layout.addWidget(self.register_now)
        row = QHBoxLayout()
        row.addWidget(self.already)
        row.addWidget(self.case_no, 1)
        layout.addLayout(row)
        self.case_no.textEdited.connect(lambda _t: self.already.setChecked(True))
        layout.addWidget(ok_cancel_buttons(self, self.tr("确定")))

    def answer(self) -> tuple[str, str]:
        if self.already.isChecked():
            return "link", self.case_no.text().strip()
        return "register", ""


class RescheduleDialog(QDialog):
    def __init__(self, desk: Desk, appt: Appointment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("改期"))
        layout = QVBoxLayout(self)
        local = appt.at.astimezone()
        layout.addWidget(QLabel(self.tr("原定 %1，%2。与申请人约定的新时间：")
                                .replace("%1", f"{local:%Y-%m-%d %H:%M}")
                                .replace("%2", appt.applicant_name)))
        form = QFormLayout()
        self.at = QDateTimeEdit()
        self.at.setLocale(CHINESE)
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd ddd HH:mm")
        start = max(local.date(), date.today())
        new_day = desk.calendar.next_open_day(start)
        self.at.setDateTime(to_qt(datetime.combine(new_day, local.time())))
        form.addRow(self.tr("新的预约时间"), self.at)
        layout.addLayout(form)
        layout.addWidget(ok_cancel_buttons(self, self.tr("改期")))

    def moment(self) -> datetime:
        value = self.at.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0)
