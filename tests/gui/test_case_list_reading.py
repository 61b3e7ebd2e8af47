"""The case list's pages read behind the painting: a jump deep into a million cases
read by offset on the UI thread stalled the window 115-400 ms a scroll step."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, Qt
from tests.gui.test_cases_ui import LONG_AGO, recent, register

from station_desk.services.desk import Desk
from station_desk.ui.cases import model as case_model
from station_desk.ui.cases.model import PLACEHOLDER, CaseListModel
from station_desk.ui.cases.page import CasesPage

PAGE = 20
PAINTED_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                 Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.CheckStateRole)


@pytest.fixture
def hundred(village: Desk, monkeypatch) -> Desk:
    """100 cases, every third received long ago (overdue); pages of 20."""
    monkeypatch.setattr(case_model, "PAGE_SIZE", PAGE)
    village.session.sign_in("张丽", "222222")
    for i in range(100):
        register(village, f"赵{'秀英建国志平春梅'[i % 8]}{i}", serial=i,
                 when=LONG_AGO + timedelta(minutes=i) if i % 3 == 0 else recent(200 - i))
    return village


def painted(model: CaseListModel, row: int, column: int) -> dict[int, object]:
    """What the view's delegate gets for a cell (Qt's multiData, as a paint asks)."""
    asked = [QModelRoleData(role) for role in PAINTED_ROLES]
    for one in asked:
        model.multiData(model.index(row, column), one)
    return {one.role(): one.data() for one in asked if one.data() is not None}


def expected(desk: Desk, row: int, column: int) -> dict[int, object]:
    """The same cell read at once, by a model that reads on the UI thread."""
    direct, everything = CaseListModel(desk), desk.cases.make_filter()
    direct.set_filter(everything)
    direct.set_total(everything, desk.cases.count(everything))  # a long list counted
    index = direct.index(row, column)
    return {role.value: direct.data(index, role) for role in PAINTED_ROLES
            if direct.data(index, role) is not None}


def test_a_page_painted_far_down_is_read_in_the_runner_then_shows_its_rows(
        qtbot, hundred: Desk) -> None:
    model = CaseListModel(hundred, read_behind=True)
    model.set_filter(hundred.cases.make_filter())
    shown: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: shown.append((a.row(), b.row())))
    # the first screen shows at once
    assert painted(model, 0, 0) == expected(hundred, 0, 0)
    # a jump to row 50 (page 2): "…" now, nothing read on the UI thread
    loads = model.loads
    assert painted(model, 50, 0) == {Qt.ItemDataRole.DisplayRole.value: PLACEHOLDER}
    assert painted(model, 50, CaseListModel.COL_LEFT) == {}
    assert model.loads == loads
    # that page and the next (a screen spans two at most) arrive together; only the
    # rows painted as "…" are repainted (the view repaints all it shows on any change)
    qtbot.waitUntil(lambda: {2, 3} <= set(model.cached_pages()))
    assert shown == [(40, 59)]
    for row in (50, 75):
        for column in (0, CaseListModel.COL_NAME, CaseListModel.COL_LEFT):
            assert painted(model, row, column) == expected(hundred, row, column)
    # the page after them is read ahead, by keyset, before it is scrolled to: no repaint
    qtbot.waitUntil(lambda: 4 in model.cached_pages())
    qtbot.wait(20)
    assert shown == [(40, 59)]
    assert painted(model, 95, 0) == expected(hundred, 95, 0)


def test_painting_gives_what_data_gives_for_every_role(qtbot, hundred: Desk) -> None:
    model = CaseListModel(hundred)
    model.set_filter(hundred.cases.make_filter())
    for row in (0, 1, 33, 99):
        for column in range(model.columnCount()):
            assert painted(model, row, column) == expected(hundred, row, column)
    overdue = painted(model, 0, CaseListModel.COL_LEFT)
    assert overdue[Qt.ItemDataRole.BackgroundRole.value] == case_model.OVERDUE_TINT
    assert overdue[Qt.ItemDataRole.ForegroundRole.value] == case_model.OVERDUE_TEXT
    assert str(overdue[Qt.ItemDataRole.DisplayRole.value]).startswith("逾期")


def test_a_page_read_for_the_filter_before_is_dropped(qtbot, hundred: Desk) -> None:
    """Typing a search while a far page is being read: its rows are not the new list's."""
    model = CaseListModel(hundred, read_behind=True)
    model.set_filter(hundred.cases.make_filter())
    assert painted(model, 50, 0)[Qt.ItemDataRole.DisplayRole.value] == PLACEHOLDER
    model.set_filter(hundred.cases.make_filter(search="赵秀"))
    qtbot.wait(300)  # the old read delivers meanwhile
    assert model.cached_pages() == []
    want = [hundred.cases.page(hundred.cases.make_filter(search="赵秀"), limit=PAGE)[i].case_no
            for i in range(model.rowCount())]
    assert [painted(model, r, 0)[Qt.ItemDataRole.DisplayRole.value]
            for r in range(model.rowCount())] == want


def test_the_page_list_scrolled_to_the_end_and_after_a_filter_change(
        qtbot, hundred: Desk, monkeypatch) -> None:
    monkeypatch.setattr(case_model, "QUICK_COUNT", 30)
    page = CasesPage(hundred)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.refresh()
    assert page.count.text() == "30 件以上，正在统计…"
    qtbot.waitUntil(lambda: not page.count_pending)
    assert page.count.text() == "共 100 件" and page.model.rowCount() == 100
    # scrolled to the end: the rows there arrive from the runner
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: 4 in page.model.cached_pages())
    last = page.model.index(99, 0)
    qtbot.waitUntil(lambda: page.table.visualRect(last).isValid())
    assert painted(page.model, 99, 0) == expected(hundred, 99, 0)
    # another filter: the list starts afresh with its own rows, selection by keyboard
    page.quick.setCurrentIndex(page.quick.findData("overdue"))
    overdue = hundred.cases.count(hundred.cases.make_filter(overdue=True))
    assert page.count_pending and page.model.rowCount() == 30
    qtbot.waitUntil(lambda: not page.count_pending)
    assert page.model.rowCount() == overdue == 34 and page.count.text() == "共 34 件"
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.selected_case_no() is not None)
    assert page.selected_case_no() == page.model.case_at(overdue - 1).case_no
    assert page.model.index(0, 0).parent() == QModelIndex()


def test_a_jump_skips_from_the_nearest_page_read_and_finds_the_same_rows(
        qtbot, hundred: Desk, monkeypatch) -> None:
    """A jump deep into a million cases skipped them all from the start (~400 ms)."""
    asked: list[tuple[object, int]] = []
    real_page = hundred.cases.page

    def recording_page(f, *, limit, after=None, offset=0):
        asked.append((after, offset))
        return real_page(f, limit=limit, after=after, offset=offset)

    monkeypatch.setattr(hundred.cases, "page", recording_page)
    model = CaseListModel(hundred)
    model.set_filter(hundred.cases.make_filter())
    assert model.case_at(45) is not None  # page 2, from the start: nothing read before
    assert asked == [(None, 40)]
    model.case_at(90)  # page 4: from just after page 2, page 3 skipped
    assert asked[-1] == (hundred.cases.paging_key(model.case_at(59)), 20)
    model.case_at(10)  # page 0: nothing before it, from the start
    assert asked[-1] == (None, 0)
    everything = real_page(hundred.cases.make_filter(), limit=100)
    assert [model.case_at(r).case_no for r in range(100)] == [c.case_no for c in everything]


def test_the_days_left_column_fits_a_case_years_overdue(qtbot, village: Desk) -> None:
    """A ten-year archive has cases 1,972 working days late: "逾期 1972 个工…" was cut off."""
    from station_desk.ui.cases.list_rows import left_text

    village.session.sign_in("张丽", "222222")
    page = CasesPage(village)
    qtbot.addWidget(page)
    metrics = page.table.fontMetrics()
    assert page.table.columnWidth(CaseListModel.COL_LEFT) > \
        metrics.horizontalAdvance(left_text(-1972)) + 8


@pytest.fixture
def filled(monkeypatch) -> list[object]:
    """The filters every case list was given, in order."""
    given: list[object] = []
    real = CaseListModel.set_filter
    monkeypatch.setattr(CaseListModel, "set_filter",
                        lambda model, *a: (given.append(a[0]), real(model, *a))[1])
    return given


def shown_window(qtbot, desk: Desk):  # -> MainWindow
    from station_desk.ui.main_window import MainWindow

    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_opening_fills_the_list_once_after_the_page_has_painted(
        qtbot, hundred: Desk, filled: list[object]) -> None:
    window = shown_window(qtbot, hundred)
    window.go_to("办件")
    page = window.stack.currentWidget()
    assert isinstance(page, CasesPage)
    assert filled == [] and page.model.rowCount() == 0  # not in the turn that made it
    qtbot.waitUntil(lambda: page.model.rowCount() == 100)
    qtbot.wait(20)
    assert len(filled) == 1 and page.count.text() == "共 100 件"


def test_a_first_opening_from_a_card_shows_that_list_at_once(
        qtbot, hundred: Desk, filled: list[object]) -> None:
    window = shown_window(qtbot, hundred)
    window.open_list("办件", "overdue")
    page = window.cases
    assert page.model.total == 34 and page.quick.currentData() == "overdue"
    asked = len(filled)
    qtbot.wait(30)  # the first opening's own fill: the card's list is kept, not reset
    assert len(filled) == asked and page.model.total == 34


def test_opened_again_unchanged_the_list_is_not_read_again_but_starts_at_the_top(
        qtbot, hundred: Desk, filled: list[object]) -> None:
    page = CasesPage(hundred)
    qtbot.addWidget(page)
    page.refresh()
    assert len(filled) == 1
    page.table.selectRow(40)
    page.table.scrollTo(page.model.index(90, 0))
    page.refresh()  # opened again, nothing written
    assert len(filled) == 1
    assert page.selected_case_no() is None and page.table.verticalScrollBar().value() == 0
    assert page.count.text() == "共 100 件"
    # a case registered meanwhile (the window's own connection): read afresh
    new = register(hundred, "钱新来", serial=500, when=recent(1))
    page.refresh()
    assert len(filled) == 2 and page.model.rowCount() == 101
    assert new in [page.model.case_at(r).case_no for r in range(101)]
    # written by another connection (a runner job, a sync import): read afresh too
    with hundred.store.own_connection(writes=True):
        register(hundred, "孙别处", serial=501, when=recent(1))
    page.refresh()
    assert len(filled) == 3 and page.model.rowCount() == 102
    # another filter, then back: read again (the filter differs from the one shown)
    page.search.setText("钱新来")
    page.apply_filter()
    assert page.model.rowCount() == 1
