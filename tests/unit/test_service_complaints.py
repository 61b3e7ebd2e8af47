"""Complaints via the desk: time limits, the form, grounds, the steps to closed, overdue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from service_desk import desk

from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.service import Complaint, ComplaintStatus, Severity
from station_desk.services.complaints import COMPLAINT_CHANNELS
from station_desk.services.desk import Desk

__all__ = ["desk"]  # fixtures, used by name


GROUND = "不属于政务服务业务范围内的投诉"


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
