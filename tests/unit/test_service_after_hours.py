"""After-hours sessions via the desk: start, finish, withdrawal, linked cases, checks, totals."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from service_desk import (
    PENSION_CLAIM,
    PENSION_CLAIM_MATERIALS,
    desk,
    id_number,
    is_workday,
    on,
    open_case,
)

from station_desk.db import journal
from station_desk.domain.cases import Applicant
from station_desk.domain.errors import UserError
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

__all__ = ["desk"]  # fixtures, used by name


def last_workday_before_today() -> date:
    d = date.today() - timedelta(days=1)
    while not is_workday(d):
        d -= timedelta(days=1)
    return d


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
