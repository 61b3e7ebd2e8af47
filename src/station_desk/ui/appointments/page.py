"""预约: the day's and the week's appointments, the missed ones to follow up,
and what became of each (served → a case, no-show, cancelled, rescheduled).

A booking that overlaps another booking of the same staff member is allowed
(the desk only warns) but flagged in its row, so the clash is seen in time.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QDate,
    Qt,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.periods import week_start
from ...domain.service import Appointment, ApptStatus, clashes
from ...services.desk import Desk
from ..widgets import prompts, status
from ..widgets.forms import page_top, rows_view
from ..widgets.lazy_tabs import LazyTabs
from ..widgets.text_size import sized_columns
from .dialog import CHINESE, weekday
from .model import DayModel
from .outcome import (  # tests import prefill_intake from here
    RescheduleDialog,
    ServedDialog,
    prefill_intake,
)
from .week import WeekView

if TYPE_CHECKING:
    from ...services.notices import IssuedNotice
    from ..jobs import Job

# -- replaceable questions (tests assign their own) ---------------------------------


def open_booking(page: AppointmentsPage) -> bool:
    """The booking dialog; True when an appointment was booked."""
    from .dialog import AppointmentDialog

    return bool(AppointmentDialog(page.desk, page).exec())


def ask_served(page: AppointmentsPage, appt: Appointment) -> tuple[str, str] | None:
    """How the served appointment became a case: ("register", "") to register it now,
    ("link", case_no) for a case already registered; None: not now."""
    dialog = ServedDialog(appt, page)
    return dialog.answer() if dialog.exec() else None


def register_case(page: AppointmentsPage, appt: Appointment) -> str | None:
    """The intake form filled in from the appointment; the new case number."""
    from ..cases.intake import IntakeDialog

    dialog = IntakeDialog(page.desk, page)
    prefill_intake(dialog, appt)
    if dialog.exec() and dialog.registered is not None:
        return dialog.registered.case.case_no
    return None


def ask_new_time(page: AppointmentsPage, appt: Appointment) -> datetime | None:
    """The agreed new date and time of a rescheduled appointment."""
    dialog = RescheduleDialog(page.desk, appt, page)
    return dialog.moment() if dialog.exec() else None


ask_note = prompts.ask_line  # a short optional note; replaceable in tests


# -- the page ------------------------------------------------------------------------


class AppointmentsPage(QWidget):
    FILLED_AFTER_FIRST_PAINT = True  # the window fills it in the turn after its first paint

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        top, self.new_button = page_top(self.tr("预约服务"), self.tr("新预约…"))
        layout.addLayout(top)

        self.today_label = QLabel()
        self.today_label.setWordWrap(True)
        self.today_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.today_label)
        self.missed_label = QLabel()
        self.missed_label.setObjectName("alerts")
        self.missed_label.setWordWrap(True)
        self.missed_label.setTextFormat(Qt.TextFormat.RichText)
        self.missed_label.hide()
        layout.addWidget(self.missed_label)

        bar = QHBoxLayout()
        self.previous = QPushButton("‹")
        self.previous.setFixedWidth(36)
        self.today_button = QPushButton(self.tr("今天"))
        self.next = QPushButton("›")
        self.next.setFixedWidth(36)
        self.day = QDateEdit()
        self.day.setLocale(CHINESE)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd ddd")
        self.day.setDate(QDate.currentDate())
        self.range_label = QLabel()
        self.range_label.setObjectName("muted")
        bar.addWidget(QLabel(self.tr("日期")))
        bar.addWidget(self.day)
        bar.addWidget(self.previous)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next)
        bar.addSpacing(12)
        bar.addWidget(self.range_label, 1)
        layout.addLayout(bar)

        self.tabs = LazyTabs()
        self.tabs.addTab(self._day_tab(), self.tr("按日"))
        # the week (seven lists under the style sheet) is made when first shown
        self.week_tab = self.tabs.add_lazy(self.tr("按周"), self._week_tab)
        layout.addWidget(self.tabs, 1)

        self.new_button.clicked.connect(self.new_appointment)
        self.day.dateChanged.connect(lambda _d: self.show_period())
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(lambda: self.go_to(date.today()))
        self.tabs.currentChanged.connect(lambda _i: self.show_period())
        self.missed_label.linkActivated.connect(self.open_appointment)
        self.today_label.linkActivated.connect(self.open_appointment)

    # -- building ----------------------------------------------------------------
    def _day_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.model = DayModel(self)
        self.table = rows_view(self.model)
        sized_columns(self.table, lambda em, digit: {
            DayModel.COL_TIME: digit * 10 + em + 12, DayModel.COL_KIND: em * 3 + 12,
            DayModel.COL_NAME: em * 4 + 12, DayModel.COL_PHONE: digit * 12 + 16,
            DayModel.COL_ITEM: em * 12, DayModel.COL_STAFF: em * 4 + 12,
            DayModel.COL_STATUS: em * 3 + 16})
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DayModel.COL_HINT, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("muted")
        layout.addWidget(self.empty_label)

        actions = QHBoxLayout()
        self.served_button = QPushButton(self.tr("已服务（转办件）…"))
        self.no_show_button = QPushButton(self.tr("未到…"))
        self.cancel_button = QPushButton(self.tr("申请人取消…"))
        self.reschedule_button = QPushButton(self.tr("改期…"))
        self.print_button = QPushButton(self.tr("打印预约确认单…"))
        for b in (self.served_button, self.no_show_button, self.cancel_button,
                  self.reschedule_button):
            actions.addWidget(b)
        actions.addStretch()
        actions.addWidget(self.print_button)
        layout.addLayout(actions)
        self.served_button.clicked.connect(self.mark_served)
        self.no_show_button.clicked.connect(self.mark_no_show)
        self.cancel_button.clicked.connect(self.mark_cancelled)
        self.reschedule_button.clicked.connect(self.reschedule)
        self.print_button.clicked.connect(self.print_confirmation)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons())
        return box

    def _week_tab(self) -> QWidget:
        self.week = WeekView(self.desk)
        self.week.opened.connect(self.open_appointment)
        return self.week

    # -- showing ---------------------------------------------------------------------
    def chosen_day(self) -> date:
        value = self.day.date().toPython()
        assert isinstance(value, date)
        return value

    def go_to(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.show_period()

    def _step(self, direction: int) -> None:
        days = 7 if self.tabs.currentIndex() == 1 else 1
        self.go_to(self.chosen_day() + timedelta(days=direction * days))

    def refresh(self) -> None:
        now = datetime.now().astimezone()
        todays = self.desk.appointments.day(now.date())
        if todays:
            waiting = [a for a in todays if a.status == ApptStatus.BOOKED
                       and not a.is_missed(now)]
            text = self.tr("今天 %1 个预约").replace("%1", str(len(todays)))
            if waiting:
                text += self.tr("，待接待 %1 个：").replace("%1", str(len(waiting))) + "、".join(
                    f"{a.at.astimezone():%H:%M} {escape(a.applicant_name)}（{a.kind.value}）"
                    for a in waiting[:6]) + ("……" if len(waiting) > 6 else "")
            else:
                text += self.tr("，没有待接待的。")
            self.today_label.setText(text)
        else:
            text = self.tr("今天没有预约。")
            upcoming = self.desk.appointments.next_booked(now.date())
            if upcoming is not None:
                start = upcoming.at.astimezone()
                text += self.tr("下一个预约：%1").replace("%1", (
                    f"<a href='{escape(upcoming.appt_no)}'>{start:%m-%d} {weekday(start.date())}"
                    f" {start:%H:%M} {escape(upcoming.applicant_name)}"
                    f"（{upcoming.kind.value}）</a>"))
            self.today_label.setText(text)
        missed = self.desk.appointments.missed(now)
        if missed:
            links = "、".join(
                f"<a href='{escape(a.appt_no)}'>{a.at.astimezone():%m-%d %H:%M} "
                f"{escape(a.applicant_name)}</a>" for a in missed[:8])
            more = (self.tr("……共 %1 个").replace("%1", str(len(missed)))
                    if len(missed) > 8 else "")
            self.missed_label.setText(
                "⚠ " + self.tr("错过的预约 %1 个，请电话联系，记为“未到”或改期：")
                .replace("%1", str(len(missed))) + links + more)
            self.missed_label.show()
        else:
            self.missed_label.clear()
            self.missed_label.hide()
        self.show_period()

    def show_period(self) -> None:
        if self.tabs.currentIndex() == 1:
            self._show_week()
        else:
            self._show_day()

    def _show_day(self, select: str | None = None) -> None:
        day = self.chosen_day()
        current = select or self.selected_no()
        rows = self.desk.appointments.day(day)
        self.model.set_rows(rows, datetime.now().astimezone())
        self.range_label.setText(f"{day:%Y年%m月%d日} {weekday(day)}")
        self.empty_label.setText(self.tr("这一天没有预约。") if not rows else
                                 self.tr("共 %1 个预约").replace("%1", str(len(rows))))
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _show_week(self) -> None:
        week = self.desk.appointments.week(self.chosen_day())
        days = list(week)
        self.range_label.setText(f"{days[0]:%Y年%m月%d日} – {days[-1]:%m月%d日}")
        self.week.show_week(week)

    def chips_of(self, day: date) -> list[str]:
        """The week view's chips of `day` (for tests and screen checks)."""
        monday = week_start(self.chosen_day())
        return self.week.chips((day - monday).days)

    def open_appointment(self, appt_no: str) -> None:
        """Show the appointment's day in the day list with it selected."""
        appt = self.desk.appointments.get(appt_no)
        day = appt.at.astimezone().date()
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self._show_day(select=appt_no)

    # -- the selected appointment -------------------------------------------------
    def selected(self) -> Appointment | None:
        index = self.table.currentIndex()
        return self.model.appointment_at(index.row()) if index.isValid() else None

    def selected_no(self) -> str | None:
        a = self.selected()
        return a.appt_no if a else None

    def _update_buttons(self) -> None:
        a = self.selected()
        open_ = a is not None and a.status == ApptStatus.BOOKED
        for b in (self.served_button, self.no_show_button, self.cancel_button,
                  self.reschedule_button):
            b.setEnabled(open_)
        self.print_button.setEnabled(a is not None and a.status == ApptStatus.BOOKED)

    # -- actions ---------------------------------------------------------------------
    def new_appointment(self) -> None:
        if open_booking(self):
            self.refresh()

    def mark_served(self) -> None:
        a = self.selected()
        if a is None:
            return
        answer = ask_served(self, a)
        if answer is None:
            return
        way, case_no = answer
        if way == "register":
            registered = register_case(self, a)
            if registered is None:
                return
            case_no = registered
        elif not case_no:
            prompts.warn(self, self.tr("还不能记录"), self.tr("请填写办件编号"))
            return
        done = prompts.attempt(self, lambda: self.desk.appointments.record_outcome(
            a.appt_no, ApptStatus.SERVED, case_no=case_no), self.tr("无法记录"))
        if done is not None:
            self.refresh()

    def _simple_outcome(self, outcome: ApptStatus, title: str, label: str) -> None:
        a = self.selected()
        if a is None:
            return
        note = ask_note(self, title, label)
        if note is None:
            return
        done = prompts.attempt(self, lambda: self.desk.appointments.record_outcome(
            a.appt_no, outcome, note), self.tr("无法记录"))
        if done is not None:
            self.refresh()

    def mark_no_show(self) -> None:
        self._simple_outcome(ApptStatus.NO_SHOW, self.tr("未到"),
                             self.tr("电话联系情况（可不填）："))

    def mark_cancelled(self) -> None:
        self._simple_outcome(ApptStatus.CANCELLED, self.tr("申请人取消"),
                             self.tr("取消原因（可不填）："))

    def reschedule(self) -> None:
        a = self.selected()
        if a is None:
            return
        new_at = ask_new_time(self, a)
        if new_at is None:
            return
        done = prompts.attempt(self, lambda: self.desk.appointments.record_outcome(
            a.appt_no, ApptStatus.RESCHEDULED, new_at=new_at), self.tr("不能改期"))
        if done is None:
            return
        moment = new_at.astimezone() if new_at.tzinfo else new_at
        new = next((x for x in self.desk.appointments.day(moment.date())
                    if x.status == ApptStatus.BOOKED and a.appt_no in x.note), None)
        text = self.tr("已改期到 %1。").replace("%1", f"{moment:%Y-%m-%d %H:%M}")
        clash: list[Appointment] = []
        if new is not None:
            text += self.tr("新的预约编号：") + new.appt_no + "。"
            clash = clashes(new.at, new.minutes, new.staff_name,
                            self.desk.appointments.day(moment.date()), ignore_id=new.id)
        text += self.tr("请把新时间告知申请人。")
        if new is not None and clash:  # a problem to act on: said in a box
            prompts.warn(self, self.tr("已改期，但时间冲突"), text + "\n⚠ " + self.tr(
                "与%1的其他预约时间冲突：").replace("%1", new.staff_name) + "、".join(
                f"{c.at.astimezone():%H:%M} {c.applicant_name}" for c in clash))
        else:
            status.say(self, text)
        if new is not None:
            self.open_appointment(new.appt_no)
        else:
            self.go_to(moment.date())

    def print_confirmation(self) -> Job[IssuedNotice] | None:
        """The 预约确认单 made in the runner, then its preview."""
        a = self.selected()
        if a is None:
            return None
        from ..notices import actions
        from ..notices.making import make_then_show

        return make_then_show(self, self.desk, f"appointment {a.appt_no}",
                              lambda: self.desk.notices.issue_for_appointment(a.appt_no),
                              lambda issued: actions.show_preview(self, issued))

