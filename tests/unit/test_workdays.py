"""Working-day deadlines (domain/workdays.py).

Built-in years come from chinese_calendar; the 2025/2026 dates below are the
State Council notices' as that library records them. Any 2027 schedule here is
made-up test data, not the real arrangement.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import chinese_calendar
import pytest

from station_desk.domain.errors import UserError
from station_desk.domain.schedule_file import parse_schedule, schedule_to_json
from station_desk.domain.workdays import (
    BUILTIN,
    IMPORTED,
    HolidayCalendar,
    ScheduleMissing,
    YearSchedule,
    _chinese_name,
    builtin_schedule,
)

D = date.fromisoformat

# A made-up 2027 schedule (format illustration only, not the real notice).
FAKE_2027: dict[str, Any] = {
    "year": 2027,
    "source": "测试用虚构安排",
    "holidays": [
        {"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03"]},
        {"name": "春节", "dates": ["2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                                 "2027-02-10", "2027-02-11", "2027-02-12"]},
    ],
    "workdays": ["2027-01-31", "2027-02-20"],
}

builtin_2027 = pytest.mark.skipif(
    builtin_schedule(2027) is not None,
    reason="chinese_calendar now ships 2027; these tests need a year it lacks",
)


@pytest.fixture
def cal() -> HolidayCalendar:
    return HolidayCalendar()


def fake(**changes: Any) -> str:
    data = json.loads(json.dumps(FAKE_2027))
    data.update(changes)
    return json.dumps(data, ensure_ascii=False)


# --- built-in data ---------------------------------------------------------

def test_builtin_range_is_detected(cal: HolidayCalendar) -> None:
    assert not cal.knows(2003)
    assert cal.knows(2004)
    assert cal.knows(2025)
    assert cal.knows(2026)
    assert not cal.knows(2099)
    assert builtin_schedule(2025) is builtin_schedule(2025)  # cached


def test_builtin_schedule_national_day_2025() -> None:
    s = builtin_schedule(2025)
    assert s is not None
    assert s.source == BUILTIN
    assert {D("2025-10-01") + timedelta(days=i) for i in range(8)} <= s.holidays
    assert {D("2025-09-28"), D("2025-10-11")} <= s.workdays
    assert s.name_of(D("2025-10-01")) == "国庆节"


def test_is_workday_2025(cal: HolidayCalendar) -> None:
    assert cal.is_workday(D("2025-09-30"))  # Tue
    assert not cal.is_workday(D("2025-10-08"))  # Wed, holiday
    assert cal.is_workday(D("2025-09-28"))  # Sun, make-up
    assert cal.is_workday(D("2025-10-11"))  # Sat, make-up
    assert not cal.is_workday(D("2025-10-12"))  # Sun
    assert not cal.is_workday(D("2025-03-08"))  # plain Saturday


# --- deadlines -------------------------------------------------------------

@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        # National Day 2025: Oct 1-8 off; Sun Sep 28 and Sat Oct 11 worked.
        ("2025-09-26", 1, "2025-09-28"),  # Fri -> make-up Sunday
        ("2025-09-28", 1, "2025-09-29"),
        ("2025-09-30", 1, "2025-10-09"),
        ("2025-09-30", 3, "2025-10-11"),  # Oct 9, 10, make-up Sat 11
        ("2025-09-30", 4, "2025-10-13"),
        ("2025-10-03", 1, "2025-10-09"),  # received on a holiday
        ("2025-10-03", 5, "2025-10-14"),
        # Spring Festival 2026: Feb 15-23 off; Sat Feb 14 and Sat Feb 28 worked.
        ("2026-02-13", 1, "2026-02-14"),
        ("2026-02-13", 2, "2026-02-24"),
        ("2026-02-12", 3, "2026-02-24"),
        ("2026-02-18", 1, "2026-02-24"),
        ("2026-02-26", 2, "2026-02-28"),
        ("2026-02-26", 3, "2026-03-02"),
        # Year boundary: Jan 1-3 2026 off, Sun Jan 4 worked.
        ("2025-12-29", 5, "2026-01-06"),
        ("2025-12-31", 1, "2026-01-04"),
        # Plain Friday.
        ("2025-03-07", 1, "2025-03-10"),
        ("2025-03-07", 5, "2025-03-14"),
        ("2025-03-08", 1, "2025-03-10"),  # received on a Saturday
    ],
)
def test_add_working_days(cal: HolidayCalendar, received: str, days: int, due: str) -> None:
    assert cal.add_working_days(D(received), days) == D(due)
    assert cal.working_days_between(D(received), D(due)) == days


@pytest.mark.parametrize("received", ["2025-03-05", "2025-10-03", "2025-10-11", "2026-02-15"])
def test_same_day_item(cal: HolidayCalendar, received: str) -> None:
    """即办件: 0 working days is the day of receipt, even a holiday."""
    assert cal.add_working_days(D(received), 0) == D(received)


def test_negative_days_refused(cal: HolidayCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_working_days(D("2025-03-05"), -1)


def test_working_days_between(cal: HolidayCalendar) -> None:
    assert cal.working_days_between(D("2025-09-30"), D("2025-09-30")) == 0
    assert cal.working_days_between(D("2025-09-30"), D("2025-10-08")) == 0
    assert cal.working_days_between(D("2025-09-30"), D("2025-10-09")) == 1
    assert cal.working_days_between(D("2025-10-09"), D("2025-09-30")) == -1
    # Sun Sep 28, Mon 29, Tue 30, Oct 9, 10, Sat 11, Mon 13.
    assert cal.working_days_between(D("2025-09-26"), D("2025-10-13")) == 7
    # The 5-working-day supplement notice: received Sep 30, last day Oct 14.
    assert cal.working_days_between(D("2025-09-30"), D("2025-10-14")) == 5
    assert cal.working_days_between(D("2025-09-30"), D("2025-10-15")) == 6


def test_between_is_inverse_of_add(cal: HolidayCalendar) -> None:
    start = D("2025-09-01")
    for offset in range(0, 180, 7):
        received = start + timedelta(days=offset)
        for days in (1, 2, 5, 10, 20):
            due = cal.add_working_days(received, days)
            assert cal.is_workday(due)
            assert cal.working_days_between(received, due) == days


# --- unknown years ---------------------------------------------------------

@builtin_2027
def test_2027_refused_not_guessed(cal: HolidayCalendar) -> None:
    with pytest.raises(ScheduleMissing) as e:
        cal.is_workday(D("2027-03-01"))
    assert e.value.year == 2027
    assert "2027 年" in e.value.message
    assert "holidays import" in e.value.message
    assert isinstance(e.value, UserError)
    with pytest.raises(ScheduleMissing):
        cal.add_working_days(D("2026-12-28"), 5)  # runs into 2027
    with pytest.raises(ScheduleMissing):
        cal.working_days_between(D("2026-12-30"), D("2027-01-05"))
    assert cal.add_working_days(D("2026-12-28"), 3) == D("2026-12-31")
    assert cal.missing_years(D("2026-12-01"), D("2028-01-01")) == [2027, 2028]


def test_far_future_year_refused(cal: HolidayCalendar) -> None:
    with pytest.raises(ScheduleMissing) as e:
        cal.add_working_days(D("2099-05-01"), 1)
    assert e.value.year == 2099
    assert cal.missing_years(D("2025-01-01"), D("2026-12-31")) == []
    assert cal.missing_years(D("2100-01-01"), D("2098-06-01")) == [2098, 2099, 2100]


@builtin_2027
def test_imported_2027_schedule() -> None:
    s = parse_schedule(fake())
    cal = HolidayCalendar({2027: s})
    assert cal.knows(2027)
    assert cal.missing_years(D("2026-12-01"), D("2027-12-31")) == []
    # Dec 29, 30, 31, then Jan 1-3 off, Mon Jan 4, Tue Jan 5.
    assert cal.add_working_days(D("2026-12-28"), 5) == D("2027-01-05")
    assert cal.is_workday(D("2027-01-31"))  # made-up Sunday make-up day
    assert not cal.is_workday(D("2027-02-08"))  # made-up Monday holiday
    assert cal.add_working_days(D("2027-02-05"), 1) == D("2027-02-15")
    assert cal.working_days_between(D("2026-12-31"), D("2027-01-04")) == 1


def test_import_overrides_builtin() -> None:
    """A correction to a built-in year (as with the 2020 extension) wins."""
    s = parse_schedule(json.dumps({
        "year": 2025, "holidays": [{"name": "国庆节", "dates": ["2025-10-09"]}],
        "workdays": [],
    }))
    cal = HolidayCalendar({2025: s})
    assert cal.schedule(2025).source == IMPORTED
    assert not cal.is_workday(D("2025-10-09"))
    assert cal.is_workday(D("2025-10-08"))  # only what the import says counts
    assert HolidayCalendar().is_workday(D("2025-10-09"))


def test_imported_under_wrong_year_is_a_bug() -> None:
    with pytest.raises(ValueError):
        HolidayCalendar({2028: parse_schedule(fake())})


# --- the import file -------------------------------------------------------

def test_parse_schedule() -> None:
    s = parse_schedule("\ufeff" + fake())  # Notepad's UTF-8 BOM is fine
    assert s.year == 2027
    assert s.source == IMPORTED
    assert s.notice == "测试用虚构安排"
    assert len(s.holidays) == 10
    assert s.workdays == {D("2027-01-31"), D("2027-02-20")}
    assert s.name_of(D("2027-02-06")) == "春节"
    assert s.name_of(D("2027-03-01")) is None


def test_round_trip() -> None:
    s = parse_schedule(fake())
    text = schedule_to_json(s)
    assert "春节" in text  # stored readable, not \u escapes
    assert parse_schedule(text) == s
    assert schedule_to_json(parse_schedule(text)) == text


def test_round_trip_builtin_dates() -> None:
    s = builtin_schedule(2026)
    assert s is not None
    back = parse_schedule(schedule_to_json(s))
    assert (back.year, back.holidays, back.workdays) == (s.year, s.holidays, s.workdays)


def test_round_trip_unnamed() -> None:
    s = YearSchedule(2030, frozenset({D("2030-01-01")}), frozenset(), IMPORTED)
    assert parse_schedule(schedule_to_json(s)) == s


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{\"year\": 2027,", "不是有效的 JSON"),
        ("[]", "对象"),
        (fake(year="2027"), "整数年份"),
        (fake(year=True), "整数年份"),
        (fake(year=1999), "不在 2000–2100 之间"),
        (fake(year=2101), "不在 2000–2100 之间"),
        (fake(holidays=[]), "没有列出任何放假日期"),
        (fake(holidays=[{"name": "元旦", "dates": []}]), "第 1 组节假日（元旦）没有列出日期"),
        (fake(holidays=[{"name": "元旦", "dates": ["2027/01/01"]}]),
         "第 1 组节假日（元旦）第 1 个日期 \"2027/01/01\" 不是 YYYY-MM-DD"),
        (fake(holidays=[{"name": "元旦", "dates": ["2027-02-30"]}]),
         "2027-02-30 不是真实存在的日期"),
        (fake(holidays=[{"name": "元旦", "dates": ["2026-12-31"]}]), "2026-12-31 不在 2027 年内"),
        (fake(holidays=[{"name": "元旦", "dates": ["2027-01-01", "2027-01-01"]}]), "重复出现"),
        (fake(holidays=[{"name": "元旦", "date": ["2027-01-01"]}]), "第 1 组节假日应是"),
        (fake(workdays=["2027-01-31", "2027-02-20", "2027-03-10"]),
         "第 3 个调休上班日期 2027-03-10 不是周末（是星期三）"),
        (fake(workdays=["2027-01-02"]), "第 1 个调休上班日期 2027-01-02 同时被列为放假日期"),
        (fake(workdays=["2028-01-01"]), "不在 2027 年内"),
        (fake(workdays="2027-01-31"), "workdays 应是日期列表"),
        (fake(source=2027), "source 应是文字"),
        (fake(workday=[]), "不认识的字段 workday"),
        (json.dumps({"year": 2027, "holidays": FAKE_2027["holidays"]}), "缺少字段 workdays"),
    ],
)
def test_parse_schedule_refusals(text: str, expected: str) -> None:
    with pytest.raises(UserError) as e:
        parse_schedule(text)
    assert expected in e.value.message
    assert e.value.message.startswith("节假日安排文件有误：")


# --- cross-check against an independent library, if present ----------------

def test_agrees_with_holidays_package(cal: HolidayCalendar) -> None:
    holidays = pytest.importorskip("holidays")
    cn = holidays.country_holidays("CN", years=[2025, 2026])
    if not hasattr(cn, "is_working_day"):
        pytest.skip("holidays package too old for is_working_day")
    d = D("2025-01-01")
    while d.year < 2027:
        assert cal.is_workday(d) == cn.is_working_day(d), d
        d += timedelta(days=1)


def test_the_builtin_schedule_is_what_the_library_says_day_by_day() -> None:
    """Read from the library's tables at once; the same as asking it for each day."""
    for year in (2004, 2019, 2024, 2026):
        off, made_up, names = set(), set(), []
        d = date(year, 1, 1)
        while d.year == year:
            is_holiday, english = chinese_calendar.get_holiday_detail(d)
            if english is not None:
                (off if is_holiday else made_up).add(d)
                names.append((d, _chinese_name(str(english))))
            d += timedelta(days=1)
        schedule = builtin_schedule(year)
        assert schedule is not None
        assert (schedule.holidays, schedule.workdays, schedule.names) == (
            off, made_up, tuple(names))
