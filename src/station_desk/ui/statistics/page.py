"""统计: a period's figures against the manual's targets, cases by category, type
and status, the service figures, the per-village table in town mode, and the
daily sheet / monthly report as PDF or xlsx.

Counting and writing run in the job runner on a connection of their own: a
town's ten-year archive takes seconds per period, and the window stays usable
meanwhile ("正在统计…" under the period). A newer period cancels the count of
the one before; a report is written beside its name and renamed once whole.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.catalogue import CaseType
from ...domain.periods import month_to_date, month_up_to, previous_month
from ...domain.report_rows import targets
from ...domain.stats import Figures
from ...services.desk import Desk
from ..jobs import Job, Progress, Reloader, run_job
from ..widgets import status
from ..widgets.card import Card
from ..widgets.later import in_later_turn
from .charts import CategoryChart, RateCard
from .details import StatisticsDetails
from .model import FiguresModel
from .table import FiguresTable

PERIOD_TODAY = "today"
PERIOD_MONTH = "month"
PERIOD_LAST_MONTH = "last_month"
PERIOD_CUSTOM = "custom"

DAY_TITLE = "每日办件统计表"     # the same titles as `station-desk report`
MONTH_TITLE = "月度工作报表"
REPORT_FILTERS = "PDF 文件，可打印 (*.pdf);;Excel 工作簿 (*.xlsx)"


def choose_report_path(parent: QWidget, caption: str, suggested: str) -> str:
    """Replaceable in tests: where to write a report; .pdf or .xlsx by the chosen filter."""
    path, chosen = QFileDialog.getSaveFileName(parent, caption, suggested, REPORT_FILTERS)
    if path and Path(path).suffix.lower() not in (".pdf", ".xlsx"):
        path += ".xlsx" if "xlsx" in chosen else ".pdf"
    return path


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class StatisticsPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.figures: Figures | None = None
        self._counts: Reloader[tuple[Figures, list[Figures]]] = Reloader(
            self, desk.store, self.tr("无法统计"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        title = QLabel(self.tr("统计与报表"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("统计期间：")))
        self.period = QComboBox()
        for label, key in ((self.tr("今天"), PERIOD_TODAY), (self.tr("本月"), PERIOD_MONTH),
                           (self.tr("上月"), PERIOD_LAST_MONTH),
                           (self.tr("自选"), PERIOD_CUSTOM)):
            self.period.addItem(label, key)
        row.addWidget(self.period)
        self.first_edit = QDateEdit()
        self.last_edit = QDateEdit()
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(self.first_edit)
        row.addWidget(QLabel(self.tr("至")))
        row.addWidget(self.last_edit)
        row.addStretch()
        self.day_button = QPushButton(self.tr("导出日报表…"))
        self.day_button.clicked.connect(self.export_day)
        self.month_button = QPushButton(self.tr("导出月报表…"))
        self.month_button.clicked.connect(self.export_month)
        row.addWidget(self.day_button)
        row.addWidget(self.month_button)
        layout.addLayout(row)
        self.period_label = QLabel()
        self.period_label.setObjectName("muted")
        layout.addWidget(self.period_label)

        grid = QGridLayout()
        rate_names = dict(targets())
        self.on_spot = RateCard(self.tr("即办件当场办结率"), rate_names["即办件当场办结率"])
        self.on_time = RateCard(self.tr("承诺件按期办结率"), rate_names["承诺件按期办结率"])
        self.satisfaction = RateCard(self.tr("满意率"), rate_names["满意率"])
        self.received = Card(self.tr("收件"))
        self.overdue = Card(self.tr("在办逾期（期末）"))
        self.proxy = Card(self.tr("帮办代办：在办"))
        self.appointments = Card(self.tr("预约：已服务"))
        self.after_hours = Card(self.tr("延时服务"))
        self.complaints = Card(self.tr("投诉：期末在办"))
        cards: list[QFrame] = [self.on_spot, self.on_time, self.satisfaction, self.received,
                               self.overdue, self.proxy, self.appointments, self.after_hours,
                               self.complaints]
        for i, card in enumerate(cards):
            grid.addWidget(card, i // 3, i % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)

        # the chart, the two tables and the villages' table: made in the turn after the
        # first paint (QtCharts' view and three tables with the cards were one 110-150 ms
        # turn at a million cases); code that needs them sooner makes them (_details)
        self._layout = layout
        self._details_part: StatisticsDetails | None = None
        self._town = False
        self._shown: tuple[Figures, list[Figures], bool] | None = None  # the last count
        in_later_turn(self, self._details)

        self._set_dates(date.today(), date.today())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.first_edit.dateChanged.connect(self._first_changed)
        self.last_edit.dateChanged.connect(self._last_changed)
        self._show_period_dates()  # counted when shown (refresh), not also here

    def _details(self) -> StatisticsDetails:
        if self._details_part is None:
            self._details_part = part = StatisticsDetails(self)
            self._layout.addWidget(part, 1)
            part.show_town(self._town)
            if self._shown is not None:
                part.fill(*self._shown)
        return self._details_part

    @property
    def chart_view(self) -> CategoryChart:
        return self._details().chart_view

    def details_made(self) -> bool:
        """The lower half (chart and tables) is made (for tests)."""
        return self._details_part is not None

    @property
    def chart(self) -> QChart:
        return self.chart_view.chart()

    @property
    def by_type(self) -> FiguresTable:
        return self._details().by_type

    @property
    def by_status(self) -> FiguresTable:
        return self._details().by_status

    @property
    def town_title(self) -> QLabel:
        return self._details().town_title

    @property
    def per_station(self) -> FiguresTable:
        return self._details().per_station

    # -- the period ---------------------------------------------------------
    def _period_key(self) -> str:
        return str(self.period.currentData())

    def set_period(self, key: str, first: date | None = None, last: date | None = None
                   ) -> Job[tuple[Figures, list[Figures]]]:
        """Choose a period (also for tests): one of the PERIOD_* keys; dates for 自选.
        Returns the count started for it."""
        self.period.blockSignals(True)  # one count for the new period, not two
        self.period.setCurrentIndex(self.period.findData(key))
        self.period.blockSignals(False)
        self._show_period_dates()
        if key == PERIOD_CUSTOM and first is not None:
            self._set_dates(first, last or first)
        return self.refresh()

    def bounds(self) -> tuple[date, date]:
        today = date.today()
        key = self._period_key()
        if key == PERIOD_TODAY:
            return today, today
        if key == PERIOD_MONTH:
            return month_to_date(today)
        if key == PERIOD_LAST_MONTH:
            return previous_month(today)
        return _pydate(self.first_edit.date()), _pydate(self.last_edit.date())

    def _set_dates(self, first: date, last: date) -> None:
        for edit in (self.first_edit, self.last_edit):
            edit.blockSignals(True)
        self.first_edit.setDate(_qdate(first))
        self.last_edit.setDate(_qdate(last))
        for edit in (self.first_edit, self.last_edit):
            edit.blockSignals(False)

    def _show_period_dates(self) -> None:
        custom = self._period_key() == PERIOD_CUSTOM
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        if not custom:
            self._set_dates(*self.bounds())

    def _period_changed(self) -> None:
        self._show_period_dates()
        self.refresh()

    def _first_changed(self, value: QDate) -> None:
        if value > self.last_edit.date():
            self._set_dates(_pydate(value), _pydate(value))
        self.refresh()

    def _last_changed(self, value: QDate) -> None:
        if value < self.first_edit.date():
            self._set_dates(_pydate(value), _pydate(value))
        self.refresh()

    # -- showing ------------------------------------------------------------
    def refresh(self) -> Job[tuple[Figures, list[Figures]]]:
        """Count the period in the background; the figures show when done. A
        count still running for an older period is stopped."""
        today = _qdate(date.today())
        self.first_edit.setMaximumDate(today)
        self.last_edit.setMaximumDate(today)
        first, last = self.bounds()
        station = self.desk.station.current
        town = bool(station and station.kind.is_town)
        reports = self.desk.reports

        def count(progress: Progress) -> tuple[Figures, list[Figures]]:
            rows = reports.per_station(first, last, progress) if town else []
            figures = rows[0] if rows else reports.figures(first, last)  # the centre's own
            progress(1, 1)  # stopped meanwhile: a newer period is being counted
            return figures, rows

        self.period_label.setText(self.tr("正在统计…"))
        self._town = town
        if self._details_part is not None:  # the per-village table only at a town, at once
            self._details_part.show_town(town)
        return self._counts.start(count, lambda shown: self._show(shown, town, first))

    @property
    def counting(self) -> Job[tuple[Figures, list[Figures]]] | None:
        """The count in flight, if any."""
        return self._counts.running

    def _show(self, counted: tuple[Figures, list[Figures]], town: bool, first: date) -> None:
        f, rows = counted
        self.figures = f
        self.period_label.setText(f.period_label)
        self.day_button.setText(self.tr("导出日报表（%1）…").replace(
            "%1", f"{self._report_day():%m月%d日}"))
        self.month_button.setText(self.tr("导出月报表（%1）…").replace(
            "%1", f"{first:%Y年%m月}"))
        self._show_rates(f)
        self._show_counts(f)
        if town:
            # the figures above are the centre's own; the villages' are in the table
            self.period_label.setText(f.period_label + self.tr(
                "　上面是本中心自己的数字；各村（社区）站（未报送的也列出）见下表"))
        self._shown = (f, rows, town)
        if self._details_part is not None:
            self._details_part.fill(f, rows, town)

    @property
    def chart_pending(self) -> bool:
        """Counted but not yet drawn (it is drawn in the event-loop turn after)."""
        part = self._details_part
        return self._shown is not None and (part is None or part.chart_pending)

    def _show_rates(self, f: Figures) -> None:
        self.on_spot.show_rate(f.on_spot_rate, self.tr(
            "即办件 %1 件，当场办结 %2 件").replace("%1", str(f.immediate))
            .replace("%2", str(f.immediate_on_spot)) if f.immediate else
            self.tr("本期没有即办件"))
        self.on_time.show_rate(f.on_time_rate, self.tr(
            "承诺件（含联办件）办结 %1 件，按期 %2 件").replace("%1", str(f.promised_done))
            .replace("%2", str(f.promised_on_time)) if f.promised_done else
            self.tr("本期没有办结的承诺件"))
        self.satisfaction.show_rate(f.satisfaction_rate, self.tr(
            "评价 %1 人，满意（含基本满意）%2 人").replace("%1", str(f.ratings))
            .replace("%2", str(f.ratings_satisfied)) if f.ratings else
            self.tr("本期没有满意度评价"))

    def _show_counts(self, f: Figures) -> None:
        immediate = f.by_type.get(CaseType.IMMEDIATE.value, 0)
        self.received.show_value(str(f.received), self.tr(
            "即办件 %1 件，其他 %2 件；其中帮办代办 %3 件")
            .replace("%1", str(immediate)).replace("%2", str(f.received - immediate))
            .replace("%3", str(f.proxy_received)))
        self.overdue.show_value(str(f.overdue_open),
                                self.tr("仍在办、已过承诺办结日期的办件"),
                                warn=f.overdue_open > 0)
        self.proxy.show_value(str(f.proxy_open), self.tr(
            "本期代办收件 %1 件，已送达申请人 %2 件")
            .replace("%1", str(f.proxy_received)).replace("%2", str(f.proxy_delivered)))
        self.appointments.show_value(str(f.appts_served), self.tr(
            "未到 %1 个，申请人取消 %2 个").replace("%1", str(f.appts_missed))
            .replace("%2", str(f.appts_cancelled)), warn=f.appts_missed > 0)
        self.after_hours.show_value(
            self.tr("%1 次").replace("%1", str(f.after_hours_sessions)),
            self.tr("共 %1 分钟，服务 %2 人").replace("%1", str(f.after_hours_minutes))
            .replace("%2", str(f.after_hours_served)))
        self.complaints.show_value(str(f.complaints_open), self.tr(
            "本期受理 %1 件，办结 %2 件").replace("%1", str(f.complaints_received))
            .replace("%2", str(f.complaints_closed)), warn=f.complaints_open > 0)

    def chart_data(self) -> dict[str, int]:
        """What the bar chart shows (for tests)."""
        return self.chart_view.counts()

    @staticmethod
    def model_of(table: FiguresTable) -> FiguresModel:
        return table.figures

    @staticmethod
    def table_texts(table: FiguresTable) -> list[list[str]]:
        """A table's cells as shown (for tests)."""
        return table.figures.texts()

    # -- reports ------------------------------------------------------------
    def _report_day(self) -> date:
        return min(self.bounds()[1], date.today())

    def export_day(self) -> Job[Path] | None:
        day = self._report_day()
        return self._export(DAY_TITLE, day, day, f"{day:%Y-%m-%d}")

    def export_month(self) -> Job[Path] | None:
        first, last = month_up_to(self.bounds()[0], date.today())
        return self._export(MONTH_TITLE, first, last, f"{first:%Y-%m}")

    def _export(self, title: str, first: date, last: date, stamp: str) -> Job[Path] | None:
        """The report written in the background behind a progress dialog with 取消
        (a cancelled report leaves no file)."""
        station = self.desk.station.current
        name = f"{station.name if station else ''}{title}-{stamp}.pdf"
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = choose_report_path(self, self.tr("保存%1").replace("%1", title),
                                    str(Path(folder) / name) if folder else name)
        if not chosen:
            return None
        reports = self.desk.reports

        def done(written: Path) -> None:
            status.say(self, self.tr("%1已生成，保存在：").replace("%1", title) + str(written))

        return run_job(lambda progress: reports.write(Path(chosen), first, last, title,
                                                      progress),
                       title=self.tr("正在生成%1").replace("%1", title), parent=self,
                       cancellable=True, store=self.desk.store,
                       failed_title=self.tr("报表没有生成"), on_done=done)

