"""Calendar months and days typed by a clerk or a script: "2026-05" is May 2026,
from the 1st to its last day. Bad input is refused in Chinese, never a traceback."""

from __future__ import annotations

from datetime import date, timedelta

from .errors import UserError


def month_span(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month (raises ValueError for a month that does not exist)."""
    first = date(year, month, 1)
    return first, next_month(first) - timedelta(days=1)


def next_month(day: date) -> date:
    """The first day of the month after `day`'s month."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def previous_month(day: date) -> date:
    """The first day of the month before `day`'s month."""
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def month_bounds(text: str) -> tuple[date, date]:
    """"YYYY-MM" → its first and last day."""
    try:
        year, month = (int(x) for x in text.strip().split("-"))
        return month_span(year, month)
    except ValueError:
        raise UserError(f"月份“{text}”格式不对，应为 YYYY-MM，月份 01–12", field="month") from None


def day_bounds(text: str) -> tuple[date, date]:
    """"YYYY-MM-DD" → that day as a one-day period."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"日期“{text}”格式不对，应为 YYYY-MM-DD", field="day") from None
    return day, day
