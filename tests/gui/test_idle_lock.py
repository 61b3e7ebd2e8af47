"""A shared PC left alone asks for a sign-in before anything else is done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from station_desk.services.desk import Desk
from station_desk.ui import main_window
from station_desk.ui.main_window import MainWindow
from station_desk.ui.setup.sign_in import SignInDialog


@pytest.fixture
def window(clerk_window: MainWindow) -> MainWindow:
    return clerk_window


def test_default_is_ten_minutes_and_a_setting(window: MainWindow, village: Desk) -> None:
    assert window.idle_lock.minutes == 10
    assert window.idle_lock.timer.interval() == 10 * 60_000
    village.session.sign_in("王建国", "123456")
    village.station.set_setting("idle_lock_minutes", 0)
    assert village.station.setting("idle_lock_minutes") == 0


def test_idle_asks_the_last_clerk_first_then_another_may_sign_in(
        qtbot, window: MainWindow, village: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str | None, object]] = []

    def ask(w: MainWindow, prefer: str | None = None) -> bool:
        asked.append((prefer, village.session.signed_in))  # nobody is signed in meanwhile
        village.session.sign_in("李明", "111111")
        return True

    monkeypatch.setattr(main_window, "sign_in_again", ask)
    window.idle_lock.set_minutes(1)
    window.idle_lock.timer.setInterval(30)
    qtbot.waitUntil(lambda: bool(asked), timeout=2000)
    assert asked == [("张丽", None)]
    assert "李明" in window.clerk_label.text()


def test_activity_keeps_it_unlocked_and_silence_locks(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    locked: list[bool] = []
    monkeypatch.setattr(main_window, "sign_in_again",
                        lambda _w, _p=None: locked.append(True) or True)
    window.idle_lock.timer.setInterval(400)
    window.idle_lock.timer.start()
    for _ in range(6):  # someone typing: 900 ms of keys, never 400 ms apart
        qtbot.wait(150)
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_A)  # as the system sends keys
    assert locked == []
    qtbot.waitUntil(lambda: bool(locked), timeout=2000)


def test_a_dialogs_keys_count_and_other_events_are_not_watched(
        qtbot, window: MainWindow) -> None:
    """Only what reaches a window the clerk uses is looked at: an event sent to a
    widget inside (paints, timers, a key forwarded there) never runs the lock's
    filter, which would slow every event behind background work."""
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    timer = window.idle_lock.timer
    timer.setTimerType(Qt.TimerType.PreciseTimer)  # remainingTime() to the ms
    timer.setInterval(60_000)
    timer.start()
    qtbot.wait(200)
    QApplication.sendEvent(window.clerk_label, QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
    assert timer.remainingTime() < 59_900  # not started again
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert timer.remainingTime() > 59_900  # a key in the dialog is someone there


def test_cancelling_the_sign_in_closes_the_window(qtbot, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "sign_in_again", lambda _w, _p=None: False)
    window.lock()
    assert not window.isVisible()


def test_sign_in_dialog_offers_the_last_clerk(qtbot, village: Desk) -> None:
    dialog = SignInDialog(village)
    qtbot.addWidget(dialog)
    dialog.offer_first("李明")
    assert dialog.chosen is not None and dialog.chosen.name == "李明"


def test_a_lock_stopped_twice_disconnects_once(window: MainWindow) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # PySide warns (or raises) on a second disconnect
        window.idle_lock.stop()
        window.idle_lock.stop()  # a window closed twice: nothing left to disconnect
    assert window.idle_lock.minutes == 0 and not window.idle_lock.timer.isActive()
