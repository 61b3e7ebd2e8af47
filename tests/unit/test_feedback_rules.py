"""好差评 and telling the applicant, without a database (domain/feedback.py,
domain/notifications.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from station_desk.domain.cases import Applicant, Case, Channel, MaterialCheck, Status
from station_desk.domain.catalogue import CaseType
from station_desk.domain.errors import UserError
from station_desk.domain.feedback import (
    Classification,
    RatingRecord,
    RectificationState,
    check_callback,
    check_rateable,
    check_rerating,
)
from station_desk.domain.notifications import (
    Notification,
    NotifyChannel,
    NotifyResult,
    Purpose,
    check_notification,
    purposes_due,
    told,
    wording,
)
from station_desk.domain.service import Rating

RATED = datetime(2026, 11, 20, 10, 0)


@pytest.mark.parametrize(("status", "allowed"), [
    (Status.COMPLETED, True), (Status.NOT_ACCEPTED, True), (Status.RETURNED, True),
    (Status.ACCEPTED, False), (Status.SUPPLEMENT, False), (Status.IN_PROGRESS, False),
    (Status.WITHDRAWN, False),
])
def test_any_ended_case_can_be_rated(status: Status, allowed: bool) -> None:
    if allowed:
        check_rateable(status, "窗口评价器", set())
    else:
        with pytest.raises(UserError, match="不能评价"):
            check_rateable(status, "窗口评价器", set())


def test_once_per_channel() -> None:
    check_rateable(Status.COMPLETED, "电话回访", {"窗口评价器"})
    with pytest.raises(UserError, match="一事一评"):
        check_rateable(Status.COMPLETED, "窗口评价器", {"窗口评价器"})


def record(level: Rating = Rating.UNSATISFIED, **changes: object) -> RatingRecord:
    base = RatingRecord(
        id="r1", case_id="c1", case_no="610922101201-2026-00001", applicant="王秀兰",
        level=level, source="窗口评价器", rated_at=RATED, staff_name="张丽", note="",
        rectify_due=date(2026, 11, 27), callback_at=None, callback_by="", correction="",
        classification=None, rerating=None, rerated_at=None)
    return replace(base, **changes)  # type: ignore[arg-type]


CALLED = datetime(2026, 11, 24, 15, 0)


@pytest.mark.parametrize(("rec", "today", "state"), [
    (record(Rating.SATISFIED), date(2026, 12, 31), RectificationState.NOT_NEEDED),
    (record(), date(2026, 11, 27), RectificationState.OPEN),  # due today: not late yet
    (record(), date(2026, 11, 30), RectificationState.OVERDUE),
    (record(Rating.VERY_UNSATISFIED), date(2026, 11, 30), RectificationState.OVERDUE),
    (record(callback_at=CALLED, correction="已致歉并当场补办",
            classification=Classification.VALID), date(2026, 12, 31),
     RectificationState.DONE),
    (record(callback_at=CALLED, correction="已致歉", classification=Classification.VALID,
            rerating=Rating.SATISFIED, rerated_at=CALLED), date(2026, 12, 31),
     RectificationState.RERATED),
])
def test_rectification_states(rec: RatingRecord, today: date,
                              state: RectificationState) -> None:
    assert rec.state(today) == state


def test_callback_needs_words_and_a_classification() -> None:
    with pytest.raises(UserError, match="差评性质"):
        check_callback(record(), "已回访", None)
    with pytest.raises(UserError, match="整改措施"):
        check_callback(record(), " ", Classification.MISTAKEN)
    with pytest.raises(UserError, match="只有差评"):
        check_callback(record(Rating.SATISFIED), "x", Classification.VALID)
    check_callback(record(), "申请人说按错了", Classification.MISTAKEN)
    with pytest.raises(UserError, match="重复"):
        check_callback(record(callback_at=CALLED), "x", Classification.VALID)


def test_rerating_once_after_the_callback() -> None:
    with pytest.raises(UserError, match="回访后"):
        check_rerating(record())
    check_rerating(record(callback_at=CALLED))
    with pytest.raises(UserError, match="一次"):
        check_rerating(record(callback_at=CALLED, rerating=Rating.SATISFIED))


# -- telling the applicant ----------------------------------------------------------

def case(status: Status = Status.COMPLETED, fee: str = "免费", phone: str = "13900001234",
         missing: bool = False) -> Case:
    return Case(
        id="c1", case_no="610922101201-2026-00001", channel=Channel.VISIT,
        applicant=Applicant("王秀兰", "61092219580312002X", phone), item_code="08-02",
        item_name="城乡居民养老保险待遇申领", category="养老保障", case_type=CaseType.PROMISED,
        status=status, window="综合窗口", first_ask_name="张丽",
        received_at=datetime(2026, 11, 2, 9, 0), accepted_at=None, deadline=None,
        materials=(MaterialCheck("户口簿", 1, 1, not missing),), proxy=False,
        proxy_agent_name="", proxy_step=None, door_to_door=False, fee=fee, reason="",
        supplement_notice_at=None, supplement_due=None, departments=(), completed_at=None,
        note="")


@pytest.mark.parametrize(("the_case", "due"), [
    (case(), [Purpose.COMPLETED]),
    (case(Status.SUPPLEMENT, missing=True), [Purpose.SUPPLEMENT]),
    (case(Status.ACCEPTED, fee="工本费 10 元"), [Purpose.FEE]),
    (case(Status.ACCEPTED), []),
])
def test_what_must_be_told(the_case: Case, due: list[Purpose]) -> None:
    assert purposes_due(the_case) == due


def note(result: NotifyResult, purpose: Purpose = Purpose.COMPLETED) -> Notification:
    return Notification("n1", "c1", purpose, NotifyChannel.PHONE, "王秀兰", "张丽",
                        datetime(2026, 11, 20, 9, 0), result, "")


def test_told_only_when_it_reached_them() -> None:
    assert not told([note(NotifyResult.NO_ANSWER)], Purpose.COMPLETED)
    assert told([note(NotifyResult.NO_ANSWER), note(NotifyResult.TOLD)], Purpose.COMPLETED)
    assert not told([note(NotifyResult.TOLD, Purpose.FEE)], Purpose.COMPLETED)


@pytest.mark.parametrize(("the_case", "channel", "person", "by", "when", "message"), [
    (case(), NotifyChannel.PHONE, "", "张丽", datetime(2026, 11, 20, 9), "被告知人"),
    (case(), NotifyChannel.PHONE, "王秀兰", "", datetime(2026, 11, 20, 9), "告知人"),
    (case(), NotifyChannel.PHONE, "王秀兰", "张丽", datetime(2026, 12, 20, 9), "晚于今天"),
    (case(), NotifyChannel.PHONE, "王秀兰", "张丽", datetime(2026, 10, 20, 9), "早于收件"),
    (case(phone=""), NotifyChannel.SMS, "王秀兰", "张丽", datetime(2026, 11, 20, 9), "短信"),
    (case(Status.ACCEPTED), NotifyChannel.PHONE, "王秀兰", "张丽", datetime(2026, 11, 20, 9),
     "尚未办结"),
])
def test_notification_refusals(the_case: Case, channel: NotifyChannel, person: str, by: str,
                               when: datetime, message: str) -> None:
    with pytest.raises(UserError, match=message):
        check_notification(the_case, Purpose.COMPLETED, channel, person, by, when,
                           date(2026, 11, 20))


def test_ready_wording_names_case_item_and_station() -> None:
    text = wording(case(), Purpose.COMPLETED, "西沟村便民服务站", "0915-6321234")
    for part in ("王秀兰您好", "城乡居民养老保险待遇申领", "610922101201-2026-00001", "已办结",
                 "0915-6321234", "【西沟村便民服务站】"):
        assert part in text
    supplement = wording(case(Status.SUPPLEMENT, missing=True), Purpose.SUPPLEMENT,
                         "西沟村便民服务站", "")
    assert "户口簿" in supplement and "致电" not in supplement
    assert "工本费 10 元" in wording(case(fee="工本费 10 元"), Purpose.FEE, "西沟村便民服务站", "")
