"""Saving a PIN hashes it (most of a second on purpose): the dialogs that do it
save in the runner, so the window keeps answering, and meanwhile the dialog is
greyed out and cannot be closed, sent twice or left with the save lost."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from station_desk.domain import pin
from station_desk.services.desk import Desk
from station_desk.ui.jobs import wait_for
from station_desk.ui.settings.dialogs import NewPasswordDialog
from station_desk.ui.settings.page import AddStaffDialog
from station_desk.ui.widgets.dialog_job import SAVING


class HeldHasher(PasswordHasher):
    """Hashes only once the test lets it: the save is 'slow' for as long as needed."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.go = threading.Event()
        self.thread: str | None = None

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self.thread = threading.current_thread().name
        assert self.go.wait(10), "the test never let the hash finish"
        return super().hash(password, salt=salt)


@pytest.fixture
def head(village: Desk) -> Desk:
    village.session.sign_in("王建国", "123456")
    return village


@pytest.fixture
def held() -> Iterator[HeldHasher]:
    hasher = HeldHasher()
    previous = pin.use_hasher(hasher)
    yield hasher
    hasher.go.set()
    pin.use_hasher(previous)


def _reset_to(qtbot, head: Desk, new_pin: str) -> NewPasswordDialog:
    """The head's 重置密码 for 张丽, the new PIN typed twice and sent."""
    person = head.station.staff_named("张丽")
    assert person is not None
    dialog = NewPasswordDialog(head, person)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first.setText(new_pin)
    dialog.second.setText(new_pin)
    dialog.accept()
    return dialog


def test_a_reset_pin_is_hashed_off_the_ui_thread(qtbot, head: Desk, held: HeldHasher) -> None:
    dialog = _reset_to(qtbot, head, "864200")  # returns at once: the hash waits in the runner
    assert dialog.saving.busy and dialog.saving.label.text() == SAVING
    assert not dialog.first.isEnabled()
    dialog.close()  # the title bar's ✕
    QApplication.sendEvent(dialog, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                             Qt.KeyboardModifier.NoModifier))
    assert dialog.isVisible() and dialog.result() == 0
    dialog.accept()  # a second click sends nothing more
    held.go.set()
    wait_for(dialog.saving.job)
    assert held.thread != threading.main_thread().name
    assert dialog.result() == 1 and not dialog.isVisible()
    head.session.sign_out()
    assert head.session.sign_in("张丽", "864200").name == "张丽"


def test_a_refused_pin_leaves_the_dialog_usable(qtbot, head: Desk, boxes) -> None:
    dialog = _reset_to(qtbot, head, "12")
    wait_for(dialog.saving.job)
    assert "6 位" in boxes.warnings[-1]
    assert dialog.isVisible() and dialog.first.isEnabled() and not dialog.saving.busy
    assert dialog.saving.label.text() == ""


def test_a_new_staff_members_pin_is_saved_in_the_runner(qtbot, head: Desk) -> None:
    dialog = AddStaffDialog(head)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("赵红")
    dialog.pin.setText("135790")
    dialog.accept()
    assert dialog.saving.busy and dialog.result() == 0
    wait_for(dialog.saving.job)
    assert dialog.result() == 1
    head.session.sign_out()
    assert head.session.sign_in("赵红", "135790").name == "赵红"
