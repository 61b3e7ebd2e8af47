"""设置's correction dialogs: the station's own details, one staff member, a new password."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from ...domain.pin import RULE_TEXT
from ...domain.station import OfficeHours, Role, Staff, Station
from ...services.desk import Desk
from ...services.station import StaffChange, StationChange
from ..widgets import prompts
from ..widgets.dialog_job import DialogJob
from ..widgets.forms import save_cancel_buttons
from ..widgets.screen_fit import fit_to_screen


def _time_edit(value: str) -> QTimeEdit:
    edit = QTimeEdit(QTime.fromString(value, "HH:mm"))
    edit.setDisplayFormat("HH:mm")
    return edit


class StationDialog(QDialog):
    """Name, 所属镇中心 (villages), address, phone and office hours."""

    def __init__(self, desk: Desk, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("修改本站信息"))
        fit_to_screen(self, 560, 360)
        form = QFormLayout(self)
        self.name = QLineEdit(station.name)
        self.town_code = QLineEdit(station.town_code)
        self.town_code.setPlaceholderText(self.tr("9 位乡镇代码或 12 位编码"))
        self.town_name = QLineEdit(station.town_name)
        self.address = QLineEdit(station.address)
        self.phone = QLineEdit(station.phone)
        hours = station.office_hours.to_dict()
        self.hours = {key: _time_edit(value) for key, value in hours.items()}
        form.addRow(self.tr("站点名称"), self.name)
        if not station.kind.is_town:  # a town centre has no town above it
            form.addRow(self.tr("所属镇中心编码"), self.town_code)
            form.addRow(self.tr("所属镇中心名称"), self.town_name)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("电话"), self.phone)
        for label, first, last in ((self.tr("上午"), "morning_start", "morning_end"),
                                   (self.tr("下午"), "afternoon_start", "afternoon_end")):
            row = QHBoxLayout()
            row.addWidget(self.hours[first])
            row.addWidget(QLabel("—"))
            row.addWidget(self.hours[last])
            row.addStretch()
            form.addRow(label, row)
        self.is_town = station.kind.is_town
        buttons = save_cancel_buttons(self, self.tr("保存"))
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)

    def change(self) -> StationChange:
        hours = OfficeHours.from_dict({k: e.time().toString("HH:mm")
                                       for k, e in self.hours.items()})
        return StationChange(
            name=self.name.text(),
            town_code=None if self.is_town or not self.town_code.text().strip()
            else self.town_code.text(),
            town_name=None if self.is_town else self.town_name.text(),
            address=self.address.text(), phone=self.phone.text(), hours=hours)

    def accept(self) -> None:
        if prompts.succeeded(self, lambda: self.desk.station.edit_station(self.change()),
                             self.tr("未保存")):
            super().accept()


class StaffDialog(QDialog):
    """Role, window and training date of one staff member."""

    def __init__(self, desk: Desk, person: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.person = person
        self.setWindowTitle(self.tr("修改工作人员 — %1").replace("%1", person.name))
        fit_to_screen(self, 460, 240)
        form = QFormLayout(self)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(list(Role).index(person.role))
        self.window_box = QComboBox()
        self.window_box.addItem(self.tr("（不固定窗口）"), "")
        for w in desk.station.windows():
            self.window_box.addItem(w.name, w.name)
            if w.id == person.window_id:
                self.window_box.setCurrentIndex(self.window_box.count() - 1)
        self.phone = QLineEdit(person.phone)
        self.training = QDateEdit()
        self.training.setCalendarPopup(True)
        self.training.setDisplayFormat("yyyy-MM-dd")
        self.training.setDate(QDate.fromString(person.training_date or "", "yyyy-MM-dd")
                              if person.training_date else QDate.currentDate())
        form.addRow(self.tr("岗位"), self.role)
        form.addRow(self.tr("窗口"), self.window_box)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("上岗培训日期"), self.training)
        buttons = save_cancel_buttons(self, self.tr("保存"))
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)

    def accept(self) -> None:
        change = StaffChange(role=Role(self.role.currentData()),
                             window=str(self.window_box.currentData()),
                             training_date=self.training.date().toString("yyyy-MM-dd"),
                             phone=self.phone.text())
        if prompts.succeeded(self, lambda: self.desk.station.edit_staff(self.person.name,
                                                                        change),
                             self.tr("未保存")):
            super().accept()


class NewPasswordDialog(QDialog):
    """The head gives someone who forgot their password a new one, typed twice."""

    def __init__(self, desk: Desk, person: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.person = person
        self.setWindowTitle(self.tr("重置密码 — %1").replace("%1", person.name))
        fit_to_screen(self, 420, 200)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("给 %1 设一个新密码（%2），告诉本人；"
                                   "本人以后可以自己再改。").replace("%1", person.name)
                           .replace("%2", RULE_TEXT)))
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("新密码"), self.first)
        form.addRow(self.tr("再输一遍"), self.second)
        self.saving = DialogJob(self, desk.store)
        form.addRow(self.saving.label)
        buttons = save_cancel_buttons(self, self.tr("重置"))
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.first.text() != self.second.text():
            prompts.warn(self, self.tr("未重置"), self.tr("两次输入的密码不一样，请重新输入"))
            return
        pin, name = self.first.text(), self.person.name
        self.saving.save_then_close(lambda: self.desk.station.reset_pin(name, pin),
                                    failed_title=self.tr("未重置"))
