"""今日: each card opens the list behind it; overdue red, due soon amber."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from tests.gui.test_cases_ui import register

from station_desk.services.desk import Desk
from station_desk.ui.cases.page import QUICK_OVERDUE
from station_desk.ui.main_window import MainWindow


def test_overdue_card_is_red_and_opens_the_overdue_list(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "2222")
    register(village, "王秀英", when=datetime.now().astimezone() - timedelta(days=60))
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    today = window.today
    today.refresh()
    assert today.overdue.value.property("danger") is True
    assert today.overdue.value.property("warn") is False
    assert today.received.value.property("danger") is not True
    qtbot.mouseClick(today.overdue, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.cases
    assert window.cases.quick.currentData() == QUICK_OVERDUE
    assert window.cases.model.total == 1


def test_a_card_opens_from_the_keyboard(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "2222")
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    window.today.refresh()
    qtbot.keyClick(window.today.appointments, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.appointments
