"""Promised dates for cases, never guessed silently.

Where the official schedule of a year is missing, the date is counted by the
provisional schedule of that year (the statutory holidays, see
`workdays.provisional_schedule`) and marked provisional; the caller shows the
warning and recomputes once the year's schedule is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .workdays import HolidayCalendar, count_working_days

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Promise:
    deadline: date
    missing_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.missing_years)

    def warning(self) -> str:
        if not self.missing_years:
            return ""
        years = "、".join(str(y) for y in self.missing_years)
        return (f"缺少 {years} 年的法定节假日安排：日期 {self.deadline:%Y-%m-%d} 暂按"
                "《全国年节及纪念日放假办法》规定的法定节假日（含农历节日、周末补休）推算，"
                "为暂定日期。请站长导入当年放假安排（holidays import）后自动更正。")


def _is_workday(calendar: HolidayCalendar, d: date, missing: set[int]) -> bool:
    if not calendar.knows(d.year):
        missing.add(d.year)
    return calendar.counting_schedule(d.year).is_workday(d)


def promise(calendar: HolidayCalendar, start: date, days: int) -> Promise:
    """The `days`-th working day after `start` (day of receipt not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    missing: set[int] = set()
    d, left = start, days
    while left:
        d += _DAY
        if _is_workday(calendar, d, missing):
            left -= 1
    return Promise(d, tuple(sorted(missing)))


def working_days_left(calendar: HolidayCalendar, today: date, deadline: date) -> int:
    """Working days from today to the deadline (negative once overdue)."""
    return count_working_days(calendar.counting_schedule, today, deadline)


DUE_SOON_DAYS = 2  # 临期: due within two working days, flagged so it is acted on now


class Urgency(Enum):
    OVERDUE = "逾期"
    DUE_SOON = "临期"
    IN_TIME = "正常"


def urgency(days_left: int) -> Urgency:
    """How pressing a date is, from the working days left until it."""
    if days_left < 0:
        return Urgency.OVERDUE
    if days_left <= DUE_SOON_DAYS:
        return Urgency.DUE_SOON
    return Urgency.IN_TIME
