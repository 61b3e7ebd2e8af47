"""The legal clock of a case (domain/legal_clock.py), table-driven.

2026 dates follow the State Council schedule as chinese_calendar records it
(国庆 1–7 October 2026, make-up workday Saturday 10 October). 2027 has no
official schedule yet: it is counted provisionally from the statutory days.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from station_desk.domain.errors import UserError
from station_desk.domain.legal_clock import (
    ClockFacts,
    Extension,
    ExtensionKind,
    Suspension,
    calendar_days_limit,
    check_extension,
    compute,
)
from station_desk.domain.workdays import HolidayCalendar, builtin_schedule

D = date.fromisoformat
CAL = HolidayCalendar()

needs_unknown_2027 = pytest.mark.skipif(
    builtin_schedule(2027) is not None,
    reason="chinese_calendar now ships 2027; these tests need a year it lacks",
)


def facts(received: str, days: int = 20, **kw: object) -> ClockFacts:
    base = ClockFacts(received=D(received), promised_days=days, statutory_days=days,
                      licence=True)
    return replace(base, **kw)  # type: ignore[arg-type]


def ext(days: int) -> Extension:
    return Extension(days, ExtensionKind.LICENCE, "需现场核查", "王站长", D("2026-10-20"))


# -- acceptance: on receipt, after a timely 补正, or deemed (§32) -----------------------

@pytest.mark.parametrize(
    ("case", "today", "accepted", "deemed", "promised"), [
        # complete at receipt: accepted that day, 20 working days from it
        (facts("2026-09-21"), "2026-09-21", "2026-09-21", False, "2026-10-26"),
        # the example: notice due 29 Sep, never given, papers on 12 Oct ->
        # deemed accepted on receipt, promised 26 Oct (not 9 Nov)
        (facts("2026-09-21", needs_supplement=True, complete=D("2026-10-12")),
         "2026-10-12", "2026-09-21", True, "2026-10-26"),
        # notice given late (30 Sep) is no notice in time: still deemed
        (facts("2026-09-21", needs_supplement=True, notice_given=D("2026-09-30"),
               complete=D("2026-10-12")), "2026-10-12", "2026-09-21", True, "2026-10-26"),
        # notice given on the last day (29 Sep): accepted when the papers came
        (facts("2026-09-21", needs_supplement=True, notice_given=D("2026-09-29"),
               complete=D("2026-10-12")), "2026-10-12", "2026-10-12", False, "2026-11-09"),
        # papers brought on day 3, no notice needed any more: accepted that day
        (facts("2026-09-21", needs_supplement=True, complete=D("2026-09-24")),
         "2026-12-01", "2026-09-24", False, "2026-10-29"),
        # no notice yet but still within the 5 days: nothing accepted yet
        (facts("2026-09-21", needs_supplement=True), "2026-09-29", None, False, None),
        # notice in time, papers not in yet: waiting on the applicant
        (facts("2026-09-21", needs_supplement=True, notice_given=D("2026-09-22")),
         "2026-12-01", None, False, None),
        # 即办件: done the day it is accepted
        (facts("2026-11-30", days=0), "2026-11-30", "2026-11-30", False, "2026-11-30"),
    ])
def test_acceptance_and_promise(case: ClockFacts, today: str, accepted: str | None,
                                deemed: bool, promised: str | None) -> None:
    clock = compute(CAL, case, D(today))
    assert clock.deemed is deemed
    assert (clock.acceptance.day.isoformat() if clock.acceptance else None) == accepted
    assert (clock.promised_due.day.isoformat() if clock.promised_due else None) == promised
    if case.needs_supplement:
        assert clock.notice_due is not None and clock.notice_due.day == D("2026-09-29")
        assert "第三十二条" in clock.notice_due.rule


def test_deemed_acceptance_names_its_rule() -> None:
    clock = compute(CAL, facts("2026-09-21", needs_supplement=True), D("2026-10-12"))
    assert clock.acceptance is not None
    assert clock.acceptance.rule == ("视为受理：未在 5 个工作日内一次性告知补正"
                                     "（行政许可法第三十二条）")
    public = compute(CAL, facts("2026-09-21", needs_supplement=True, licence=False),
                     D("2026-10-12"))
    assert public.acceptance is not None and "参照行政许可法第三十二条" in public.acceptance.rule


def test_statutory_and_promised_dates_differ() -> None:
    clock = compute(CAL, facts("2026-11-02", days=10, statutory_days=20), D("2026-11-02"))
    assert clock.promised_due is not None and clock.statutory_due is not None
    assert clock.promised_due.day == D("2026-11-16")
    assert clock.statutory_due.day == D("2026-11-30")
    assert "承诺时限 10 个工作日" in clock.promised_due.rule
    assert "法定时限 20 个工作日" in clock.statutory_due.rule
    assert "行政许可法第四十二条" in clock.statutory_due.rule
    unknown = compute(CAL, facts("2026-11-02", statutory_days=None), D("2026-11-02"))
    assert unknown.statutory_due is None and unknown.promised_due is not None


# -- extensions (§42) and suspensions ---------------------------------------------

@pytest.mark.parametrize(("extensions", "promised", "statutory"), [
    ((), "2026-11-30", "2026-11-30"),
    ((ext(10),), "2026-12-14", "2026-12-14"),
    ((ext(4), ext(6)), "2026-12-14", "2026-12-14"),
    ((ext(15),), "2026-12-21", "2026-12-21"),  # joint handling (§26) only, see below
])
def test_extensions_move_both_dates(extensions: tuple[Extension, ...], promised: str,
                                    statutory: str) -> None:
    clock = compute(CAL, facts("2026-11-02", extensions=extensions), D("2026-11-02"))
    assert clock.promised_due is not None and clock.statutory_due is not None
    assert clock.promised_due.day == D(promised)
    assert clock.statutory_due.day == D(statutory)
    if extensions:
        assert f"延长 {sum(e.days for e in extensions)} 个工作日" in clock.promised_due.rule


@pytest.mark.parametrize(("joint", "used", "days", "allowed"), [
    (False, (), 10, True),
    (False, (), 11, False),  # §42: ten days at most
    (False, (ext(6),), 4, True),
    (False, (ext(6),), 5, False),
    (True, (), 15, True),  # §26 joint handling: fifteen
    (True, (), 16, False),
    (False, (), 0, False),
])
def test_extension_cap(joint: bool, used: tuple[Extension, ...], days: int,
                       allowed: bool) -> None:
    case = facts("2026-11-02", joint=joint, extensions=used)
    if allowed:
        kind = check_extension(case, days, reason="需现场核查", approved_by="王站长", consent="")
        assert kind == ExtensionKind.LICENCE
    else:
        with pytest.raises(UserError):
            check_extension(case, days, reason="需现场核查", approved_by="王站长", consent="")


@pytest.mark.parametrize(("licence", "reason", "approved_by", "consent", "message"), [
    (True, "", "王站长", "", "延期理由"),
    (True, "需现场核查", "", "", "负责人"),
    (False, "需现场核查", "王站长", "", "申请人同意"),
])
def test_extension_needs_reason_approval_and_consent(
        licence: bool, reason: str, approved_by: str, consent: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        check_extension(facts("2026-11-02", licence=licence), 5, reason=reason,
                        approved_by=approved_by, consent=consent)
    ok = check_extension(facts("2026-11-02", licence=False), 5, reason="待县局复核",
                         approved_by="王站长", consent="11月20日电话同意")
    assert ok == ExtensionKind.CONSENT


def test_suspension_days_are_not_counted() -> None:
    # suspended Tue 10 Nov to Tue 17 Nov: 5 working days stand still
    done = Suspension(D("2026-11-10"), D("2026-11-17"), "现场检验")
    clock = compute(CAL, facts("2026-11-02", suspensions=(done,)), D("2026-11-20"))
    assert clock.suspended_days == 5 and not clock.suspended_now
    assert clock.promised_due is not None and clock.promised_due.day == D("2026-12-07")
    assert "中止 5 个工作日不计入" in clock.promised_due.rule
    running = Suspension(D("2026-11-10"), None, "专家评审")
    now = compute(CAL, facts("2026-11-02", suspensions=(running,)), D("2026-11-12"))
    assert now.suspended_now and now.suspended_days == 2


# -- provisional years: 春节 and 国庆 2027 by the statutory days --------------------

@needs_unknown_2027
@pytest.mark.parametrize(("received", "days", "due"), [
    # the example: weekdays only gave 17 Feb; 除夕 5 Feb, 初三 8 Feb and the
    # make-up days 9–10 Feb for 初一/初二 on the weekend push it to 23 Feb
    ("2027-01-20", 20, "2027-02-23"),
    ("2027-09-28", 5, "2027-10-08"),  # 国庆 1 Oct + make-up 4–5 Oct
    ("2027-09-14", 1, "2027-09-16"),  # 中秋 15 Sep
    ("2027-06-08", 1, "2027-06-10"),  # 端午 9 Jun
    ("2026-12-30", 2, "2027-01-04"),  # year end: 31 Dec, then 元旦 1 Jan is off
    ("2027-02-04", 1, "2027-02-11"),  # 春节: 除夕 5 Feb to 初三 8 Feb, make-up 9–10 Feb
    ("2027-04-02", 1, "2027-04-06"),  # 清明 5 Apr (a Monday)
    ("2027-04-30", 1, "2027-05-05"),  # 劳动节 1–2 May on the weekend: off 3–4 May
    ("2027-09-30", 1, "2027-10-06"),  # 国庆 1–3 Oct, 2–3 Oct on the weekend: off 4–5 Oct
])
def test_provisional_year_counts_statutory_days(received: str, days: int, due: str) -> None:
    clock = compute(CAL, facts(received, days=days), D(received))
    assert clock.promised_due is not None
    assert clock.promised_due.day == D(due)
    assert clock.promised_due.provisional and clock.provisional
    assert clock.missing_years == (2027,)


@needs_unknown_2027
def test_a_period_across_two_provisional_years_names_both() -> None:
    """Year end 2027 into 2028: 31 Dec counts, 元旦 2028 falls on a Saturday (off 3 Jan)."""
    clock = compute(CAL, facts("2027-12-30", days=2), D("2027-12-30"))
    assert clock.promised_due is not None and clock.promised_due.day == D("2028-01-04")
    assert clock.missing_years == (2027, 2028) and clock.promised_due.provisional


def test_known_year_is_not_provisional() -> None:
    clock = compute(CAL, facts("2026-09-21"), D("2026-09-21"))
    assert clock.promised_due is not None and not clock.promised_due.provisional
    assert not clock.provisional


# -- calendar-day periods roll over rest days (民法典 §201, §203) ---------------------

@pytest.mark.parametrize(("start", "days", "due", "rolled"), [
    ("2026-11-27", 7, "2026-12-04", False),  # ends on a Friday
    ("2026-11-28", 7, "2026-12-07", True),  # ends Saturday -> Monday
    ("2026-09-24", 7, "2026-10-08", True),  # ends 1 Oct in 国庆 (1–7 Oct) -> Thursday
    ("2026-09-26", 14, "2026-10-10", False),  # ends on the make-up Saturday: a workday
    ("2026-12-25", 7, "2027-01-04", True),  # year end into provisional 元旦
    ("2027-01-30", 7, "2027-02-11", True),  # ends 6 Feb, 春节 2027 (provisional)
])
def test_calendar_days_roll_over(start: str, days: int, due: str, rolled: bool) -> None:
    found = calendar_days_limit(CAL, D(start), days)
    assert found.day == D(due)
    assert ("第二百零三条" in found.rule) is rolled
    assert found.provisional is (found.day.year == 2027 or D(start).year == 2027)
