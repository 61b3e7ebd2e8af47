"""The legal clock's records travel: a village's extension, suspension,
notification and 差评 rectification arrive at its town in the bundle, a second
import of the same bundle changes nothing, a damaged row is held back with a
Chinese reason, the town counts the village's days against the §42 cap when it
extends a case handed over to it, and that extension goes back to the village."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_sync_roundtrip import change, craft, dump

from station_desk.db import journal
from station_desk.domain.cases import ProxyStep, Status
from station_desk.domain.errors import UserError
from station_desk.domain.feedback import Classification, RectificationState
from station_desk.domain.notifications import NotifyChannel, Purpose
from station_desk.domain.service import Rating
from station_desk.domain.workdays import HolidayCalendar
from town_stations import Place, register, town_with_village

HYGIENE = "03-07"  # 行政许可: the §42 cap of 10 working days applies
SUBSIDY = "01-07"  # a public service


@dataclass
class Pair:
    town: Place
    village: Place
    stick: Path

    def send_up(self) -> Any:
        return self.town.desk.sync.import_bundle(self.village.desk.sync.export_to(self.stick)
                                                 .path)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    town, village, stick = town_with_village(tmp_path)
    yield Pair(town, village, stick)
    for p in (town, village):
        p.desk.close()


def _clock_records(pair: Pair) -> tuple[str, str]:
    """At the village: a 行政许可 case extended by 4 days and suspended once, and a
    finished case told by phone and rated 不满意 (a rectification opened)."""
    v = pair.village.desk
    licence = register(pair.village, 1, item=HYGIENE)
    v.extensions.extend(licence, 4, "需现场核查经营场所", approved_by="王建国")
    v.extensions.suspend(licence, "等待县级检验检测结论")
    v.extensions.resume(licence)
    done = register(pair.village, 2, "陈德福", proxy=False, item=SUBSIDY)
    v.cases.advance(done, Status.COMPLETED)
    v.notifications.record(done, Purpose.COMPLETED, NotifyChannel.PHONE, told_by="李明")
    v.complaints.rate(done, Rating.UNSATISFIED, note="等了很久")
    return licence, done


def test_extension_suspension_notification_and_rectification_reach_the_town(
        pair: Pair) -> None:
    licence, done = _clock_records(pair)
    report = pair.send_up()
    assert report.quarantined == []
    for table in ("case_extensions", "case_suspensions", "notifications", "ratings"):
        assert report.by_table[table]["new"] == 1, table
    town = pair.town.desk
    case = town.cases.get(licence)
    clock = town.cases.clock(case)
    [ext] = clock.extensions
    assert (ext.days, ext.reason, ext.approved_by) == (4, "需现场核查经营场所", "王建国")
    assert clock.promised_due is not None and "延长 4 个工作日" in clock.promised_due.rule
    assert not clock.suspended_now
    assert town.db.execute("SELECT reason, end IS NOT NULL FROM case_suspensions").fetchall() \
        == [("等待县级检验检测结论", 1)]
    # the town sees that the applicant was told, as the village recorded it
    [told] = town.notifications.for_case(done)
    assert (told.purpose, told.channel, told.told_by) == (Purpose.COMPLETED,
                                                          NotifyChannel.PHONE, "李明")
    assert [s.told for s in town.notifications.states(done)] == [True]
    # and the 差评 with its rectification deadline
    [rating] = town.complaints.ratings_of(done)
    [at_village] = pair.village.desk.complaints.ratings_of(done)
    assert rating.rectify_due == at_village.rectify_due is not None
    assert rating.state(rating.rectify_due) == RectificationState.OPEN


def test_the_same_bundle_again_changes_nothing(pair: Pair) -> None:
    _clock_records(pair)
    path = pair.village.desk.sync.export_to(pair.stick).path
    pair.town.desk.sync.import_bundle(path)
    before = dump(pair.town.desk)
    again = pair.town.desk.sync.import_bundle(path)
    assert again.already and dump(pair.town.desk) == before
    # the whole history once more (a new bundle, the same content): every row unchanged
    full = pair.village.desk.sync.export_to(pair.stick, full=True).path
    report = pair.town.desk.sync.import_bundle(full)
    assert report.new == report.updated == 0 and report.quarantined == []
    assert report.by_table["case_extensions"]["unchanged"] == 1
    tables = ("case_extensions", "case_suspensions", "notifications", "ratings", "cases")
    after = dump(pair.town.desk)
    assert {t: after[t] for t in tables} == {t: before[t] for t in tables}


def test_a_rectification_done_at_the_village_closes_it_at_the_town(pair: Pair) -> None:
    _, done = _clock_records(pair)
    pair.send_up()
    [record] = pair.village.desk.complaints.ratings_of(done)
    pair.village.desk.complaints.record_callback(record.id, "已致歉并加开窗口",
                                                 Classification.VALID)
    pair.village.desk.complaints.rerate(record.id, Rating.SATISFIED)
    report = pair.send_up()
    assert report.by_table["ratings"]["updated"] == 1
    [rating] = pair.town.desk.complaints.ratings_of(done)
    assert rating.classification == Classification.VALID
    assert rating.rerating == Rating.SATISFIED
    assert rating.state(rating.rectify_due or record.rated_at.date()) == \
        RectificationState.RERATED


def test_damaged_clock_rows_are_held_back_with_a_reason(pair: Pair) -> None:
    licence, done = _clock_records(pair)
    v = pair.village.desk
    case_id = v.cases.get(licence).id
    ext_id = v.db.execute("SELECT id FROM case_extensions").fetchone()[0]
    note_id = v.db.execute("SELECT id FROM notifications").fetchone()[0]
    susp_id = v.db.execute("SELECT id FROM case_suspensions").fetchone()[0]
    rating_id = v.db.execute("SELECT id FROM ratings").fetchone()[0]
    case_line = change(v, "cases", case_id)
    done_line = change(v, "cases", v.cases.get(done).id)
    ext = change(v, "case_extensions", ext_id)
    ext["data"]["days"] = 40
    note = change(v, "notifications", note_id)
    note["data"]["channel"] = "飞鸽传书"
    susp = change(v, "case_suspensions", susp_id)
    susp["data"]["end"] = "2020-01-01"
    rating = change(v, "ratings", rating_id)
    rating["data"]["classification"] = "差不多"
    last = max(r["seq"] for r in (case_line, done_line, ext, note, susp, rating))
    path = craft(pair.village, pair.town, pair.stick,
                 records=[case_line, done_line, ext, note, susp, rating], seq=(1, last))
    report = pair.town.desk.sync.import_bundle(path)
    assert report.new == 2  # the two cases
    held = {q["table"]: q["reason"] for q in report.quarantined}
    assert set(held) == {"case_extensions", "notifications", "case_suspensions", "ratings"}
    assert "延期天数" in held["case_extensions"] and "15" in held["case_extensions"]
    assert "告知方式" in held["notifications"] and "飞鸽传书" in held["notifications"]
    assert "早于开始日期" in held["case_suspensions"]
    assert "差评性质" in held["ratings"] and "差不多" in held["ratings"]
    assert all("Error" not in r and "Traceback" not in r for r in held.values())
    assert "未导入（有问题）" in report.text() and "延期记录" in report.text()
    labels = {q["table"]: q["label"] for q in report.quarantined}  # by the case number
    assert labels["case_suspensions"] == licence and labels["notifications"] == done
    town = pair.town.desk
    assert town.db.execute("SELECT COUNT(*) FROM case_extensions").fetchone()[0] == 0
    assert len(town.sync.held()) == 4
    assert town.cases.clock(town.cases.get(licence)).extensions == ()


def test_a_town_extension_counts_the_villages_days_against_the_cap(pair: Pair) -> None:
    licence, _ = _clock_records(pair)
    v = pair.village.desk
    v.cases.proxy_step(licence, ProxyStep.COLLECTED)
    v.cases.proxy_step(licence, ProxyStep.SUBMITTED)  # handed over to the town
    pair.send_up()
    town = pair.town.desk
    with pytest.raises(UserError, match="已延长 4 个，还可延长 6 个工作日"):
        town.extensions.extend(licence, 7, "县局复核", approved_by="张主任")
    town.extensions.extend(licence, 6, "县局复核", approved_by="张主任")
    assert town.cases.get(licence).extra["extended_days"] == 10
    # back at the village: the town's extension with its notice, both counted
    back = v.sync.import_bundle(town.sync.export_to(pair.stick, for_code=pair.village.code).path)
    assert back.quarantined == []
    assert back.by_table["case_extensions"]["new"] == 1
    clock = v.cases.clock(v.cases.get(licence))
    assert [e.days for e in clock.extensions] == [4, 6]
    assert v.cases.get(licence).extra["extended_days"] == 10
    with pytest.raises(UserError, match="已不能再延长"):
        town.extensions.extend(licence, 1, "还要等", approved_by="张主任")


def test_records_of_before_this_version_are_sent_again(pair: Pair) -> None:
    """Migration 0016 puts the clock records made before it into the change log."""
    from station_desk.db.migrations import m0016_clock_records_travel

    _clock_records(pair)
    v = pair.village.desk
    pair.send_up()
    seq = v.db.execute("SELECT MAX(seq) FROM change_log").fetchone()[0]
    with v.db.atomic():
        m0016_clock_records_travel(v.db)
    tables = [r[0] for r in v.db.execute(
        "SELECT table_name FROM change_log WHERE seq > ? ORDER BY seq", [seq])]
    assert sorted(tables) == ["case_extensions", "case_suspensions", "notifications"]
    data = json.loads(v.db.execute("SELECT data FROM change_log WHERE seq > ? AND "
                                   "table_name = 'case_extensions'", [seq]).fetchone()[0])
    assert data["days"] == 4
    report = pair.send_up()
    assert report.quarantined == [] and report.new == 0


def test_the_board_counts_open_and_overdue_rectifications_from_imported_data(
        pair: Pair) -> None:
    from station_desk.cli.town import village_json

    _, done = _clock_records(pair)
    town = pair.town.desk
    code = pair.village.code

    def row(day: date) -> Any:
        [r] = [r for r in town.supervision.villages(day) if r.code == code]
        return r

    today = date.today()
    assert (row(today).bad_ratings_open, row(today).bad_ratings_overdue) == (0, 0)  # not sent
    pair.send_up()
    [record] = town.supervision.rectifications_of(code)
    assert record.case_no == done and record.rectify_due is not None
    late = record.rectify_due + timedelta(days=1)
    assert (row(today).bad_ratings_open, row(today).bad_ratings_overdue) == (1, 0)
    assert (row(late).bad_ratings_open, row(late).bad_ratings_overdue) == (1, 1)
    holds = town.supervision.catalogue_holds()
    assert {k: village_json(row(late), holds)[k]
            for k in ("bad_ratings_open", "bad_ratings_overdue")} == {
        "bad_ratings_open": 1, "bad_ratings_overdue": 1}
    assert town.supervision.summary(late)["bad_ratings_overdue"] == 1
    # the list behind each figure is the figure
    assert town.supervision.rectifications_of(code, overdue_only=True, today=today) == []
    assert [r.id for r in town.supervision.rectifications_of(
        code, overdue_only=True, today=late)] == [record.id]
    # the town's own 今日 counts only the town's own 差评, not the village's
    assert town.complaints.overdue_rectifications(late) == []
    # put right at the village: closed at the town after the next bundle
    [at_village] = pair.village.desk.complaints.ratings_of(done)
    pair.village.desk.complaints.record_callback(at_village.id, "已电话致歉，调整窗口排班",
                                                 Classification.VALID)
    pair.send_up()
    assert (row(late).bad_ratings_open, row(late).bad_ratings_overdue) == (0, 0)
    assert town.supervision.rectifications_of(code) == []


def test_damaged_clock_fields_of_a_case_or_an_item_are_held_back(pair: Pair) -> None:
    licence, _ = _clock_records(pair)
    v, town = pair.village.desk, pair.town.desk
    line = change(v, "cases", v.cases.get(licence).id)
    line["data"]["statutory_deadline"] = "下个月"
    report = town.sync.import_bundle(craft(pair.village, pair.town, pair.stick,
                                           records=[line], seq=(1, line["seq"])))
    [held] = report.quarantined
    assert "法定办结期限" in held["reason"] and "日期格式不对" in held["reason"]
    # coming back: an item whose 法定时限 is not a number
    item = town.db.execute("SELECT id FROM catalogue_items WHERE code = '03-07'").fetchone()[0]
    with town.db.atomic():
        journal.update(town.db, "catalogue_items", item, {"review_body": "石泉县人民政府"},
                       town.session.actor)
    entry = change(town, "catalogue_items", item)
    entry["data"]["statutory_days"] = "二十"
    back = v.sync.import_bundle(craft(pair.town, pair.village, pair.stick,
                                      records=[entry], seq=(1, entry["seq"])))
    [held] = back.quarantined
    assert "法定时限" in held["reason"]


@pytest.mark.skipif(HolidayCalendar().knows(2027), reason="needs a provisional 2027")
def test_a_schedule_imported_at_the_town_redates_the_cases_handed_over_to_it(
        pair: Pair) -> None:
    """The town owns the dates of a case handed over: it re-dates them, and the
    return bundle takes the firm date back to the village."""
    v, town = pair.village.desk, pair.town.desk
    # 08-05, 30 working days from Friday 20 Nov 2026: the 30th is 1 Jan 2027 (元旦)
    case_no = register(pair.village, 1, item="08-05", at=datetime(2026, 11, 20, 9, 30))
    v.cases.proxy_step(case_no, ProxyStep.COLLECTED)
    v.cases.proxy_step(case_no, ProxyStep.SUBMITTED)
    pair.send_up()
    before = town.cases.get(case_no)
    assert before.extra["deadline_provisional"] is True
    schedule = {"year": 2027, "source": "测试用虚构安排", "workdays": [],
                "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02",
                                                    "2027-01-03", "2027-01-04"]}]}
    assert town.holidays.import_holidays(json.dumps(schedule, ensure_ascii=False))[1] == 1
    after = town.cases.get(case_no)
    assert after.extra["deadline_provisional"] is False and after.deadline != before.deadline
    v.sync.import_bundle(town.sync.export_to(pair.stick, for_code=pair.village.code).path)
    back = v.cases.get(case_no)
    assert (back.deadline, back.extra["deadline_provisional"]) == (after.deadline, False)
