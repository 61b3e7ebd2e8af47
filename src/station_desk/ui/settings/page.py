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
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.settings import REGISTRY
from ...domain.station import Role, Staff
from ...services.desk import Desk
from ...services.station import StaffInput
from ..devices.settings_box import DeviceSettingsBox
from ..jobs import Job
from ..notices.making import make_then_show
from ..widgets import prompts, status, text_size
from ..widgets.dialog_job import DialogJob
from ..widgets.forms import rows_view
from ..widgets.lazy_tabs import LazyTabs
from .dialogs import NewPasswordDialog, StaffDialog, StationDialog
from .holidays_box import HolidaysBox
from .model import StaffModel


def open_dialog(dialog: QDialog) -> bool:
    """Replaceable in tests: run a dialog, True when it was saved."""
    return bool(dialog.exec())


def ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """Replaceable in tests."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


ask_choice = prompts.ask_choice  # replaceable in tests


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch()
    return row


def scrolled(*groups: QWidget) -> QScrollArea:
    """A tab's groups at the top, scrolling rather than squashing on a small screen."""
    content = QWidget()
    layout = QVBoxLayout(content)
    for group in groups:
        layout.addWidget(group)
    layout.addStretch()
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


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
        form.addRow(self.tr("密码"), self.pin)
        self.saving = DialogJob(self, desk.store)
        form.addRow(self.saving.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        new = StaffInput(self.name.text(), Role(self.role.currentData()),
                         self.pin.text().strip() or None, self.window_box.currentData() or None,
                         self.phone.text(), self.training.date().toString("yyyy-MM-dd"))
        self.saving.save_then_close(lambda: self.desk.station.add_staff(new),
                                    failed_title=self.tr("未保存"))


class SettingsPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.spins: dict[str, QSpinBox] = {}
        self.choices: dict[str, QComboBox] = {}  # settings with a fixed set of values
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("设置"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        # 本站与窗口 in front; the other tabs are made (and filled) when first shown: all
        # eight groups made and laid out at once stalled the first opening (issue 12)
        self.tabs = LazyTabs()
        self.staff_model = StaffModel(self)  # filled by refresh, shown by the 工作人员 tab
        self.tabs.addTab(self._station_tab(), self.tr("本站与窗口"))
        self.staff_page = self.tabs.add_lazy(self.tr("工作人员"), self._staff_tab,
                                             self._enable_staff_buttons)
        self.rules_page = self.tabs.add_lazy(self.tr("办理规则"), self._rules_tab,
                                             self._refresh_rules)
        self.board_page = self.tabs.add_lazy(self.tr("制度牌与节假日"), self._board_tab)
        self.display_page = self.tabs.add_lazy(self.tr("显示"), self._display_tab,
                                               self._refresh_zoom)
        self.devices_page = self.tabs.add_lazy(self.tr("窗口设备"), self._devices_tab)
        layout.addWidget(self.tabs, 1)

    def _station_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.station_box = QGroupBox(self.tr("本站"))
        self.station_info = QLabel()
        self.station_info.setWordWrap(True)
        station_layout = QVBoxLayout(self.station_box)
        station_layout.addWidget(self.station_info)
        self.edit_station_button = QPushButton(self.tr("修改本站信息…"))
        self.edit_station_button.clicked.connect(self.edit_station)
        self.add_window_button = QPushButton(self.tr("增设窗口…"))
        self.add_window_button.clicked.connect(self.add_window)
        self.rename_window_button = QPushButton(self.tr("窗口改名…"))
        self.rename_window_button.clicked.connect(self.rename_window)
        self.retire_window_button = QPushButton(self.tr("撤销窗口…"))
        self.retire_window_button.clicked.connect(self.retire_window)
        station_layout.addLayout(button_row(
            self.edit_station_button, self.add_window_button, self.rename_window_button,
            self.retire_window_button))
        self.unstaffed = QLabel()
        self.unstaffed.setObjectName("alerts")
        station_layout.addWidget(self.unstaffed)
        layout.addWidget(self.station_box)
        layout.addStretch()
        return tab

    def _staff_tab(self) -> QWidget:
        staff_box = QGroupBox(self.tr("工作人员与窗口"))
        staff_layout = QVBoxLayout(staff_box)
        self.staff_table = rows_view(self.staff_model)
        self.staff_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        staff_layout.addWidget(self.staff_table)
        self.add_staff_button = QPushButton(self.tr("添加工作人员…"))
        self.add_staff_button.clicked.connect(self.add_staff)
        self.edit_staff_button = QPushButton(self.tr("修改所选…"))
        self.edit_staff_button.clicked.connect(self.edit_staff)
        self.staff_table.activated.connect(lambda _index: self.edit_staff())
        self.reset_pin_button = QPushButton(self.tr("重置密码…"))
        self.reset_pin_button.clicked.connect(self.reset_password)
        self.retire_button = QPushButton(self.tr("离岗…"))
        self.retire_button.clicked.connect(self.retire_staff)
        staff_layout.addLayout(button_row(self.add_staff_button, self.edit_staff_button,
                                          self.reset_pin_button, self.retire_button))
        tab = QWidget()
        QVBoxLayout(tab).addWidget(staff_box)
        return tab

    def _rules_tab(self) -> QWidget:
        rules = QGroupBox(self.tr("办理规则"))
        form = QFormLayout(rules)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for key, spec in REGISTRY.items():
            if spec.choices:
                box = QComboBox()
                for value in spec.choices:
                    box.addItem(self.tr(spec.choice_label(value)), value)
                box.activated.connect(lambda _i, k=key: self._save_choice(k))
                self.choices[key] = box
                form.addRow(self.tr(spec.label), box)
                continue
            spin = QSpinBox()
            spin.setRange(spec.minimum, spec.maximum)
            spin.editingFinished.connect(lambda k=key: self._save_setting(k))
            self.spins[key] = spin
            form.addRow(self.tr(spec.label), spin)
        return scrolled(rules)

    def _board_tab(self) -> QWidget:
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
        self.holidays_box = HolidaysBox(self.desk)
        return scrolled(board, self.holidays_box)

    def _devices_tab(self) -> QWidget:
        self.devices_box = DeviceSettingsBox(self.desk.data_dir)
        return scrolled(self.devices_box)

    def _display_tab(self) -> QWidget:
        """The text size on this PC, for anyone (not a station rule)."""
        box = QGroupBox(self.tr("显示（本机）"))
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("字号")))
        self.zoom = QComboBox()
        for percent in text_size.ZOOM_STEPS:
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.activated.connect(
            lambda _i: self._zoomed(text_size.set_zoom(self.zoom.currentData())))
        row.addWidget(self.zoom)
        hint = QLabel(self.tr("在系统中把文字调大，本程序也随之变大；"
                              "在主窗口按 Ctrl + 放大、Ctrl − 缩小、Ctrl 0 恢复。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        return scrolled(box)

    def _zoomed(self, percent: int) -> None:
        status.say(self, self.tr("字号：%1%").replace("%1", str(percent)))

    def _can_change(self) -> bool:
        signed_in = self.desk.session.signed_in
        return signed_in is None or signed_in.role == Role.HEAD

    def refresh(self) -> None:
        """What is shown again (tabs not made yet are filled when first shown)."""
        if self.tabs.is_built(self.display_page):
            self._refresh_zoom()
        station = self.desk.station.current
        if station is None:
            return
        town = "" if station.kind.is_town else (
            f"所属：{station.town_name or '未填'}（{station.town_code or '编码未填'}）　")
        self.station_info.setText(
            f"{station.name}（{station.kind.label}）　编码 {station.code}\n"
            f"{town}地址：{station.address or '未填'}"
            f"　电话：{station.phone or '未填'}\n{station.office_hours.text()}\n"
            f"窗口：{'、'.join(w.name for w in self.desk.station.windows())}")
        windows = {w.id: w.name for w in self.desk.station.windows()}
        self.staff_model.set_records(
            [(s, windows.get(s.window_id or "", "")) for s in self.desk.station.staff()])
        empty = self.desk.station.unstaffed_windows()
        self.unstaffed.setText(("⚠ " + self.tr("无人值守的窗口：") + "、".join(empty))
                               if empty else "")
        head = self._can_change()
        for button in (self.edit_station_button, self.add_window_button,
                       self.rename_window_button, self.retire_window_button):
            button.setEnabled(head)
        if self.tabs.is_built(self.staff_page):
            self._enable_staff_buttons()
        self._refresh_rules()

    def _enable_staff_buttons(self) -> None:
        head = self._can_change()
        for button in (self.add_staff_button, self.edit_staff_button, self.reset_pin_button,
                       self.retire_button):
            button.setEnabled(head)

    def _refresh_zoom(self) -> None:
        self.zoom.setCurrentIndex(max(0, self.zoom.findData(text_size.saved_zoom())))

    def _refresh_rules(self) -> None:
        if self.desk.station.current is None:
            return
        head = self._can_change()
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(self.desk.station.setting(key))
            spin.blockSignals(False)
            spin.setEnabled(head)
        for key, box in self.choices.items():
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(self.desk.station.setting(key)))
            box.blockSignals(False)
            box.setEnabled(head)

    def print_board(self) -> Job[bytes] | None:
        """The board made in the runner (0.3-0.6 s), then its preview."""
        size = self.board_size.currentText()
        return make_then_show(self, self.desk, f"board {size}",
                              lambda: self.desk.notices.rules_board(size),
                              lambda pdf: show_pdf(self, pdf, self.tr("制度牌") + size),
                              failed_title=self.tr("无法完成"), writes=False)

    def add_staff(self) -> None:
        if AddStaffDialog(self.desk, self).exec():
            self.refresh()

    def _done(self, text: str) -> None:
        self.refresh()
        status.say(self, text)

    def edit_station(self) -> None:
        station = self.desk.station.current
        if station is not None and open_dialog(StationDialog(self.desk, station, self)):
            self._done(self.tr("本站信息已修改"))

    def selected_staff(self) -> Staff | None:
        index = self.staff_table.currentIndex()
        row = self.staff_model.record_at(index.row()) if index.isValid() else None
        if row is None:
            prompts.warn(self, self.tr("请先选择"), self.tr("请先在表格中点选一位工作人员"))
            return None
        return row[0]

    def edit_staff(self) -> None:
        person = self.selected_staff()
        if person is not None and open_dialog(StaffDialog(self.desk, person, self)):
            self._done(self.tr("%1 的资料已修改").replace("%1", person.name))

    def reset_password(self) -> None:
        person = self.selected_staff()
        if person is not None and open_dialog(NewPasswordDialog(self.desk, person, self)):
            self._done(self.tr("%1 的密码已重置").replace("%1", person.name))

    def retire_staff(self) -> None:
        person = self.selected_staff()
        if person is None or not prompts.confirm(
                self, self.tr("离岗"),
                self.tr("%1 离岗后不能再登录，已办的事仍记在其名下。确定？")
                .replace("%1", person.name)):
            return
        if prompts.succeeded(self, lambda: self.desk.station.retire(person.name)):
            self._done(self.tr("%1 已离岗").replace("%1", person.name))

    def _window_names(self) -> list[str]:
        return [w.name for w in self.desk.station.windows()]

    def add_window(self) -> None:
        name = ask_text(self, self.tr("增设窗口"), self.tr("新窗口的名称："), "")
        if name and prompts.succeeded(self, lambda: self.desk.station.add_window(name)):
            self._done(self.tr("已增设 %1").replace("%1", name))

    def rename_window(self) -> None:
        old = ask_choice(self, self.tr("窗口改名"), self.tr("要改名的窗口："),
                         self._window_names())
        new = ask_text(self, self.tr("窗口改名"), self.tr("新名称："), old) if old else None
        if old and new and prompts.succeeded(
                self, lambda: self.desk.station.rename_window(old, new)):
            self._done(self.tr("%1 已改名为 %2").replace("%1", old).replace("%2", new))

    def retire_window(self) -> None:
        name = ask_choice(self, self.tr("撤销窗口"), self.tr("要撤销的窗口："),
                          self._window_names())
        if name and prompts.succeeded(self, lambda: self.desk.station.retire_window(name)):
            self._done(self.tr("%1 已撤销").replace("%1", name))

    def _save_choice(self, key: str) -> None:
        value = int(self.choices[key].currentData())
        if value != self.desk.station.setting(key):
            prompts.succeeded(self, lambda: self.desk.station.set_setting(key, value))
        self.refresh()

    def _save_setting(self, key: str) -> None:
        value = self.spins[key].value()
        if value != self.desk.station.setting(key):
            prompts.succeeded(self, lambda: self.desk.station.set_setting(key, value))
