"""Service-behaviour rules without a database: clashes, missed appointments, which
kind of appointment fits which day, complaint time limits, after-hours minutes and
the satisfaction rate."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from station_desk.domain.errors import UserError
from station_desk.domain.service import (
    AfterHours,
    Appointment,
    ApptChannel,
    ApptKind,
    ApptStatus,
    Complaint,
    ComplaintStatus,
    Rating,
    Severity,
    check_kind_date,
    clashes,
    complaint_due,
    satisfaction_rate,
)
from station_desk.domain.workdays import HolidayCalendar

MONDAY = date(2026, 11, 30)
SATURDAY = date(2026, 11, 28)


def appt(at: datetime, minutes: int = 30, staff: str = "李明", *, id: str = "a1",
         status: ApptStatus = ApptStatus.BOOKED) -> Appointment:
    return Appointment(
        id=id, appt_no=f"YY-{id}", channel=ApptChannel.PHONE, kind=ApptKind.WINDOW,
        applicant_name="王秀英", id_number="", phone="13909151001", address="",
        item_code="08-02", item_name="城乡居民养老保险待遇申领", at=at, minutes=minutes,
        staff_name=staff, materials_told=("居民身份证或户口簿",), status=status, note="",
        case_no="")


def at(hh: int, mm: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


# -- clashes -------------------------------------------------------------------------


def test_overlapping_booking_of_the_same_staff_is_a_clash() -> None:
    booked = appt(at(9, 30), 30)
    assert clashes(at(9, 45), 30, "李明", [booked]) == [booked]
    # one starting earlier and running into it
    assert clashes(at(9, 0), 45, "李明", [booked]) == [booked]
    # one wholly inside a longer one
    long = appt(at(9, 0), 120, id="a2")
    assert clashes(at(9, 30), 10, "李明", [long]) == [long]


def test_adjacent_bookings_do_not_clash() -> None:
    booked = appt(at(9, 30), 30)
    assert clashes(at(10, 0), 30, "李明", [booked]) == []  # starts as the other ends
    assert clashes(at(9, 0), 30, "李明", [booked]) == []  # ends as the other starts


def test_other_staff_and_finished_bookings_are_no_clash() -> None:
    assert clashes(at(9, 30), 30, "张丽", [appt(at(9, 30))]) == []
    for status in (ApptStatus.CANCELLED, ApptStatus.SERVED, ApptStatus.NO_SHOW,
                   ApptStatus.RESCHEDULED):
        assert clashes(at(9, 30), 30, "李明", [appt(at(9, 30), status=status)]) == []


def test_an_appointment_does_not_clash_with_itself() -> None:
    booked = appt(at(9, 30), id="same")
    assert clashes(at(9, 30), 30, "李明", [booked], ignore_id="same") == []


# -- missed --------------------------------------------------------------------------


def test_missed_once_its_end_has_passed_while_still_booked() -> None:
    booked = appt(at(9, 30), 30)
    assert booked.end == at(10, 0)
    assert not booked.is_missed(at(9, 45))  # still on
    assert not booked.is_missed(at(10, 0))  # just ending
    assert booked.is_missed(at(10, 1))
    for status in (ApptStatus.SERVED, ApptStatus.NO_SHOW, ApptStatus.CANCELLED):
        assert not replace(booked, status=status).is_missed(at(18, 0))


# -- which kind on which day ---------------------------------------------------------


def test_window_appointments_need_an_open_day() -> None:
    check_kind_date(ApptKind.WINDOW, MONDAY, is_workday=True)
    with pytest.raises(UserError, match="不上班") as err:
        check_kind_date(ApptKind.WINDOW, SATURDAY, is_workday=False)
    assert err.value.field == "at"


def test_holiday_service_is_only_for_days_off() -> None:
    check_kind_date(ApptKind.HOLIDAY, SATURDAY, is_workday=False)
    with pytest.raises(UserError, match="工作日") as err:
        check_kind_date(ApptKind.HOLIDAY, MONDAY, is_workday=True)
    assert err.value.field == "kind"


@pytest.mark.parametrize("is_workday", [True, False])
def test_home_visits_go_any_day(is_workday: bool) -> None:
    check_kind_date(ApptKind.HOME, MONDAY if is_workday else SATURDAY, is_workday)


# -- complaint time limits -----------------------------------------------------------


def test_general_complaints_take_the_configured_calendar_days() -> None:
    received = date(2026, 11, 27)  # a Friday: calendar days, weekends count
    cal = HolidayCalendar()
    assert complaint_due(cal, received, Severity.GENERAL, 7, 10).day == date(2026, 12, 4)
    assert complaint_due(cal, received, Severity.GENERAL, 5, 10).day == date(2026, 12, 2)


def test_major_complaints_take_ten_days() -> None:
    due = complaint_due(HolidayCalendar(), date(2026, 11, 27), Severity.MAJOR, 7, 10)
    assert due.day == date(2026, 12, 7)


@pytest.mark.parametrize(("received", "severity", "due"), [
    ("2026-11-28", Severity.GENERAL, "2026-12-07"),  # ends Saturday 5 Dec -> Monday
    ("2026-09-24", Severity.GENERAL, "2026-10-08"),  # ends 1 Oct in 国庆 -> Thursday 8 Oct
    ("2026-12-22", Severity.MAJOR, "2027-01-04"),  # ends 1 Jan 2027 (provisional 元旦)
])
def test_complaint_limit_ending_on_a_rest_day_rolls_over(
        received: str, severity: Severity, due: str) -> None:
    found = complaint_due(HolidayCalendar(), date.fromisoformat(received), severity, 7, 10)
    assert found.day == date.fromisoformat(due)
    assert "民法典第二百零三条" in found.rule


def complaint(status: ComplaintStatus, due: date | None) -> Complaint:
    return Complaint(
        id="c1", complaint_no="TS-0001", received_at=datetime(2026, 11, 20, 9, 0),
        channel="电话", complainant="刘桂兰", phone="13909151003", matter="态度生硬",
        concerning="综合窗口", severity=Severity.GENERAL, status=status, due=due, reason="",
        result="", closed_at=None)


def test_a_complaint_is_overdue_only_while_open_and_past_its_due_day() -> None:
    due = date(2026, 11, 27)
    assert not complaint(ComplaintStatus.HANDLING, due).is_overdue(due)
    assert complaint(ComplaintStatus.HANDLING, due).is_overdue(date(2026, 11, 28))
    assert not complaint(ComplaintStatus.CLOSED, due).is_overdue(date(2026, 12, 28))
    assert not complaint(ComplaintStatus.NOT_ACCEPTED, None).is_overdue(date(2026, 12, 28))


# -- after-hours minutes -------------------------------------------------------------


def session(end: time | None) -> AfterHours:
    return AfterHours(id="s1", day=MONDAY, closing=time(17, 30), end=end, staff=("李明",),
                      served=2, note="")


def test_after_hours_minutes_run_from_closing_to_end() -> None:
    assert session(time(18, 25)).minutes == 55
    assert session(time(19, 30)).minutes == 120
    assert session(None).minutes == 0  # still open: nothing counted yet
    assert session(time(17, 0)).minutes == 0  # never negative


# -- satisfaction --------------------------------------------------------------------


def test_no_ratings_is_no_rate_not_zero_or_full() -> None:
    assert satisfaction_rate([]) is None


def test_basic_satisfaction_counts_as_satisfied() -> None:
    assert satisfaction_rate([Rating.VERY_SATISFIED, Rating.SATISFIED, Rating.BASIC]) == 1.0
    assert satisfaction_rate([Rating.SATISFIED, Rating.UNSATISFIED]) == 0.5
    assert satisfaction_rate([Rating.VERY_UNSATISFIED]) == 0.0
    assert [r.satisfied for r in Rating] == [True, True, True, False, False]


def test_the_98_percent_line() -> None:
    from station_desk.domain.service import SATISFACTION_TARGET

    just = [Rating.SATISFIED] * 49 + [Rating.UNSATISFIED]  # 98 %
    below = [Rating.SATISFIED] * 48 + [Rating.UNSATISFIED]  # 97.96 %
    assert satisfaction_rate(just) == pytest.approx(0.98)
    rate = satisfaction_rate(just)
    assert rate is not None and rate >= SATISFACTION_TARGET
    rate = satisfaction_rate(below)
    assert rate is not None and rate < SATISFACTION_TARGET
