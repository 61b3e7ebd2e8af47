"""Appointments via the desk: numbering, clashes, hours, bad fields, rescheduling, outcomes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from service_desk import (
    CAL,
    PENSION_CLAIM,
    desk,
    id_number,
    is_workday,
    next_workday,
    on,
    open_case,
)

from station_desk.domain.cases import Applicant
from station_desk.domain.errors import UserError
from station_desk.domain.service import ApptStatus
from station_desk.services.appointments import ApptInput
from station_desk.services.cases import InvalidCase
from station_desk.services.desk import Desk

__all__ = ["desk"]  # fixtures, used by name


def next_day_off() -> date:
    d = date.today() + timedelta(days=1)
    while is_workday(d):
        d += timedelta(days=1)
    return d


def booking(name: str = "王秀英", *, at: datetime, kind: str = "窗口", staff: str = "李明",
            minutes: int = 30, address: str = "西沟村三组", item: str = PENSION_CLAIM,
            phone: str = "13909151001", id_no: str = "") -> ApptInput:
    return ApptInput(applicant=Applicant(name, id_no, phone, address), item=item, at=at,
                     kind=kind, staff=staff, minutes=minutes)


def test_booking_numbers_it_and_tells_every_material_once(desk: Desk) -> None:
    day = next_workday()
    booked = desk.appointments.book(booking(at=on(day, 9, 30)))
    a = booked.appointment
    assert a.appt_no == f"610922101201-YY{day.year}-0001"
    assert a.status == ApptStatus.BOOKED and a.staff_name == "李明"
    assert a.materials_told == tuple(m.name for m in desk.catalogue.item(PENSION_CLAIM).materials)
    assert a.item_name == desk.catalogue.item(PENSION_CLAIM).name
    assert [x.appt_no for x in desk.appointments.day(day)] == [a.appt_no]
    assert desk.appointments.get(a.appt_no) == a
    week = desk.appointments.week(day)
    assert list(week) == [day - timedelta(days=day.weekday()) + timedelta(days=i)
                          for i in range(7)]
    assert week[day] == [a]


def test_same_staff_overlapping_is_booked_with_a_clash_warning(desk: Desk) -> None:
    day = next_workday()
    first = desk.appointments.book(booking(at=on(day, 9, 30)))
    assert not any("冲突" in w for w in first.warnings)
    second = desk.appointments.book(booking("陈德福", at=on(day, 9, 45)))
    [clash] = [w for w in second.warnings if "冲突" in w]
    assert "李明" in clash and "09:30 王秀英" in clash
    # another clerk, or right after: no clash
    other = desk.appointments.book(booking("刘桂兰", at=on(day, 9, 45), staff="张丽"))
    after = desk.appointments.book(booking("张志平", at=on(day, 10, 15)))
    assert not any("冲突" in w for w in other.warnings + after.warnings)
    assert len(desk.appointments.day(day)) == 4


def test_window_booking_outside_office_hours_is_warned(desk: Desk) -> None:
    booked = desk.appointments.book(booking(at=on(next_workday(), 7, 30)))
    assert any("不在工作时间内" in w for w in booked.warnings)


def test_every_bad_field_is_named_and_nothing_is_written(desk: Desk) -> None:
    day = next_workday()
    bad = ApptInput(applicant=Applicant(" ", "610922196503120000", " ", ""), item="没有这个",
                    at=datetime.now().astimezone() - timedelta(hours=2), kind="上门",
                    staff="外人", minutes=5)
    with pytest.raises(InvalidCase) as err:
        desk.appointments.book(bad)
    assert set(err.value.errors) == {"item", "name", "id_number", "phone", "address", "at",
                                     "minutes", "staff"}
    assert "上门服务须填写地址" in err.value.errors["address"]
    assert desk.appointments.day(day) == []
    assert desk.appointments.day(date.today()) == []


def test_a_kind_that_does_not_fit_the_day_is_refused(desk: Desk) -> None:
    workday, day_off = next_workday(), next_day_off()
    if not (CAL.knows(workday.year) and CAL.knows(day_off.year)):
        pytest.skip("needs the holiday schedule of the coming days")
    with pytest.raises(UserError) as err:
        desk.appointments.book(booking(at=on(workday, 10), kind="节假日"))
    assert err.value.field == "kind"
    with pytest.raises(UserError) as err:
        desk.appointments.book(booking(at=on(day_off, 10), kind="窗口"))
    assert err.value.field == "at"
    holiday = desk.appointments.book(booking(at=on(day_off, 10), kind="节假日"))
    home = desk.appointments.book(booking(at=on(day_off, 15), kind="上门"))
    assert holiday.appointment.kind.value == "节假日" and home.appointment.kind.value == "上门"


def test_reschedule_books_anew_and_keeps_the_old_one_as_rescheduled(desk: Desk) -> None:
    day = next_workday()
    later = next_workday(day)
    a = desk.appointments.book(booking(at=on(day, 9, 30), id_no=id_number())).appointment
    with pytest.raises(UserError):
        desk.appointments.record_outcome(a.appt_no, ApptStatus.RESCHEDULED)
    assert desk.appointments.get(a.appt_no).status == ApptStatus.BOOKED
    old = desk.appointments.record_outcome(a.appt_no, ApptStatus.RESCHEDULED, "家中有事",
                                           new_at=on(later, 14, 30))
    assert old.status == ApptStatus.RESCHEDULED and "家中有事" in old.note
    [new] = [x for x in desk.appointments.day(later) if x.appt_no != a.appt_no]
    assert new.status == ApptStatus.BOOKED and new.at == on(later, 14, 30)
    assert (new.applicant_name, new.id_number, new.phone, new.item_code, new.staff_name) == (
        a.applicant_name, a.id_number, a.phone, a.item_code, a.staff_name)
    assert a.appt_no in new.note
    with pytest.raises(UserError, match="已改期"):
        desk.appointments.record_outcome(a.appt_no, ApptStatus.NO_SHOW)


def test_reschedule_to_the_past_changes_nothing(desk: Desk) -> None:
    day = next_workday()
    a = desk.appointments.book(booking(at=on(day, 9, 30))).appointment
    with pytest.raises(UserError):
        desk.appointments.record_outcome(a.appt_no, ApptStatus.RESCHEDULED,
                                         new_at=datetime.now().astimezone() - timedelta(days=1))
    assert desk.appointments.get(a.appt_no).status == ApptStatus.BOOKED
    assert len(desk.appointments.day(day)) == 1


def test_served_appointment_is_linked_to_its_case(desk: Desk) -> None:
    a = desk.appointments.book(booking(at=on(next_workday(), 9, 30))).appointment
    case_no = open_case(desk)
    with pytest.raises(UserError):
        desk.appointments.record_outcome(a.appt_no, ApptStatus.SERVED, case_no="没有这件")
    done = desk.appointments.record_outcome(a.appt_no, ApptStatus.SERVED, case_no=case_no)
    assert done.status == ApptStatus.SERVED and done.case_no == case_no


def test_missed_until_someone_follows_up(desk: Desk) -> None:
    day = next_workday()
    a = desk.appointments.book(booking(at=on(day, 9, 30))).appointment
    assert desk.appointments.missed() == []
    assert [x.appt_no for x in desk.appointments.missed(on(day, 10, 1))] == [a.appt_no]
    assert desk.appointments.missed(on(day, 9, 50)) == []
    desk.appointments.record_outcome(a.appt_no, ApptStatus.NO_SHOW, "电话未接通")
    assert desk.appointments.missed(on(day, 10, 1)) == []
