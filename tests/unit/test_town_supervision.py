"""The town supervises three villages: one complete, one with a lost bundle
(a gap), one that never reported. The board, the case list and the overdue
figures agree; the new tables travel; the town acts only on cases handed over;
the same person at two villages is found."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from station_desk.domain.cases import Applicant, ProxyStep, Status
from station_desk.domain.errors import NotAllowed
from station_desk.domain.notices import NoticeKind
from station_desk.domain.service import Rating
from station_desk.domain.supervision import BOARD_HEADERS, Silence
from station_desk.services.appointments import ApptInput
from station_desk.sync.merge import check_record
from town_stations import (
    TOWN,
    Place,
    id_number,
    register,
    town_with_villages,
)

A, B, C = "610922101201", "610922101202", "610922101203"
LATER = date(2027, 1, 20)  # the November cases are long overdue by then


@dataclass
class Town:
    town: Place
    a: Place
    b: Place
    c: Place
    stick: Path
    lost: Path  # B's first bundle, never brought to the town


def next_workday(place: Place) -> datetime:
    """9:00 on the next working day (appointments are booked ahead)."""
    day = date.today() + timedelta(days=1)
    while not place.desk.calendar.current().is_workday(day):
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, 9, 0)


def export(place: Place, stick: Path) -> Path:
    return place.desk.sync.export_to(stick).path


@pytest.fixture
def three(tmp_path: Path) -> Iterator[Town]:
    town, places, stick = town_with_villages(tmp_path)
    a, b, c = places
    # A: complete, with what the manual counts besides cases
    register(a, 1)
    done = register(a, 2, "陈德福", proxy=False)
    a.desk.cases.advance(done, Status.COMPLETED)
    a.desk.complaints.rate(done, Rating.UNSATISFIED)
    a.desk.complaints.receive(complainant="刘桂兰", phone="13909150000", matter="窗口无人")
    a.desk.appointments.book(ApptInput(Applicant("张三", id_number(9), "13909150001"),
                                       "08-02", next_workday(a), staff="李明"))
    a.desk.after_hours.record(date(2026, 11, 3), "17:30", "18:20", ["李明"], 2)
    town.desk.sync.import_bundle(export(a, stick))
    # B: its first bundle is lost on the way, the second arrives
    register(b, 3, "赵小红")
    lost = export(b, stick)
    register(b, 4, "孙大伟")
    town.desk.sync.import_bundle(export(b, stick))
    yield Town(town, a, b, c, stick, lost)
    for p in (town, *places):
        p.desk.close()


def board(t: Town, today: date | None = None) -> dict[str, object]:
    return {r.code: r for r in t.town.desk.supervision.villages(today)}


def test_every_trusted_village_is_on_the_board_worst_first(three: Town) -> None:
    rows = three.town.desk.supervision.villages()
    assert [r.code for r in rows][0] == C  # never reported: first
    silent, *_ = rows
    assert silent.silence == Silence.NEVER and silent.days_silent is None
    assert silent.last_export_at is None and silent.open == 0 and not silent.reported
    by = {r.code: r for r in rows}
    assert by[A].silence == Silence.ON_TIME and by[A].days_silent == 0
    assert by[A].missing == [] and by[A].last_export_at and by[A].last_import_at
    assert by[A].complaints_open == 1 and by[A].bad_ratings_open == 1
    assert by[A].ratings == 1 and by[A].satisfaction == 0.0
    assert by[A].holds["catalogue"] == three.town.desk.supervision.catalogue_holds()[
        "catalogue"]
    assert by[C].satisfaction is None  # nothing measured: never shown as 0 %
    # B: what arrived and what is missing, named without contradiction
    lost_to = three.town.desk.db.execute(
        "SELECT MIN(seq_from) - 1 FROM sync_imports WHERE from_code = ?", [B]).fetchone()[0]
    assert by[B].missing == [(1, lost_to)]
    assert by[B].received[0][0] == lost_to + 1


def test_silence_is_measured_against_the_cadence(three: Town) -> None:
    later = date.today().toordinal() + 10
    rows = board(three, date.fromordinal(later))
    assert rows[A].silence == Silence.LATE  # 10 days, weekly cadence  # type: ignore[attr-defined]
    three.town.desk.station.set_setting("village_report_days", 14)
    rows = board(three, date.fromordinal(later))
    assert rows[A].silence == Silence.ON_TIME  # type: ignore[attr-defined]
    rows = board(three, date.fromordinal(later + 30))
    assert rows[A].silence == Silence.SILENT  # type: ignore[attr-defined]


def test_board_figures_agree_with_the_case_list(three: Town) -> None:
    town = three.town.desk
    for code, row in board(three, LATER).items():
        for figure in ("open", "overdue", "due_soon", "overdue_proxied"):
            listed = town.cases.page(town.supervision.figure_filter(code, figure, LATER),
                                     limit=100)
            assert getattr(row, figure) == len(listed), (code, figure)
            assert all(c.station_code == code for c in listed)
    assert board(three, LATER)[A].overdue_proxied == 1  # type: ignore[attr-defined]
    late_ones = town.supervision.overdue_proxied(LATER)
    assert [c.station_code for c in late_ones].count(B) == 1  # its other case is lost
    assert [c.days_over for c in late_ones] == sorted((c.days_over for c in late_ones),
                                                      reverse=True)  # most overdue first
    [late] = [c for c in late_ones if c.station_code == A]
    case = town.cases.get(late.case_no)
    assert late.days_over == -town.cases.days_left(case, LATER) > 0  # working days
    assert late.deadline == case.deadline.isoformat()


def test_overdue_supplement_case_counts_its_notice_limit(three: Town) -> None:
    """A 待补正 case is measured against its 5-day notice limit, as the list does."""
    case_no = register(three.b, 5, "周明", received=())
    three.town.desk.sync.import_bundle(export(three.b, three.stick))
    case = three.town.desk.cases.get(case_no)
    assert case.status == Status.SUPPLEMENT and case.deadline is None
    [late] = [c for c in three.town.desk.supervision.overdue_proxied(LATER)
              if c.case_no == case_no]
    assert late.deadline == case.supplement_due.isoformat() and late.days_over > 0


def test_the_new_tables_travel_with_their_station(three: Town) -> None:
    db = three.town.desk.db
    for table in ("appointments", "after_hours", "complaints"):
        assert db.execute(f"SELECT station_code FROM {table}").fetchall() == [(A,)], table
    assert db.execute("SELECT COUNT(*) FROM ratings").fetchone()[0] == 1
    # the town's own desk does not show the village's records as its own
    assert three.town.desk.complaints.open_complaints() == []
    assert three.town.desk.appointments.day(next_workday(three.a).date()) == []
    assert three.town.desk.after_hours.sessions(date(2026, 11, 1), date(2026, 11, 30)) == []
    # idempotent: the same range again changes nothing; a change arrives as an update
    again = three.a.desk.sync.export_to(three.stick, again=True).path
    assert three.town.desk.sync.import_bundle(again).updated == 0
    [complaint] = three.a.desk.complaints.open_complaints()
    three.a.desk.complaints.advance(complaint.complaint_no, "已调查核实，向投诉人反馈")
    report = three.town.desk.sync.import_bundle(export(three.a, three.stick))
    assert report.by_table["complaints"]["updated"] == 1 and report.quarantined == []


def test_a_record_of_another_station_is_refused() -> None:
    reason = check_record("complaints", {"id": "x", "station_code": B}, None, None, {},
                          sender=A, me_code=TOWN, up=True)
    assert "不是发件站的记录" in reason
    assert check_record("complaints", {"id": "x", "station_code": A}, None, None, {},
                        sender=A, me_code=TOWN, up=True) == ""


def test_gaps_are_named_the_same_everywhere(three: Town) -> None:
    town = three.town.desk
    # an empty bundle still says the earlier numbers never arrived
    empty = town.sync.import_bundle(export(three.b, three.stick))
    assert empty.seq_from > empty.seq_to and empty.missing
    assert "没有缺号" not in empty.text()
    # several bundles in one import: every report names what is still missing
    register(three.b, 6, "钱多多")
    first = export(three.b, three.stick)
    register(three.b, 7, "吴一凡")
    second = export(three.b, three.stick)
    outcome = town.sync.import_many([second, first])
    assert [r.missing for r in outcome.reports] == [outcome.reports[0].missing] * 2
    assert outcome.reports[0].missing and all("尚未收到" in r.text() for r in outcome.reports)
    # the lost bundle arrives: nothing missing anywhere
    filled = town.sync.import_bundle(three.lost)
    assert filled.missing == [] and "没有缺号" in filled.text()
    [row] = [r for r in town.supervision.villages() if r.code == B]
    assert row.missing == [] and len(row.received) == 1


def test_the_town_acts_only_on_cases_handed_over(three: Town) -> None:
    town = three.town.desk
    [own_of_a] = [c for c in town.cases.page(town.cases.make_filter(station=A), limit=10)
                  if c.proxy]
    assert town.cases.read_only_reason(own_of_a)
    with pytest.raises(NotAllowed, match="尚未移交"):
        town.cases.advance(own_of_a.case_no, Status.NOT_ACCEPTED, "材料不符")
    with pytest.raises(NotAllowed):
        town.notices.issue(own_of_a.case_no, NoticeKind.ACCEPTANCE)
    with pytest.raises(NotAllowed):
        town.cases.proxy_step(own_of_a.case_no, ProxyStep.COLLECTED)
    assert town.cases.get(own_of_a.case_no).status == Status.ACCEPTED  # nothing changed
    # the agent brings it to the town: now the town handles it
    three.a.desk.cases.proxy_step(own_of_a.case_no, ProxyStep.COLLECTED)
    three.a.desk.cases.proxy_step(own_of_a.case_no, ProxyStep.SUBMITTED)
    town.sync.import_bundle(export(three.a, three.stick))
    handed = town.cases.get(own_of_a.case_no)
    assert town.cases.read_only_reason(handed) is None
    assert town.cases.advance(handed.case_no, Status.IN_PROGRESS).status == Status.IN_PROGRESS


def test_the_towns_own_work_is_apart_from_the_villages(three: Town) -> None:
    town = three.town.desk
    own = register(three.town, 20, "郑大姐", proxy=False, at=datetime.now())
    assert town.cases.today_counts()["open"] == 1
    assert [c.case_no for c in town.cases.page(town.cases.make_filter(station="own"),
                                               limit=10)] == [own]
    assert len(town.cases.page(town.cases.make_filter(station=B), limit=10)) == 1
    assert town.cases.supplement_warnings() == []  # a village's 补正 limit is not ours
    summary = town.supervision.summary()
    assert summary["villages"] == 3 and summary["never"] == 1 and summary["missing"] == 1


def test_the_same_person_at_two_villages(three: Town) -> None:
    town = three.town.desk
    register(three.b, 1, "王秀英")  # the same ID number and item as A's first case
    town.sync.import_bundle(export(three.b, three.stick))
    [pair] = town.supervision.duplicates()
    assert pair.id_number == id_number(1)
    assert {pair.first.station_code, pair.second.station_code} == {A, B}
    assert id_number(1) in town.supervision.people_across_stations()
    town.supervision.dismiss_duplicate(pair.first.case_no, pair.second.case_no, "两次不同申请")
    assert town.supervision.duplicates() == []
    assert id_number(1) in town.supervision.people_across_stations()  # still shown there


# -- reports and papers against the known data set ---------------------------------

def test_reports_cover_every_trusted_village(three: Town, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from station_desk.domain.report_rows import summary_row

    reports = three.town.desk.reports
    rows = reports.per_station(date(2026, 11, 1), date(2026, 11, 30))
    assert [r.station for r in rows] == ["城关镇便民服务中心", "西沟村便民服务站",
                                         "东岭村便民服务站", "南坪村便民服务站", "合计"]
    own, a, b, c, total = rows
    assert (own.received, a.received, b.received, total.received) == (0, 2, 1, 3)
    assert a.proxy_received == 1 and b.proxy_received == 1
    assert not c.reported and summary_row(c)[0] == "南坪村便民服务站（未报送）"
    assert summary_row(c)[1:] == [None] * (len(summary_row(c)) - 1)
    # December: A's complaint and its one 差评 arrived with its bundle
    today = date.today()
    dec = {r.station: r for r in reports.per_station(today.replace(day=1), today)}
    assert dec["西沟村便民服务站"].complaints_received == 1
    assert dec["西沟村便民服务站"].ratings == 1
    assert dec["西沟村便民服务站"].satisfaction_rate == 0.0
    assert dec["城关镇便民服务中心"].satisfaction_rate is None  # not measured, said so
    assert dec["城关镇便民服务中心"].complaints_received == 0  # not the village's
    # the statistics page's own figures are the centre's alone
    assert reports.figures(date(2026, 11, 1), date(2026, 11, 30)).received == 0
    path = reports.write(tmp_path / "十一月.xlsx", date(2026, 11, 1), date(2026, 11, 30),
                         "月度工作报表")
    ws = load_workbook(path)["概况"]
    silent = [r for r in ws.iter_rows(min_row=3, values_only=True)
              if str(r[0]).startswith("南坪村")]
    assert silent and all(v is None for v in silent[0][1:])


def test_monthly_ledger(three: Town, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from station_desk.domain.ledger import OnTime, mask_name

    ledger = three.town.desk.ledger
    own = register(three.town, 30, "郑大姐", proxy=False, item="08-01", on_spot=True,
                   at=datetime(2026, 11, 10, 10, 0))
    rows = ledger.rows("2026-11", today=LATER)
    assert [r.station_code for r in rows].count(A) == 2 and len(rows) == 4
    # late ones first; a past month is judged as at its end (1 December)
    assert [r.on_time for r in rows] == [OnTime.OVERDUE, OnTime.LATE, OnTime.OVERDUE,
                                         OnTime.ON_TIME]
    assert rows[-1].case_no == own and rows[-1].days_over is None
    assert rows[1].finished == date.today() and rows[1].applicant == mask_name("陈德福") == "陈*福"
    for r in (rows[0], rows[2]):
        case = three.town.desk.cases.get(r.case_no)
        assert r.days_over == -three.town.desk.cases.days_left(case, date(2026, 12, 1))
    path = ledger.write(tmp_path / "台账.xlsx", "2026-11", today=LATER)
    wb = load_workbook(path)
    ws = wb["台账"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$2:$2"
    body = list(ws.iter_rows(min_row=3, values_only=True))
    assert body[-1][10] is None and isinstance(body[0][10], int)  # empty, not "—"
    assert all(isinstance(r[5], datetime) for r in body)  # dates are dates
    summary = {r[0]: r for r in wb["各站汇总"].iter_rows(min_row=3, values_only=True)}
    assert summary["西沟村便民服务站"][1:8] == (2, 1, 0, 1, 1, 0, 0.0)
    assert summary["城关镇便民服务中心"][1:8] == (1, 1, 1, 0, 0, 0, 1.0)
    assert summary["南坪村便民服务站（未报送）"][1:] == (None,) * 7
    assert summary["合计"][1] == 4
    pdf = ledger.write(tmp_path / "台账.pdf", "2026-11", today=LATER).read_bytes()
    assert pdf.startswith(b"%PDF") and "王秀英".encode() not in pdf


def test_board_paper(three: Town, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    board_file = three.town.desk.supervision.write_board(tmp_path / "看板.xlsx")
    ws = load_workbook(board_file)["督导看板"]
    body = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in body][0] == "南坪村便民服务站" and body[0][1] == "从未报送"
    rate = BOARD_HEADERS.index("本月满意率")
    assert body[0][4] is None and body[0][rate] is None  # never reported, not measured
    assert ws.page_setup.orientation == "landscape"
    assert three.town.desk.supervision.write_board(tmp_path / "看板.pdf").stat().st_size > 1000
