"""Case handling through `desk.cases` (services/cases.py) on a real archive.

Dates are fixed (received_at in the past, `today=` passed in) so the results do
not depend on the day the tests run. Any 2027 or 2099 holiday schedule here is
made-up test data, not a real State Council notice.
"""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from stdnum.cn import ric

from station_desk.db import cases_repo, journal
from station_desk.domain.cases import (
    Applicant,
    Case,
    Department,
    ProxyStep,
    Status,
    offered_moves,
)
from station_desk.domain.catalogue import CaseType
from station_desk.domain.deadlines import promise
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.schedule_file import parse_schedule
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.cases import CaseInput, InvalidCase
from station_desk.services.desk import Desk

CAL = HolidayCalendar()
D = date.fromisoformat

# 08-01 即办件, 08-02 承诺件 10 days, 08-05 承诺件 30 days, 07-07 联办件 30 days,
# 07-01 承诺件 that needs the applicant in person, 05-05 即办件 outside 养老
PENSION_REG = "08-01"
PENSION_REG_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险参保登记表》")
PENSION_CLAIM = "08-02"
PENSION_CLAIM_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                           "社会保障卡或银行卡")
PENSION_TRANSFER = "08-05"
PENSION_TRANSFER_MATERIALS = ("居民身份证或户口簿", "转入地户籍证明",
                              "《城乡居民基本养老保险关系转入申请表》")
JOINT_ITEM = "07-07"
JOINT_MATERIALS = ("申请书", "居民身份证", "户口簿", "家庭经济状况核对授权书",
                   "残疾人证或劳动能力证明材料")
IN_PERSON_ITEM = "07-01"
FLEXIBLE_JOB = "05-05"
FLEXIBLE_JOB_MATERIALS = ("居民身份证", "《灵活就业登记表》")

needs_unknown_2027 = pytest.mark.skipif(
    HolidayCalendar().knows(2027),
    reason="chinese_calendar now ships 2027; these tests need a year it lacks",
)

FAKE_2099: dict[str, Any] = {
    "year": 2099,
    "source": "测试用虚构安排",
    "holidays": [
        {"name": "元旦", "dates": ["2099-01-01", "2099-01-02", "2099-01-03"]},
        {"name": "国庆节", "dates": [f"2099-10-0{d}" for d in range(1, 8)]},
    ],
    "workdays": ["2099-09-26", "2099-10-10"],  # Saturday, Saturday
}

# Made-up 2027: New Year's Day off Friday 1 to Monday 4 January (so a deadline
# provisionally on Monday 4 January, after the statutory 元旦, moves to the 5th).
FAKE_2027: dict[str, Any] = {
    "year": 2027,
    "source": "测试用虚构安排",
    "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03",
                                         "2027-01-04"]}],
    "workdays": [],
}


def id_number(n: int = 4) -> str:
    """A valid ID number, distinct for each n (0–999)."""
    base = f"61092219650312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm).astimezone()


def new_case(desk: Desk, name: str = "王秀英", *, item: str = PENSION_CLAIM,
             received: tuple[str, ...] = PENSION_CLAIM_MATERIALS, idn: int = 4,
             received_at: datetime | None = None, **kw: Any) -> Case:
    data = CaseInput(item=item, applicant=Applicant(name, id_number(idn), kw.pop("phone", "")),
                     received=received, received_at=received_at or at(2026, 11, 2), **kw)
    return desk.cases.register(data).case


def everything(desk: Desk, today: date | None = None, **kw: Any) -> list[Case]:
    f = desk.cases.make_filter(today=today, **kw)
    return desk.cases.page(f, limit=10_000)


def names(cases: list[Case]) -> list[str]:
    return [c.applicant.name for c in cases]


def case_count(desk: Desk) -> int:
    return desk.cases.count(desk.cases.make_filter())


@pytest.fixture
def desk(village: Desk) -> Desk:
    """The `village` station (built on conftest's `desk`), 李明 signed in."""
    village.session.sign_in("李明", "111111")
    return village


# --- registering -----------------------------------------------------------


def test_immediate_done_on_the_spot_is_completed(desk: Desk) -> None:
    received_at = at(2026, 11, 2, 9, 30)
    reg = desk.cases.register(CaseInput(
        item=PENSION_REG, applicant=Applicant("王秀英", id_number(), "13800138000"),
        received=PENSION_REG_MATERIALS, done_on_spot=True, received_at=received_at))
    case = reg.case
    assert reg.warnings == []
    assert case.status is Status.COMPLETED
    assert case.case_type is CaseType.IMMEDIATE
    assert case.deadline == date(2026, 11, 2)
    assert case.completed_at is not None
    assert case.received_at == received_at
    assert case.missing == []
    assert desk.cases.days_left(case) is None
    assert desk.cases.get(case.case_no) == case


def test_immediate_not_done_is_accepted_due_same_day(desk: Desk) -> None:
    case = new_case(desk, item=PENSION_REG, received=PENSION_REG_MATERIALS)
    assert case.status is Status.ACCEPTED
    assert case.deadline == date(2026, 11, 2)


def test_promised_deadline_skips_national_day_2025(desk: Desk) -> None:
    received_at = datetime(2025, 9, 30, 10, 0).astimezone()
    reg = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number()),
        received=PENSION_CLAIM_MATERIALS, received_at=received_at))
    case = reg.case
    assert reg.warnings == []
    assert case.status is Status.ACCEPTED
    assert case.accepted_at == received_at
    assert case.deadline == CAL.add_working_days(date(2025, 9, 30), 10)
    assert case.deadline == date(2025, 10, 21)  # 1–8 October off, 11 October worked
    assert case.extra["deadline_provisional"] is False
    assert case.case_no == "610922101201-2025-00001"


def test_missing_materials_need_supplement(desk: Desk) -> None:
    reg = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number()),
        received=("居民身份证或户口簿",), received_at=at(2026, 11, 2)))
    case = reg.case
    assert case.status is Status.SUPPLEMENT
    assert case.deadline is None
    assert case.accepted_at is None
    assert case.supplement_due == CAL.add_working_days(date(2026, 11, 2), 5)
    assert case.missing == ["《城乡居民基本养老保险待遇申领表》", "社会保障卡或银行卡"]
    [warning] = reg.warnings
    assert "《城乡居民基本养老保险待遇申领表》" in warning and "社会保障卡或银行卡" in warning
    assert "居民身份证或户口簿" not in warning
    assert case.supplement_due is not None
    assert f"{case.supplement_due:%Y-%m-%d}" in warning
    [event] = desk.cases.timeline(case)
    assert event.kind == "登记" and "缺材料" in event.text and event.actor_name == "李明"


def test_supplement_reminders_the_earliest_few_and_how_many(desk: Desk) -> None:
    """今日 and 办件 show the first few 补正 reminders and count the rest, through
    an index (a town's ten years hold tens of thousands of waiting cases)."""
    cases = [new_case(desk, f"王秀{n}", received=("居民身份证或户口簿",), idn=n,
                      received_at=at(2026, 11, 2 + n % 3)) for n in range(4, 11)]
    today = date(2026, 11, 12)  # every notice limit has passed
    everyone = desk.cases.supplement_warnings(today)
    assert len(everyone) == desk.cases.supplement_warning_count(today) == len(cases)
    first = desk.cases.supplement_warnings(today, at_most=2)
    assert first == everyone[:2]
    assert all("11-09" in w for w in first)  # received 11-02: the earliest limit
    plan = " ".join(str(r[-1]) for r in desk.db.execute(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM cases WHERE "
        + cases_repo._SUPPLEMENT_PENDING, ["待补正", "x", "2026-11-12"]).fetchall())
    assert plan.startswith("SEARCH cases USING INDEX cases_status_station"), plan


def test_nothing_received_lists_every_material(desk: Desk) -> None:
    reg = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number()), received=(),
        received_at=at(2026, 11, 2)))
    assert reg.case.missing == list(PENSION_CLAIM_MATERIALS)
    assert all(m in reg.warnings[0] for m in PENSION_CLAIM_MATERIALS)


def test_supplement_warning_when_two_working_days_left(desk: Desk) -> None:
    case = new_case(desk, received=("居民身份证或户口簿",))  # due 2026-11-09 (Mon)
    assert case.supplement_due == date(2026, 11, 9)
    assert desk.cases.supplement_warnings(today=date(2026, 11, 2)) == []  # 5 left
    assert desk.cases.supplement_warnings(today=date(2026, 11, 4)) == []  # 3 left
    [warning] = desk.cases.supplement_warnings(today=date(2026, 11, 5))
    assert case.case_no in warning and "王秀英" in warning
    assert "2026-11-09" in warning and "还剩 2 个工作日" in warning
    # Friday 6 to Monday 9: the weekend does not count
    assert "还剩 1 个工作日" in desk.cases.supplement_warnings(today=date(2026, 11, 7))[0]
    assert "已超过" in desk.cases.supplement_warnings(today=date(2026, 11, 10))[0]
    assert desk.cases.days_left(case, today=date(2026, 11, 5)) == 2

    noticed = desk.cases.record_supplement_notice(case.case_no)
    assert noticed.supplement_notice_at is not None
    assert desk.cases.supplement_warnings(today=date(2026, 11, 10)) == []
    # given today, long after 9 November: recorded as late, and the case counts as
    # accepted on receipt (行政许可法第三十二条)
    notice, dated = desk.cases.timeline(noticed)[-2:]
    assert notice.kind == "补正告知" and "已超过 2026-11-09 的告知期限" in notice.text
    assert all(m in notice.text for m in noticed.missing)
    assert dated.kind == "期限" and "视为受理" in dated.text


def test_supplement_notice_only_for_supplement_cases(desk: Desk) -> None:
    case = new_case(desk)
    with pytest.raises(UserError):
        desk.cases.record_supplement_notice(case.case_no)


def test_supplement_complete_starts_the_clock_today(desk: Desk) -> None:
    """Notice given in time: the clock starts when the papers are all in."""
    case = new_case(desk, received=("居民身份证或户口簿",),
                    received_at=datetime.now().astimezone() - timedelta(minutes=5))
    desk.cases.record_supplement_notice(case.case_no)
    accepted = desk.corrections.receive(case.case_no, case.missing)
    today = date.today()
    assert accepted.status is Status.ACCEPTED
    assert accepted.missing == []
    assert all(m.received for m in accepted.materials)
    assert accepted.accepted_at is not None and accepted.accepted_at.date() == today
    expected = promise(HolidayCalendar(), today, 10)
    assert accepted.deadline == expected.deadline
    assert accepted.extra["deadline_provisional"] is expected.provisional
    event = desk.cases.timeline(accepted)[-1]
    assert event.kind == "状态" and "待补正 → 已受理" in event.text
    assert f"{expected.deadline:%Y-%m-%d}" in event.text
    assert desk.cases.supplement_warnings(today=date(2026, 11, 10)) == []


def test_a_supplement_case_is_not_accepted_while_materials_are_missing(desk: Desk) -> None:
    """One rule for the window and the command line: accepted only with the last
    material received, never by marking everything received at once."""
    case = new_case(desk, received=("居民身份证或户口簿",))
    assert case.status is Status.SUPPLEMENT and case.missing
    with pytest.raises(UserError) as refused:
        desk.cases.advance(case.case_no, Status.ACCEPTED)
    assert all(m in refused.value.message for m in case.missing)
    assert "收到补正材料…" in refused.value.message and "case receive" in refused.value.message
    still = desk.cases.get(case.case_no)
    assert still.status is Status.SUPPLEMENT and still.missing == case.missing
    assert Status.ACCEPTED not in offered_moves(still)


def test_advance_checks_the_transition_and_reason(desk: Desk) -> None:
    case = new_case(desk)
    with pytest.raises(UserError) as exc:
        desk.cases.advance(case.case_no, Status.SUPPLEMENT)
    assert exc.value.field == "status"
    with pytest.raises(UserError) as exc:
        desk.cases.advance(case.case_no, Status.RETURNED, "  ")
    assert exc.value.field == "reason"
    assert desk.cases.get(case.case_no).status is Status.ACCEPTED
    going = desk.cases.advance(case.case_no, Status.IN_PROGRESS)
    assert going.status is Status.IN_PROGRESS and going.deadline == case.deadline
    done = desk.cases.advance(case.case_no, Status.COMPLETED)
    assert done.completed_at is not None and not done.status.is_open
    with pytest.raises(UserError):
        desk.cases.advance(case.case_no, Status.WITHDRAWN, "申请人撤回")
    returned = desk.cases.advance(new_case(desk, idn=5).case_no, Status.RETURNED,
                                  "不符合政策规定")
    assert returned.reason == "不符合政策规定"


def test_future_receipt_refused(desk: Desk) -> None:
    with pytest.raises(InvalidCase) as exc:
        new_case(desk, received_at=datetime.now().astimezone() + timedelta(days=1))
    assert set(exc.value.errors) == {"received_at"}


# --- refusals ----------------------------------------------------------------


def test_every_fault_reported_at_once_and_nothing_written(desk: Desk) -> None:
    good = id_number()
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    seq = journal.last_seq(desk.db)
    with pytest.raises(InvalidCase) as exc:
        desk.cases.register(CaseInput(item="99-99 没有这个事项",
                                      applicant=Applicant("  ", bad, "12345")))
    errors = exc.value.errors
    assert set(errors) == {"name", "id_number", "phone", "item"}
    assert "姓名" in errors["name"]
    assert "抄错" in errors["id_number"]
    assert "12345" in errors["phone"]
    assert "99-99" in errors["item"]
    assert all(text in exc.value.message for text in errors.values())
    assert case_count(desk) == 0
    assert journal.last_seq(desk.db) == seq


def test_unknown_channel_groups_and_case_type_reported(desk: Desk) -> None:
    seq = journal.last_seq(desk.db)
    with pytest.raises(InvalidCase) as exc:
        desk.cases.register(CaseInput(
            item=PENSION_CLAIM, channel="微信", case_type="加急件",
            applicant=Applicant("王秀英", id_number(), groups=("五保户",))))
    assert set(exc.value.errors) == {"channel", "case_type", "groups"}
    assert journal.last_seq(desk.db) == seq


def test_returned_case_needs_a_reason(desk: Desk) -> None:
    seq = journal.last_seq(desk.db)
    with pytest.raises(InvalidCase) as exc:
        new_case(desk, case_type="退回件", reason="  ")
    assert set(exc.value.errors) == {"reason"}
    assert case_count(desk) == 0 and journal.last_seq(desk.db) == seq

    case = new_case(desk, case_type="退回件", reason="户籍不在本村，依政策不予办理")
    assert case.status is Status.RETURNED and not case.status.is_open
    assert case.case_type is CaseType.RETURNED
    assert case.reason == "户籍不在本村，依政策不予办理"
    assert case.deadline is None
    assert "户籍不在本村" in desk.cases.timeline(case)[0].text


def test_unknown_material_refused(desk: Desk) -> None:
    seq = journal.last_seq(desk.db)
    with pytest.raises(InvalidCase) as exc:
        new_case(desk, received=("居民身份证或户口簿", "结婚证"))
    assert set(exc.value.errors) == {"materials"}
    assert "结婚证" in exc.value.errors["materials"]
    assert case_count(desk) == 0 and journal.last_seq(desk.db) == seq


def test_first_ask_defaults_to_signed_in(desk: Desk) -> None:
    assert new_case(desk).first_ask_name == "李明"
    assert new_case(desk, first_ask="张丽", idn=5).first_ask_name == "张丽"
    with pytest.raises(InvalidCase) as exc:
        new_case(desk, first_ask="赵六", idn=6)
    assert set(exc.value.errors) == {"first_ask"} and "赵六" in exc.value.errors["first_ask"]


def test_nobody_signed_in_needs_first_ask(desk: Desk) -> None:
    desk.session.sign_out()
    seq = journal.last_seq(desk.db)
    with pytest.raises(InvalidCase) as exc:
        new_case(desk)
    assert set(exc.value.errors) == {"first_ask"}
    assert case_count(desk) == 0 and journal.last_seq(desk.db) == seq
    assert new_case(desk, first_ask="王建国").first_ask_name == "王建国"


# --- case numbers, names -----------------------------------------------------


def test_case_numbers_sequential_and_unique(desk: Desk) -> None:
    cases = [new_case(desk, idn=i, received_at=at(2026, 11, 2 + i)) for i in range(3)]
    assert [c.case_no for c in cases] == ["610922101201-2026-00001", "610922101201-2026-00002",
                                          "610922101201-2026-00003"]
    assert len({c.id for c in cases}) == 3
    # another year starts its own sequence
    older = new_case(desk, received_at=at(2025, 12, 30))
    assert older.case_no == "610922101201-2025-00001"
    assert new_case(desk, received_at=at(2026, 1, 5)).case_no == "610922101201-2026-00004"
    for c in cases:
        assert desk.cases.get(c.case_no).id == c.id
        assert desk.cases.get(c.id).case_no == c.case_no
    with pytest.raises(UserError):
        desk.cases.get("610922101201-2026-99999")


def test_rare_character_name_round_trip_and_search(desk: Desk) -> None:
    case = new_case(desk, "𠮷王")
    assert case.applicant.name == "𠮷王"
    assert desk.cases.get(case.case_no).applicant.name == "𠮷王"
    new_case(desk, "王芳", idn=5)
    assert names(everything(desk, search="𠮷王")) == ["𠮷王"]
    assert names(everything(desk, search="𠮷")) == ["𠮷王"]


# --- search and filters ------------------------------------------------------


@pytest.fixture
def three(desk: Desk) -> dict[str, Case]:
    return {
        "王秀英": new_case(desk, "王秀英", idn=1, phone="13800138000"),
        "王芳": new_case(desk, "王芳", idn=2, phone="13900139000", item=FLEXIBLE_JOB,
                         received=FLEXIBLE_JOB_MATERIALS, done_on_spot=True),
        "李秀兰": new_case(desk, "李秀兰", idn=3, phone="0915-6321234", item=PENSION_REG,
                          received=PENSION_REG_MATERIALS, done_on_spot=True),
    }


def test_search_two_character_fragment(desk: Desk, three: dict[str, Case]) -> None:
    assert names(everything(desk, search="秀英")) == ["王秀英"]
    assert names(everything(desk, search="王秀英")) == ["王秀英"]
    assert set(names(everything(desk, search="王"))) == {"王秀英", "王芳"}
    assert everything(desk, search="秀芳") == []


def test_search_id_number_exact(desk: Desk, three: dict[str, Case]) -> None:
    assert names(everything(desk, search=id_number(2))) == ["王芳"]
    assert names(everything(desk, search=id_number(2).lower())) == ["王芳"]
    assert everything(desk, search=id_number(9)) == []


def test_search_phone_prefix(desk: Desk, three: dict[str, Case]) -> None:
    assert names(everything(desk, search="1380013")) == ["王秀英"]
    assert set(names(everything(desk, search="13"))) == {"王秀英", "王芳"}
    assert names(everything(desk, search="13900139000")) == ["王芳"]
    assert names(everything(desk, search="0915")) == ["李秀兰"]


def test_search_landline_with_dash(desk: Desk, three: dict[str, Case]) -> None:
    assert names(everything(desk, search="0915-6321234")) == ["李秀兰"]


def test_search_pinyin_initials(desk: Desk, three: dict[str, Case]) -> None:
    assert names(everything(desk, search="wxy")) == ["王秀英"]
    assert names(everything(desk, search="WXY")) == ["王秀英"]
    assert set(names(everything(desk, search="w"))) == {"王秀英", "王芳"}
    assert names(everything(desk, search="wangfang")) == ["王芳"]


def test_search_item_text(desk: Desk, three: dict[str, Case]) -> None:
    f = desk.cases.make_filter(search="养老")
    assert set(f.item_codes) >= {PENSION_REG, PENSION_CLAIM}
    assert FLEXIBLE_JOB not in f.item_codes
    assert set(names(everything(desk, search="养老"))) == {"王秀英", "李秀兰"}
    assert desk.cases.count(f) == 2


def test_search_case_number(desk: Desk, three: dict[str, Case]) -> None:
    no = three["王芳"].case_no
    assert names(everything(desk, search=no)) == ["王芳"]
    assert len(everything(desk, search="610922101201-2026-")) == 3


@pytest.fixture
def spread(desk: Desk) -> dict[str, Case]:
    return {
        # deadline 2026-11-16
        "A": new_case(desk, "甲", idn=1, received_at=at(2026, 11, 2)),
        # deadline 2026-11-30
        "B": new_case(desk, "乙", idn=2, received_at=at(2026, 11, 16)),
        # supplement due 2026-11-27
        "C": new_case(desk, "丙", idn=3, received=(), received_at=at(2026, 11, 20)),
        # completed
        "D": new_case(desk, "丁", idn=4, item=PENSION_REG, received=PENSION_REG_MATERIALS,
                      done_on_spot=True, received_at=at(2026, 11, 3)),
        # proxy, deadline 2026-12-09
        "E": new_case(desk, "戊", idn=5, proxy=True, received_at=at(2026, 11, 25)),
    }


TODAY = date(2026, 11, 26)


def test_filters(desk: Desk, spread: dict[str, Case]) -> None:
    assert spread["C"].supplement_due == date(2026, 11, 27)
    assert names(everything(desk, TODAY)) == ["甲", "丙", "乙", "戊", "丁"]  # attention order
    assert names(everything(desk, TODAY, overdue=True)) == ["甲"]
    assert names(everything(desk, TODAY, due_soon=True)) == ["丙", "乙"]
    assert names(everything(desk, TODAY, status=Status.SUPPLEMENT)) == ["丙"]
    assert names(everything(desk, TODAY, status=Status.COMPLETED)) == ["丁"]
    assert names(everything(desk, TODAY, proxy=True)) == ["戊"]
    assert names(everything(desk, TODAY, proxy=False)) == ["甲", "丙", "乙", "丁"]
    assert names(everything(desk, TODAY, case_type=CaseType.IMMEDIATE)) == ["丁"]
    assert everything(desk, TODAY, overdue=True, proxy=True) == []
    # a week later B, C and E are overdue too
    later = date(2026, 12, 10)
    assert names(everything(desk, later, overdue=True)) == ["甲", "丙", "乙", "戊"]
    assert everything(desk, date(2026, 11, 1), overdue=True) == []


def test_counts_and_days_left(desk: Desk, spread: dict[str, Case]) -> None:
    counts = desk.cases.today_counts(TODAY)
    assert counts["overdue"] == 1 and counts["due_soon"] == 2 and counts["open"] == 4
    a = spread["A"]
    assert desk.cases.days_left(a, TODAY) == -CAL.working_days_between(a.deadline, TODAY)
    assert desk.cases.days_left(spread["B"], TODAY) == 2
    assert desk.cases.days_left(spread["C"], TODAY) == 1
    assert desk.cases.days_left(spread["D"], TODAY) is None


def test_paging_keyset_and_offset_agree(desk: Desk) -> None:
    start = at(2026, 10, 1, 8)
    for i in range(250):
        kind = i % 3
        new_case(
            desk, "王秀英" if i % 2 else "李秀兰", idn=i,
            item=PENSION_REG if kind == 0 else PENSION_CLAIM,
            received=PENSION_REG_MATERIALS if kind == 0 else
            (PENSION_CLAIM_MATERIALS if kind == 1 else ()),
            done_on_spot=kind == 0,
            received_at=start + timedelta(hours=i % 40),  # many equal sort keys
        )
    f = desk.cases.make_filter(today=TODAY)
    assert desk.cases.count(f) == 250
    full = desk.cases.page(f, limit=1000)
    assert len(full) == 250 and len({c.id for c in full}) == 250
    keys = [(c.extra["sort_key"], c.id) for c in full]
    assert keys == sorted(keys)

    keyset: list[Case] = []
    while True:
        batch = desk.cases.page(f, limit=100, after=keyset[-1] if keyset else None)
        if not batch:
            break
        assert len(batch) <= 100
        keyset += batch
    assert [c.id for c in keyset] == [c.id for c in full]

    by_offset = [c for off in range(0, 300, 100) for c in desk.cases.page(f, limit=100,
                                                                          offset=off)]
    assert [c.id for c in by_offset] == [c.id for c in full]

    # the same with a search (125 hits), in pages of 40
    s = desk.cases.make_filter(search="秀英", today=TODAY)
    hits = desk.cases.page(s, limit=1000)
    assert len(hits) == desk.cases.count(s) == 125
    paged: list[Case] = []
    while batch := desk.cases.page(s, limit=40, after=paged[-1] if paged else None):
        paged += batch
    assert [c.id for c in paged] == [c.id for c in hits]
    assert [c.id for c in hits] == [c.id for c in full if c.applicant.name == "王秀英"]


# --- extending, holidays -----------------------------------------------------


def test_extend_needs_consent_and_counts_working_days(desk: Desk) -> None:
    """08-02 is a public service: the applicant's consent, the head's approval."""
    case = new_case(desk)  # deadline 2026-11-16
    assert case.deadline == date(2026, 11, 16)
    desk.session.sign_in("王建国", "123456")
    for consent in ("", "   "):
        with pytest.raises(UserError, match="申请人同意"):
            desk.extensions.extend(case.case_no, 3, "待县局复核", consent=consent)
    for days in (0, -1, 11):
        with pytest.raises(UserError) as exc:
            desk.extensions.extend(case.case_no, days, "待县局复核", consent="申请人同意")
        assert exc.value.field == "days"
    assert desk.cases.get(case.case_no).deadline == date(2026, 11, 16)

    consent = "2026-11-12 电话联系申请人，同意延期"
    desk.extensions.extend(case.case_no, 5, "待县局复核", consent=consent)
    extended = desk.cases.get(case.case_no)
    assert extended.deadline == CAL.add_working_days(date(2026, 11, 16), 5)
    assert extended.deadline == date(2026, 11, 23)  # over a weekend
    event = next(e for e in desk.cases.timeline(extended) if e.kind == "期限")
    assert event.actor_name == "王建国"
    assert "经申请人同意延期 5 个工作日（王建国批准）" in event.text
    assert "2026-11-23" in event.text
    assert desk.cases.clock(extended).extensions[0].consent == consent


def test_extend_only_open_cases_with_a_deadline(desk: Desk) -> None:
    desk.session.sign_in("王建国", "123456")
    waiting = new_case(desk, received=())
    with pytest.raises(UserError):
        desk.extensions.extend(waiting.case_no, 3, "待复核", consent="申请人同意")
    done = new_case(desk, item=PENSION_REG, received=PENSION_REG_MATERIALS, done_on_spot=True,
                    idn=5)
    with pytest.raises(UserError):
        desk.extensions.extend(done.case_no, 3, "待复核", consent="申请人同意")


def test_only_the_head_imports_holidays(desk: Desk) -> None:
    text = json.dumps(FAKE_2099, ensure_ascii=False)
    for name, pin in (("张丽", "222222"), ("李明", "111111")):
        desk.session.sign_in(name, pin)
        seq = journal.last_seq(desk.db)
        with pytest.raises(NotAllowed):
            desk.holidays.import_holidays(text)
        assert journal.last_seq(desk.db) == seq
        assert not desk.calendar.current().knows(2099)
    desk.session.sign_in("王建国", "123456")
    assert desk.holidays.import_holidays(text) == (2099, 0)
    calendar = desk.calendar.current()
    assert calendar.knows(2099)
    assert not calendar.is_workday(date(2099, 10, 5))  # a made-up holiday
    assert calendar.is_workday(date(2099, 10, 10))  # a made-up Saturday workday
    assert desk.calendar.promised(date(2099, 9, 30), 1).deadline == date(2099, 10, 8)
    assert not desk.calendar.promised(date(2099, 9, 30), 1).provisional


def test_bad_schedule_refused_and_nothing_stored(desk: Desk) -> None:
    desk.session.sign_in("王建国", "123456")
    bad = dict(FAKE_2099, workdays=["2099-10-12"])  # a Monday
    seq = journal.last_seq(desk.db)
    with pytest.raises(UserError) as exc:
        desk.holidays.import_holidays(json.dumps(bad))
    assert "不是周末" in exc.value.message
    with pytest.raises(UserError):
        desk.holidays.import_holidays("{not json")
    assert journal.last_seq(desk.db) == seq
    assert not desk.calendar.current().knows(2099)


def _provisional_2027_case(desk: Desk) -> Case:
    """08-05 (30 working days) received Friday 2026-11-20: the 30th working day is
    Friday 2027-01-01, provisionally the statutory 元旦, so Monday 2027-01-04."""
    reg = desk.cases.register(CaseInput(
        item=PENSION_TRANSFER, applicant=Applicant("王秀英", id_number()),
        received=PENSION_TRANSFER_MATERIALS, received_at=at(2026, 11, 20)))
    assert any("2027" in w and "暂定" in w for w in reg.warnings)
    return reg.case


@needs_unknown_2027
def test_import_redates_provisional_deadlines(desk: Desk) -> None:
    case = _provisional_2027_case(desk)
    assert case.deadline == date(2027, 1, 4)
    assert case.extra["deadline_provisional"] is True
    closed = desk.cases.advance(new_case(desk, "王芳", item=PENSION_TRANSFER, idn=5,
                                         received=PENSION_TRANSFER_MATERIALS,
                                         received_at=at(2026, 11, 20)).case_no,
                                Status.WITHDRAWN, "申请人撤回")

    desk.session.sign_in("王建国", "123456")
    assert desk.holidays.import_holidays(json.dumps(FAKE_2027, ensure_ascii=False)) == (2027, 1)
    fixed = desk.cases.get(case.case_no)
    imported = HolidayCalendar({2027: parse_schedule(json.dumps(FAKE_2027))})
    assert fixed.deadline == imported.add_working_days(date(2026, 11, 20), 30)
    assert fixed.deadline == date(2027, 1, 5)
    assert fixed.extra["deadline_provisional"] is False
    event = desk.cases.timeline(fixed)[-1]
    assert event.kind == "期限" and "2027-01-05" in event.text and event.actor_name == "王建国"
    # a finished case keeps what it had
    assert desk.cases.get(closed.case_no).deadline == date(2027, 1, 4)


@needs_unknown_2027
def test_import_of_an_unrelated_year_keeps_the_deadline(desk: Desk) -> None:
    case = _provisional_2027_case(desk)
    desk.session.sign_in("王建国", "123456")
    desk.holidays.import_holidays(json.dumps(FAKE_2099, ensure_ascii=False))
    after = desk.cases.get(case.case_no)
    assert after.deadline == date(2027, 1, 4)
    assert after.extra["deadline_provisional"] is True


@needs_unknown_2027
def test_import_of_an_unrelated_year_reports_nothing_redated(desk: Desk) -> None:
    case = _provisional_2027_case(desk)
    events = len(desk.cases.timeline(case))
    desk.session.sign_in("王建国", "123456")
    assert desk.holidays.import_holidays(json.dumps(FAKE_2099, ensure_ascii=False)) == (2099, 0)
    assert len(desk.cases.timeline(case)) == events


@needs_unknown_2027
def test_import_keeps_an_agreed_extension(desk: Desk) -> None:
    case = _provisional_2027_case(desk)
    desk.session.sign_in("王建国", "123456")
    desk.extensions.extend(case.case_no, 5, "待县局复核", consent="申请人当面同意延期")
    extended = desk.cases.get(case.case_no)
    assert extended.deadline == date(2027, 1, 11)  # provisional statutory days
    desk.holidays.import_holidays(json.dumps(FAKE_2027, ensure_ascii=False))
    # 30 working days to 2027-01-05 under the imported schedule, then 5 more
    assert desk.cases.get(case.case_no).deadline == date(2027, 1, 12)


# --- proxy and joint cases ---------------------------------------------------


def test_proxy_steps_in_order_with_actor_names(desk: Desk) -> None:
    reg = desk.cases.register(CaseInput(
        item=PENSION_CLAIM, applicant=Applicant("王秀英", id_number()),
        received=PENSION_CLAIM_MATERIALS, proxy=True, door_to_door=True,
        received_at=at(2026, 11, 2)))
    case = reg.case
    assert reg.warnings == []
    assert case.proxy and case.proxy_agent_name == "李明" and case.door_to_door
    assert case.proxy_step is ProxyStep.ENTRUSTED
    first = desk.cases.timeline(case)
    assert [(e.kind, e.actor_name) for e in first] == [("登记", "李明"), ("代办", "李明")]
    assert "已委托" in first[1].text and "上门服务" in first[1].text

    with pytest.raises(UserError):
        desk.cases.proxy_step(case.case_no, ProxyStep.SUBMITTED)  # skips 材料已收齐
    desk.cases.proxy_step(case.case_no, ProxyStep.COLLECTED)
    desk.session.sign_in("张丽", "222222")
    desk.cases.proxy_step(case.case_no, ProxyStep.SUBMITTED, "送镇社保所")
    desk.session.sign_in("李明", "111111")
    for step in (ProxyStep.RESULT_BACK, ProxyStep.DELIVERED, ProxyStep.CALLED_BACK):
        desk.cases.proxy_step(case.case_no, step)
    with pytest.raises(UserError):
        desk.cases.proxy_step(case.case_no, ProxyStep.CALLED_BACK)
    final = desk.cases.get(case.case_no)
    assert final.proxy_step is ProxyStep.CALLED_BACK
    steps = [e for e in desk.cases.timeline(final) if e.kind == "代办"]
    assert [e.text.split("：")[0] for e in steps] == [s.value for s in ProxyStep]
    assert [e.actor_name for e in steps] == ["李明", "李明", "张丽", "李明", "李明", "李明"]
    assert steps[2].text == "已送镇/县办理：送镇社保所"


def test_proxy_step_refused_on_non_proxy_case(desk: Desk) -> None:
    case = new_case(desk)
    assert case.proxy_step is None
    with pytest.raises(UserError):
        desk.cases.proxy_step(case.case_no, ProxyStep.ENTRUSTED)


def test_proxy_warnings(desk: Desk) -> None:
    reg = desk.cases.register(CaseInput(
        item=IN_PERSON_ITEM, applicant=Applicant("王秀英", id_number()), proxy=True,
        proxy_agent="张丽", received_at=at(2026, 11, 2)))
    text = "\n".join(reg.warnings)
    assert "本人到场" in text and "张丽不是帮办代办员" in text
    assert reg.case.proxy_agent_name == "张丽"


def test_department_steps_only_for_joint_cases(desk: Desk) -> None:
    item = desk.catalogue.item(JOINT_ITEM)
    assert item.case_type is CaseType.JOINT
    case = new_case(desk, item=JOINT_ITEM, received=JOINT_MATERIALS)
    assert case.case_type is CaseType.JOINT and case.status is Status.ACCEPTED
    assert case.departments == (Department(item.department),)

    with pytest.raises(UserError) as exc:
        desk.cases.department_step(case.case_no, item.department, "  ")
    assert exc.value.field == "step"
    updated = desk.cases.department_step(case.case_no, item.department, "已初审")
    [dep] = updated.departments
    assert dep.name == item.department and dep.step == "已初审" and dep.at
    updated = desk.cases.department_step(case.case_no, "镇便民服务中心", "已入户核查")
    assert {d.name: d.step for d in updated.departments} == {
        item.department: "已初审", "镇便民服务中心": "已入户核查"}
    event = desk.cases.timeline(updated)[-1]
    assert event.kind == "联办" and event.actor_name == "李明"
    assert event.text == "镇便民服务中心：已入户核查"

    plain = new_case(desk, idn=5)
    with pytest.raises(UserError):
        desk.cases.department_step(plain.case_no, item.department, "已初审")


@needs_unknown_2027
def test_a_calendar_cached_by_another_thread_during_the_import_is_dropped(desk: Desk) -> None:
    """The import runs as a job on its own connection; the window may read (and
    cache) the calendar meanwhile, without the schedule not yet committed."""
    case = _provisional_2027_case(desk)
    desk.session.sign_in("王建国", "123456")
    assert not desk.calendar.current().knows(2027)
    in_import, window_read = threading.Event(), threading.Event()

    def window_reads_meanwhile(done: int, total: int) -> None:
        in_import.set()
        assert window_read.wait(10)

    def job() -> None:
        with desk.store.own_connection(writes=True):
            desk.holidays.import_holidays(json.dumps(FAKE_2027, ensure_ascii=False),
                                          window_reads_meanwhile)

    worker = threading.Thread(target=job)
    worker.start()
    assert in_import.wait(10)
    assert not desk.calendar.current().knows(2027)  # the window's connection: not yet
    window_read.set()
    worker.join(10)
    assert desk.calendar.current().knows(2027)
    assert desk.cases.get(case.case_no).deadline == date(2027, 1, 5)


def test_count_can_stop_early(desk: Desk) -> None:
    """The case list counts at most a few thousand on the UI thread."""
    for i in range(5):
        new_case(desk, idn=i, item=PENSION_CLAIM, received=PENSION_CLAIM_MATERIALS)
    every = desk.cases.make_filter()
    assert desk.cases.count(every) == 5
    assert desk.cases.count(every, at_most=3) == 3
    assert desk.cases.count(every, at_most=9) == 5
