"""统计 in the window: rates against targets, periods, report export, a town's stations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from archive_helpers import register
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from station_desk.domain.service import Rating
from station_desk.domain.station import Role, StationKind
from station_desk.services.desk import Desk, StaffInput
from station_desk.ui.jobs import wait_for
from station_desk.ui.statistics import page as statistics
from station_desk.ui.statistics.model import FiguresModel
from station_desk.ui.statistics.page import StatisticsPage

NO_DATA = "—（无数据）"


def test_no_cases_means_no_rates_not_zero(qtbot, stats: StatisticsPage) -> None:
    wait_for(stats.set_period(statistics.PERIOD_TODAY))
    qtbot.waitUntil(lambda: not stats.chart_pending)  # drawn in the turn after
    for card in (stats.on_spot, stats.on_time, stats.satisfaction):
        assert card.value.text() == NO_DATA
        assert not card.below
    assert stats.received.value.text() == "0"
    assert stats.chart_data() == {}
    assert "没有收件" in stats.chart.title()
    assert stats.per_station.isHidden()  # a village: no per-village table


def test_rates_and_their_targets(qtbot, stats: StatisticsPage, qtmodeltester) -> None:
    desk = stats.desk
    on_spot = register(desk, "08-01", serial=1)
    register(desk, "05-01", serial=2)
    desk.complaints.rate(on_spot, Rating.UNSATISFIED)
    wait_for(stats.set_period(statistics.PERIOD_TODAY))
    qtbot.waitUntil(lambda: not stats.chart_pending)
    assert stats.on_spot.value.text() == "100.0%" and not stats.on_spot.below
    assert "当场办结 2 件" in stats.on_spot.note.text()
    assert stats.on_time.value.text() == NO_DATA  # nothing promised was finished
    assert stats.satisfaction.value.text() == "0.0%"
    assert stats.satisfaction.below and "b91c1c" in stats.satisfaction.value.styleSheet()
    assert stats.received.value.text() == "2"
    assert stats.chart_data() == {"养老保障": 1, "创业就业": 1}
    assert stats.table_texts(stats.by_type) == [["即办件", "2", "100.0%"]]
    assert stats.table_texts(stats.by_status) == [["已办结", "2", "100.0%"]]
    qtmodeltester.check(stats.model_of(stats.by_type))


def test_rates_below_their_target_are_red_and_the_total_bold(qtbot, qtmodeltester) -> None:
    model = FiguresModel()
    model.set_table(["站点", "满意率", "件数"], [["甲站", 0.5, 3], ["合计", 1.0, None]],
                    total_row=True)
    assert model.texts() == [["甲站", "50.0%", "3"], ["合计", "100.0%", "—"]]
    assert model.is_marked(0, 1) and not model.is_marked(1, 1) and not model.is_marked(0, 2)
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole) is None
    qtmodeltester.check(model)


def test_periods(stats: StatisticsPage) -> None:
    register(stats.desk, serial=1)
    wait_for(stats.set_period(statistics.PERIOD_LAST_MONTH))
    assert stats.figures is not None and stats.figures.received == 0
    assert not stats.first_edit.isEnabled()
    first, last = stats.bounds()
    assert first.day == 1 and last < date.today().replace(day=1)
    wait_for(stats.set_period(statistics.PERIOD_MONTH))
    assert stats.bounds() == (date.today().replace(day=1), date.today())
    assert stats.figures is not None and stats.figures.received == 1
    wait_for(stats.set_period(statistics.PERIOD_CUSTOM, date(2026, 1, 1), date.today()))
    assert stats.first_edit.isEnabled()
    assert stats.bounds() == (date(2026, 1, 1), date.today())
    # an end before the start moves the start along, never a refusal box
    stats.last_edit.setDate(stats.first_edit.date().addDays(-1))
    first, last = stats.bounds()
    assert first == last == date(2025, 12, 31)


def test_export_reports_through_the_chosen_path(stats: StatisticsPage, boxes, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    register(stats.desk, serial=1)
    asked: list[str] = []

    def choose(_parent: object, caption: str, suggested: str) -> str:
        asked.append(caption + "|" + suggested)
        return str(tmp_path / ("月报.xlsx" if "月度" in caption else "日报.pdf"))

    monkeypatch.setattr(statistics, "choose_report_path", choose)
    wait_for(stats.set_period(statistics.PERIOD_MONTH))
    written = wait_for(stats.export_month())
    assert written == tmp_path / "月报.xlsx" and written.exists()
    assert str(written) in boxes.said[-1] and not boxes.warnings
    assert "月度工作报表" in asked[-1] and asked[-1].endswith(f"{date.today():%Y-%m}.pdf")
    wb = load_workbook(written)
    assert wb.sheetnames[0] == "概况" and wb["概况"]["B3"].value == 1
    day = wait_for(stats.export_day())
    assert day == tmp_path / "日报.pdf" and day.read_bytes().startswith(b"%PDF-")
    assert "每日办件统计表" in asked[-1]
    # cancelled: nothing written, nothing said
    monkeypatch.setattr(statistics, "choose_report_path", lambda *_a: "")
    count = len(boxes.said)
    assert stats.export_day() is None and len(boxes.said) == count


def test_export_refusal_is_shown(stats: StatisticsPage, boxes, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statistics, "choose_report_path",
                        lambda *_a: str(tmp_path / "no-such-dir" / "x" / "报表.pdf"))
    wait_for(stats.set_period(statistics.PERIOD_TODAY))
    assert wait_for(stats.export_day()) is None
    assert boxes.warnings  # the storage error, in words


def test_town_shows_each_station_and_the_total(qtbot, qtmodeltester, desk: Desk) -> None:
    desk.station.setup(kind=StationKind.TOWN1, code="610922101000", name="城关镇便民服务中心",
               staff=[StaffInput("王建国", Role.HEAD, "123456")])
    desk.session.sign_in("王建国", "123456")
    register(desk, serial=1)
    page = StatisticsPage(desk)
    qtbot.addWidget(page)
    wait_for(page.set_period(statistics.PERIOD_TODAY))
    assert not page.per_station.isHidden()
    rows = page.table_texts(page.per_station)
    assert [r[0] for r in rows] == ["城关镇便民服务中心", "合计"]
    assert rows[-1][1] == "1" and rows[-1][4] == "100.0%"
    model = page.model_of(page.per_station)
    assert model.data(model.index(len(rows) - 1, 0), Qt.ItemDataRole.FontRole).bold()
    qtmodeltester.check(model)
