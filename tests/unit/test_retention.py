"""Retention (保管期限, DA/T 22; 国家档案局令第8号): a period counted from 1 January of
the year after the file's year; the list of this station's finished cases whose
period has ended, for the head's review. Nothing is ever deleted."""

from __future__ import annotations

from datetime import date

import pytest
from tests.unit.test_archive_register import register

from station_desk.domain.archive import Retention, retention_ends, retention_of_years
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.retention import Review, Verdict
from station_desk.services.desk import Desk

YEAR = date.today().year


@pytest.fixture
def head(village: Desk) -> Desk:
    village.session.sign_in("王建国", "123456")
    return village


def test_periods_count_from_the_next_first_of_january() -> None:
    assert retention_ends(2026, Retention.YEARS_10) == date(2037, 1, 1)
    assert retention_ends(2026, Retention.YEARS_30) == date(2057, 1, 1)
    assert retention_ends(2026, Retention.PERMANENT) is None
    assert [retention_of_years(y) for y in (10, 30, 0)] == [
        Retention.YEARS_10, Retention.YEARS_30, Retention.PERMANENT]
    with pytest.raises(UserError, match="10 年、30 年或永久"):
        retention_of_years(17)


def test_the_list_picks_the_cases_past_their_period(head: Desk) -> None:
    quick = register(head, "08-01", serial=1, name="王秀英")       # 即办件: 10 years
    filed_long = register(head, "08-02", serial=2, name="李桂兰")   # 承诺件, filed 30 years
    head.archive.file_case(filed_long.case_no, Retention.YEARS_30)
    filed_short = register(head, "08-02", serial=3, name="陈德福")  # filed for 10 years
    number = head.archive.file_case(filed_short.case_no, Retention.YEARS_10).archive_no
    still_open = register(head, "08-02", serial=4, name="赵小红", finish=False)
    assert still_open.status.is_open

    assert head.retention.ended(date(YEAR + 10, 12, 31)) == []
    ended = head.retention.ended(date(YEAR + 11, 1, 1))
    assert [r.case_no for r in ended] == [quick.case_no, filed_short.case_no]
    by_no = {r.case_no: r for r in ended}
    assert by_no[quick.case_no].archive_no is None
    assert by_no[quick.case_no].retention == Retention.YEARS_10
    assert by_no[filed_short.case_no].archive_no == number
    assert by_no[filed_short.case_no].ends_on == date(YEAR + 11, 1, 1)
    assert by_no[quick.case_no].as_json()["retention_ended_on"] == f"{YEAR + 11}-01-01"

    later = [r.case_no for r in head.retention.ended(date(YEAR + 31, 1, 1))]
    assert filed_long.case_no in later and still_open.case_no not in later
    # listing changes nothing: every case is still there
    for case in (quick, filed_long, filed_short, still_open):
        assert head.cases.get(case.case_no).case_no == case.case_no


def test_the_setting_decides_for_cases_not_filed(head: Desk) -> None:
    quick = register(head, "08-01", serial=1)
    head.station.set_setting("retention_immediate_years", 30)
    assert head.retention.ended(date(YEAR + 11, 1, 1)) == []
    assert [r.case_no for r in head.retention.ended(date(YEAR + 31, 1, 1))] == [quick.case_no]
    head.station.set_setting("retention_immediate_years", 0)  # 永久
    assert head.retention.ended(date(YEAR + 100, 1, 1)) == []
    # and it is the default when a case is filed
    filed = head.archive.file_case(quick.case_no)
    assert filed.retention == Retention.PERMANENT


def test_only_the_three_periods_can_be_set(head: Desk) -> None:
    with pytest.raises(UserError) as exc:
        head.station.set_setting("retention_other_years", 17)
    assert exc.value.field == "retention_other_years" and "永久" in exc.value.message
    assert head.station.setting("retention_other_years") == 30


# -- the head's decision ---------------------------------------------------------------

def _decisions(desk: Desk) -> list[tuple[str, str, str]]:
    return [(r[0], r[1], r[2]) for r in desk.db.execute(
        "SELECT actor_name, record_id, action FROM audit_log "
        "WHERE table_name = 'retention_decisions' ORDER BY id").fetchall()]


def test_the_head_keeps_one_longer_and_agrees_to_destroy_a_selection(head: Desk) -> None:
    cases = [register(head, "08-01", serial=n, name=name)
             for n, name in ((1, "王秀英"), (2, "李桂兰"), (3, "陈德福"))]
    first, *rest = [c.case_no for c in cases]
    day = date(YEAR + 11, 3, 1)
    assert {r.review for r in head.retention.ended(day)} == {Review.PENDING}

    [kept] = head.retention.decide([first], Verdict.KEEP, "  有遗留纠纷，\n须继续保存 ",
                                   keep_years=5, today=day)
    assert kept.review == Review.KEPT and kept.decision is not None
    assert kept.decision.kept_through == YEAR + 16
    assert kept.decision.reason == "有遗留纠纷， 须继续保存"
    assert kept.decision.decided_by == "王建国"
    assert kept.decision.next_review == date(YEAR + 17, 1, 1)
    destroyed = head.retention.decide(rest, Verdict.DESTROY, "经鉴定无保存价值", today=day)
    assert [r.review for r in destroyed] == [Review.DESTROY, Review.DESTROY]

    # the list shows every decision; the cases are all still there
    listed = {r.case_no: r for r in head.retention.ended(day)}
    assert [listed[n].review for n in (first, *rest)] == [Review.KEPT, Review.DESTROY,
                                                          Review.DESTROY]
    assert listed[rest[0]].as_json()["decision"] == {
        "verdict": "同意销毁", "kept_through": None, "next_review": None,
        "reason": "经鉴定无保存价值", "by": "王建国",
        "at": listed[rest[0]].decision.decided_at.isoformat(timespec="seconds")}  # type: ignore[union-attr]
    for case in cases:
        assert head.cases.get(case.case_no).status == case.status
    # one audited row per case, under the head's name (the register)
    assert [(who, action) for who, _, action in _decisions(head)] == [("王建国", "insert")] * 3

    # the kept one comes up again once its new period is over
    again = {r.case_no: r for r in head.retention.ended(date(YEAR + 17, 1, 1))}[first]
    assert again.review == Review.PENDING and again.decision is not None
    with pytest.raises(UserError, match="继续保存至"):
        head.retention.decide([first], Verdict.DESTROY, "再议", today=day)
    with pytest.raises(UserError, match="已由王建国.*同意销毁"):
        head.retention.decide([rest[0]], Verdict.KEEP, "再议", keep_years=1, today=day)


def test_a_decision_is_refused_whole_with_the_reason(head: Desk, village: Desk) -> None:
    past = register(head, "08-01", serial=1).case_no
    young = register(head, "08-02", serial=2).case_no  # 承诺件: 30 years, not yet over
    day = date(YEAR + 11, 3, 1)
    with pytest.raises(UserError, match=f"{young} 不在保管期限已满"):
        head.retention.decide([past, young], Verdict.DESTROY, "无保存价值", today=day)
    with pytest.raises(UserError, match="审核意见"):
        head.retention.decide([past], Verdict.DESTROY, "   ", today=day)
    with pytest.raises(UserError, match="二者选一"):
        head.retention.decide([past], Verdict.KEEP, "有价值", today=day)
    with pytest.raises(UserError, match="1 到 100 年"):
        head.retention.decide([past], Verdict.KEEP, "有价值", keep_years=0, today=day)
    with pytest.raises(UserError, match="晚于今年"):
        head.retention.decide([past], Verdict.KEEP, "有价值", keep_until=day.year, today=day)
    with pytest.raises(UserError, match="不写保存年限"):
        head.retention.decide([past], Verdict.DESTROY, "无价值", keep_years=3, today=day)
    assert _decisions(head) == []
    village.session.sign_out()
    village.session.sign_in("李明", "111111")
    with pytest.raises(NotAllowed, match="站长"):
        village.retention.decide([past], Verdict.DESTROY, "无价值", today=day)
    assert _decisions(village) == []
    assert [r.review for r in village.retention.ended(day)] == [Review.PENDING]


def test_the_register_is_append_only(head: Desk) -> None:
    past = register(head, "08-01", serial=1).case_no
    head.retention.decide([past], Verdict.KEEP, "有价值", keep_until=YEAR + 20,
                          today=date(YEAR + 11, 3, 1))
    for sql in ("UPDATE retention_decisions SET verdict = '同意销毁'",
                "DELETE FROM retention_decisions"):
        with pytest.raises(Exception, match="append-only|never deleted"):
            head.db.execute(sql)


def test_the_list_is_read_by_index_never_by_walking_every_case(head: Desk) -> None:
    """A ten-year town archive: each statement the list runs is planned on an index
    (a walk of every case was 5.3 s at 1,000,000 cases, for none found)."""
    statements: list[str] = []
    head.db.conn.set_trace_callback(statements.append)
    try:
        head.retention.ended()
    finally:
        head.db.conn.set_trace_callback(None)
    reads = [s for s in statements if "FROM cases" in s or "JOIN cases" in s]
    assert reads
    for sql in reads:
        plan = " | ".join(row[3] for row in head.db.execute("EXPLAIN QUERY PLAN " + sql))
        assert "SCAN c" not in plan, plan
        # the cases not filed: a range of the day they ended, not all the station's
        assert "cases_ended (station_code=? AND" in plan, plan
        assert "archive_files_year (year<?)" in plan, plan  # the filed ones by year
