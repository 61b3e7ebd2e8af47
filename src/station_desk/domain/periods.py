"""Periods typed by a clerk or a script and counted on the calendar: a month
("2026-05": the 1st to its last day), a day, a week from Monday. Bad input is
refused in Chinese naming what is wrong, never a traceback."""

from __future__ import annotations

from datetime import date, timedelta

from .errors import UserError


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month (ValueError for a month that does not exist)."""
    first = date(year, month, 1)
    return first, next_month(first) - timedelta(days=1)


def next_month(day: date) -> date:
    """The first day of the month after `day`'s month."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def previous_month(day: date) -> tuple[date, date]:
    """First and last day of the month before `day`'s month."""
    last = day.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def month_up_to(day: date, today: date) -> tuple[date, date]:
    """`day`'s month, ending today at the latest: figures counted "at the end"
    of the current month must not lie in the future."""
    first, last = month_span(day.year, day.month)
    return first, min(last, today)


def month_to_date(today: date) -> tuple[date, date]:
    """This month so far."""
    return month_up_to(today, today)


def parse_month(text: str) -> date:
    """"YYYY-MM" → the first day of that month."""
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        raise UserError(f"月份“{text}”格式不对，应为 YYYY-MM（月份 01–12），如 2026-05",
                        field="month") from None


def month_bounds(text: str) -> tuple[date, date]:
    """"YYYY-MM" → its first and last day."""
    first = parse_month(text)
    return month_span(first.year, first.month)


def parse_day(text: str, what: str = "日期") -> date:
    """"YYYY-MM-DD" → that date."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{what}“{text}”格式不对，应为 YYYY-MM-DD", field="day") from None


def day_bounds(text: str) -> tuple[date, date]:
    """"YYYY-MM-DD" → that day as a one-day period."""
    day = parse_day(text)
    return day, day


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def days_after(start: date, count: int) -> list[date]:
    """`count` consecutive days beginning with `start`."""
    return [start + timedelta(days=i) for i in range(count)]
