"""今日: each card and warning opens the list behind it; late red, due amber, notes
neutral; the sync and backup duties are among the day's tasks."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from tests.gui.test_cases_ui import register

from station_desk.domain.duties import Duty, Level
from station_desk.services.desk import Desk
from station_desk.ui.cases.page import QUICK_OVERDUE
from station_desk.ui.jobs import wait_for
from station_desk.ui.main_window import MainWindow
from station_desk.ui.widgets import palette
from station_desk.ui.widgets.alert_list import AlertList


def test_overdue_card_is_red_and_opens_the_overdue_list(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    register(village, "王秀英", when=datetime.now().astimezone() - timedelta(days=60))
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    today = window.today
    wait_for(today.refresh())  # counted in the runner
    assert today.overdue.value.property("danger") is True
    assert today.overdue.value.property("warn") is False
    assert today.received.value.property("danger") is not True
    qtbot.mouseClick(today.overdue, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.cases
    assert window.cases.quick.currentData() == QUICK_OVERDUE
    assert window.cases.model.total == 1


def test_a_card_opens_from_the_keyboard(qtbot, village: Desk) -> None:
    village.session.sign_in("张丽", "222222")
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    wait_for(window.today.refresh())
    qtbot.keyClick(window.today.appointments, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.appointments


def test_warnings_red_amber_neutral_in_the_palette_colours(qtbot, program_style) -> None:
    alerts = AlertList({"sync": "同步"})
    qtbot.addWidget(alerts)
    alerts.show_duties([Duty(Level.NOTE, "知道就好"), Duty(Level.DUE, "今天要做", "sync"),
                        Duty(Level.LATE, "已经晚了")])
    shown = {line.duty.text: line for line in alerts.lines}
    assert [line.duty.level for line in alerts.lines] == [Level.LATE, Level.DUE, Level.NOTE]
    for text, colour in (("已经晚了", palette.DANGER), ("今天要做", palette.WARNING),
                         ("知道就好", palette.SECONDARY)):
        shown[text].ensurePolished()
        assert shown[text].palette().color(QPalette.ColorRole.WindowText) == QColor(colour)


def test_today_lists_sync_and_backup_duties_and_they_open_their_page(
        qtbot, clerk_window: MainWindow, village: Desk) -> None:
    window = clerk_window
    register(village, "王秀英", when=datetime.now().astimezone() - timedelta(days=60))
    today = window.today
    wait_for(today.refresh())
    late = today.alerts.texts(Level.LATE)
    assert any("已超过承诺办结日期" in t for t in late)
    assert any(t.startswith("备份到U盘") for t in late)  # never copied off this disk
    assert any("还没有信任镇中心" in t for t in today.alerts.texts(Level.DUE))
    backup_line = next(line for line in today.alerts.lines if line.duty.area == "archive")
    qtbot.mouseClick(backup_line, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.archive
    window.go_to("今日")
    sync_line = next(line for line in window.today.alerts.lines if line.duty.area == "sync")
    sync_line.setFocus()
    qtbot.keyClick(sync_line, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.sync


def test_the_first_supplement_reminders_are_listed_and_the_rest_counted(
        qtbot, village: Desk) -> None:
    """A big archive can hold thousands: 今日 lists the earliest five, one line
    says how many more, and it opens 办件's attention list."""
    village.session.sign_in("张丽", "222222")
    long_ago = datetime.now().astimezone() - timedelta(days=30)
    for n in range(4, 11):  # seven waiting, every notice limit passed
        register(village, f"王秀{n}", serial=n, complete=False, when=long_ago)
    window = MainWindow(village)
    qtbot.addWidget(window)
    window.show()
    today = window.today
    wait_for(today.refresh())
    late = today.alerts.texts(Level.LATE)
    assert sum("补正材料通知书须在" in t for t in late) == 5
    more = [line for line in today.alerts.lines if line.duty.text.startswith("另有 2 件补正告知")]
    assert len(more) == 1 and more[0].duty.area == "cases/attention"
