"""First-run setup: station kind and name, windows and office hours, staff."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...domain.station import OfficeHours, Role, StationKind, default_station_name
from ...services.desk import Desk
from ...services.station import StaffInput
from ..widgets import prompts
from ..widgets.dialog_job import DialogJob
from ..widgets.screen_fit import fit_to_screen
from .recovery import RecoveryDialog
from .staff_grid import StaffGridModel, staff_grid


def _time(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


class StationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("第一步：本站信息"))
        self.setSubTitle(self.tr("按《标准化建设指导手册》填写。站点编码用 12 位行政区划代码。"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for kind in (StationKind.VILLAGE, StationKind.COMMUNITY, StationKind.TOWN1,
                     StationKind.TOWN2):
            self.kind.addItem(kind.label, kind)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("如：西沟村（自动加“便民服务站”）"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("610922101201")
        self.code.setMaxLength(12)
        self.town_name = QLineEdit()
        self.town_name.setPlaceholderText(self.tr("如：城关镇便民服务中心"))
        self.town_code = QLineEdit()
        self.town_code.setMaxLength(12)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        form.addRow(self.tr("站点类型"), self.kind)
        form.addRow(self.tr("村/社区/镇名称"), self.place)
        form.addRow(self.tr("站点编码"), self.code)
        form.addRow(self.tr("所属镇中心"), self.town_name)
        form.addRow(self.tr("镇中心编码"), self.town_code)
        form.addRow(self.tr("办公地址"), self.address)
        form.addRow(self.tr("联系电话"), self.phone)
        # a new PC or a reinstall: the station comes back from its backup instead
        self.restore_button = QPushButton(self.tr("从备份恢复（新电脑或重装后）…"))
        self.restore_button.setToolTip(self.tr("用U盘上的备份和《数据恢复单》上的恢复码找回本站数据"))
        restore_row = QHBoxLayout()
        restore_row.addWidget(QLabel(self.tr("本站以前用过本程序？")))
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch()
        form.addRow(restore_row)

    @property
    def station_kind(self) -> StationKind:
        return StationKind(self.kind.currentData())  # Qt hands enums back as str

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        if not self.place.text().strip():
            prompts.warn(self, self.tr("请补全"), self.tr("请填写村/社区/镇名称"))
            return False
        if not (self.code.text().isdigit() and len(self.code.text()) == 12):
            prompts.warn(self, self.tr("请补全"),
                         self.tr("站点编码应为 12 位数字，例如 610922101201"))
            return False
        return True


class WindowsPage(QWizardPage):
    def __init__(self, station: StationPage) -> None:
        super().__init__()
        self.station = station
        self.setTitle(self.tr("第二步：窗口和工作时间"))
        self.setSubTitle(self.tr("已按站点类型填好手册规定的窗口，可增设公共服务窗口。"))
        layout = QVBoxLayout(self)
        self.windows = QListWidget()
        self.windows.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        layout.addWidget(QLabel(self.tr("窗口（双击可改名）")))
        layout.addWidget(self.windows)
        row = QHBoxLayout()
        add = QPushButton(self.tr("增设窗口"))
        add.clicked.connect(self.add_window)
        remove = QPushButton(self.tr("删除所选"))
        remove.clicked.connect(lambda: self.windows.takeItem(self.windows.currentRow()))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        layout.addLayout(row)
        hours = OfficeHours()
        form = QFormLayout()
        self.times = {}
        for key, label in (("morning_start", self.tr("上午上班")),
                           ("morning_end", self.tr("上午下班")),
                           ("afternoon_start", self.tr("下午上班")),
                           ("afternoon_end", self.tr("下午下班（延时服务从此开始）"))):
            value = getattr(hours, key)
            edit = QTimeEdit(QTime(value.hour, value.minute))
            edit.setDisplayFormat("HH:mm")
            self.times[key] = edit
            form.addRow(label, edit)
        layout.addWidget(QLabel(self.tr("工作时间公示")))
        layout.addLayout(form)

    def initializePage(self) -> None:  # noqa: N802
        self.windows.clear()
        for name in self.station.station_kind.default_windows:
            self._add(name)

    def _add(self, name: str) -> None:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.windows.addItem(item)

    def add_window(self) -> None:
        self._add(self.tr("公共服务窗口"))
        self.windows.editItem(self.windows.item(self.windows.count() - 1))

    def window_names(self) -> list[str]:
        return [self.windows.item(i).text().strip() for i in range(self.windows.count())
                if self.windows.item(i).text().strip()]

    def office_hours(self) -> OfficeHours:
        return OfficeHours.from_dict({k: _time(e) for k, e in self.times.items()})


class StaffPage(QWizardPage):
    def __init__(self, windows: WindowsPage) -> None:
        super().__init__()
        self.windows_page = windows
        self.setTitle(self.tr("第三步：工作人员"))
        self.setSubTitle(self.tr("第一行是站长（中心主任）。每人用姓名和密码登录，"
                                 "所有记录都会记下经办人。窗口不得无人。"))
        layout = QVBoxLayout(self)
        self.model = StaffGridModel(self)
        self.table = staff_grid(self.model)
        layout.addWidget(self.table)
        add = QPushButton(self.tr("再添一人"))
        add.clicked.connect(lambda: self.add_row(Role.AGENT))
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch()
        layout.addLayout(row)

    def initializePage(self) -> None:  # noqa: N802
        self.model.set_windows(self.windows_page.window_names())
        if self.model.rowCount() == 0:
            self.add_row(Role.HEAD)
            self.add_row(Role.AGENT)

    def add_row(self, role: Role, name: str = "", window: str | None = None,
                pin: str = "") -> None:
        self.model.add(role, name, window, pin)

    def staff(self) -> list[StaffInput]:
        return self.model.staff()


class SetupWizard(QWizard):
    """Collects everything, then calls `Desk.setup`; a refusal keeps the wizard open."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("首次设置 — 便民服务站办件台账"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        fit_to_screen(self, 720, 560)
        self.station_page = StationPage()
        self.windows_page = WindowsPage(self.station_page)
        self.staff_page = StaffPage(self.windows_page)
        for page in (self.station_page, self.windows_page, self.staff_page):
            self.addPage(page)
        self.saving = DialogJob(self, desk.store)  # each PIN typed is hashed: a second each
        layout = self.staff_page.layout()
        assert layout is not None
        layout.addWidget(self.saving.label)
        self.station_page.restore_button.clicked.connect(self.restore_from_backup)

    def restore_from_backup(self) -> RecoveryDialog:
        """Opens the dialog (returned for tests); a restored station needs no setup."""
        dialog = RecoveryDialog(self.desk, self)
        dialog.accepted.connect(self._restored)
        dialog.open()
        return dialog

    def _restored(self) -> None:
        if self.desk.station.is_set_up:
            # past QWizard.done, which would first validate the (empty) station page,
            # and past `accept`, which would set the station up again
            QDialog.done(self, QDialog.DialogCode.Accepted)

    def accept(self) -> None:
        s = self.station_page
        kind = s.station_kind
        save = partial(  # what is typed, read now; saved in the runner
            self.desk.station.setup,
            kind=kind, code=s.code.text(), name=default_station_name(kind, s.place.text()),
            town_code=s.town_code.text(), town_name=s.town_name.text(),
            address=s.address.text(), phone=s.phone.text(),
            office_hours=self.windows_page.office_hours(),
            windows=self.windows_page.window_names(), staff=self.staff_page.staff())
        self.saving.save_then_close(save, failed_title=self.tr("设置未保存"))
