"""Comfort: the text size follows the system and the clerk's zoom; a menu bar with
the day's actions, their keys shown and Alt letters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel
from tests.gui.test_cases_ui import register

from station_desk.services.desk import Desk
from station_desk.ui.cases.model import CaseListModel
from station_desk.ui.main_window import MainWindow
from station_desk.ui.widgets import text_size


@pytest.fixture(autouse=True)
def normal_size(program_style: QApplication) -> Iterator[None]:
    QSettings().remove(text_size.ZOOM_KEY)
    yield
    QSettings().remove(text_size.ZOOM_KEY)


@pytest.fixture
def window(qtbot, clerk_window: MainWindow) -> MainWindow:
    qtbot.waitExposed(clerk_window)
    clerk_window.activateWindow()
    return clerk_window


def label_points(qtbot) -> float:
    label = QLabel("字")
    qtbot.addWidget(label)
    label.ensurePolished()
    return label.font().pointSizeF()


def test_text_follows_the_system_size(qtbot, qapp: QApplication,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_size, "system_point_size", lambda: 9.0)  # Windows' default
    assert text_size.apply_zoom(qapp, 100) == pytest.approx(10.5)  # 14 px at 96 dpi
    assert label_points(qtbot) == pytest.approx(10.5, abs=0.2)
    monkeypatch.setattr(text_size, "system_point_size", lambda: 12.0)  # 文本大小 enlarged
    assert text_size.apply_zoom(qapp, 100) == pytest.approx(14.0)
    assert label_points(qtbot) == pytest.approx(14.0, abs=0.2)


def test_ctrl_plus_minus_zero_zoom_and_are_remembered(qtbot, window: MainWindow) -> None:
    normal = label_points(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert text_size.saved_zoom() == 110
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert QSettings().value(text_size.ZOOM_KEY) in (125, "125")
    assert label_points(qtbot) == pytest.approx(normal * 1.25, abs=0.3)
    assert "125%" in window.statusBar().currentMessage()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert text_size.saved_zoom() == 110
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert text_size.saved_zoom() == 100
    assert label_points(qtbot) == pytest.approx(normal, abs=0.2)


def test_zoom_is_a_setting_on_this_pc(qtbot, window: MainWindow) -> None:
    window.go_to("设置")
    page = window.settings
    page.tabs.show_tab(page.display_page)  # made when first shown
    page.zoom.setCurrentIndex(page.zoom.findData(150))
    page.zoom.activated.emit(page.zoom.currentIndex())
    assert text_size.saved_zoom() == 150
    assert text_size.point_size(150) == pytest.approx(text_size.point_size(100) * 1.5, abs=0.1)


def test_menu_bar_offers_the_day_with_keys_and_letters(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["文件(&F)", "办件(&C)"]
    assert all("(&" in t for t in titles)
    actions = window.menu_actions
    assert actions["new_case"].shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert actions["find_case"].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert actions["print"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions["zoom_reset"].shortcut() == QKeySequence("Ctrl+0")
    assert "\tEnter" in actions["open_case"].text()
    for action in actions.values():
        assert "(&" in action.text() or action.text().startswith("&")


def test_ctrl_f_from_another_page_goes_to_the_search(qtbot, window: MainWindow) -> None:
    window.go_to("统计")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.cases
    assert QApplication.focusWidget() is window.cases.search


def test_ctrl_p_offers_the_selected_cases_notices(qtbot, window: MainWindow,
                                                 village: Desk) -> None:
    window.go_to("统计")
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.notice_menu is None
    assert "请先在办件列表中选中一件" in window.statusBar().currentMessage()
    case_no = register(village, "王秀英", complete=False)
    window.cases.land_on(case_no)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    menu = window.notice_menu
    assert menu is not None
    offered = [a.text() for a in menu.actions()]
    assert any("一次性告知" in t for t in offered), offered
    menu.close()


def test_lists_measured_in_characters_follow_the_zoom(qtbot, window: MainWindow) -> None:
    window.go_to("办件")
    table = window.cases.table
    column = CaseListModel.COL_NO
    before = table.columnWidth(column), table.verticalHeader().defaultSectionSize()
    window.go_to("延时服务")
    hours = window.after_hours.table
    hours_before = hours.columnWidth(0)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert text_size.saved_zoom() == 125
    qtbot.waitUntil(lambda: table.columnWidth(column) > before[0] * 1.15)
    assert table.verticalHeader().defaultSectionSize() > before[1]
    qtbot.waitUntil(lambda: hours.columnWidth(0) > hours_before * 1.15)
