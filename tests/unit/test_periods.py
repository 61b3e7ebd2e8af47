"""Months, days and weeks typed by a clerk or a script (domain/periods.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station_desk.domain.errors import UserError
from station_desk.domain.periods import (
    day_bounds,
    days_after,
    month_bounds,
    month_span,
    month_to_date,
    month_up_to,
    next_month,
    parse_day,
    parse_month,
    previous_month,
    week_start,
)


def test_month_span_knows_the_length_of_each_month() -> None:
    assert month_span(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_span(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_span(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))


def test_next_and_previous_month_cross_the_year() -> None:
    assert next_month(date(2026, 12, 15)) == date(2027, 1, 1)
    assert previous_month(date(2027, 1, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert previous_month(date(2026, 3, 1)) == (date(2026, 2, 1), date(2026, 2, 28))


def test_the_current_month_ends_today() -> None:
    assert month_to_date(date(2026, 5, 14)) == (date(2026, 5, 1), date(2026, 5, 14))
    assert month_up_to(date(2026, 5, 3), date(2026, 5, 14)) == (date(2026, 5, 1),
                                                                 date(2026, 5, 14))
    assert month_up_to(date(2026, 4, 3), date(2026, 5, 14)) == (date(2026, 4, 1),
                                                                 date(2026, 4, 30))


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026/05", "2026-5-1", "五月", "", "-"])
def test_a_month_that_does_not_exist_is_refused_in_chinese(text: str) -> None:
    with pytest.raises(UserError, match="YYYY-MM") as caught:
        parse_month(text)
    assert caught.value.field == "month"
    with pytest.raises(UserError, match="月份"):
        month_bounds(text)


def test_a_month_is_read_with_or_without_the_leading_zero() -> None:
    assert parse_month("2026-05") == parse_month(" 2026-5 ") == date(2026, 5, 1)
    assert month_bounds("2026-10") == (date(2026, 10, 1), date(2026, 10, 31))


def test_a_day_is_read_or_refused_naming_what_it_is() -> None:
    assert parse_day("2026-10-14") == date(2026, 10, 14)
    assert day_bounds("2026-10-14") == (date(2026, 10, 14), date(2026, 10, 14))
    with pytest.raises(UserError, match="起算日期“10-14”格式不对"):
        parse_day("10-14", "起算日期")


def test_weeks_start_on_monday() -> None:
    assert week_start(date(2026, 5, 17)) == date(2026, 5, 11)  # a Sunday
    assert week_start(date(2026, 5, 11)) == date(2026, 5, 11)
    assert days_after(date(2026, 12, 30), 3) == [date(2026, 12, 30), date(2026, 12, 31),
                                                 date(2027, 1, 1)]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_month_holds_its_days_and_borders_the_next(day: date) -> None:
    first, last = month_span(day.year, day.month)
    assert first <= day <= last
    assert next_month(day) == date.fromordinal(last.toordinal() + 1)
    assert previous_month(next_month(day)) == (first, last)
    assert month_bounds(f"{day:%Y-%m}") == (first, last)
