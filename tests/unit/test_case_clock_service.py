"""The legal clock through the case desk: deemed acceptance on the timeline, the
§42 extension with its 延期告知书, suspensions, 好差评 rectification and the
notification log — all on a real archive (services, db, print)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from stdnum.cn import ric

from station_desk.domain.cases import Applicant, Case, Status
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.feedback import Classification, RectificationState
from station_desk.domain.notices import NoticeKind
from station_desk.domain.notifications import NotifyChannel, NotifyResult, Purpose
from station_desk.domain.service import Rating
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

CAL = HolidayCalendar()
D = date.fromisoformat
SUBSIDY = "01-07"  # 承诺件 20 working days, a public service (not a 行政许可)
SUBSIDY_MATERIALS = ("夫妻双方居民身份证", "户口簿", "结婚证", "独生子女父母光荣证或子女情况证明",
                     "《农村部分计划生育家庭奖励扶助对象申报表》",
                     "银行卡或惠民惠农财政补贴“一卡通”")
HYGIENE = "03-07"  # 行政许可: 承诺 10, 法定 20 working days
HYGIENE_MATERIALS = ("《公共场所卫生许可申请书》", "营业执照", "法定代表人或负责人居民身份证",
                     "公共场所地址方位示意图、平面图和卫生设施平面布局图", "卫生管理制度",
                     "从业人员健康合格证明")


def id_number(n: int = 4) -> str:
    base = f"61092219650312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


def register(desk: Desk, item: str, received: tuple[str, ...], when: datetime,
             n: int = 4, **kw: Any) -> Case:
    return desk.cases.register(CaseInput(
        item=item, applicant=Applicant("王秀英", id_number(n), "13900001234"),
        received=received, received_at=when, **kw)).case


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 10, 0).astimezone()


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("李明", "111111")  # the first-ask person at the window
    return village


# -- deemed acceptance (§32) ---------------------------------------------------------

def test_issue_example_deemed_acceptance_dates_from_receipt(desk: Desk) -> None:
    """Received 2026-09-21, notice due 09-29 and never given, papers brought later,
    20 working days: promised 2026-10-26 (the program used to say 11-09)."""
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS[:-1], at(2026, 9, 21))
    assert case.status == Status.SUPPLEMENT and case.supplement_due == D("2026-09-29")
    accepted = desk.corrections.receive(case.case_no, case.missing)
    assert accepted.deadline == D("2026-10-26")
    assert accepted.accepted_at == case.received_at
    assert accepted.extra["deemed_accepted"] is True
    clock = desk.cases.clock(accepted)
    assert clock.deemed and clock.acceptance is not None
    assert clock.acceptance.rule == ("视为受理：未在 5 个工作日内一次性告知补正"
                                     "（参照行政许可法第三十二条）")
    last = desk.cases.timeline(accepted)[-1]
    assert "视为受理" in last.text and "2026-10-26" in last.text


def test_licence_deemed_acceptance_cites_the_law_and_the_statutory_date(desk: Desk) -> None:
    case = register(desk, HYGIENE, HYGIENE_MATERIALS[:-1], at(2026, 9, 21))
    accepted = desk.corrections.receive(case.case_no, case.missing)
    clock = desk.cases.clock(accepted)
    assert clock.acceptance is not None and "（行政许可法第三十二条）" in clock.acceptance.rule
    assert accepted.deadline == CAL.add_working_days(D("2026-09-21"), 10)
    assert accepted.extra["statutory_deadline"] == CAL.add_working_days(D("2026-09-21"), 20)
    assert clock.statutory_due is not None and "行政许可法第四十二条" in clock.statutory_due.rule


def test_timely_notice_starts_the_clock_when_the_papers_arrive(desk: Desk) -> None:
    now = datetime.now().astimezone().replace(microsecond=0)
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS[:-1], now)
    desk.cases.record_supplement_notice(case.case_no)
    accepted = desk.corrections.receive(case.case_no, case.missing)
    assert accepted.extra["deemed_accepted"] is False
    assert accepted.deadline == desk.calendar.promised(now.date(), 20).deadline
    clock = desk.cases.clock(accepted)
    assert clock.acceptance is not None and "补正材料收齐之日受理" in clock.acceptance.rule


def test_late_notice_is_flagged_and_the_case_counts_as_accepted(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS[:-1], at(2026, 9, 21))
    noticed = desk.cases.record_supplement_notice(case.case_no)
    assert noticed.status == Status.SUPPLEMENT  # the papers are still missing
    assert noticed.extra["deemed_accepted"] is True
    assert noticed.deadline == D("2026-10-26")
    texts = [e.text for e in desk.cases.timeline(noticed)]
    assert any("已超过 2026-09-29 的告知期限" in t for t in texts)
    assert any("视为受理" in t for t in texts)
    assert desk.cases.days_left(noticed) is not None  # its clock runs: listed as due


def test_registration_records_the_dates_with_their_rules(desk: Desk) -> None:
    case = register(desk, HYGIENE, HYGIENE_MATERIALS, at(2026, 11, 2))
    assert case.extra["promised_days"] == 10 and case.extra["statutory_days"] == 20
    assert case.extra["licence"] is True
    assert case.deadline == D("2026-11-16")
    assert case.extra["statutory_deadline"] == D("2026-11-30")
    rules = desk.cases.timeline(case)[-1]
    assert rules.kind == "登记" and "法定办结期限 2026-11-30" in rules.text
    assert "承诺时限 10 个工作日" in rules.text


# -- §42 extensions, with the written notice -------------------------------------------

def test_extension_needs_the_head_and_stays_within_the_cap(desk: Desk) -> None:
    case = register(desk, HYGIENE, HYGIENE_MATERIALS, at(2026, 11, 2))
    desk.session.sign_in("张丽", "222222")
    with pytest.raises(NotAllowed):
        desk.extensions.extend(case.case_no, 5, "需现场核查")
    desk.session.sign_in("王建国", "123456")
    with pytest.raises(UserError, match="10 个工作日"):
        desk.extensions.extend(case.case_no, 11, "需现场核查")
    with pytest.raises(UserError, match="延期理由"):
        desk.extensions.extend(case.case_no, 5, " ")
    assert desk.cases.get(case.case_no).deadline == D("2026-11-16")
    assert desk.notices.for_case(case.case_no) == []


def test_extension_moves_both_dates_and_archives_the_notice(desk: Desk) -> None:
    case = register(desk, HYGIENE, HYGIENE_MATERIALS, at(2026, 11, 2))
    desk.session.sign_in("王建国", "123456")
    issued = desk.extensions.extend(case.case_no, 10, "需现场核查经营场所")
    assert issued.notice.kind == NoticeKind.EXTENSION.value and not issued.reprint
    moved = desk.cases.get(case.case_no)
    assert moved.deadline == D("2026-11-30")
    assert moved.extra["statutory_deadline"] == D("2026-12-14")
    assert moved.extra["extended_days"] == 10
    assert [n.kind for n in desk.notices.for_case(case.case_no)] == ["extension"]
    assert desk.notices.pdf(issued.notice) == issued.pdf
    texts = [e.text for e in desk.cases.timeline(moved)]
    assert any("行政许可延期 10 个工作日（王建国批准）" in t for t in texts)
    assert any("延期告知书" in t for t in texts)
    with pytest.raises(UserError, match="已不能再延长"):
        desk.extensions.extend(case.case_no, 1, "还要等")


def test_public_service_extension_needs_the_applicants_consent(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    desk.session.sign_in("王建国", "123456")
    with pytest.raises(UserError, match="申请人同意"):
        desk.extensions.extend(case.case_no, 5, "待县局复核")
    desk.extensions.extend(case.case_no, 5, "待县局复核", consent="11月20日电话同意")
    clock = desk.cases.clock(desk.cases.get(case.case_no))
    assert clock.extensions[0].consent == "11月20日电话同意"
    assert clock.promised_due is not None and "延长 5 个工作日" in clock.promised_due.rule


def test_suspension_stops_the_clock_until_resumed(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    desk.extensions.suspend(case.case_no, "等待县级鉴定结论")
    with pytest.raises(UserError, match="已在中止"):
        desk.extensions.suspend(case.case_no, "又一次")
    clock = desk.cases.clock(desk.cases.get(case.case_no))
    assert clock.suspended_now
    resumed = desk.extensions.resume(case.case_no)
    assert not desk.cases.clock(resumed).suspended_now
    assert "恢复计时" in desk.cases.timeline(resumed)[-1].text


# -- 好差评 -----------------------------------------------------------------------------

@pytest.mark.parametrize("target", [Status.NOT_ACCEPTED, Status.RETURNED, Status.COMPLETED])
def test_any_ended_case_can_be_rated_once_per_channel(desk: Desk, target: Status) -> None:
    # 不予受理 is decided on the materials, before acceptance
    materials = SUBSIDY_MATERIALS[:-1] if target == Status.NOT_ACCEPTED else SUBSIDY_MATERIALS
    case = register(desk, SUBSIDY, materials, at(2026, 11, 2))
    with pytest.raises(UserError, match="不能评价"):
        desk.complaints.rate(case.case_no, Rating.SATISFIED)
    desk.cases.advance(case.case_no, target, "不符合条件" if target != Status.COMPLETED else "")
    desk.complaints.rate(case.case_no, Rating.SATISFIED)
    desk.complaints.rate(case.case_no, Rating.BASIC, "电话回访")
    with pytest.raises(UserError, match="一事一评"):
        desk.complaints.rate(case.case_no, Rating.SATISFIED)


def test_bad_rating_opens_a_rectification_to_rerating(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    desk.cases.advance(case.case_no, Status.COMPLETED)
    desk.complaints.rate(case.case_no, Rating.UNSATISFIED, note="等了很久")
    [record] = desk.complaints.ratings_of(case.case_no)
    today = date.today()
    assert record.rectify_due == desk.calendar.promised(today, 5).deadline
    assert record.state(today) == RectificationState.OPEN
    later = record.rectify_due + timedelta(days=1)
    assert [r.id for r in desk.complaints.overdue_rectifications(later)] == [record.id]
    with pytest.raises(UserError, match="差评性质"):
        desk.complaints.record_callback(record.id, "已致歉")
    with pytest.raises(UserError, match="回访后"):
        desk.complaints.rerate(record.id, Rating.SATISFIED)
    desk.complaints.record_callback(record.id, "已致歉并加开窗口", Classification.VALID)
    assert desk.complaints.rating(record.id).state(later) == RectificationState.DONE
    assert desk.complaints.overdue_rectifications(later) == []
    desk.complaints.rerate(record.id, Rating.SATISFIED)
    final = desk.complaints.rating(record.id)
    assert final.state(later) == RectificationState.RERATED
    # the re-rating counts for the satisfaction rate instead of the 差评
    s = desk.complaints.satisfaction(today - timedelta(days=1), today)
    assert (s.rated, s.satisfied) == (1, 1)


def test_rectification_days_is_a_setting(desk: Desk) -> None:
    desk.session.sign_in("王建国", "123456")
    desk.station.set_setting("rectification_days", 2)
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    desk.cases.advance(case.case_no, Status.COMPLETED)
    desk.complaints.rate(case.case_no, Rating.VERY_UNSATISFIED)
    [record] = desk.complaints.ratings_of(case.case_no)
    assert record.rectify_due == desk.calendar.promised(date.today(), 2).deadline


def test_malicious_bad_rating_does_not_count(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    desk.cases.advance(case.case_no, Status.COMPLETED)
    desk.complaints.rate(case.case_no, Rating.VERY_UNSATISFIED)
    [record] = desk.complaints.ratings_of(case.case_no)
    desk.complaints.record_callback(record.id, "与办事无关的辱骂", Classification.MALICIOUS)
    today = date.today()
    assert desk.complaints.satisfaction(today, today).rated == 0


# -- telling the applicant -------------------------------------------------------------

def test_notification_log_and_whether_the_applicant_was_told(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    done = desk.cases.advance(case.case_no, Status.COMPLETED)
    desk.session.sign_in("张丽", "222222")
    [state] = desk.notifications.states(done.case_no)
    assert state.purpose == Purpose.COMPLETED and not state.told
    desk.notifications.record(done.case_no, Purpose.COMPLETED, NotifyChannel.PHONE,
                              result=NotifyResult.NO_ANSWER)
    assert not desk.notifications.states(done.case_no)[0].told
    n = desk.notifications.record(done.case_no, Purpose.COMPLETED, NotifyChannel.SMS,
                                  person="王秀英之子", note="约定周五来取")
    assert (n.told_by, n.person, n.channel, n.result) == (
        "张丽", "王秀英之子", NotifyChannel.SMS, NotifyResult.TOLD)
    state = desk.notifications.states(done.case_no)[0]
    assert state.told and "短信告知王秀英之子" in state.text()
    assert [r.result for r in desk.notifications.for_case(done.case_no)] == [
        NotifyResult.NO_ANSWER, NotifyResult.TOLD]
    assert "告知" in [e.kind for e in desk.cases.timeline(done)]
    words = desk.notifications.wording(done.case_no, Purpose.COMPLETED)
    assert "王秀英您好" in words and done.case_no in words and "西沟村便民服务站" in words


def test_the_supplement_notice_tells_the_applicant_in_writing(desk: Desk) -> None:
    """The 补正材料通知书 is the written telling the law counts: the case says so."""
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS[:-1], at(2026, 11, 2))
    [state] = desk.notifications.states(case.case_no)
    assert state.purpose == Purpose.SUPPLEMENT and not state.told
    assert "尚未告知申请人" in state.text()
    desk.notices.issue(case.case_no, NoticeKind.SUPPLEMENT)
    [state] = desk.notifications.states(case.case_no)
    assert state.told and state.written_at is not None
    assert "书面告知（补正材料通知书）" in state.text()
    # a telling recorded besides it (e.g. a call) is shown with its own words
    desk.notifications.record(case.case_no, Purpose.SUPPLEMENT, NotifyChannel.PHONE,
                              told_by="张丽")
    assert "电话告知王秀英（张丽）" in desk.notifications.states(case.case_no)[0].text()


def test_notification_refusals_name_the_problem(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    with pytest.raises(UserError, match="尚未办结"):
        desk.notifications.record(case.case_no, Purpose.COMPLETED, NotifyChannel.PHONE,
                                  told_by="张丽")
    desk.session.sign_out()  # the command line must name who told the applicant
    with pytest.raises(UserError, match="告知人"):
        desk.notifications.record(case.case_no, Purpose.FEE, NotifyChannel.PHONE)
    assert desk.notifications.for_case(case.case_no) == []


def test_rejection_notice_names_the_authority_and_review_body(desk: Desk) -> None:
    case = register(desk, SUBSIDY, SUBSIDY_MATERIALS[:-1], at(2026, 11, 2))
    desk.cases.advance(case.case_no, Status.NOT_ACCEPTED, "不属于本辖区户籍")
    issued = desk.notices.issue(case.case_no, NoticeKind.REJECTION)
    assert issued.pdf.startswith(b"%PDF")
    disabled = register(desk, "07-01", (), at(2026, 11, 2), n=5)
    desk.cases.advance(disabled.case_no, Status.NOT_ACCEPTED, "不符合条件")
    with pytest.raises(UserError, match="待核实"):
        desk.notices.issue(disabled.case_no, NoticeKind.REJECTION)


def test_every_count_of_the_rate_follows_one_rule(desk: Desk) -> None:
    """今日/投诉回访, 统计 and the town's board count the same ratings: a re-rating
    instead of its 差评, and no 差评 found to be 恶意."""
    from station_desk.db import supervision_repo

    malicious = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2))
    desk.cases.advance(malicious.case_no, Status.COMPLETED)
    desk.complaints.rate(malicious.case_no, Rating.VERY_UNSATISFIED)
    [bad] = desk.complaints.ratings_of(malicious.case_no)
    desk.complaints.record_callback(bad.id, "与办事无关的辱骂", Classification.MALICIOUS)
    fixed = register(desk, SUBSIDY, SUBSIDY_MATERIALS, at(2026, 11, 2), n=5)
    desk.cases.advance(fixed.case_no, Status.COMPLETED)
    desk.complaints.rate(fixed.case_no, Rating.UNSATISFIED)
    [fix] = desk.complaints.ratings_of(fixed.case_no)
    desk.complaints.record_callback(fix.id, "已致歉并加开窗口", Classification.VALID)
    desk.complaints.rerate(fix.id, Rating.SATISFIED)

    today = date.today()
    s = desk.complaints.satisfaction(today, today)
    assert (s.rated, s.satisfied) == (1, 1)
    f = desk.reports.figures(today, today)
    assert (f.ratings, f.satisfaction_rate) == (1, 1.0)
    day = today.isoformat()
    code = desk.station.station_or_refuse().code
    assert supervision_repo.ratings(desk.db, day, day + "~") == {code: (1, 1)}
