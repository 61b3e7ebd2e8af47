"""The main window: station and clerk always visible, one area per navigation entry."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..services.desk import Desk
from .after_hours.page import AfterHoursPage
from .appointments.page import AppointmentsPage
from .archive.page import ArchivePage
from .cases.page import CasesPage
from .catalogue.page import CataloguePage
from .complaints.page import ComplaintsPage
from .settings.page import SettingsPage
from .statistics.page import StatisticsPage
from .supervision.page import SupervisionPage
from .sync.page import SyncPage
from .today.page import TodayPage
from .widgets.screen_fit import remember_main_geometry, restore_main_geometry


def sign_in_again(window: MainWindow) -> bool:
    """Replaceable in tests: ask for a sign-in, True when someone signed in."""
    from .setup.sign_in import SignInDialog

    return bool(SignInDialog(window.desk, window).exec())


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.setWindowTitle(self.tr("便民服务站办件台账"))
        self.setMinimumSize(QSize(900, 600))
        restore_main_geometry(self)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._header())
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.today = TodayPage(desk)
        self.cases = CasesPage(desk)
        self.catalogue = CataloguePage(desk)
        self.settings = SettingsPage(desk)
        self.archive = ArchivePage(desk)
        self.appointments = AppointmentsPage(desk)
        self.after_hours = AfterHoursPage(desk)
        self.complaints = ComplaintsPage(desk)
        self.statistics = StatisticsPage(desk)
        self.sync = SyncPage(desk)
        self.archive.restored.connect(self._after_restore)
        areas: list[tuple[str, QWidget]] = [
            (self.tr("今日"), self.today),
            (self.tr("办件"), self.cases),
            (self.tr("预约"), self.appointments),
            (self.tr("延时服务"), self.after_hours),
            (self.tr("投诉回访"), self.complaints),
            (self.tr("服务事项"), self.catalogue),
            (self.tr("统计"), self.statistics),
            (self.tr("同步"), self.sync),
            *self._town_areas(),
            (self.tr("档案"), self.archive),
            (self.tr("设置"), self.settings),
        ]
        for label, page in areas:
            QListWidgetItem(label, self.nav)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._show)
        self.nav.setCurrentRow(0)
        self.refresh_header()

    def _town_areas(self) -> list[tuple[str, QWidget]]:
        """督导 exists only at a town centre."""
        station = self.desk.station.current
        if station is None or not station.kind.is_town:
            return []
        self.supervision = SupervisionPage(self.desk)
        return [(self.tr("督导"), self.supervision)]

    def _header(self) -> QWidget:
        bar = QFrame()
        bar.setObjectName("header")
        row = QHBoxLayout(bar)
        self.station_label = QLabel()
        self.station_label.setObjectName("stationName")
        self.clerk_label = QLabel()
        self.clerk_label.setObjectName("clerk")
        self.switch_button = QPushButton(self.tr("换人登录"))
        self.switch_button.clicked.connect(self.switch_clerk)
        row.addWidget(self.station_label)
        row.addStretch()
        row.addWidget(self.clerk_label)
        row.addWidget(self.switch_button)
        return bar

    def refresh_header(self) -> None:
        station = self.desk.station.current
        self.station_label.setText(station.name if station else "")
        who = self.desk.session.signed_in
        self.clerk_label.setText(
            self.tr("当前经办人：") + (f"{who.name}（{who.role.label}）" if who else
                                   self.tr("未登录")))

    def _show(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _after_restore(self, _kept_aside: str) -> None:
        """The archive was replaced: whoever is signed in may not exist in it."""
        if self.desk.session.signed_in is None:
            self.switch_clerk()
        self.refresh_header()
        self._show(self.stack.currentIndex())

    def switch_clerk(self) -> None:
        previous = self.desk.session.signed_in
        self.desk.session.sign_out()
        if not sign_in_again(self):
            self.desk.session.signed_in = previous
        self.refresh_header()
        self._show(self.stack.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_main_geometry(self)
        super().closeEvent(event)

    def area_names(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def go_to(self, label: str) -> None:
        items = self.nav.findItems(label, Qt.MatchFlag.MatchExactly)
        if items:
            self.nav.setCurrentItem(items[0])
