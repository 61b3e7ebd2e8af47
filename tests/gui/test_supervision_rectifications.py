"""督导: a village's 差评, imported with its rectification deadline, shows on the
board as open and — past the deadline — overdue, in red; the figure opens the
差评 behind it, and a row opens its case."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from station_desk.db import journal
from station_desk.domain.cases import Status
from station_desk.domain.service import Rating
from station_desk.ui.jobs import wait_for
from station_desk.ui.supervision import dialogs as figure_dialogs
from station_desk.ui.supervision import page as board_page
from station_desk.ui.supervision.dialogs import FigureDialog
from station_desk.ui.supervision.model import FIGURE_COLUMNS, RectificationsModel
from station_desk.ui.supervision.page import SupervisionPage
from town_stations import Place, register, town_with_village


@dataclass
class Rated:
    town: Place
    village: Place
    late_case: str
    open_case: str


@pytest.fixture
def rated(tmp_path: Path) -> Iterator[Rated]:
    town, village, stick = town_with_village(tmp_path)
    v = village.desk
    cases = []
    for n, person in ((1, "陈德福"), (2, "刘桂兰")):
        case_no = register(village, n, person, proxy=False)
        v.cases.advance(case_no, Status.COMPLETED)
        v.complaints.rate(case_no, Rating.UNSATISFIED, note="等了很久")
        cases.append(case_no)
    # the first one's deadline passed without a call-back
    [late] = v.complaints.ratings_of(cases[0])
    with v.db.atomic():
        journal.update(v.db, "ratings", late.id, {"rectify_due": "2026-11-20"},
                       v.session.actor)
    town.desk.sync.import_bundle(v.sync.export_to(stick).path)
    yield Rated(town, village, *cases)
    for p in (town, village):
        p.desk.close()


def test_board_shows_open_and_overdue_rectifications(qtbot, qtmodeltester, rated: Rated,
                                                     monkeypatch) -> None:
    page = SupervisionPage(rated.town.desk)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    wait_for(page.refresh())  # the board is read in the runner
    code = rated.village.code
    [row] = [i for i, r in enumerate(page.board._rows) if r.code == code]
    columns = {f: c for c, f in FIGURE_COLUMNS.items()}
    assert page.board.text(row, columns["bad_ratings_open"]) == "2"
    assert page.board.text(row, columns["bad_ratings_overdue"]) == "1"
    assert page.board.needs_action(row, columns["bad_ratings_overdue"])  # red
    assert page.board.HEADERS[columns["bad_ratings_overdue"]] == "差评整改逾期"
    assert "差评超过整改期限未回访整改：西沟村便民服务站 1 个" in page.summary.text()
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(board_page, "open_figure",
                        lambda _p, c, _n, figure: opened.append((c, figure)))
    page._open(page.board.index(row, columns["bad_ratings_overdue"]))
    assert opened == [(code, "bad_ratings_overdue")]
    # behind the figures: the 差评 themselves, the late one in red
    every = FigureDialog(rated.town.desk, code, "西沟村便民服务站", "bad_ratings_open", page)
    qtbot.addWidget(every)
    assert isinstance(every.model, RectificationsModel)
    qtmodeltester.check(every.model)
    texts = every.model.texts()
    assert [t[0] for t in texts] == [rated.late_case, rated.open_case]  # oldest deadline first
    assert texts[0][6:8] == ["2026-11-20", "整改逾期"] and every.model.is_marked(0, 7)
    assert texts[1][7] == "整改中" and not every.model.is_marked(1, 7)
    late = FigureDialog(rated.town.desk, code, "西沟村便民服务站", "bad_ratings_overdue", page)
    qtbot.addWidget(late)
    assert [t[0] for t in late.model.texts()] == [rated.late_case]
    assert late.windowTitle() == "西沟村便民服务站：超过整改期限的差评"
    shown: list[str] = []
    monkeypatch.setattr(figure_dialogs, "open_case", lambda _p, _d, case_no: shown.append(case_no))
    late._open(late.model.index(0, 0))
    assert shown == [rated.late_case]


def test_the_towns_today_says_how_many_village_rectifications_are_overdue(
        qtbot, rated: Rated) -> None:
    from station_desk.ui.today.page import TodayPage

    page = TodayPage(rated.town.desk)
    qtbot.addWidget(page)
    wait_for(page.refresh())  # counted in the runner
    card = page.village_complaints
    assert card.value.text() == "0 / 2"
    assert card.note.text() == "其中差评整改逾期 1 个，详见“督导”"
    assert card.value.property("danger") is True
    # the village's 差评 are not the town's own: no "超过整改期限" duty of its own
    assert rated.town.desk.complaints.overdue_rectifications() == []
