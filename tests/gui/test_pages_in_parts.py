"""Pages made in parts (issue 12: no stall over 100 ms): the part the clerk sees
first is made with the page, the rest in a later event-loop turn; whichever comes
first, the part or the page's read, the part shows what was read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QHeaderView
from stdnum.cn import ric

from station_desk.domain.cases import Applicant
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.after_hours import page as after_hours_page
from station_desk.ui.after_hours.page import AfterHoursPage
from station_desk.ui.catalogue import page as catalogue_page
from station_desk.ui.catalogue.page import CataloguePage
from station_desk.ui.jobs import wait_for
from station_desk.ui.statistics import details as statistics_details
from station_desk.ui.statistics import page as statistics_page
from station_desk.ui.statistics.page import StatisticsPage
from station_desk.ui.supervision import page as supervision_page
from station_desk.ui.supervision.page import SupervisionPage
from town_stations import Place, register, town_with_villages

Later = list[Callable[[], object]]
ID_NUMBER = "61092219650312004" + ric.calc_check_digit("61092219650312004" + "0")


def one_case_today(desk: Desk) -> None:
    desk.session.sign_in("张丽", "222222")
    desk.cases.register(CaseInput(item="城乡居民养老保险待遇申领",
                                  applicant=Applicant("王秀英", ID_NUMBER),
                                  received=("居民身份证或户口簿",)))


def held_back(monkeypatch: pytest.MonkeyPatch, *modules: object) -> Later:
    """The page's later turns, run only when the test says."""
    steps: Later = []
    for module in modules:
        monkeypatch.setattr(module, "in_later_turn", lambda _owner, step: steps.append(step))
    return steps


@pytest.fixture
def town(tmp_path: Path) -> Iterator[Place]:
    town, places, stick = town_with_villages(tmp_path)
    a, b, _ = places
    register(a, 1)
    town.desk.sync.import_bundle(a.desk.sync.export_to(stick).path)
    register(b, 1, "王秀英")  # the same person and item at two villages
    town.desk.sync.import_bundle(b.desk.sync.export_to(stick).path)
    yield town
    for p in (town, *places):
        p.desk.close()


def test_statistics_counted_before_its_lower_half_is_made(
        qtbot, village: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    one_case_today(village)
    later = held_back(monkeypatch, statistics_page, statistics_details)
    page = StatisticsPage(village)
    qtbot.addWidget(page)
    assert not page.details_made()  # the cards first
    wait_for(page.refresh())
    assert page.figures is not None and not page.details_made()
    assert page.chart_pending  # counted, not drawn yet
    later.pop(0)()  # the lower half's turn
    assert page.details_made()
    assert page.table_texts(page.by_type)[0][0] == "承诺件"
    assert not page.per_station.isVisibleTo(page)  # a village: no villages' table
    later.pop(0)()  # and the chart's
    assert not page.chart_pending
    assert page.chart_data() == page.figures.by_category


def test_statistics_lower_half_made_first_is_filled_by_the_count(
        qtbot, village: Desk) -> None:
    one_case_today(village)
    page = StatisticsPage(village)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.details_made)  # made in a later turn on its own
    assert page.table_texts(page.by_type) == []
    wait_for(page.refresh())
    qtbot.waitUntil(lambda: not page.chart_pending)
    assert page.table_texts(page.by_type)[0][0] == "承诺件"
    assert page.chart_data() == page.figures.by_category


def test_the_towns_statistics_show_the_villages_table_in_the_later_part(
        qtbot, town: Place, monkeypatch: pytest.MonkeyPatch) -> None:
    later = held_back(monkeypatch, statistics_page)
    page = StatisticsPage(town.desk)
    qtbot.addWidget(page)
    wait_for(page.refresh())
    later.pop(0)()
    assert page.per_station.isVisibleTo(page) and page.town_title.isVisibleTo(page)
    names = [row[0] for row in page.table_texts(page.per_station)]
    assert "西沟村便民服务站" in names


def test_supervision_read_before_its_tabs_are_made(
        qtbot, town: Place, monkeypatch: pytest.MonkeyPatch) -> None:
    later = held_back(monkeypatch, supervision_page)
    page = SupervisionPage(town.desk)
    qtbot.addWidget(page)
    assert not page.people_part_made()  # the board first
    wait_for(page.refresh())
    assert page.board.rowCount() == 3 and not page.people_part_made()
    later.pop(0)()
    assert page.people_part_made()
    assert "（1 组）" in page.people_tabs.tabText(0) and page.dismiss_button.isEnabled()
    assert "（1 人）" in page.people_tabs.tabText(1)
    assert page.dup_table.model().rowCount() == 1


def test_supervision_tabs_made_first_get_the_read(qtbot, town: Place) -> None:
    page = SupervisionPage(town.desk)
    qtbot.addWidget(page)
    qtbot.waitUntil(page.people_part_made)
    assert page.people_tabs.tabText(0) == "" and page.people_tabs.tabText(1) == ""
    wait_for(page.refresh())
    assert "（1 组）" in page.people_tabs.tabText(0)
    assert "（1 人）" in page.people_tabs.tabText(1)


def test_fitted_tables_are_measured_per_filling_not_at_every_layout(
        qtbot, town: Place) -> None:
    page = SupervisionPage(town.desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    table = page.dup_table
    header = table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.sectionResizeMode(2) == QHeaderView.ResizeMode.Stretch
    wait_for(page.refresh())
    measured = max(table.sizeHintForColumn(0), header.sectionSizeHint(0))
    assert header.sectionSize(0) == measured  # measured when filled
    header.resizeSection(0, measured + 40)  # the clerk widens it
    page.resize(1300, 700)
    qtbot.wait(10)
    assert header.sectionSize(0) == measured + 40  # a layout keeps it


def test_the_catalogue_guide_is_made_after_the_list_and_shows_the_chosen_item(
        qtbot, village: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    later = held_back(monkeypatch, catalogue_page)
    page = CataloguePage(village)
    qtbot.addWidget(page)
    page.refresh()  # the list, its first item chosen
    assert page.model.rowCount() > 0 and not page.detail_made()
    later.pop(0)()
    chosen = page.selected()
    assert chosen is not None and page.detail_made()
    assert chosen.name in page.detail.toPlainText()
    page.table.selectRow(1)  # a later choice goes straight to the guide
    second = page.selected()
    assert second is not None and second.name in page.detail.toPlainText()


def test_the_after_hours_month_table_is_made_after_the_rest(
        qtbot, village: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    later = held_back(monkeypatch, after_hours_page)
    village.session.sign_in("张丽", "222222")
    page = AfterHoursPage(village)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.table_made() and "延时服务 <b>0</b> 次" in page.totals.text()
    later.pop(0)()
    assert page.table_made() and page.table.model() is page.model
    assert page.layout().indexOf(page.table) >= 0  # in the stand-in's place


def test_a_page_opened_from_the_list_is_filled_in_the_turn_after_its_first_paint(
        qtbot, clerk_window) -> None:
    window = clerk_window
    window.nav.setCurrentRow(window.area_names().index("服务事项"))
    page = window.stack.currentWidget()
    assert isinstance(page, CataloguePage)
    assert page.model.rowCount() == 0  # shown, not yet filled
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    qtbot.waitUntil(page.detail_made)
    assert "办理流程" in page.detail.toPlainText()
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(window.area_names().index("服务事项"))
    assert page.model.rowCount() > 0  # opened again: filled at once, as before


def test_code_asking_for_a_page_opened_this_turn_gets_it_filled(qtbot, clerk_window) -> None:
    window = clerk_window
    window.go_to("延时服务")
    assert window.after_hours.staff_boxes  # filled before it is used
    window.go_to("同步")
    assert window.sync.fingerprint.text()


def test_appointments_opened_from_the_list_are_filled_in_the_next_turn(
        qtbot, clerk_window) -> None:
    window = clerk_window
    window.nav.setCurrentRow(window.area_names().index("预约"))
    page = window.stack.currentWidget()
    assert page.today_label.text() == ""  # painted first
    qtbot.waitUntil(lambda: page.today_label.text() != "")
    assert "今天没有预约" in page.today_label.text()


def test_after_hours_opened_again_keeps_the_ticks_and_ticks_a_new_clerk(
        qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    page = AfterHoursPage(village)
    qtbot.addWidget(page)
    page.refresh()
    boxes = dict(page.staff_boxes)
    boxes["王建国"].setChecked(True)
    village.session.sign_in("李明", "111111")  # another clerk, the page opened again
    page.refresh()
    assert page.staff_boxes == boxes  # the same boxes, not made again
    assert set(page.chosen_staff()) == {"王建国", "李明", "张丽"}


def test_the_catalogue_opened_again_keeps_its_guide(qtbot, village: Desk) -> None:
    page = CataloguePage(village)
    qtbot.addWidget(page)
    page.refresh()
    guide = page.detail.toHtml()
    set_html: list[str] = []
    page.detail.textChanged.connect(lambda: set_html.append("x"))
    page.refresh()  # the same item, the same hours: not laid out again
    assert set_html == [] and page.detail.toHtml() == guide
    page.search.setText("养老")
    chosen = page.selected()
    assert chosen is not None and chosen.name in page.detail.toPlainText()
