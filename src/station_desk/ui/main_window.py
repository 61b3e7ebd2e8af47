"""The main window: station and clerk always visible, one area per navigation entry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import UserError
from ..services.audit import TamperReport
from ..services.desk import Desk
from ..services.errors import known_failure
from ..services.notices import prepare_printing
from .after_hours.page import AfterHoursPage
from .appointments.page import AppointmentsPage
from .archive.page import ArchivePage
from .cases.page import CasesPage
from .catalogue.page import CataloguePage
from .complaints.page import ComplaintsPage
from .idle_lock import IdleLock
from .jobs import Job, report_failure, run_job
from .menu_bar import build_menu_bar
from .settings.page import SettingsPage
from .statistics.page import StatisticsPage
from .supervision.page import SupervisionPage
from .sync.page import SyncPage
from .today.page import TodayPage
from .widgets import prompts, status
from .widgets.later import in_later_turn
from .widgets.screen_fit import remember_main_geometry, restore_main_geometry

PageT = TypeVar("PageT", bound=QWidget)


class _Page(Generic[PageT]):
    """A page attribute (`window.cases`) built on first use: opening it from the
    navigation, or code asking for it. Start-up builds only the first page."""

    def __init__(self, kind: Callable[[Desk], PageT]) -> None:
        self.kind = kind
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type) -> PageT:
        if window is None:
            raise AttributeError(self.name)
        return cast(PageT, window.page(self.name))


def sign_in_again(window: MainWindow, prefer: str | None = None) -> bool:
    """Replaceable in tests: ask for a sign-in (`prefer` offered first), True when
    someone signed in."""
    from .setup.sign_in import SignInDialog

    dialog = SignInDialog(window.desk, window)
    if prefer:
        dialog.offer_first(prefer)
    return bool(dialog.exec())


class MainWindow(QMainWindow):
    today = _Page(TodayPage)
    cases = _Page(CasesPage)
    appointments = _Page(AppointmentsPage)
    after_hours = _Page(AfterHoursPage)
    complaints = _Page(ComplaintsPage)
    catalogue = _Page(CataloguePage)
    statistics = _Page(StatisticsPage)
    sync = _Page(SyncPage)
    supervision = _Page(SupervisionPage)
    archive = _Page(ArchivePage)
    settings = _Page(SettingsPage)

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
        self._built: dict[str, QWidget] = {}
        # opened, their first filling due in a later turn: name -> refresh
        self._unfilled: dict[str, Callable[[], object]] = {}
        self._rows: list[str] = []
        self.backup_job: Job[Path | None] | None = None
        self.audit_job: Job[TamperReport] | None = None
        areas: list[tuple[str, str]] = [
            (self.tr("今日"), "today"),
            (self.tr("办件"), "cases"),
            (self.tr("预约"), "appointments"),
            (self.tr("延时服务"), "after_hours"),
            (self.tr("投诉回访"), "complaints"),
            (self.tr("服务事项"), "catalogue"),
            (self.tr("统计"), "statistics"),
            (self.tr("同步"), "sync"),
            *self._town_areas(),
            (self.tr("档案"), "archive"),
            (self.tr("设置"), "settings"),
        ]
        for label, name in areas:
            QListWidgetItem(label, self.nav)
            self._rows.append(name)
            self.stack.addWidget(QWidget())  # stands in until the page is first opened
        self.nav.currentRowChanged.connect(self._show)
        self.notice_menu: QMenu | None = None
        self.menu_actions = build_menu_bar(self)
        self.idle_lock = IdleLock(desk.station.setting("idle_lock_minutes"), self.lock, self)
        self.nav.setCurrentRow(0)
        self.refresh_header()

    def _town_areas(self) -> list[tuple[str, str]]:
        """督导 exists only at a town centre."""
        station = self.desk.station.current
        if station is None or not station.kind.is_town:
            return []
        return [(self.tr("督导"), "supervision")]

    def page(self, name: str) -> QWidget:
        """The page called `name`, built now if it has not been opened yet."""
        built = self._built.get(name)
        if built is not None:
            self._fill(name)  # opened this turn: filled before anyone uses it
            return built
        if name not in self._rows:
            raise AttributeError(name)  # e.g. 督导 in a village
        kind: Callable[[Desk], QWidget] = type(self).__dict__[name].kind
        built = kind(self.desk)
        self._built[name] = built
        row = self._rows.index(name)
        current = self.stack.currentIndex()
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, built)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self.stack.setCurrentIndex(current)
        if isinstance(built, ArchivePage):
            built.restored.connect(self._after_restore)
        if isinstance(built, TodayPage):
            built.open_list.connect(self.open_list)
        return built

    def open_list(self, area: str, which: str) -> None:
        """A card on 今日 opens the list behind it (the cases filtered as the card counts)."""
        self.go_to(area)
        if area == self.tr("办件") and which:
            self.cases.show_quick(which)

    def built_pages(self) -> list[str]:
        return [name for name in self._rows if name in self._built]

    def start_daily_backup(self) -> Job[Path | None]:
        """The day's backup in the background: the window is usable meanwhile and
        the result shows in the status bar."""
        bar = self.statusBar()

        def done(made: Path | None) -> None:
            bar.showMessage(self.tr("今日自动备份已完成：") + made.name if made
                            else self.tr("今日已备份"))

        def failed(exc: BaseException) -> None:
            bar.showMessage(self.tr("自动备份没有完成，请尽快手动备份"))
            known = exc if isinstance(exc, UserError) else known_failure(exc)
            if known is None:
                report_failure(self, "自动备份没有完成", exc)
                return
            prompts.warn(self, "自动备份没有完成",
                         known.message + "\n程序可以继续使用，请尽快手动备份。")

        # on a connection of its own, so a restore asked for meanwhile waits for it
        self.backup_job = run_job(self.desk.backups.startup_backup, title="正在自动备份",
                                  on_done=done, on_failed=failed, parent=self,
                                  dialog=False, status_bar=bar, store=self.desk.store)
        return self.backup_job

    def start_audit_check(self) -> Job[TamperReport] | None:
        """Once a day the whole audit chain is recomputed in the background (opening
        checked only what was added since): a finding is said at once; the window
        never waits for it."""
        if not self.desk.audit.full_check_due():
            return None

        def found(report: TamperReport) -> None:
            if report.tampered:
                self.statusBar().showMessage(self.tr("数据文件被本程序以外的方式改动过"))
                prompts.warn(self, "数据文件被改动过", report.message())

        self.audit_job = run_job(self.desk.audit.full_check, title="正在核对操作记录",
                                 on_done=found, parent=self, dialog=False,
                                 store=self.desk.store, failed_title="操作记录核对没有完成")
        return self.audit_job

    def prepare_printing(self) -> Job[None]:
        """The print fonts read behind the window (no database, nothing to show)."""
        return run_job(prepare_printing, title="准备打印字体", parent=self, dialog=False,
                       on_failed=lambda _exc: None)  # said again when a notice is made

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
        name = self._rows[row] if 0 <= row < len(self._rows) else None
        new = name is not None and name not in self._built
        if name is not None:
            self.page(name)
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if not callable(refresh):
            return
        if new and name is not None and page is not None \
                and getattr(page, "FILLED_AFTER_FIRST_PAINT", False):
            # made and painted in this turn, filled in a later one (together they were
            # one stall over 100 ms); code asking for the page meanwhile gets it filled
            self._unfilled[name] = refresh
            in_later_turn(page, lambda: self._fill(name))
        else:
            refresh()

    def _fill(self, name: str) -> None:
        refresh = self._unfilled.pop(name, None)
        if refresh is not None:
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

    def lock(self) -> None:
        """Nobody touched the PC for a while: whoever comes next signs in first. Closing
        the sign-in closes the program (everything saved stays saved)."""
        previous = self.desk.session.signed_in
        self.desk.session.sign_out()
        self.refresh_header()
        if not sign_in_again(self, previous.name if previous else None):
            self.close()
            return
        self.refresh_header()
        self._show(self.stack.currentIndex())

    # -- the day's actions, from the menu bar and its keys on any page ----------
    def new_case(self) -> None:
        self.go_to(self.tr("办件"))
        self.cases.new_case()

    def find_case(self) -> None:
        self.go_to(self.tr("办件"))
        self.cases.search.setFocus()
        self.cases.search.selectAll()

    def open_selected_case(self) -> None:
        self.go_to(self.tr("办件"))
        case_no = self.cases.selected_case_no()
        if case_no is None:
            status.say(self, self.tr("请先在办件列表中选中一件"))
            return
        self.cases.open_case(case_no)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_lock.stop()
        if self.audit_job is not None:
            self.audit_job.cancel()  # read-only: tomorrow's start checks again
        remember_main_geometry(self)
        super().closeEvent(event)

    def area_names(self) -> list[str]:
        return [self.nav.item(i).text() for i in range(self.nav.count())]

    def go_to(self, label: str) -> None:
        items = self.nav.findItems(label, Qt.MatchFlag.MatchExactly)
        if items:
            self.nav.setCurrentItem(items[0])
