"""延时服务: closing time has come and people are still waiting (manual §四.5).

Start a session with one click, and the cases registered after closing time
are counted in it by themselves; finish it with the number of people served.
Below: the month's sessions and totals, as the monthly report asks for them.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.service import AfterHours
from ...services.desk import Desk
from ..appointments.dialog import CHINESE
from ..widgets import prompts, status
from ..widgets.forms import rows_view
from ..widgets.later import in_later_turn
from ..widgets.text_size import sized_columns
from .model import SessionsModel

# -- replaceable clock and questions (tests assign their own) -----------------------

# how often the page looks whether closing time has come (the start button appears)
CLOCK_CHECK_MS = 30_000


def clock() -> datetime:
    return datetime.now()


ask_reason = prompts.ask_lines


def ask_finish(page: AfterHoursPage, session: AfterHours,
               cases: list[str]) -> tuple[int, str, str] | None:
    """(people served, end time HH:MM, note) or None when the clerk cancels."""
    dialog = FinishDialog(session, cases, page)
    return dialog.answer() if dialog.exec() else None


class FinishDialog(QDialog):
    def __init__(self, session: AfterHours, cases: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("结束延时服务"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("自 %1（下班时间）起延时服务，已计入办件 %2 件。")
                                .replace("%1", session.closing.strftime("%H:%M"))
                                .replace("%2", str(len(cases)))))
        form = QFormLayout()
        self.served = QSpinBox()
        self.served.setRange(1, 500)
        self.served.setValue(max(1, len(cases)))
        self.served.setSuffix(self.tr(" 人"))
        self.end = QTimeEdit()
        self.end.setDisplayFormat("HH:mm")
        now = datetime.now()
        self.end.setTime(QTime(now.hour, now.minute))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("如：村民务工回来办理社保"))
        form.addRow(self.tr("服务群众人数"), self.served)
        form.addRow(self.tr("结束时间"), self.end)
        form.addRow(self.tr("备注"), self.note)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("结束"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def answer(self) -> tuple[int, str, str]:
        return self.served.value(), self.end.time().toString("HH:mm"), self.note.text()


class AfterHoursPage(QWidget):
    FILLED_AFTER_FIRST_PAINT = True  # the window fills it in the turn after its first paint

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("延时服务"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        rule = QLabel(self.tr("到下班时间仍有群众等候办事的，不得推诿，延时服务至办完为止。"
                              "下班后登记的办件自动计入当次延时服务。"))
        rule.setObjectName("muted")
        rule.setWordWrap(True)
        layout.addWidget(rule)

        self.card = QFrame()
        self.card.setObjectName("card")
        card = QVBoxLayout(self.card)
        # not running: who stays, and the big button
        self.idle = QWidget()
        idle = QVBoxLayout(self.idle)
        idle.setContentsMargins(0, 0, 0, 0)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("留下服务的工作人员：")))
        self.staff_row = QHBoxLayout()
        who.addLayout(self.staff_row)
        who.addStretch()
        idle.addLayout(who)
        self.start_button = QPushButton(self.tr("开始延时服务（已到下班时间仍有群众等候）"))
        self.start_button.setObjectName("bigButton")
        idle.addWidget(self.start_button)
        self.not_yet = QLabel()  # before closing time, instead of the button
        self.not_yet.setObjectName("muted")
        idle.addWidget(self.not_yet)
        card.addWidget(self.idle)
        # running: since when, who, which cases
        self.running = QWidget()
        running = QVBoxLayout(self.running)
        running.setContentsMargins(0, 0, 0, 0)
        self.running_label = QLabel()
        self.running_label.setObjectName("running")
        self.running_label.setWordWrap(True)
        self.cases_label = QLabel()
        self.cases_label.setWordWrap(True)
        self.cases_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finish_button = QPushButton(self.tr("结束延时服务…"))
        self.finish_button.setObjectName("bigButton")
        running.addWidget(self.running_label)
        running.addWidget(self.cases_label)
        running.addWidget(self.finish_button)
        self.cancel_button = QPushButton(self.tr("撤销（误点了开始）…"))
        self.cancel_button.setToolTip(self.tr("这次延时服务是误开的：撤销它，须写明原因，留有记录"))
        running.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.addWidget(self.running)
        layout.addWidget(self.card)
        self.staff_boxes: dict[str, QCheckBox] = {}

        month_bar = QHBoxLayout()
        heading = QLabel(self.tr("每月延时服务记录"))
        heading.setStyleSheet("font-weight: bold;")
        self.month = QDateEdit()
        self.month.setLocale(CHINESE)
        self.month.setDisplayFormat("yyyy年M月")
        self.month.setCalendarPopup(True)
        self.month.setDate(QDate.currentDate())
        self.previous = QPushButton(self.tr("‹ 上月"))
        self.next = QPushButton(self.tr("下月 ›"))
        month_bar.addWidget(heading)
        month_bar.addSpacing(12)
        month_bar.addWidget(self.previous)
        month_bar.addWidget(self.month)
        month_bar.addWidget(self.next)
        month_bar.addStretch()
        layout.addLayout(month_bar)
        self.totals = QLabel()
        self.totals.setObjectName("larger")
        layout.addWidget(self.totals)
        self.model = SessionsModel(self)
        # the month's table: made in the turn after the first filling, in a stand-in's place
        self._layout = layout
        self._table: QTableView | None = None
        self._table_place = QWidget()
        layout.addWidget(self._table_place, 1)

        self.start_button.clicked.connect(self.start)
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button.clicked.connect(self.cancel)
        self._clock_check = QTimer(self)
        self._clock_check.setInterval(CLOCK_CHECK_MS)
        self._clock_check.timeout.connect(self._show_start)
        self.month.dateChanged.connect(lambda _d: self.show_month())
        self.previous.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(-1)))
        self.next.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(1)))

    def _make_table(self) -> QTableView:
        if self._table is None:
            self._table = table = rows_view(self.model)
            table.setWordWrap(True)  # the cases column lists one case a line
            sized_columns(table, lambda em, digit: dict(enumerate((
                digit * 10 + em * 2 + 12, digit * 10 + em + 12, em * 4 + 12, em * 8,
                em * 4 + 12, digit * 24))))
            table.horizontalHeader().setSectionResizeMode(
                len(SessionsModel.HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().setSectionResizeMode(
                QHeaderView.ResizeMode.ResizeToContents)
            self._layout.replaceWidget(self._table_place, table)
            self._table_place.deleteLater()
        return self._table

    def table_made(self) -> bool:
        return self._table is not None

    @property
    def table(self) -> QTableView:
        """The month's sessions (made now if its turn has not come yet)."""
        return self._make_table()

    # -- showing -------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self._clock_check.start()  # only while the page is in front
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self._clock_check.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        if self._table is None:
            in_later_turn(self, self._make_table)  # after the filled page's paint
        self._fill_staff()
        session = self.desk.after_hours.open_now()
        self.idle.setVisible(session is None)
        self.running.setVisible(session is not None)
        self._show_start()
        if session is not None:
            cases = self.desk.after_hours.cases_of(session)
            self.running_label.setText(
                "<b>" + self.tr("延时服务进行中") + "</b>　"
                + self.tr("自 %1（下班时间）起；工作人员：%2")
                .replace("%1", session.closing.strftime("%H:%M"))
                .replace("%2", "、".join(session.staff)))
            self.cases_label.setText(
                self.tr("下班后已登记办件 %1 件：").replace("%1", str(len(cases)))
                + "、".join(cases) if cases else
                self.tr("下班后登记的办件会自动计入，目前还没有。"))
        self.show_month()

    def _show_start(self) -> None:
        """The start button only once closing time has come."""
        closed = self.desk.after_hours.can_start(clock())
        self.start_button.setVisible(closed)
        self.not_yet.setVisible(not closed)
        station = self.desk.station.current
        if station is not None:
            self.not_yet.setText(self.tr("下班时间 %1 以后，仍有群众等候时，在这里开始延时服务。")
                                 .replace("%1", station.office_hours.closing.strftime("%H:%M")))

    def _fill_staff(self) -> None:
        staff = self.desk.station.staff()
        signed = self.desk.session.signed_in
        if [p.name for p in staff] == list(self.staff_boxes):
            # the same people: their boxes and ticks stay (made again, 20-40 ms at 1M)
            if signed is not None and signed.name in self.staff_boxes:
                self.staff_boxes[signed.name].setChecked(True)
            return
        while self.staff_row.count():
            item = self.staff_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        checked = {name for name, box in self.staff_boxes.items() if box.isChecked()}
        self.staff_boxes = {}
        for person in staff:
            box = QCheckBox(person.name)
            box.setChecked(person.name in checked
                           or (signed is not None and person.name == signed.name))
            self.staff_row.addWidget(box)
            self.staff_boxes[person.name] = box

    def chosen_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def show_month(self) -> None:
        year, month = self.chosen_month()
        sessions = self.desk.after_hours.sessions_in_month(year, month)
        totals = self.desk.after_hours.month(year, month)
        self.totals.setText(
            self.tr("%1年%2月：延时服务 <b>%3</b> 次，共 <b>%4</b> 分钟，服务群众 <b>%5</b> 人")
            .replace("%1", str(year)).replace("%2", str(month))
            .replace("%3", str(totals["sessions"])).replace("%4", str(totals["minutes"]))
            .replace("%5", str(totals["served"])))
        self.model.set_records([(s, self.desk.after_hours.cases_of(s)) for s in sessions])

    def session_rows(self) -> list[list[str]]:
        """The month table as text (for tests and screen checks)."""
        return self.model.texts()

    # -- actions ---------------------------------------------------------------------
    def chosen_staff(self) -> list[str]:
        return [name for name, box in self.staff_boxes.items() if box.isChecked()]

    def start(self) -> None:
        staff = self.chosen_staff()
        if not staff:
            prompts.warn(self, self.tr("还不能开始"), self.tr("请勾选留下服务的工作人员"))
            return
        if prompts.attempt(self, lambda: self.desk.after_hours.start(staff, clock()),
                           self.tr("不能开始")) is not None:
            self.refresh()

    def cancel(self) -> None:
        """A session started by mistake: withdrawn with a reason, kept on record."""
        if self.desk.after_hours.open_now() is None:
            self.refresh()
            return
        reason = ask_reason(self, self.tr("撤销延时服务"),
                            self.tr("撤销今天这次延时服务（不计入统计，留有记录）。原因："))
        if reason is None:
            return
        if prompts.attempt(self, lambda: self.desk.after_hours.cancel(reason),
                           self.tr("不能撤销")) is not None:
            status.say(self, self.tr("今天的延时服务已撤销"))
            self.refresh()

    def finish(self) -> None:
        session = self.desk.after_hours.open_now()
        if session is None:
            self.refresh()
            return
        answer = ask_finish(self, session, self.desk.after_hours.cases_of(session))
        if answer is None:
            return
        served, end, note = answer
        done = prompts.attempt(self, lambda: self.desk.after_hours.finish(served, note, end),
                               self.tr("不能结束"))
        if done is not None:
            status.say(self, self.tr("延时服务已结束：%1–%2，共 %3 分钟，服务群众 %4 人。")
                         .replace("%1", done.closing.strftime("%H:%M"))
                         .replace("%2", done.end.strftime("%H:%M") if done.end else "")
                         .replace("%3", str(done.minutes)).replace("%4", str(done.served)))
            self.refresh()
