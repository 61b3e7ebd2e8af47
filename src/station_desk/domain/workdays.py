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

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, cached_property
from types import MappingProxyType
from typing import Any

import chinese_calendar

from station_desk.domain.errors import UserError
from station_desk.schemas.base import bad_character, parse_json

BUILTIN = "内置"
IMPORTED = "导入"
PROVISIONAL = "暂定"

MIN_YEAR = 2000
MAX_YEAR = 2100

_ONE_DAY = timedelta(days=1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAYS = "一二三四五六日"


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
    holidays: set[date] = set()
    workdays: set[date] = set()
    names: list[tuple[date, str]] = []
    d = date(year, 1, 1)
    while d.year == year:
        is_holiday, english = chinese_calendar.get_holiday_detail(d)
        if english is not None:
            (holidays if is_holiday else workdays).add(d)
            names.append((d, _chinese_name(str(english))))
        d += _ONE_DAY
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


# --- the import file -------------------------------------------------------

_KEYS = {"year", "source", "holidays", "workdays"}


def _refuse(message: str) -> UserError:
    return UserError("节假日安排文件有误：" + message, field="holidays")


def _parse_date(raw: object, year: int, what: str) -> date:
    if not isinstance(raw, str) or not _ISO_DATE.fullmatch(raw):
        raise _refuse(f"{what} {json.dumps(raw, ensure_ascii=False)} 不是 YYYY-MM-DD 格式的日期")
    try:
        d = date.fromisoformat(raw)
    except ValueError:
        raise _refuse(f"{what} {raw} 不是真实存在的日期") from None
    if d.year != year:
        raise _refuse(f"{what} {raw} 不在 {year} 年内")
    return d


def parse_schedule(text: str) -> YearSchedule:
    """Read and check an imported schedule (JSON, see docs/holiday-schedule.md).

    Every problem is a UserError in Chinese naming the entry at fault, so the
    station head can correct the file rather than guess.
    """
    try:  # the validation layer's limits: size, nesting, numbers, no NaN
        data: Any = parse_json(text, "文件", max_bytes=1024 * 1024, max_depth=6)
    except UserError as exc:
        raise _refuse(exc.message.removeprefix("文件")) from None
    if not isinstance(data, dict):
        raise _refuse("最外层应是一个 {…} 对象")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        allowed = "year、source、holidays、workdays"
        raise _refuse(f"不认识的字段 {'、'.join(unknown)}（只允许 {allowed}）")
    for key in ("year", "holidays", "workdays"):
        if key not in data:
            raise _refuse(f"缺少字段 {key}")

    year = data["year"]
    if isinstance(year, bool) or not isinstance(year, int):
        raise _refuse("year 应是一个整数年份，如 2027")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _refuse(f"年份 {year} 不在 {MIN_YEAR}–{MAX_YEAR} 之间")

    notice = data.get("source", "")
    if not isinstance(notice, str):
        raise _refuse("source 应是文字（通知的标题和文号）")
    if len(notice) > 500 or bad_character(notice, multiline=False):
        raise _refuse("source " + (bad_character(notice, multiline=False) or "太长（最多 500 字）"))

    groups = data["holidays"]
    if not isinstance(groups, list) or not groups:
        raise _refuse("holidays 中没有列出任何放假日期")
    holidays: dict[date, str] = {}
    for gi, group in enumerate(groups, start=1):
        if not isinstance(group, dict) or "dates" not in group:
            raise _refuse(f"第 {gi} 组节假日应是 {{\"name\": …, \"dates\": […]}} 的形式")
        extra = sorted(set(group) - {"name", "dates"})
        if extra:
            raise _refuse(f"第 {gi} 组节假日有不认识的字段 {'、'.join(extra)}")
        name = group.get("name", "")
        if not isinstance(name, str):
            raise _refuse(f"第 {gi} 组节假日的 name 应是文字")
        if len(name) > 40 or bad_character(name, multiline=False):
            raise _refuse(f"第 {gi} 组节假日的 name "
                          + (bad_character(name, multiline=False) or "太长（最多 40 字）"))
        label = f"第 {gi} 组节假日（{name}）" if name else f"第 {gi} 组节假日"
        dates = group["dates"]
        if not isinstance(dates, list) or not dates:
            raise _refuse(f"{label}没有列出日期")
        for di, raw in enumerate(dates, start=1):
            d = _parse_date(raw, year, f"{label}第 {di} 个日期")
            if d in holidays:
                raise _refuse(f"放假日期 {d.isoformat()} 重复出现")
            holidays[d] = name

    raw_workdays = data["workdays"]
    if not isinstance(raw_workdays, list):
        raise _refuse("workdays 应是日期列表（没有调休上班日时写 []）")
    workdays: list[date] = []
    for wi, raw in enumerate(raw_workdays, start=1):
        what = f"第 {wi} 个调休上班日期"
        d = _parse_date(raw, year, what)
        if d in holidays:
            raise _refuse(f"{what} {d.isoformat()} 同时被列为放假日期")
        if d in workdays:
            raise _refuse(f"{what} {d.isoformat()} 重复出现")
        if d.weekday() < 5:
            raise _refuse(
                f"{what} {d.isoformat()} 不是周末（是星期{_WEEKDAYS[d.weekday()]}），"
                "调休上班日只会是周六或周日"
            )
        workdays.append(d)

    return YearSchedule(
        year=year,
        holidays=frozenset(holidays),
        workdays=frozenset(workdays),
        source=IMPORTED,
        notice=notice,
        names=tuple(sorted((d, n) for d, n in holidays.items() if n)),
    )


def schedule_to_json(s: YearSchedule) -> str:
    """The schedule as import-file JSON, for storing; parse_schedule reads it back.

    Holiday dates are grouped by festival name in date order; make-up days are
    stored as a plain list (their names are not part of the file format).
    """
    named = dict(s.names)
    groups: list[dict[str, Any]] = []
    by_name: dict[str, dict[str, Any]] = {}
    for d in sorted(s.holidays):
        name = named.get(d, "")
        group = by_name.get(name)
        if group is None:
            group = {"name": name, "dates": []}
            by_name[name] = group
            groups.append(group)
        group["dates"].append(d.isoformat())
    data = {
        "year": s.year,
        "source": s.notice,
        "holidays": groups,
        "workdays": [d.isoformat() for d in sorted(s.workdays)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
