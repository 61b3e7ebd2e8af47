"""督导 at a town with three villages (one complete, one with a lost bundle,
one silent): the board shows every village worst first, each figure opens the
cases behind it, a village's case opens read-only, the case list separates the
centre's own work, the papers are written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from station_desk.domain.station import StationKind
from station_desk.ui.cases.detail import CaseDetailDialog
from station_desk.ui.cases.page import CasesPage
from station_desk.ui.jobs import wait_for
from station_desk.ui.main_window import MainWindow
from station_desk.ui.supervision import page as board_page
from station_desk.ui.supervision.dialogs import FigureDialog
from station_desk.ui.supervision.model import FIGURE_COLUMNS
from station_desk.ui.supervision.page import SupervisionPage
from town_stations import TOWN, Place, open_station, register, town_with_villages

A, B, C = "610922101201", "610922101202", "610922101203"


@pytest.fixture
def town(tmp_path: Path) -> Iterator[Place]:
    town, places, stick = town_with_villages(tmp_path)
    a, b, _ = places
    register(a, 1)
    register(a, 2, "陈德福", proxy=False)
    town.desk.sync.import_bundle(a.desk.sync.export_to(stick).path)
    register(b, 3, "赵小红")
    b.desk.sync.export_to(stick)  # lost
    register(b, 1, "王秀英")  # the same person and item as at 西沟村
    town.desk.sync.import_bundle(b.desk.sync.export_to(stick).path)
    register(town, 9, "郑大姐", proxy=False)
    yield town
    for p in (town, *places):
        p.desk.close()


def test_board_shows_every_village_and_opens_the_cases(qtbot, qtmodeltester, town: Place, boxes,
                                                       monkeypatch, tmp_path: Path,
                                                       runs_in_job) -> None:
    page = SupervisionPage(town.desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    wait_for(page.refresh())
    qtmodeltester.check(page.board)
    qtmodeltester.check(page.duplicates)
    texts = page.board.texts()
    assert [t[0] for t in texts][0] == "南坪村便民服务站" and texts[0][1] == "从未报送"
    by = {r.code: i for i, r in enumerate(page.board._rows)}
    assert texts[by[B]][6] and page.board.needs_action(by[B], 6)  # its gap, in red
    assert "从未报送：南坪村便民服务站" in page.summary.text()
    assert page.duplicates.rowCount() == 1
    qtmodeltester.check(page.people)
    assert {r.station_code for r in page.people.records()} == {A, B}  # the person view
    assert "1 人" in page.people_tabs.tabText(1)
    # a figure opens the very cases the board counted
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(board_page, "open_figure",
                        lambda _p, code, _n, figure: opened.append((code, figure)))
    overdue_col = next(c for c, f in FIGURE_COLUMNS.items() if f == "open")
    page._open(page.board.index(by[A], overdue_col))
    assert opened == [(A, "open")]
    dialog = FigureDialog(town.desk, A, "西沟村便民服务站", "open", page)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == int(texts[by[A]][overdue_col]) == 2
    # and the board goes to paper
    seen = runs_in_job(town.desk, town.desk.supervision, "write_board")
    monkeypatch.setattr(board_page, "choose_report_path", lambda *_a: str(tmp_path / "b.xlsx"))
    written = wait_for(page.export_board())
    assert written is not None and written.exists() and seen == [True]


def test_the_board_is_read_in_the_runner(qtbot, town: Place, runs_in_job) -> None:
    seen = runs_in_job(town.desk, town.desk.supervision, "people_across_stations")
    page = SupervisionPage(town.desk)
    qtbot.addWidget(page)
    job = page.refresh()
    assert page.people.rowCount() == 0  # the window did not wait for it
    wait_for(job)
    assert seen == [True] and page.people.rowCount() > 0


def test_a_village_case_opens_without_actions(qtbot, town: Place) -> None:
    [case] = [c for c in town.desk.cases.page(town.desk.cases.make_filter(station=A),
                                              limit=10) if c.proxy]
    dialog = CaseDetailDialog(town.desk, case.case_no)
    qtbot.addWidget(dialog)
    assert dialog.status_buttons == {} and dialog.read_only
    assert not dialog.print_button.isVisibleTo(dialog)
    assert not dialog.proxy_button.isVisibleTo(dialog)


def test_case_list_separates_the_centres_own_work(qtbot, qtmodeltester, town: Place) -> None:
    page = CasesPage(town.desk)
    qtbot.addWidget(page)
    wait_for(page.refresh())
    qtmodeltester.check(page.model)
    assert page.model.total == 4
    assert page.model.headerData(page.model.COL_STATION, _horizontal()) == "站点"
    page.show_station(TOWN)
    assert page.model.total == 1
    assert page.model.index(0, page.model.COL_STATION).data() == "本中心"
    page.show_station(A)
    assert page.model.total == 2


def test_the_board_is_only_at_a_town(qtbot, town: Place, tmp_path: Path) -> None:
    window = MainWindow(town.desk)
    qtbot.addWidget(window)
    assert "督导" in window.area_names()
    village = open_station(tmp_path / "v", StationKind.VILLAGE, "610922101209", "北山村", TOWN)
    other = MainWindow(village.desk)
    qtbot.addWidget(other)
    assert "督导" not in other.area_names()
    village.desk.close()


def _horizontal():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_overdue_proxied_tab_opens_the_case(qtbot, town: Place, monkeypatch) -> None:
    from station_desk.ui.supervision import dialogs
    from station_desk.ui.sync.page import SyncPage

    page = SyncPage(town.desk)
    qtbot.addWidget(page)
    wait_for(page.refresh())
    records = page.overdue_model.records()
    assert records and [r.days_over for r in records] == sorted(
        (r.days_over for r in records), reverse=True)
    opened: list[str] = []
    monkeypatch.setattr(dialogs, "open_case", lambda _p, _d, case_no: opened.append(case_no))
    page.tabs.show_tab(page.overdue_box)  # its table is made when first shown
    page.overdue.doubleClicked.emit(page.overdue_model.index(0, 0))
    assert opened == [records[0].case_no]
