"""投诉回访: 效能投诉 through to their answer, and satisfaction with call-backs.

Complaints go 受理 → 办理 → 反馈 → 办结 within the time limit (一般 7 days by
default, 重大 10; overdue ones in red), or are not accepted on one of the
manual's grounds. Ratings of finished cases give the satisfaction rate against
the 98 % target; every 不满意/非常不满意 waits for a call-back and a correction.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import (
    QDate,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...domain.feedback import Classification
from ...domain.periods import month_to_date, previous_month
from ...domain.service import (
    COMPLAINT_FLOW,
    SATISFACTION_TARGET,
    Complaint,
    ComplaintStatus,
    Severity,
)
from ...services.desk import Desk
from ..appointments.dialog import CHINESE
from ..widgets import palette, prompts
from ..widgets.forms import rows_view
from ..widgets.lazy_tabs import LazyTabs
from ..widgets.text_size import sized_columns
from .dialogs import ComplaintDialog, RatingDialog  # tests import them from here
from .model import CallbacksModel, ComplaintModel

# -- replaceable questions (tests assign their own) ---------------------------------


def open_complaint_form(page: ComplaintsPage) -> bool:
    """The 受理投诉 form; True when a complaint was recorded."""
    return bool(ComplaintDialog(page.desk, page).exec())


def open_rating_form(page: ComplaintsPage) -> bool:
    """The 记录评价 form; True when a rating was recorded."""
    return bool(RatingDialog(page.desk, page).exec())


ask_text = prompts.ask_lines  # replaceable in tests
ask_choice = prompts.ask_choice


# -- the page ------------------------------------------------------------------------


class ComplaintsPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("投诉与满意度回访"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        # 满意度回访 is made (and read) when first shown
        self.tabs = LazyTabs()
        self.tabs.addTab(self._complaints_tab(), self.tr("投诉举报"))
        self.satisfaction_page = self.tabs.add_lazy(self.tr("满意度回访"), self._satisfaction_tab)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())  # after the tab is made

    # -- complaints tab ------------------------------------------------------------
    def _complaints_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.receive_button = QPushButton(self.tr("受理投诉…"))
        self.advance_button = QPushButton(self.tr("推进下一步…"))
        self.open_only = QCheckBox(self.tr("只看未办结的"))
        bar.addWidget(self.receive_button)
        bar.addWidget(self.advance_button)
        bar.addSpacing(16)
        bar.addWidget(self.open_only)
        bar.addStretch()
        rule = QLabel(self.tr("办理时限：一般投诉 %1 天，重大投诉 %2 天（自受理之日起）"))
        rule.setObjectName("muted")
        self.rule_label = rule
        bar.addWidget(rule)
        layout.addLayout(bar)
        self.complaint_alerts = QLabel()
        self.complaint_alerts.setObjectName("alerts")
        self.complaint_alerts.setWordWrap(True)
        self.complaint_alerts.hide()
        layout.addWidget(self.complaint_alerts)

        split = QSplitter(Qt.Orientation.Vertical)
        self.model = ComplaintModel(self)
        self.table = rows_view(self.model)
        sized_columns(self.table, lambda em, digit: {
            ComplaintModel.COL_NO: digit * 11 + em + 16,  # TS2026-0000
            ComplaintModel.COL_AT: digit * 10 + 16,
            ComplaintModel.COL_WHO: em * 4 + 8, ComplaintModel.COL_PHONE: digit * 12 + 12,
            ComplaintModel.COL_CONCERNING: em * 7, ComplaintModel.COL_SEVERITY: em * 2 + 16,
            ComplaintModel.COL_STATUS: em * 4 + 8,
            ComplaintModel.COL_DUE: digit * 5 + em * 7 + 8})
        self.table.horizontalHeader().setSectionResizeMode(ComplaintModel.COL_MATTER,
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(
            self.table.fontMetrics().horizontalAdvance("国") * 2 + 8)
        split.addWidget(self.table)
        self.detail = QTextBrowser()
        split.addWidget(self.detail)
        split.setSizes([320, 180])
        layout.addWidget(split, 1)

        self.receive_button.clicked.connect(self.receive)
        self.advance_button.clicked.connect(self.advance)
        self.open_only.toggled.connect(lambda _on: self.show_complaints())
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._show_selected())
        return box

    # -- satisfaction tab ---------------------------------------------------------
    def _satisfaction_tab(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.first = QDateEdit()
        self.last = QDateEdit()
        for edit in (self.first, self.last):
            edit.setLocale(CHINESE)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        first, today = month_to_date(date.today())
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(today.year, today.month, today.day))
        self.this_month = QPushButton(self.tr("本月"))
        self.last_month = QPushButton(self.tr("上月"))
        bar.addWidget(QLabel(self.tr("统计期间")))
        bar.addWidget(self.first)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.last)
        bar.addWidget(self.this_month)
        bar.addWidget(self.last_month)
        bar.addStretch()
        self.rate_button = QPushButton(self.tr("记录评价…"))
        bar.addWidget(self.rate_button)
        layout.addLayout(bar)

        self.rate_label = QLabel()
        self.rate_label.setObjectName("bigFigure")
        layout.addWidget(self.rate_label)
        target = QLabel(self.tr("目标：满意率 %1 以上。非常满意、满意、基本满意计为满意；"
                                "不满意、非常不满意的须电话回访并整改。")
                        .replace("%1", f"{SATISFACTION_TARGET:.0%}"))
        target.setObjectName("muted")
        target.setWordWrap(True)
        layout.addWidget(target)

        head = QHBoxLayout()
        self.callback_title = QLabel()
        self.callback_title.setStyleSheet("font-weight: bold;")
        head.addWidget(self.callback_title)
        head.addStretch()
        self.callback_button = QPushButton(self.tr("记录回访整改…"))
        head.addWidget(self.callback_button)
        layout.addLayout(head)
        self.callback_model = CallbacksModel(self)
        self.callbacks = rows_view(self.callback_model)
        sized_columns(self.callbacks, lambda em, digit: dict(enumerate((
            digit * 23 + 12, em * 4 + 8, digit * 12 + 12, em * 5 + 8,  # …评价 (非常不满意)
            digit * 14 + 12, digit * 10 + 16, em * 5 + 8, em * 4 + 8))))  # 评价时间…经办人
        self.callbacks.horizontalHeader().setSectionResizeMode(
            len(CallbacksModel.HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.callbacks, 1)

        self.first.dateChanged.connect(lambda _d: self.show_rate())
        self.last.dateChanged.connect(lambda _d: self.show_rate())
        self.this_month.clicked.connect(lambda: self.set_period(*self._month(0)))
        self.last_month.clicked.connect(lambda: self.set_period(*self._month(-1)))
        self.rate_button.clicked.connect(self.record_rating)
        self.callback_button.clicked.connect(self.record_callback)
        self.callbacks.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons())
        return box

    # -- showing -------------------------------------------------------------------
    def refresh(self) -> None:
        self.rule_label.setText(
            self.tr("办理时限：一般投诉 %1 天，重大投诉 %2 天（自受理之日起）")
            .replace("%1", str(self.desk.complaints.limit_days(Severity.GENERAL)))
            .replace("%2", str(self.desk.complaints.limit_days(Severity.MAJOR))))
        self.show_complaints()
        if self.tabs.is_built(self.satisfaction_page):
            self.show_rate()
            self.show_callbacks()

    def show_complaints(self, select: str | None = None) -> None:
        today = date.today()
        current = select or self.selected_number()
        found = (self.desk.complaints.open_complaints() if self.open_only.isChecked()
                 else self.desk.complaints.all_complaints())
        done = (ComplaintStatus.CLOSED, ComplaintStatus.NOT_ACCEPTED)
        found = ([c for c in found if c.status not in done]
                 + sorted((c for c in found if c.status in done),
                          key=lambda c: c.received_at, reverse=True))
        self.model.set_rows(found, today)
        late = [c for c in found if c.is_overdue(today)]
        if late:
            self.complaint_alerts.setText(
                "⚠ " + self.tr("%1 件投诉已超过办理时限：").replace("%1", str(len(late)))
                + "、".join(f"{c.complaint_no}（{c.complainant}）" for c in late[:5]))
            self.complaint_alerts.show()
        else:
            self.complaint_alerts.hide()
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.table.selectRow(row)
        self._show_selected()

    def selected(self) -> Complaint | None:
        index = self.table.currentIndex()
        return self.model.complaint_at(index.row()) if index.isValid() else None

    def selected_number(self) -> str | None:
        c = self.selected()
        return c.complaint_no if c else None

    def select(self, number: str) -> None:
        row = self.model.row_of(number)
        if row >= 0:
            self.table.selectRow(row)
        self._show_selected()

    def _show_selected(self) -> None:
        c = self.selected()
        target = COMPLAINT_FLOW.get(c.status) if c else None
        self.advance_button.setEnabled(target is not None)
        self.advance_button.setText(
            self.tr("推进到“%1”…").replace("%1", target.value) if target is not None
            else self.tr("推进下一步…"))
        if c is None:
            self.detail.setHtml(f"<p style='color:{palette.MUTED}'>"
                                + self.tr("选中一件投诉，查看办理经过。") + "</p>")
            return
        rows = [(self.tr("投诉编号"), c.complaint_no),
                (self.tr("投诉人"), f"{c.complainant}　{c.phone}（{c.channel}）"),
                (self.tr("投诉事项"), c.matter),
                (self.tr("涉及"), c.concerning or "—"),
                (self.tr("程度 / 状态"), f"{c.severity.value} / {c.status.value}"),
                (self.tr("办理时限"), self.model.due_text(c, full=True) or "—")]
        if c.reason:
            rows.append((self.tr("不予受理理由"), c.reason))
        if c.closed_at is not None:
            rows.append((self.tr("办结时间"), f"{c.closed_at.astimezone():%Y-%m-%d %H:%M}"))
        steps = c.result.splitlines()
        rows.append((self.tr("办理经过"), "<br>".join(escape(s) for s in steps) if steps
                     else self.tr("（已受理，尚未办理）")))
        body = "".join(
            f"<tr><th align='left' valign='top' width='110'>{escape(k)}</th>"
            f"<td>{v if k == self.tr('办理经过') else escape(v)}</td></tr>" for k, v in rows)
        self.detail.setHtml(f"<table cellspacing='4'>{body}</table>")

    def period(self) -> tuple[date, date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, last

    def set_period(self, first: date, last: date) -> None:
        for edit, d in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(d.year, d.month, d.day))
            edit.blockSignals(False)
        self.show_rate()

    @staticmethod
    def _month(offset: int) -> tuple[date, date]:
        today = date.today()
        return month_to_date(today) if offset == 0 else previous_month(today)

    def show_rate(self) -> None:
        first, last = self.period()
        s = self.desk.complaints.satisfaction(first, last)
        self.rate_label.setText(self.tr("满意率：") + s.text())
        color = (palette.MUTED if s.rate is None else
                 palette.OK if s.rate >= s.target else palette.DANGER)
        self.rate_label.setStyleSheet(f"color: {color};")

    def show_callbacks(self) -> None:
        rows = self.desk.complaints.needing_callback()
        self.callback_title.setText(
            self.tr("待电话回访和整改的不满意评价（%1 个）").replace("%1", str(len(rows))))
        self.callback_model.set_records(rows)
        if rows and self._callback_row() < 0:
            self.callbacks.selectRow(0)
        self._update_buttons()

    def callback_cases(self) -> list[str]:
        """The case numbers waiting for a call-back (for tests and screen checks)."""
        return [row[0] for row in self.callback_model.texts()]

    def _callback_row(self) -> int:
        rows = self.callbacks.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        self.callback_button.setEnabled(self._callback_row() >= 0)

    # -- actions ---------------------------------------------------------------------
    def receive(self) -> None:
        if open_complaint_form(self):
            self.refresh()

    def advance(self) -> None:
        c = self.selected()
        target = COMPLAINT_FLOW.get(c.status) if c else None
        if c is None or target is None:
            return
        labels = {ComplaintStatus.HANDLING: self.tr("调查核实和处理情况："),
                  ComplaintStatus.FEEDBACK: self.tr("向投诉人反馈的内容和方式："),
                  ComplaintStatus.CLOSED: self.tr("办结情况（投诉人意见、整改结果）：")}
        text = ask_text(self, self.tr("投诉%1").replace("%1", target.value), labels[target])
        if text is None:
            return
        done = prompts.attempt(self, lambda: self.desk.complaints.advance(c.complaint_no, text),
                               self.tr("不能推进"))
        if done is not None:
            self.show_complaints(select=c.complaint_no)

    def record_rating(self) -> None:
        if open_rating_form(self):
            self.refresh()

    def record_callback(self) -> None:
        rating = self.callback_model.record_at(self._callback_row())
        if rating is None:
            return
        rating_id, who = str(rating["id"]), str(rating["applicant_name"] or "")
        kind = ask_choice(self, self.tr("差评性质"), self.tr("回访核实后，这条差评是："),
                          [c.value for c in Classification])
        if kind is None:
            return
        text = ask_text(self, self.tr("回访整改"),
                        self.tr("电话回访%1的情况和整改措施：").replace("%1", who))
        if text is None:
            return
        if prompts.succeeded(self, lambda: self.desk.complaints.record_callback(
                rating_id, text, Classification(kind)), self.tr("不能记录")):
            self.show_callbacks()
