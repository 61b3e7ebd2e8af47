"""Retention (保管期限, DA/T 22; 国家档案局令第8号): a period counted from 1 January of
the year after the file's year; the list of this station's finished cases whose
period has ended, for the head's review. Nothing is ever deleted."""

from __future__ import annotations

from datetime import date

import pytest
from tests.unit.test_archive_register import register

from station_desk.domain.archive import Retention, retention_ends, retention_of_years
from station_desk.domain.errors import UserError
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
