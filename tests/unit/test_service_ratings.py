"""Ratings via the desk: finished cases only, call-backs, satisfaction by period, once a channel."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from service_desk import desk, id_number, open_case

from station_desk.domain.cases import Applicant, Status
from station_desk.domain.errors import UserError
from station_desk.domain.feedback import Classification
from station_desk.domain.service import Rating
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

__all__ = ["desk"]  # fixtures, used by name


PENSION_REG = "08-01"  # 即办件
PENSION_REG_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险参保登记表》")


def finished_case(desk: Desk, name: str = "杨春梅", serial: int = 7) -> str:
    """A 即办件 done on the spot: the kind of case that may be rated."""
    result = desk.cases.register(CaseInput(
        item=PENSION_REG, applicant=Applicant(name, id_number(serial), "13909151005"),
        received=PENSION_REG_MATERIALS, done_on_spot=True,
        received_at=datetime.now().astimezone() - timedelta(minutes=10)))
    assert result.case.status == Status.COMPLETED
    return result.case.case_no


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
