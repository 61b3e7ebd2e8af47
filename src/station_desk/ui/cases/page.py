"""办件: every case of the station, what needs attention first.

The list is paged (see `CaseListModel`), so it opens as quickly with a million
cases as with twenty. Overdue and soon-due cases come first (the archive keeps
them in that order) and are tinted red and amber.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import Status
from ...domain.catalogue import CaseType
from ...services.desk import Desk
from ..jobs import Job, Reloader
from ..widgets.forms import page_top, rows_view
from ..widgets.text_size import follow_text_size
from .list_rows import left_text
from .model import CaseListModel, station_names

MAX_ALERTS = 5
SEARCH_DELAY_MS = 250
# a long list's full count starts after the first rows have painted: at a million
# cases it keeps a core busy for ~0.3 s, and running beside the paint it made the
# paint 3-4x slower (a 28 ms paint took 114 ms on a 2-core PC)
COUNT_DELAY_MS = 60

# quick filters: key, label
QUICK_ALL = "all"
QUICK_ATTENTION = "attention"
QUICK_OVERDUE = "overdue"
QUICK_PROXY = "proxy"


def open_intake(page: CasesPage) -> str | None:
    """Replaceable in tests: the intake dialog; the new case's number, if registered."""
    from .intake import IntakeDialog

    dialog = IntakeDialog(page.desk, page)
    if dialog.exec() and dialog.registered is not None:
        return dialog.registered.case.case_no
    return None


def open_detail(page: CasesPage, case_no: str) -> None:
    """Replaceable in tests: one case with its timeline and actions."""
    from .detail import CaseDetailDialog

    CaseDetailDialog(page.desk, case_no, page).exec()


class CasesPage(QWidget):
    # the window fills it in the turn after its first paint (page, polish, paint and
    # list in one turn were 100-180 ms at a million cases)
    FILLED_AFTER_FIRST_PAINT = True

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        top, self.new_button = page_top(self.tr("办件"), self.tr("登记新办件…"))
        layout.addLayout(top)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("编号、姓名（两个字也可）、身份证号、电话、事项或拼音首字母"))
        self.search.setClearButtonEnabled(True)
        # the shortcuts themselves live in the main window (they work from any page)
        self.new_button.setToolTip(self.tr("登记新办件（Ctrl+N）"))
        self.search.setToolTip(self.tr("查找办件（Ctrl+F）；在列表中回车打开所选办件"))
        self.quick = QComboBox()
        self.quick.addItem(self.tr("全部"), QUICK_ALL)
        self.quick.addItem(self.tr("需关注（逾期+2个工作日内到期）"), QUICK_ATTENTION)
        self.quick.addItem(self.tr("已逾期"), QUICK_OVERDUE)
        self.quick.addItem(self.tr("帮办代办"), QUICK_PROXY)
        self.status = QComboBox()
        self.status.addItem(self.tr("全部状态"), "")
        for s in Status:
            self.status.addItem(s.value, s.value)
        self.case_type = QComboBox()
        self.case_type.addItem(self.tr("全部类型"), "")
        for t in CaseType:
            self.case_type.addItem(t.value, t.value)
        # town mode: the centre's own cases apart from each village's
        self.station = QComboBox()
        self.station.setToolTip(self.tr("镇中心：本中心自己的办件与各村（社区）站的办件分开查看"))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.station)
        bar.addWidget(self.quick)
        bar.addWidget(self.status)
        bar.addWidget(self.case_type)
        layout.addLayout(bar)

        self.alerts = QLabel()
        self.alerts.setObjectName("alertLate")  # 补正 deadlines: red
        self.alerts.setWordWrap(True)
        self.alerts.hide()
        layout.addWidget(self.alerts)
        self.count = QLabel()
        self.count.setObjectName("muted")
        layout.addWidget(self.count)

        self.model = CaseListModel(desk, self, read_behind=True)
        self.table = rows_view(self.model)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._size_columns()
        follow_text_size(self.table, self._size_columns)  # Ctrl + / Ctrl −
        layout.addWidget(self.table, 1)

        # a long list's full count, made in the runner (the first rows show at once)
        self._counting: Reloader[int] = Reloader(self, desk.store, self.tr("办件数没有统计完"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_in_full)
        self._mark: tuple[int, int, int] | None = None  # the archive at the last reading
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for box in (self.station, self.quick, self.status, self.case_type):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self._fill_stations()
        self.new_button.clicked.connect(self.new_case)
        self.table.doubleClicked.connect(self._open)
        self.table.installEventFilter(self)  # Enter opens the selected case

    def _size_columns(self) -> None:
        """Fixed widths from the font: sizing to contents would read every row."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.ensurePolished()  # the style sheet's font size, not the default
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 12)
        em = self.table.fontMetrics().horizontalAdvance("国")
        digit = self.table.fontMetrics().horizontalAdvance("0")
        widths = {
            CaseListModel.COL_NO: digit * 23 + 12,
            CaseListModel.COL_NAME: em * 4,
            CaseListModel.COL_TYPE: em * 3 + 14,
            CaseListModel.COL_STATUS: em * 3 + 14,
            CaseListModel.COL_DUE: digit * 10 + em * 4 + 4,
            # as wide as the longest it says: a ten-year archive has cases 4-digit days late
            CaseListModel.COL_LEFT: self.table.fontMetrics().horizontalAdvance(
                left_text(-9999)) + 16,
            CaseListModel.COL_PROXY: em * 2 + 14,
            CaseListModel.COL_FIRST_ASK: em * 5 + 12,
            CaseListModel.COL_RECEIVED: digit * 10 + 16,
            CaseListModel.COL_STATION: em * 7,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(CaseListModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(em * 3)

    # -- filtering ---------------------------------------------------------
    def _fill_stations(self) -> None:
        """The station choices (town mode only), keeping the current choice."""
        self._names = names = station_names(self.desk)
        self.station.setVisible(bool(names))
        chosen = self.station.currentData()
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("全部站点"), "")
        own = self.desk.station.current
        if own is not None and names:
            self.station.addItem(self.tr("本中心"), own.code)
            for code, name in sorted(names.items()):
                if code != own.code:
                    self.station.addItem(name, code)
        found = self.station.findData(chosen)
        self.station.setCurrentIndex(max(0, found))
        self.station.blockSignals(False)

    def show_station(self, code: str) -> None:
        """Only this station's cases (the board's way into the list)."""
        self._fill_stations()
        found = self.station.findData(code)
        if found >= 0:
            self.station.setCurrentIndex(found)

    def current_filter(self) -> Any:
        status = Status(self.status.currentData()) if self.status.currentData() else None
        case_type = (CaseType(self.case_type.currentData()) if self.case_type.currentData()
                     else None)
        quick = self.quick.currentData()
        station = self.station.currentData() or None

        def make(**kw: Any) -> Any:
            return self.desk.cases.make_filter(station=station, **kw)

        search = self.search.text().strip()
        if quick == QUICK_OVERDUE:
            return make(search=search, status=status, case_type=case_type, overdue=True)
        if quick == QUICK_PROXY:
            return make(search=search, status=status, case_type=case_type, proxy=True)
        if quick == QUICK_ATTENTION:
            return make(search=search, status=status, case_type=case_type, attention=True)
        return make(search=search, status=status, case_type=case_type)

    def apply_filter(self) -> None:
        self._timer.stop()
        shown = self.current_filter()
        mark = self.desk.store.change_mark()
        if (shown == self.model.shown_filter and self.model.exact and mark == self._mark
                and self._names == self.model.station_names):
            # opened again, nothing written since: the same list from its top, as a
            # reload shows it, without reading and counting it again (at a million
            # cases the recount and the repaints after it were 100 ms of each opening)
            self.table.setCurrentIndex(QModelIndex())
            self.table.clearSelection()
            self.table.scrollToTop()
            return
        self._mark = mark
        self.model.set_filter(shown, date.today(), self._names)
        self._show_total()
        if self.model.exact:
            self._count_timer.stop()
        else:
            self._count_timer.start()  # a filter changed again meanwhile: counted once

    def _count_in_full(self) -> None:
        shown, cases = self.model.shown_filter, self.desk.cases
        if self.model.exact:
            return

        def counted(total: int) -> None:
            self.model.set_total(shown, total)
            self._show_total()

        self._counting.start(lambda _progress: cases.count(shown), counted)

    def _show_total(self) -> None:
        total = self.model.total
        if not self.model.exact:
            self.count.setText(self.tr("%1 件以上，正在统计…").replace("%1", f"{total:,}"))
            return
        self.count.setText(self.tr("共 %1 件").replace("%1", f"{total:,}")
                           if total else self.tr("没有符合条件的办件"))

    @property
    def counting(self) -> Job[int] | None:
        """A long list's full count in flight, if any."""
        return self._counting.running

    @property
    def count_pending(self) -> bool:
        """A long list's full count is still to come (waiting to start, or running)."""
        return not self.model.exact

    def refresh(self) -> None:
        self._fill_stations()
        self._show_alerts()
        self.apply_filter()

    def _show_alerts(self) -> None:
        shown = self.desk.cases.supplement_warnings(at_most=MAX_ALERTS)
        if shown:
            text = self.tr("补正告知提醒（行政许可法第三十二条：5 日内一次告知）：") + "\n" + \
                "\n".join("· " + w for w in shown)
            more = self.desk.cases.supplement_warning_count() - len(shown)
            if more > 0:
                text += "\n" + self.tr("……另有 %1 件").replace("%1", str(more))
            self.alerts.setText(text)
            self.alerts.show()
        else:
            self.alerts.clear()
            self.alerts.hide()

    # -- actions -----------------------------------------------------------
    def new_case(self) -> None:
        case_no = open_intake(self)
        if case_no:
            self.land_on(case_no)

    def show_quick(self, which: str) -> None:
        """One of the quick lists (all, attention, overdue, proxy), search cleared."""
        self.search.clear()
        found = self.quick.findData(which)
        self.quick.setCurrentIndex(max(0, found))
        self.apply_filter()

    def land_on(self, case_no: str) -> None:
        """The list shows the case just registered, selected: Enter opens it."""
        self.quick.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.case_type.setCurrentIndex(0)
        self.search.setText(case_no)
        self._opened = True  # filled now, not in a later turn: the case is selected next
        self.refresh()
        self.table.selectRow(0)
        self.table.setFocus()

    def selected_case_no(self) -> str | None:
        case = self.model.case_at(self.table.currentIndex().row())
        return case.case_no if case else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.table.currentIndex().isValid()):
            self._open(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        case = self.model.case_at(index.row())
        if case is not None:
            self.open_case(case.case_no)

    def open_case(self, case_no: str) -> None:
        open_detail(self, case_no)
        self.refresh()
