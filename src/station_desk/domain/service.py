"""Service-behaviour rules (manual §四.4–四.5, §五.1, 效能投诉制度): appointments,
after-hours sessions, complaints and satisfaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .errors import UserError
from .legal_clock import ClockDate, calendar_days_limit
from .workdays import HolidayCalendar

# -- appointments (预约服务) -------------------------------------------------


class ApptKind(StrEnum):
    WINDOW = "窗口"
    HOME = "上门"
    HOLIDAY = "节假日"


class ApptChannel(StrEnum):
    PHONE = "电话"
    PLATFORM = "平台"


class ApptStatus(StrEnum):
    BOOKED = "已预约"
    SERVED = "已服务"
    NO_SHOW = "未到"
    CANCELLED = "已取消"
    RESCHEDULED = "已改期"


APPT_OUTCOMES = (ApptStatus.SERVED, ApptStatus.NO_SHOW, ApptStatus.CANCELLED,
                 ApptStatus.RESCHEDULED)


@dataclass(frozen=True)
class Appointment:
    id: str
    appt_no: str
    channel: ApptChannel
    kind: ApptKind
    applicant_name: str
    id_number: str
    phone: str
    address: str
    item_code: str
    item_name: str
    at: datetime
    minutes: int
    staff_name: str
    materials_told: tuple[str, ...]
    status: ApptStatus
    note: str
    case_no: str

    @property
    def end(self) -> datetime:
        return self.at + timedelta(minutes=self.minutes)

    def is_missed(self, now: datetime) -> bool:
        """Still only booked although its time has passed: somebody must follow up."""
        return self.status == ApptStatus.BOOKED and self.end < now


def clashes(new_at: datetime, minutes: int, staff: str,
            others: list[Appointment], ignore_id: str = "") -> list[Appointment]:
    """Booked appointments of the same staff member that overlap [at, at+minutes)."""
    end = new_at + timedelta(minutes=minutes)
    return [a for a in others
            if a.id != ignore_id and a.status == ApptStatus.BOOKED and a.staff_name == staff
            and a.at < end and new_at < a.end]


def check_kind_date(kind: ApptKind, day: date, is_workday: bool) -> None:
    """节假日 service is for legal holidays/weekends; window visits need an open day."""
    if kind == ApptKind.HOLIDAY and is_workday:
        raise UserError(f"{day:%Y-%m-%d} 是工作日：节假日服务只约在法定节假日或休息日",
                        field="kind")
    if kind == ApptKind.WINDOW and not is_workday:
        raise UserError(f"{day:%Y-%m-%d} 不上班：请改约工作日，或选“节假日”服务",
                        field="at")


# -- after-hours service (延时服务) ------------------------------------------


# how versions before the cancelled_at column marked a withdrawn session: its note
# began with this (migration 0020 and old bundle rows are read by it, nothing else)
OLD_CANCELLED_NOTE = "已撤销："


def old_withdrawal_reason(note: str, served: int, ended: bool) -> str | None:
    """The reason of a session an older version withdrew, or None if it was not."""
    if ended and served == 0 and note.startswith(OLD_CANCELLED_NOTE):
        return note[len(OLD_CANCELLED_NOTE):]
    return None


@dataclass(frozen=True)
class AfterHours:
    id: str
    day: date
    closing: time
    end: time | None
    staff: tuple[str, ...]
    served: int
    note: str
    # started by mistake and withdrawn (rows are never deleted; the update travels)
    cancelled_at: datetime | None = None
    cancel_reason: str = ""

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def minutes(self) -> int:
        if self.end is None or self.cancelled:
            return 0
        delta = (datetime.combine(self.day, self.end)
                 - datetime.combine(self.day, self.closing))
        return max(0, int(delta.total_seconds() // 60))


# -- complaints (效能投诉) ----------------------------------------------------


class Severity(StrEnum):
    GENERAL = "一般"
    MAJOR = "重大"


class ComplaintStatus(StrEnum):
    ACCEPTED = "受理"
    HANDLING = "办理"
    FEEDBACK = "反馈"
    CLOSED = "办结"
    NOT_ACCEPTED = "不予受理"


COMPLAINT_FLOW = {
    ComplaintStatus.ACCEPTED: ComplaintStatus.HANDLING,
    ComplaintStatus.HANDLING: ComplaintStatus.FEEDBACK,
    ComplaintStatus.FEEDBACK: ComplaintStatus.CLOSED,
}

# 效能投诉制度 一(二): the cases the manual lists as out of scope.
NOT_ACCEPTED_GROUNDS = (
    "不属于政务服务业务范围内的投诉",
    "投诉人提供的材料不真实",
    "投诉事项已经进入行政复议、仲裁或司法程序",
)


def complaint_due(calendar: HolidayCalendar, received: date, severity: Severity,
                  general_days: int, major_days: int) -> ClockDate:
    """Calendar days, as the manual counts them (一般 configurable, default 7; 重大 10);
    a limit ending on a rest day moves to the next working day (民法典第二百零三条)."""
    days = major_days if severity == Severity.MAJOR else general_days
    return calendar_days_limit(calendar, received, days)


@dataclass(frozen=True)
class Complaint:
    id: str
    complaint_no: str
    received_at: datetime
    channel: str
    complainant: str
    phone: str
    matter: str
    concerning: str
    severity: Severity
    status: ComplaintStatus
    due: date | None
    reason: str
    result: str
    closed_at: datetime | None

    def is_overdue(self, today: date) -> bool:
        return (self.status not in (ComplaintStatus.CLOSED, ComplaintStatus.NOT_ACCEPTED)
                and self.due is not None and self.due < today)


# -- satisfaction (好差评, 电话回访) -------------------------------------------


class Rating(StrEnum):
    VERY_SATISFIED = "非常满意"
    SATISFIED = "满意"
    BASIC = "基本满意"
    UNSATISFIED = "不满意"
    VERY_UNSATISFIED = "非常不满意"

    @property
    def satisfied(self) -> bool:
        return self in (Rating.VERY_SATISFIED, Rating.SATISFIED, Rating.BASIC)


SATISFACTION_TARGET = 0.98  # manual §五.1.4: 满意率 98% 以上


def satisfaction_rate(ratings: list[Rating]) -> float | None:
    """Share of 非常满意/满意/基本满意; None when nobody has rated yet (not 0 %, not 100 %)."""
    if not ratings:
        return None
    return sum(1 for r in ratings if r.satisfied) / len(ratings)
