"""Working-day deadlines by the State Council (国务院办公厅) holiday schedule.

A promised date (承诺办结时限) counts working days, not calendar days: weekends
and statutory holidays are skipped and make-up working days (调休上班) count.
Built-in years come from the maintained `chinese_calendar` library; any year it
does not cover must be imported by the station head from the official notice
(`holidays import`, format in docs/holiday-schedule.md). `schedule()` refuses
a year known neither way with `ScheduleMissing`; deadlines instead count such a
year by `provisional_schedule` — the fixed statutory days of
《全国年节及纪念日放假办法》 (2024 revision), lunar ones included — and mark the
date provisional, because a weekday-only guess would promise too early.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any

import chinese_calendar

from station_desk.domain.errors import UserError

BUILTIN = "内置"
IMPORTED = "导入"
PROVISIONAL = "暂定"

MIN_YEAR = 2000
MAX_YEAR = 2100

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class YearSchedule:
    """One year's official arrangement.

    `holidays` are the days off the notice lists (weekend days inside a holiday
    span may be among them); `workdays` are the make-up working days that fall
    on a Saturday or Sunday. `source` is "内置" or "导入"; `notice` cites the
    official document and `names` gives each holiday date its festival name,
    both only for display and for storing the schedule again.
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    notice: str = ""
    names: tuple[tuple[date, str], ...] = ()

    def is_workday(self, d: date) -> bool:
        """Whether `d` (in this year) is a working day under this schedule."""
        if d in self.workdays:
            return True
        return d.weekday() < 5 and d not in self.holidays

    @cached_property
    def _worked_through(self) -> tuple[int, ...]:
        """[i] = working days among the year's first i days: a count is two look-ups."""
        counts = [0]
        d = date(self.year, 1, 1)
        while d.year == self.year:
            counts.append(counts[-1] + self.is_workday(d))
            d += _ONE_DAY
        return tuple(counts)

    def worked_through(self, d: date) -> int:
        """Working days from 1 January up to and including `d` (in this year)."""
        return self._worked_through[d.timetuple().tm_yday]

    @property
    def working_days(self) -> int:
        return self._worked_through[-1]

    def name_of(self, d: date) -> str | None:
        """The festival name of a holiday or make-up day, if the schedule has one."""
        for day, name in self.names:
            if day == d:
                return name
        return None


class ScheduleMissing(UserError):
    """No holiday schedule is known for a year a deadline needs."""

    def __init__(self, year: int) -> None:
        super().__init__(
            f"缺少 {year} 年的法定节假日安排，无法按工作日计算期限。"
            "请站长导入当年国务院办公厅公布的放假安排（holidays import）。"
        )
        self.year = year


_NO_IMPORTS: Mapping[int, YearSchedule] = MappingProxyType({})


class HolidayCalendar:
    """Working days from built-in and imported schedules; imported ones win."""

    def __init__(self, imported: Mapping[int, YearSchedule] = _NO_IMPORTS) -> None:
        for year, schedule in imported.items():
            if schedule.year != year:
                raise ValueError(f"schedule for {schedule.year} filed under {year}")
        self._imported = dict(imported)

    def schedule(self, year: int) -> YearSchedule:
        """The schedule in force for `year`; ScheduleMissing if there is none."""
        found = self._imported.get(year)
        if found is None:
            found = builtin_schedule(year)
        if found is None:
            raise ScheduleMissing(year)
        return found

    def knows(self, year: int) -> bool:
        """Whether the official schedule of `year` is known (built in or imported)."""
        return year in self._imported or builtin_schedule(year) is not None

    def counting_schedule(self, year: int) -> YearSchedule:
        """The official schedule, or the provisional one (source 暂定) without it."""
        if self.knows(year):
            return self.schedule(year)
        return provisional_schedule(year)

    def is_workday(self, d: date) -> bool:
        """Whether the station is open on `d` by the official schedule."""
        return self.schedule(d.year).is_workday(d)

    def add_working_days(self, received: date, days: int) -> date:
        """The promised date: the `days`-th working day after the day of receipt.

        The day of receipt itself is not counted, so an application received on a
        holiday is no worse off. `days == 0` is 即办件 (done the same day).
        """
        if days < 0:
            raise ValueError("days must not be negative")
        d = received
        left = days
        while left:
            d += _ONE_DAY
            if self.is_workday(d):
                left -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative (and mirrored) if end < start.

        `working_days_between(r, add_working_days(r, n)) == n` for n > 0.
        """
        return count_working_days(self.schedule, start, end)

    def missing_years(self, start: date, end: date) -> list[int]:
        """Years from start's to end's (in either order) that have no schedule."""
        low, high = sorted((start.year, end.year))
        return [y for y in range(low, high + 1) if not self.knows(y)]


def count_working_days(schedule_of: Callable[[int], YearSchedule], start: date,
                       end: date) -> int:
    """Working days in (start, end], negative (mirrored) if end < start, from each
    year's cumulative table: a case overdue since years costs a few look-ups."""
    if end < start:
        return -count_working_days(schedule_of, end, start)
    if start.year == end.year:
        year = schedule_of(start.year)
        return year.worked_through(end) - year.worked_through(start)
    total = 0
    if (start.month, start.day) != (12, 31):  # no day of start's year is counted then
        first = schedule_of(start.year)
        total = first.working_days - first.worked_through(start)
    total += sum(schedule_of(y).working_days for y in range(start.year + 1, end.year))
    return total + schedule_of(end.year).worked_through(end)


@cache
def builtin_schedule(year: int) -> YearSchedule | None:
    """The `chinese_calendar` schedule for `year`, or None outside its data.

    The covered range is found by asking the library about the year itself (it
    raises NotImplementedError outside it), so a newer release with more years
    is picked up without a code change.
    """
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return None
    # the library's own tables (date -> name), read directly: asking it day by day
    # took ~45 ms a year, paid when the case list first showed days left
    off = {d: n for d, n in chinese_calendar.holidays.items() if d.year == year}
    made_up = {d: n for d, n in chinese_calendar.workdays.items() if d.year == year}
    holidays = set(off)
    workdays = set(made_up) - holidays
    names = [(d, _chinese_name(str(n))) for d, n in sorted({**made_up, **off}.items())]
    return YearSchedule(
        year=year,
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        source=BUILTIN,
        notice="chinese_calendar " + str(chinese_calendar.__version__),
        names=tuple(names),
    )


# 《全国年节及纪念日放假办法》 as revised 2024: the days off every citizen has.
_SOLAR_DAYS = (("元旦", 1, 1), ("劳动节", 5, 1), ("劳动节", 5, 2),
               ("国庆节", 10, 1), ("国庆节", 10, 2), ("国庆节", 10, 3))
_LUNAR_DAYS = (("端午节", 5, 5), ("中秋节", 8, 15))


def statutory_days(year: int) -> list[tuple[date, str]]:
    """The 13 statutory holiday days of `year`, in date order (a date shared by two
    festivals, e.g. 中秋 on 1 October, is listed twice: both days are owed).

    Lunar dates and 清明 (a solar term) come from the maintained `lunar_python`
    library; 春节 is 除夕 through 正月初三.
    """
    from lunar_python import Lunar, Solar  # lazily: only years without a schedule

    def solar(s: Any) -> date:
        return date(s.getYear(), s.getMonth(), s.getDay())

    days = [(date(year, m, d), name) for name, m, d in _SOLAR_DAYS]
    new_year = solar(Lunar.fromYmd(year, 1, 1).getSolar())
    days += [(new_year + (i - 1) * _ONE_DAY, "春节") for i in range(4)]
    days += [(solar(Lunar.fromYmd(year, m, d).getSolar()), name) for name, m, d in _LUNAR_DAYS]
    days.append((solar(Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]), "清明节"))
    return sorted(days)


@cache
def provisional_schedule(year: int) -> YearSchedule:
    """A stand-in for a year whose official schedule is not yet known.

    Every statutory day is off; one that falls on a Saturday or Sunday, or on a
    day already off for another festival, is made up on the next weekday that
    is not yet off (补休). The make-up working weekends of the real notice are
    unknowable, so none are assumed: dates come out no earlier than a plain
    weekday count would give, and are always shown as provisional.
    """
    off: dict[date, str] = {}
    owed: list[tuple[date, str]] = []
    for d, name in statutory_days(year):
        if d.weekday() < 5 and d not in off:
            off[d] = name
        else:
            owed.append((d, name))
    for d, name in owed:
        while d.weekday() >= 5 or d in off:
            d += _ONE_DAY
        off[d] = f"{name}（补休）"
    return YearSchedule(
        year=year, holidays=frozenset(off), workdays=frozenset(), source=PROVISIONAL,
        notice="按《全国年节及纪念日放假办法》推算（未含调休上班日）",
        names=tuple(sorted(off.items())))


def _chinese_name(english: str) -> str:
    try:
        return str(chinese_calendar.Holiday(english).chinese)
    except ValueError:
        return english
