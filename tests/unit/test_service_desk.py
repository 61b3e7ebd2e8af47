"""Appointments, after-hours sessions, complaints and ratings through the desk
(services/appointments.py, after_hours.py, complaints.py) on a real archive.

Appointments must lie in the future, so they are booked on the next working day
(computed, never hard-coded); after-hours sessions and complaints that need a
fixed day use days in the past.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from stdnum.cn import ric

from station_desk.db import journal
from station_desk.domain.cases import Applicant, Status
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.feedback import Classification
from station_desk.domain.service import (
    ApptStatus,
    Complaint,
    ComplaintStatus,
    Rating,
    Severity,
)
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.appointments import ApptInput
from station_desk.services.cases import CaseInput, InvalidCase
from station_desk.services.complaints import COMPLAINT_CHANNELS
from station_desk.services.desk import Desk

CAL = HolidayCalendar()
PENSION_CLAIM = "08-02"  # 承诺件
PENSION_CLAIM_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                           "社会保障卡或银行卡")
PENSION_REG = "08-01"  # 即办件
PENSION_REG_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险参保登记表》")
GROUND = "不属于政务服务业务范围内的投诉"


def is_workday(d: date) -> bool:
    return CAL.is_workday(d) if CAL.knows(d.year) else d.weekday() < 5


def next_workday(after: date | None = None) -> date:
    d = (after or date.today()) + timedelta(days=1)
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def next_day_off() -> date:
    d = date.today() + timedelta(days=1)
    while is_workday(d):
        d += timedelta(days=1)
    return d


def last_workday_before_today() -> date:
    d = date.today() - timedelta(days=1)
    while not is_workday(d):
        d -= timedelta(days=1)
    return d


def on(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm)).astimezone()


def id_number(serial: int = 4) -> str:
    base = f"61092219650312{serial % 1000:03d}"
    return base + ric.calc_check_digit(base + "0")


def booking(name: str = "王秀英", *, at: datetime, kind: str = "窗口", staff: str = "李明",
            minutes: int = 30, address: str = "西沟村三组", item: str = PENSION_CLAIM,
            phone: str = "13909151001", id_no: str = "") -> ApptInput:
    return ApptInput(applicant=Applicant(name, id_no, phone, address), item=item, at=at,
                     kind=kind, staff=staff, minutes=minutes)


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("李明", "111111")
    return village


def finished_case(desk: Desk, name: str = "杨春梅", serial: int = 7) -> str:
    """A 即办件 done on the spot: the kind of case that may be rated."""
    result = desk.cases.register(CaseInput(
        item=PENSION_REG, applicant=Applicant(name, id_number(serial), "13909151005"),
        received=PENSION_REG_MATERIALS, done_on_spot=True,
        received_at=datetime.now().astimezone() - timedelta(minutes=10)))
    assert result.case.status == Status.COMPLETED
    return result.case.case_no


def open_case(desk: Desk, name: str = "王秀英", serial: int = 4,
              when: datetime | None = None) -> str:
    result = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant(name, id_number(serial), "13909151001"),
        received=PENSION_CLAIM_MATERIALS,
        received_at=when or datetime.now().astimezone() - timedelta(minutes=10)))
    return result.case.case_no


# -- appointments --------------------------------------------------------------------


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


# -- after-hours ---------------------------------------------------------------------


def test_start_and_finish_today(desk: Desk) -> None:
    assert desk.after_hours.open_now() is None
    with pytest.raises(UserError):
        desk.after_hours.finish(1, end="18:00")
    session = desk.after_hours.start(["李明", "张丽"], after_closing())
    assert session.day == date.today() and session.closing == time(17, 30)
    assert session.end is None and session.staff == ("李明", "张丽")
    assert desk.after_hours.open_now() == session
    with pytest.raises(UserError, match="进行中"):
        desk.after_hours.start(now=after_closing())
    with pytest.raises(UserError, match="晚于下班时间"):
        desk.after_hours.finish(2, end="17:00")
    with pytest.raises(UserError, match="至少为 1"):
        desk.after_hours.finish(0, end="18:10")
    done = desk.after_hours.finish(2, "等候群众已全部办完", end="18:10")
    assert done.minutes == 40 and done.served == 2 and done.end == time(18, 10)
    assert desk.after_hours.open_now() is None


def test_start_without_names_takes_the_signed_in_clerk(desk: Desk) -> None:
    assert desk.after_hours.start(now=after_closing()).staff == ("李明",)


def after_closing(hour: int = 17, minute: int = 31) -> datetime:
    return datetime.combine(date.today(), time(hour, minute))


def test_no_start_before_closing_time(desk: Desk) -> None:
    assert not desk.after_hours.can_start(after_closing(17, 29))
    with pytest.raises(UserError, match="还没到下班时间（17:30）"):
        desk.after_hours.start(now=after_closing(8, 0))
    assert desk.after_hours.open_now() is None
    assert desk.after_hours.can_start(after_closing(17, 30))


def test_a_session_started_by_mistake_is_withdrawn_with_a_reason(desk: Desk) -> None:
    session = desk.after_hours.start(now=after_closing())
    with pytest.raises(UserError, match="原因"):
        desk.after_hours.cancel("  ")
    withdrawn = desk.after_hours.cancel("误点了开始")
    assert withdrawn.id == session.id and withdrawn.cancelled and withdrawn.minutes == 0
    assert desk.after_hours.open_now() is None
    today = date.today()
    assert desk.after_hours.month(today.year, today.month)["sessions"] == 0
    changes = [c for c in journal.history(desk.db, "after_hours", session.id)
               if c["action"] == "update"]
    assert changes and changes[-1]["actor"] == "李明"
    assert changes[-1]["after"]["cancel_reason"] == "误点了开始"
    assert changes[-1]["after"]["cancelled_at"] and changes[-1]["after"]["note"] == ""
    assert withdrawn.cancel_reason == "误点了开始" and withdrawn.cancelled_at is not None
    with pytest.raises(UserError, match="没有进行中"):
        desk.after_hours.cancel("again")
    desk.after_hours.start(now=after_closing())  # a real one may start afterwards


def test_cases_registered_after_closing_are_linked(desk: Desk) -> None:
    day = last_workday_before_today()
    early = open_case(desk, "陈德福", 5, when=on(day, 18, 10))  # before the record exists
    session = desk.after_hours.record(day, "17:30", "18:40", ["李明"], 2)
    late = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number(4), "13909151001"),
        received=PENSION_CLAIM_MATERIALS, received_at=on(day, 18, 0)))
    assert any("延时服务" in w for w in late.warnings)
    in_hours = open_case(desk, "刘桂兰", 6, when=on(day, 17, 0))
    linked = desk.after_hours.cases_of(session)
    assert sorted(linked) == sorted([early, late.case.case_no])
    assert in_hours not in linked


def test_recorded_sessions_are_checked(desk: Desk) -> None:
    day = last_workday_before_today()
    with pytest.raises(UserError, match="晚于下班时间"):
        desk.after_hours.record(day, "17:30", "17:30", ["李明"], 1)
    with pytest.raises(UserError, match="不是本站在岗工作人员"):
        desk.after_hours.record(day, "17:30", "18:00", ["外人"], 1)
    with pytest.raises(UserError, match="晚于今天"):
        desk.after_hours.record(date.today() + timedelta(days=1), "17:30", "18:00", ["李明"], 1)
    with pytest.raises(UserError, match="HH:MM"):
        desk.after_hours.record(day, "17:30", "六点", ["李明"], 1)
    assert desk.after_hours.sessions(day, day) == []


def test_month_totals(desk: Desk) -> None:
    desk.after_hours.record(date(2026, 10, 12), "17:30", "18:25", ["李明", "张丽"], 3)
    desk.after_hours.record(date(2026, 10, 20), "17:30", "18:00", ["张丽"], 1)
    desk.after_hours.record(date(2026, 9, 30), "17:30", "19:30", ["李明"], 4)
    assert desk.after_hours.month(2026, 10) == {"sessions": 2, "minutes": 85, "served": 4}
    assert desk.after_hours.month(2026, 9) == {"sessions": 1, "minutes": 120, "served": 4}
    assert desk.after_hours.month(2026, 8) == {"sessions": 0, "minutes": 0, "served": 0}
    assert [s.day for s in desk.after_hours.sessions(date(2026, 9, 1), date(2026, 10, 31))] == [
        date(2026, 9, 30), date(2026, 10, 12), date(2026, 10, 20)]


# -- complaints ----------------------------------------------------------------------


def receive(desk: Desk, *, channel: str = "电话", severity: Severity = Severity.GENERAL,
            not_accepted_reason: str = "") -> Complaint:
    return desk.complaints.receive(
        complainant="刘桂兰", phone="13909151003", matter="低保申请材料被要求补了两次",
        concerning="综合窗口", channel=channel, severity=severity,
        not_accepted_reason=not_accepted_reason)


def test_a_complaint_is_received_with_its_time_limit(desk: Desk) -> None:
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003",
                                matter="低保申请材料被要求补了两次", concerning="综合窗口")
    assert c.complaint_no == f"610922101201-TS{date.today().year}-0001"
    assert c.status == ComplaintStatus.ACCEPTED and c.severity == Severity.GENERAL
    assert c.due == date.today() + timedelta(days=7)
    assert desk.complaints.open_complaints() == [c]


def test_the_complaint_form_is_checked(desk: Desk) -> None:
    with pytest.raises(UserError) as err:
        desk.complaints.receive(complainant="", phone="", matter="")
    assert "姓名" in err.value.message and "电话" in err.value.message
    with pytest.raises(UserError, match="投诉形式"):
        receive(desk, channel="微信")
    assert set(COMPLAINT_CHANNELS) == {"口头", "电话", "书面", "网络平台"}
    assert desk.complaints.all_complaints() == []


def test_a_major_complaint_must_be_in_writing(desk: Desk) -> None:
    for channel in ("电话", "口头"):
        with pytest.raises(UserError, match="书面"):
            receive(desk, severity=Severity.MAJOR, channel=channel)
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003", matter="索要好处",
                                channel="书面", severity=Severity.MAJOR)
    assert c.due == date.today() + timedelta(days=10)


def test_not_accepted_only_on_the_manuals_grounds(desk: Desk) -> None:
    with pytest.raises(UserError, match="不予受理的理由"):
        receive(desk, not_accepted_reason="不想受理")
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003",
                                matter="邻居占道", not_accepted_reason=GROUND)
    assert c.status == ComplaintStatus.NOT_ACCEPTED and c.due is None and c.reason == GROUND
    assert desk.complaints.open_complaints() == []
    with pytest.raises(UserError, match="不能再推进"):
        desk.complaints.advance(c.complaint_no, "办理")


def test_a_complaint_goes_through_to_closed(desk: Desk) -> None:
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003", matter="态度生硬")
    with pytest.raises(UserError, match="办理的情况"):
        desk.complaints.advance(c.complaint_no, "  ")
    steps = [("已调查核实", ComplaintStatus.HANDLING),
             ("已电话告知投诉人处理结果", ComplaintStatus.FEEDBACK),
             ("投诉人表示满意", ComplaintStatus.CLOSED)]
    for text, expected in steps:
        c = desk.complaints.advance(c.complaint_no, text)
        assert c.status == expected
    assert c.closed_at is not None
    assert c.result.splitlines() == ["【办理】已调查核实", "【反馈】已电话告知投诉人处理结果",
                                     "【办结】投诉人表示满意"]
    assert desk.complaints.open_complaints() == []
    with pytest.raises(UserError, match="不能再推进"):
        desk.complaints.advance(c.complaint_no, "再来")


def test_overdue_complaints(desk: Desk) -> None:
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003", matter="态度生硬")
    assert c.due is not None
    assert desk.complaints.overdue(today=c.due) == []
    assert desk.complaints.overdue(today=c.due + timedelta(days=1)) == [c]
    for text in ("核实", "反馈", "办结"):
        desk.complaints.advance(c.complaint_no, text)
    assert desk.complaints.overdue(today=c.due + timedelta(days=1)) == []


def test_the_general_time_limit_is_a_setting(desk: Desk) -> None:
    with pytest.raises(NotAllowed):
        desk.station.set_setting("complaint_general_days", 5)  # 李明 is not the head
    desk.session.sign_in("王建国", "123456")
    desk.station.set_setting("complaint_general_days", 5)
    c = desk.complaints.receive(complainant="刘桂兰", phone="13909151003", matter="态度生硬")
    major = desk.complaints.receive(complainant="刘桂兰", phone="13909151003",
                                    matter="索要好处", channel="书面", severity=Severity.MAJOR)
    calendar = desk.calendar.current()
    for limit, days in ((c.due, 5), (major.due, 10)):
        # calendar days; a limit ending on a rest day moves to the next working day
        end = date.today() + timedelta(days=days)
        assert limit is not None and limit >= end and calendar.is_workday(limit)
        assert all(not calendar.is_workday(end + timedelta(days=k))
                   for k in range((limit - end).days))


# -- ratings -------------------------------------------------------------------------


def test_only_finished_cases_are_rated(desk: Desk) -> None:
    with pytest.raises(UserError, match="不能评价"):
        desk.complaints.rate(open_case(desk), Rating.SATISFIED)
    with pytest.raises(UserError):
        desk.complaints.rate("没有这件", Rating.SATISFIED)
    desk.complaints.rate(finished_case(desk), Rating.SATISFIED)
    assert desk.complaints.satisfaction(date.today(), date.today()).rated == 1


def test_unsatisfied_waits_for_a_call_back_and_correction(desk: Desk) -> None:
    case_no = finished_case(desk)
    desk.complaints.rate(case_no, Rating.SATISFIED)
    desk.complaints.rate(case_no, Rating.UNSATISFIED, "电话回访", "等候时间太长")
    [row] = desk.complaints.needing_callback()
    assert (row["case_no"], row["level"], row["applicant_name"], row["note"]) == (
        case_no, "不满意", "杨春梅", "等候时间太长")
    with pytest.raises(UserError, match="整改"):
        desk.complaints.record_callback(row["id"], " ")
    assert len(desk.complaints.needing_callback()) == 1
    desk.complaints.record_callback(row["id"], "已电话致歉，窗口增设取号提醒", Classification.VALID)
    assert desk.complaints.needing_callback() == []


def test_satisfaction_over_a_period(desk: Desk) -> None:
    today = date.today()
    empty = desk.complaints.satisfaction(today.replace(day=1), today)
    assert empty.rate is None and empty.rated == 0 and empty.text() == "暂无评价"
    for level in (Rating.VERY_SATISFIED, Rating.BASIC, Rating.VERY_UNSATISFIED):
        desk.complaints.rate(finished_case(desk), level)
    s = desk.complaints.satisfaction(today.replace(day=1), today)
    assert (s.rated, s.satisfied) == (3, 2)
    assert s.rate == pytest.approx(2 / 3)
    assert "未达标" in s.text() and "2/3" in s.text()
    before = desk.complaints.satisfaction(today - timedelta(days=40), today - timedelta(days=1))
    assert before.rate is None


def test_a_case_is_rated_once_per_channel(desk: Desk) -> None:
    case_no = finished_case(desk)
    desk.complaints.rate(case_no, Rating.SATISFIED)
    with pytest.raises(UserError, match="不能重复评价"):
        desk.complaints.rate(case_no, Rating.UNSATISFIED)
    desk.complaints.rate(case_no, Rating.UNSATISFIED, source="电话回访")  # a call-back may differ
