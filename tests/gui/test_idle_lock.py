"""A shared PC left alone asks for a sign-in before anything else is done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

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
        qtbot.keyClick(window, Qt.Key.Key_A)
    assert locked == []
    qtbot.waitUntil(lambda: bool(locked), timeout=2000)


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
