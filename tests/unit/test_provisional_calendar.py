"""The provisional schedule for a year without the official notice
(domain/workdays.py): the statutory days of 《全国年节及纪念日放假办法》 (2024),
lunar ones from lunar_python, weekend days made up on the next weekday."""

from __future__ import annotations

from datetime import date

import pytest

from station_desk.domain.workdays import (
    PROVISIONAL,
    HolidayCalendar,
    builtin_schedule,
    provisional_schedule,
    statutory_days,
)

D = date.fromisoformat


def test_2027_lunar_festivals_match_the_known_dates() -> None:
    days = dict((name, d) for d, name in reversed(statutory_days(2027)))  # first of each
    assert days["春节"] == D("2027-02-05")  # 除夕; 初一 is 6 Feb
    assert D("2027-02-06") in [d for d, n in statutory_days(2027) if n == "春节"]
    assert days["端午节"] == D("2027-06-09")
    assert days["中秋节"] == D("2027-09-15")
    assert days["清明节"] == D("2027-04-05")


@pytest.mark.parametrize("year", [2025, 2026, 2027, 2028, 2035, 2099])
def test_thirteen_statutory_days_each_year(year: int) -> None:
    names = [n for _, n in statutory_days(year)]
    assert len(names) == 13
    assert {n: names.count(n) for n in set(names)} == {
        "元旦": 1, "春节": 4, "清明节": 1, "劳动节": 2, "端午节": 1, "中秋节": 1, "国庆节": 3}


@pytest.mark.parametrize("year", [2025, 2026])
def test_official_years_give_every_statutory_weekday_off(year: int) -> None:
    """Checked against the State Council notices (as chinese_calendar has them):
    a statutory day on a weekday is always a day off in the real schedule."""
    official = builtin_schedule(year)
    assert official is not None
    for d, name in statutory_days(year):
        if d.weekday() < 5:
            assert d in official.holidays, (d, name)


@pytest.mark.parametrize(("day", "off", "name"), [
    ("2027-01-01", True, "元旦"),
    ("2027-02-05", True, "春节"),  # 除夕, Friday
    ("2027-02-08", True, "春节"),  # 初三, Monday
    ("2027-02-09", True, "春节（补休）"),  # for 初一 on Saturday
    ("2027-02-10", True, "春节（补休）"),  # for 初二 on Sunday
    ("2027-02-11", False, None),
    ("2027-05-03", True, "劳动节（补休）"),  # 1–2 May are a weekend
    ("2027-10-01", True, "国庆节"),
    ("2027-10-04", True, "国庆节（补休）"),
    ("2027-10-05", True, "国庆节（补休）"),
    ("2027-10-06", False, None),
    ("2028-10-03", True, "中秋节"),  # 中秋 on 国庆's third day: both are owed
    ("2028-10-05", True, "国庆节（补休）"),
])
def test_make_up_rule(day: str, off: bool, name: str | None) -> None:
    schedule = provisional_schedule(D(day).year)
    assert schedule.source == PROVISIONAL and not schedule.workdays
    assert (D(day) in schedule.holidays) is off
    assert schedule.name_of(D(day)) == name


def test_counting_schedule_prefers_the_official_one() -> None:
    cal = HolidayCalendar()
    assert cal.counting_schedule(2026).source != PROVISIONAL
    if not cal.knows(2027):
        assert cal.counting_schedule(2027).source == PROVISIONAL
