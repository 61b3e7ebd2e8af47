"""Figures, daily sheets and monthly reports (services/reports.py, db/stats_repo.py,
services/workbook.py, print/reports.py) checked against a data set whose every
number is worked out by hand below.

The data set. October cases are registered with fixed past times; what the
desk stamps "now" (completions, ratings, complaints, appointments) happens
today, so it is counted in today's figures, not October's.

  October 2026 (received 14th/15th, 10:00)
    a  08-01 即办件 养老保障   done on the spot at intake → 已办结 at its receipt time,
                              so on the spot; rated 非常满意 today
    b  08-01 即办件 养老保障   not done → 已受理, due 10-14 → overdue
    c  02-03 即办件 农业林业   withdrawn today → 已撤回 (not counted as an 即办件)
    d  08-02 承诺件 养老保障   10 working days → due 10-28, completed today → late;
                              rated 不满意 today
    e  03-02 承诺件 营商管理   帮办代办 (李明), 10 working days → due 10-29, open → overdue
    f  07-08 承诺件 兜底保障   materials missing → 待补正 (no promised date, not overdue)
    after-hours: 10-14 17:30–18:25 (55 min, 3 people), 10-15 17:30–19:00 (90 min, 2)
  today (received now)
    g  08-01 即办件 养老保障   done on the spot → on the spot; rated 基本满意
    h  08-02 承诺件 养老保障   completed now, due in 10 working days → on time
    i  05-01 即办件 创业就业   帮办代办, steps through to 已送达申请人, then completed
    two complaints received, one closed; three appointments: served, no-show, cancelled
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

from station_desk.domain.cases import Applicant, Case, ProxyStep, Status
from station_desk.domain.errors import UserError
from station_desk.domain.periods import day_bounds, month_bounds
from station_desk.domain.report_rows import SUMMARY_HEADERS
from station_desk.domain.service import ApptStatus, Rating
from station_desk.domain.station import Role, StationKind
from station_desk.domain.stats import Figures, rate_text
from station_desk.services.appointments import ApptInput
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk, StaffInput

STATION = "西沟村便民服务站"
D1 = date(2026, 10, 14)  # a Wednesday
D2 = date(2026, 10, 15)
OCTOBER = month_bounds("2026-10")
POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")

pytestmark = pytest.mark.skipif(date.today() < date(2026, 11, 2),
                                reason="the data set puts October 2026 in the past")


def at(day: date, hh: int = 10) -> datetime:
    return datetime.combine(day, time(hh)).astimezone()


def register(desk: Desk, code: str, when: datetime | None = None, *, on_spot: bool = False,
             proxy: bool = False, complete: bool = True, serial: int = 1) -> Case:
    from stdnum.cn import ric

    base = f"61092219650312{serial:03d}"
    item = desk.catalogue.item(code)
    names = tuple(m.name for m in item.materials)
    return desk.cases.register(CaseInput(
        item=code, applicant=Applicant(f"村民{serial}", base + ric.calc_check_digit(base + "0"),
                                       "13909151001", "西沟村一组"),
        received=names if complete else names[:1], done_on_spot=on_spot, proxy=proxy,
        proxy_agent="李明" if proxy else None, received_at=when)).case


@dataclass
class DataSet:
    desk: Desk
    cases: dict[str, Case]


@pytest.fixture
def data(village: Desk) -> DataSet:
    desk = village
    desk.session.sign_in("王建国", "123456")
    c: dict[str, Case] = {}
    c["a"] = register(desk, "08-01", at(D1), on_spot=True, serial=1)
    c["b"] = register(desk, "08-01", at(D1, 11), serial=2)
    c["c"] = register(desk, "02-03", at(D2), serial=3)
    c["d"] = register(desk, "08-02", at(D1, 14), serial=4)
    c["e"] = register(desk, "03-02", at(D2, 11), proxy=True, serial=5)
    c["f"] = register(desk, "07-08", at(D2, 15), complete=False, serial=6)
    desk.after_hours.record(D1, "17:30", "18:25", ["王建国", "张丽"], 3)
    desk.after_hours.record(D2, "17:30", "19:00", ["李明"], 2)
    # today
    desk.cases.advance(c["c"].case_no, Status.WITHDRAWN, "申请人撤回申请")
    desk.cases.advance(c["d"].case_no, Status.COMPLETED)
    c["g"] = register(desk, "08-01", on_spot=True, serial=7)
    c["h"] = register(desk, "08-02", serial=8)
    desk.cases.advance(c["h"].case_no, Status.COMPLETED)
    c["i"] = register(desk, "05-01", proxy=True, serial=9)
    for step in (ProxyStep.COLLECTED, ProxyStep.SUBMITTED, ProxyStep.RESULT_BACK,
                 ProxyStep.DELIVERED):
        desk.cases.proxy_step(c["i"].case_no, step)
    desk.cases.advance(c["i"].case_no, Status.COMPLETED)
    for key, level in (("a", Rating.VERY_SATISFIED), ("d", Rating.UNSATISFIED),
                       ("g", Rating.BASIC)):
        desk.complaints.rate(c[key].case_no, level)
    closed = desk.complaints.receive(complainant="刘桂兰", phone="13909151003",
                                     matter="窗口无人")
    for text in ("已调查", "已整改", "已电话反馈"):
        desk.complaints.advance(closed.complaint_no, text)
    desk.complaints.receive(complainant="陈德福", phone="13909151002", matter="排队太久")
    calendar = desk.calendar.current()
    today = date.today()
    workday = calendar.is_workday(today) if calendar.knows(today.year) else today.weekday() < 5
    for n, outcome in enumerate((ApptStatus.SERVED, ApptStatus.NO_SHOW, ApptStatus.CANCELLED)):
        booked = desk.appointments.book(ApptInput(
            applicant=Applicant(f"预约人{n}", "", "1390915100" + str(n), "西沟村一组"),
            item="08-02", at=datetime.now().astimezone(), kind="窗口" if workday else "节假日",
            staff="张丽"))
        desk.appointments.record_outcome(booked.appointment.appt_no, outcome)
    return DataSet(desk, {k: desk.cases.get(v.case_no) for k, v in c.items()})


# -- the figures -----------------------------------------------------------------------

def test_the_data_set_is_what_the_docstring_says(data: DataSet) -> None:
    c = data.cases
    assert [c[k].status for k in "abcdefghi"] == [
        Status.COMPLETED, Status.ACCEPTED, Status.WITHDRAWN, Status.COMPLETED, Status.ACCEPTED,
        Status.SUPPLEMENT, Status.COMPLETED, Status.COMPLETED, Status.COMPLETED]
    # the promised dates the overdue and on-time counts rely on
    assert c["b"].deadline == D1
    assert c["d"].deadline is not None and c["d"].deadline < date.today()
    assert c["e"].deadline is not None and c["e"].deadline < date(2026, 11, 1)
    assert c["f"].deadline is None
    assert c["h"].deadline is not None and c["h"].deadline > date.today()


def test_october_counts_what_was_received_in_october(data: DataSet) -> None:
    f = data.desk.reports.figures(*OCTOBER)
    assert (f.first, f.last, f.station) == (date(2026, 10, 1), date(2026, 10, 31), STATION)
    assert f.received == 6
    assert f.by_category == {"养老保障": 3, "农业林业": 1, "营商管理和服务": 1, "兜底保障": 1}
    assert f.by_type == {"即办件": 3, "承诺件": 3}
    assert f.by_status == {"已办结": 2, "已受理": 2, "已撤回": 1, "待补正": 1}
    assert list(f.by_category)[0] == "养老保障"  # largest first
    # a and b are 即办件 (c was withdrawn); a was finished at the desk, b is still open
    assert (f.immediate, f.immediate_on_spot) == (2, 1)
    assert f.on_spot_rate == 0.5
    # nothing promised was finished in October: no rate rather than 0 % or 100 %
    assert (f.promised_done, f.promised_on_time, f.on_time_rate) == (0, 0, None)
    assert f.overdue_open == 2  # b and e
    assert (f.proxy_received, f.proxy_open, f.proxy_delivered) == (1, 1, 0)
    assert (f.after_hours_sessions, f.after_hours_minutes, f.after_hours_served) == (2, 145, 5)
    assert (f.appts_served, f.appts_missed, f.appts_cancelled) == (0, 0, 0)
    assert (f.complaints_received, f.complaints_closed, f.complaints_open) == (0, 0, 0)
    assert (f.ratings, f.satisfaction_rate) == (0, None)
    assert f.period_label == "2026年10月01日—2026年10月31日"


def test_today_counts_finishing_rating_and_service(data: DataSet) -> None:
    today = date.today()
    f = data.desk.reports.figures(today, today)
    assert f.received == 3  # g, h, i
    assert f.by_category == {"养老保障": 2, "创业就业": 1}
    assert f.by_type == {"即办件": 2, "承诺件": 1}
    assert f.by_status == {"已办结": 3}
    assert (f.immediate, f.immediate_on_spot, f.on_spot_rate) == (2, 2, 1.0)
    # d (received in October, late) and h (on time) were both finished today
    assert (f.promised_done, f.promised_on_time, f.on_time_rate) == (2, 1, 0.5)
    assert f.overdue_open == 2  # still b and e
    assert (f.proxy_received, f.proxy_open, f.proxy_delivered) == (1, 1, 1)
    assert (f.appts_served, f.appts_missed, f.appts_cancelled) == (1, 1, 1)
    assert (f.after_hours_sessions, f.after_hours_minutes) == (0, 0)
    assert (f.complaints_received, f.complaints_closed, f.complaints_open) == (2, 1, 1)
    assert (f.ratings, f.ratings_satisfied) == (3, 2)
    assert f.satisfaction_rate == pytest.approx(2 / 3)
    assert f.period_label == f"{today:%Y年%m月%d日}"


def test_a_longer_period_adds_up(data: DataSet) -> None:
    f = data.desk.reports.figures(date(2026, 10, 1), date.today())
    assert f.received == 9
    assert f.by_type == {"即办件": 5, "承诺件": 4}
    assert (f.immediate, f.immediate_on_spot) == (4, 3)
    assert (f.promised_done, f.promised_on_time) == (2, 1)
    assert (f.after_hours_sessions, f.after_hours_minutes, f.after_hours_served) == (2, 145, 5)


def test_an_empty_month_has_no_rates(data: DataSet) -> None:
    f = data.desk.reports.figures(*month_bounds("2026-09"))
    assert f.received == 0 and f.by_category == {} and f.by_status == {}
    assert (f.on_spot_rate, f.on_time_rate, f.satisfaction_rate) == (None, None, None)
    assert rate_text(f.on_spot_rate) == "—（无数据）"
    assert rate_text(0.5) == "50.0%"


def test_period_refusals(village: Desk) -> None:
    with pytest.raises(UserError, match="结束日期"):
        village.reports.figures(date(2026, 10, 2), date(2026, 10, 1))
    with pytest.raises(UserError, match="YYYY-MM"):
        month_bounds("2026/10")
    with pytest.raises(UserError, match="YYYY-MM-DD"):
        day_bounds("10-14")
    assert month_bounds("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_bounds("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))
    assert day_bounds("2026-10-14") == (D1, D1)


def test_a_case_due_today_is_not_overdue_yet(village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    register(village, "08-01")  # 即办件 not finished: promised for today
    today = date.today()
    assert village.cases.count(village.cases.make_filter(overdue=True)) == 0
    assert village.reports.figures(today, today).overdue_open == 0


def test_town_mode_lists_each_station_then_the_total(desk: Desk) -> None:
    desk.station.setup(kind=StationKind.TOWN1, code="610922101000", name="城关镇便民服务中心",
                       staff=[StaffInput("王建国", Role.HEAD, "123456")])
    desk.session.sign_in("王建国", "123456")
    register(desk, "08-01", on_spot=True)
    today = date.today()
    rows = desk.reports.per_station(today, today)
    assert [r.station for r in rows] == ["城关镇便民服务中心", "合计"]
    assert [r.received for r in rows] == [1, 1]
    assert rows[-1].on_spot_rate == 1.0


# -- the workbook --------------------------------------------------------------------

def _figures_cell_map(row: tuple[object, ...]) -> dict[str, object]:
    return dict(zip(SUMMARY_HEADERS, row, strict=False))


def test_workbook_has_real_numbers_percentages_and_dates(data: DataSet, tmp_path: Path) -> None:
    first, last = date(2026, 10, 1), date.today()
    path = data.desk.reports.write(tmp_path / "月报.xlsx", first, last, "月度工作报表")
    assert path == tmp_path / "月报.xlsx"
    assert not list(tmp_path.glob("*.partial"))
    wb = load_workbook(path)
    assert wb.sheetnames == ["概况", "按类别", "按办件类型", "按状态", "服务"]
    ws = wb["概况"]
    assert STATION in str(ws["A1"].value) and "月度工作报表" in str(ws["A1"].value)
    assert tuple(c.value for c in ws[2]) == SUMMARY_HEADERS
    row = _figures_cell_map(tuple(c.value for c in ws[3]))
    assert row["站点"] == STATION
    for name, expected in (("收件", 9), ("即办件", 4), ("当场办结", 3), ("承诺件办结", 2),
                           ("按期办结", 1), ("在办逾期", 2), ("帮办代办收件", 2),
                           ("代办在办", 1), ("代办送达", 1)):
        assert row[name] == expected and type(row[name]) is int, name
    cells = {h: c for h, c in zip(SUMMARY_HEADERS, ws[3], strict=False)}
    for name, share in (("当场办结率", 0.75), ("按期办结率", 0.5), ("满意率", 2 / 3)):
        cell = cells[name]
        assert isinstance(cell.value, float) and cell.value == pytest.approx(share), name
        assert cell.number_format == "0.0%", name
    period = next(r for r in ws.iter_rows() if r[0].value == "统计期间")
    assert [c.value for c in period[1:3]] == [datetime(2026, 10, 1),
                                             datetime.combine(last, time())]
    assert all(isinstance(c.value, datetime) for c in period[1:3])
    targets = {r[0].value: r[1] for r in ws.iter_rows() if r[0].value in (
        "即办件当场办结率", "承诺件按期办结率", "满意率")}
    assert targets["满意率"].value == pytest.approx(0.98) and "%" in targets["满意率"].number_format

    categories = wb["按类别"]
    assert [c.value for c in categories[2]] == ["类别", "件数", "占比"]
    body = [[c.value for c in r] for r in categories.iter_rows(min_row=3)]
    assert body[0] == ["养老保障", 5, pytest.approx(5 / 9)]
    assert {r[0]: r[1] for r in body} == {"养老保障": 5, "农业林业": 1, "营商管理和服务": 1,
                                          "兜底保障": 1, "创业就业": 1}
    assert categories["C3"].number_format == "0.0%"
    service = {r[0].value: r[1].value for r in wb["服务"].iter_rows(min_row=3)}
    assert service["延时服务：分钟"] == 145 and service["投诉：受理"] == 2
    assert service["满意度评价：满意（含基本满意）"] == 2


def test_workbook_of_an_empty_month_says_no_data(village: Desk, tmp_path: Path) -> None:
    path = village.reports.write(tmp_path / "九月.xlsx", *month_bounds("2026-09"), "月度工作报表")
    ws = load_workbook(path)["概况"]
    row = _figures_cell_map(tuple(c.value for c in ws[3]))
    assert row["收件"] == 0
    # not measured: empty cells (a number column holds no "—" text), and said so
    assert row["当场办结率"] is row["按期办结率"] is row["满意率"] is None
    assert any("无可统计的数据" in str(c.value) for c in ws["A"])


def test_report_file_names(village: Desk, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=".pdf 或 .xlsx"):
        village.reports.write(tmp_path / "报表.docx", D1, D1, "每日办件统计表")
    assert not list(tmp_path.glob("报表*"))
    # the suffix decides, whatever its case
    assert village.reports.write(tmp_path / "A.XLSX", D1, D1, "日报").exists()


# -- the PDF -------------------------------------------------------------------------

def _run(tool: str, pdf: Path) -> str:
    args = [tool, str(pdf), "-"] if tool == "pdftotext" else [tool, str(pdf)]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@needs_poppler
def test_pdf_report_prints_the_station_and_its_rates(data: DataSet, tmp_path: Path) -> None:
    path = data.desk.reports.write(tmp_path / "月报.pdf", *OCTOBER, "月度工作报表")
    assert path.read_bytes().startswith(b"%PDF-")
    text = _run("pdftotext", path)
    squeezed = "".join(text.split())
    for expected in (STATION, "月度工作报表", "当场办结率", "按期办结率", "满意率",
                     "2026年10月01日—2026年10月31日", "养老保障", "0.0%"):
        assert expected in squeezed, expected
    # nothing promised finished and nobody rated in October: no rate is printed as 100 %
    assert "100.0%" not in squeezed


def _fonts(path: Path) -> list[list[str]]:
    return [line.split() for line in _run("pdffonts", path).splitlines()[2:] if line.strip()]


@needs_poppler
def test_pdf_report_embeds_the_chinese_font(data: DataSet, tmp_path: Path) -> None:
    path = data.desk.reports.write(tmp_path / "日报.pdf", date.today(), date.today(), "日报")
    cjk = [f for f in _fonts(path) if "NotoSansSC" in f[0]]
    assert cjk, "the Chinese font is not in the PDF"
    for row in cjk:
        assert row[-5:-3] == ["yes", "yes"], f"not embedded as a subset: {row}"


@needs_poppler
def test_pdf_report_embeds_every_font(village: Desk, tmp_path: Path) -> None:
    path = village.reports.write(tmp_path / "日报.pdf", D1, D1, "日报")
    for row in _fonts(path):
        assert row[-5:-3] == ["yes", "yes"], f"not embedded: {row}"


def test_figures_are_plain_values() -> None:
    f = Figures(first=D1, last=D1, station="x", immediate=3, immediate_on_spot=3,
                ratings=50, ratings_satisfied=49)
    assert f.on_spot_rate == 1.0 and f.satisfaction_rate == pytest.approx(0.98)
    assert f.on_time_rate is None
