"""设置: the station's facts, windows, staff and station-wide settings."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.settings import REGISTRY
from ...domain.station import Role
from ...services.desk import Desk
from ...services.station import StaffInput
from ..devices.settings_box import DeviceSettingsBox
from ..widgets import prompts
from ..widgets.forms import rows_view
from .model import StaffModel


def show_pdf(parent: QWidget, pdf: bytes, name: str) -> None:
    """Replaceable in tests."""
    from ..notices.preview import PdfPreview

    PdfPreview(pdf, name, parent.tr("制度牌可贴于服务站醒目位置。"), parent).exec()


class AddStaffDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("添加工作人员"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(1)
        self.window_box = QComboBox()
        self.window_box.addItem(self.tr("（不固定窗口）"), "")
        for w in desk.station.windows():
            self.window_box.addItem(w.name, w.name)
        self.phone = QLineEdit()
        self.training = QDateEdit()
        self.training.setCalendarPopup(True)
        self.training.setDisplayFormat("yyyy-MM-dd")
        self.training.setDate(QDate.currentDate())
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("可留空，本人首次登录时设置"))
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("岗位"), self.role)
        form.addRow(self.tr("窗口"), self.window_box)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("上岗培训日期"), self.training)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        new = StaffInput(self.name.text(), Role(self.role.currentData()),
                         self.pin.text().strip() or None, self.window_box.currentData() or None,
                         self.phone.text(), self.training.date().toString("yyyy-MM-dd"))
        if prompts.succeeded(self, lambda: self.desk.station.add_staff(new), self.tr("未保存")):
            super().accept()


class SettingsPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        # more groups than 768 pixels hold: the page scrolls rather than squashing them
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        title = QLabel(self.tr("设置"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.station_box = QGroupBox(self.tr("本站"))
        self.station_info = QLabel()
        self.station_info.setWordWrap(True)
        QVBoxLayout(self.station_box).addWidget(self.station_info)
        layout.addWidget(self.station_box)
        staff_box = QGroupBox(self.tr("工作人员与窗口"))
        staff_layout = QVBoxLayout(staff_box)
        self.staff_model = StaffModel(self)
        self.staff_table = rows_view(self.staff_model)
        self.staff_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        staff_layout.addWidget(self.staff_table)
        self.unstaffed = QLabel()
        self.unstaffed.setObjectName("alerts")
        staff_layout.addWidget(self.unstaffed)
        row = QHBoxLayout()
        self.add_staff_button = QPushButton(self.tr("添加工作人员…"))
        self.add_staff_button.clicked.connect(self.add_staff)
        row.addWidget(self.add_staff_button)
        row.addStretch()
        staff_layout.addLayout(row)
        layout.addWidget(staff_box)
        rules = QGroupBox(self.tr("办理规则"))
        form = QFormLayout(rules)
        self.spins: dict[str, QSpinBox] = {}
        for key, spec in REGISTRY.items():
            spin = QSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.editingFinished.connect(lambda k=key: self._save_setting(k))
            self.spins[key] = spin
            form.addRow(self.tr(spec.label), spin)
        layout.addWidget(rules)
        board = QGroupBox(self.tr("制度牌（对外公示）"))
        board_row = QHBoxLayout(board)
        board_row.addWidget(QLabel(
            self.tr("按本站类型打印手册规定的制度（村 3 个、镇 5 个），每页一个：")))
        self.board_size = QComboBox()
        self.board_size.addItems(["A4", "A3"])
        board_row.addWidget(self.board_size)
        self.board_button = QPushButton(self.tr("预览并打印…"))
        self.board_button.clicked.connect(self.print_board)
        board_row.addWidget(self.board_button)
        board_row.addStretch()
        layout.addWidget(board)
        self.devices_box = DeviceSettingsBox(desk.data_dir)
        layout.addWidget(self.devices_box)
        layout.addStretch()

    def refresh(self) -> None:
        station = self.desk.station.current
        if station is None:
            return
        self.station_info.setText(
            f"{station.name}（{station.kind.label}）　编码 {station.code}\n"
            f"所属：{station.town_name or '未填'}　地址：{station.address or '未填'}"
            f"　电话：{station.phone or '未填'}\n{station.office_hours.text()}")
        windows = {w.id: w.name for w in self.desk.station.windows()}
        self.staff_model.set_records(
            [(s, windows.get(s.window_id or "", "")) for s in self.desk.station.staff()])
        empty = self.desk.station.unstaffed_windows()
        self.unstaffed.setText(("⚠ " + self.tr("无人值守的窗口：") + "、".join(empty))
                               if empty else "")
        head = self.desk.session.signed_in is None or self.desk.session.signed_in.role == Role.HEAD
        self.add_staff_button.setEnabled(head)
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(self.desk.station.setting(key))
            spin.blockSignals(False)
            spin.setEnabled(head)

    def print_board(self) -> None:
        size = self.board_size.currentText()
        pdf = prompts.attempt(self, lambda: self.desk.notices.rules_board(size))
        if pdf is not None:
            show_pdf(self, pdf, self.tr("制度牌") + size)

    def add_staff(self) -> None:
        if AddStaffDialog(self.desk, self).exec():
            self.refresh()

    def _save_setting(self, key: str) -> None:
        value = self.spins[key].value()
        if value != self.desk.station.setting(key):
            prompts.succeeded(self, lambda: self.desk.station.set_setting(key, value))
