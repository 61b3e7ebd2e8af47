"""Properties of working-day counting (domain/workdays.py, domain/deadlines.py) and
of the holiday schedule file, over generated dates, day counts and schedules."""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from station_desk.domain.deadlines import promise, working_days_left
from station_desk.domain.errors import UserError
from station_desk.domain.schedule_file import parse_schedule, schedule_to_json
from station_desk.domain.workdays import (
    IMPORTED,
    HolidayCalendar,
    YearSchedule,
)

CAL = HolidayCalendar()
KNOWN = [y for y in range(2000, 2101) if CAL.knows(y)]
# receipts whose promised dates (up to 60 working days, ~3 months) stay in known years
RECEIVED = st.dates(min_value=date(KNOWN[0], 1, 1), max_value=date(KNOWN[-1], 9, 30))
DAYS = st.integers(min_value=0, max_value=60)
FESTIVALS = st.sampled_from(["", "元旦", "春节", "清明节", "劳动节", "端午节", "中秋节",
                             "国庆节"])


@given(RECEIVED, st.integers(1, 60))
def test_the_promised_date_is_a_working_day_after_receipt(received: date, days: int) -> None:
    due = CAL.add_working_days(received, days)
    assert due > received and CAL.is_workday(due)
    assert CAL.working_days_between(received, due) == days


@given(RECEIVED, DAYS, DAYS)
def test_more_days_never_promise_an_earlier_date(received: date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert CAL.add_working_days(received, low) <= CAL.add_working_days(received, high)
    if low < high:
        assert CAL.add_working_days(received, low) < CAL.add_working_days(received, high)


@given(RECEIVED, st.integers(0, 59))
def test_one_more_day_is_the_next_working_day(received: date, days: int) -> None:
    due = CAL.add_working_days(received, days)
    following = CAL.add_working_days(received, days + 1)
    assert all(not CAL.is_workday(due + timedelta(days=i))
               for i in range(1, (following - due).days))


@given(RECEIVED, DAYS)
def test_a_later_receipt_never_promises_an_earlier_date(received: date, days: int) -> None:
    assert (CAL.add_working_days(received, days)
            <= CAL.add_working_days(received + timedelta(days=1), days))


@given(RECEIVED, DAYS)
def test_cases_promise_the_calendar_date_when_every_year_is_known(received: date,
                                                                   days: int) -> None:
    promised = promise(CAL, received, days)
    assert promised.deadline == CAL.add_working_days(received, days)
    assert not promised.provisional and promised.warning() == ""


@given(st.dates(min_value=date(KNOWN[-1] + 1, 1, 1), max_value=date(2099, 12, 31)),
       st.integers(1, 60))
def test_an_unknown_year_gives_a_provisional_weekday(received: date, days: int) -> None:
    promised = promise(CAL, received, days)
    assert promised.provisional and promised.deadline.weekday() < 5
    assert str(promised.deadline.year) in promised.warning()
    counted_from = received + timedelta(days=1)  # the day of receipt is not counted
    assert promised.missing_years == tuple(range(counted_from.year,
                                                 promised.deadline.year + 1))


@given(RECEIVED, st.integers(-400, 60))
def test_days_left_agrees_with_working_days_between(today: date, offset: int) -> None:
    deadline = today + timedelta(days=offset)
    assume(CAL.knows(deadline.year))
    assert working_days_left(CAL, today, deadline) == CAL.working_days_between(today,
                                                                                  deadline)


@st.composite
def schedules(draw: st.DrawFn) -> YearSchedule:
    """A year's schedule as a station head might import it."""
    year = draw(st.integers(2000, 2100))
    days = st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31))
    holidays = draw(st.dictionaries(days, FESTIVALS, min_size=1, max_size=30))
    weekend = days.filter(lambda d: d.weekday() >= 5 and d not in holidays)
    workdays = draw(st.frozensets(weekend, max_size=6))
    return YearSchedule(year, frozenset(holidays), workdays, IMPORTED,
                        # what an import accepts: no control, bidi or unassigned characters
                        draw(st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co",
                                                                       "Cn")),
                                     max_size=40)),
                        tuple(sorted((d, n) for d, n in holidays.items() if n)))


@given(schedules())
def test_a_stored_schedule_reads_back_the_same(schedule: YearSchedule) -> None:
    assert parse_schedule(schedule_to_json(schedule)) == schedule


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12)
SCHEDULE_FIELDS = st.fixed_dictionaries({}, optional={
    "year": JSON | st.integers(1990, 2110), "source": JSON,
    "holidays": JSON | st.lists(st.fixed_dictionaries(
        {"dates": JSON | st.lists(st.dates().map(date.isoformat) | JSON, max_size=4)},
        optional={"name": JSON}), max_size=3),
    "workdays": JSON | st.lists(st.dates().map(date.isoformat), max_size=3)})


@given(st.one_of(JSON.map(json.dumps), SCHEDULE_FIELDS.map(json.dumps), st.text()))
def test_any_schedule_file_is_read_or_refused_in_chinese(text: str) -> None:
    try:
        parse_schedule(text)
    except UserError as exc:
        assert exc.message.startswith("节假日安排文件有误：")


def _walk(calendar: HolidayCalendar, start: date, end: date) -> int:
    """The day-by-day count the cumulative tables replaced."""
    low, high, sign = (start, end, 1) if start <= end else (end, start, -1)
    schedule = calendar.counting_schedule
    days = (high - low).days
    return sign * sum(schedule((low + timedelta(i)).year).is_workday(low + timedelta(i))
                      for i in range(1, days + 1))


SPAN = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))


@given(SPAN, SPAN)
def test_the_fast_count_equals_the_walk(start: date, end: date) -> None:
    # 2027+ is provisional: the counting schedules, as working_days_left uses them
    assert working_days_left(CAL, start, end) == _walk(CAL, start, end)


@given(RECEIVED, RECEIVED)
def test_the_fast_count_equals_the_walk_in_known_years(start: date, end: date) -> None:
    assert CAL.working_days_between(start, end) == _walk(CAL, start, end)
