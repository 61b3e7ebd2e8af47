"""Rules the window and the command line share, decided once in domain/ or
services/: backup staleness, how pressing a date is, the next open day, a
complaint's due date and written form, the coming appointments, a month's
after-hours sessions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from station_desk.domain.backups import backup_age
from station_desk.domain.cases import Applicant
from station_desk.domain.deadlines import DUE_SOON_DAYS, Urgency, urgency
from station_desk.domain.service import ApptStatus, Severity
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.appointments import ApptInput
from station_desk.services.complaints import must_be_written
from station_desk.services.desk import Desk

NOW = datetime(2026, 5, 20, 9, 0)


def test_a_backup_is_stale_from_the_warning_day_on() -> None:
    assert backup_age(None, NOW, 7).stale
    assert backup_age(None, NOW, 7).days is None
    fresh = backup_age(NOW - timedelta(days=6, hours=23), NOW, 7)
    assert fresh.days == 6 and not fresh.stale
    old = backup_age(NOW - timedelta(days=7), NOW, 7)
    assert old.days == 7 and old.stale


def test_the_window_and_today_page_read_one_backup_age(village: Desk) -> None:
    assert village.backups.age().stale
    assert village.today.summary().backup == village.backups.age()


@pytest.mark.parametrize(("left", "expected"), [
    (-1, Urgency.OVERDUE), (0, Urgency.DUE_SOON), (DUE_SOON_DAYS, Urgency.DUE_SOON),
    (DUE_SOON_DAYS + 1, Urgency.IN_TIME)])
def test_how_pressing_a_date_is(left: int, expected: Urgency) -> None:
    assert urgency(left) == expected


def test_the_next_open_day_skips_rest_days_by_the_schedule(village: Desk) -> None:
    calendar = HolidayCalendar()
    if not calendar.knows(2026):
        pytest.skip("needs the 2026 schedule")
    # 国庆 2026: 10-01…10-07 off
    assert village.calendar.next_open_day(date(2026, 9, 30)) == date(2026, 10, 8)
    assert village.calendar.next_open_day(date(2026, 5, 15)) == date(2026, 5, 18)  # a Friday
    assert village.calendar.is_open_day(date(2026, 10, 1)) is False
    assert village.calendar.is_open_day(date(2026, 10, 8)) is True


def test_an_unknown_year_counts_weekdays_and_says_it_does_not_know(village: Desk) -> None:
    assert village.calendar.is_open_day(date(2099, 6, 1)) is None
    friday = date(2099, 6, 5)
    assert friday.weekday() == 4
    assert village.calendar.next_open_day(friday).weekday() == 0


def test_the_complaint_form_shows_the_date_receive_stores(village: Desk) -> None:
    today = date.today()
    for severity in (Severity.GENERAL, Severity.MAJOR):
        shown = village.complaints.due_if_received(severity, today)
        channel = "书面" if severity == Severity.MAJOR else "电话"
        c = village.complaints.receive(complainant="刘桂兰", phone="13909151003",
                                       matter="态度生硬", channel=channel, severity=severity)
        assert c.due == shown
        assert shown >= today + timedelta(days=village.complaints.limit_days(severity))
    assert village.complaints.limit_days(Severity.MAJOR) == 10


def test_a_major_complaint_is_taken_in_writing() -> None:
    assert must_be_written(Severity.MAJOR, "电话") and must_be_written(Severity.MAJOR, "口头")
    assert not must_be_written(Severity.MAJOR, "书面")
    assert not must_be_written(Severity.GENERAL, "电话")


def _book(desk: Desk, day: date, hour: int) -> str:
    return desk.appointments.book(ApptInput(
        applicant=Applicant("王秀英", "", "13909151001", "西沟村三组"), item="08-02",
        at=datetime.combine(day, time(hour, 0)).astimezone(), staff="张丽")).appointment.appt_no


def test_the_coming_appointments_and_the_next_booked_one(village: Desk) -> None:
    today = date.today()
    in_three, in_nine = today + timedelta(days=3), today + timedelta(days=9)
    first, later = _book(village, in_three, 10), _book(village, in_nine, 9)
    assert [a.appt_no for a in village.appointments.coming(today, 7)] == [first]
    assert [a.appt_no for a in village.appointments.coming(today, 10)] == [first, later]
    assert village.appointments.next_booked(today).appt_no == first  # type: ignore[union-attr]
    village.appointments.record_outcome(first, ApptStatus.CANCELLED, "家中有事")
    assert village.appointments.next_booked(today).appt_no == later  # type: ignore[union-attr]
    assert village.appointments.next_booked(today, days=5) is None


def test_a_months_after_hours_sessions_stay_in_that_month(village: Desk) -> None:
    for day in (date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 31), date(2026, 6, 1)):
        village.after_hours.record(day, "17:30", "18:10", ["李明"], 1)
    may = village.after_hours.sessions_in_month(2026, 5)
    assert [s.day for s in may] == [date(2026, 5, 1), date(2026, 5, 31)]
    assert village.after_hours.month(2026, 5) == {"sessions": 2, "minutes": 80, "served": 2}
