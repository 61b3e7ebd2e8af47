"""A shared PC left alone: after the idle time set in 设置 the window asks for a
sign-in (the last clerk offered first) before anything else can be done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

# what counts as someone at the keyboard
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.TouchBegin}


class IdleLock(QObject):
    def __init__(self, minutes: int, lock: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.timer.stop()
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    def stop(self) -> None:
        """The window is closing: no lock after it."""
        self.minutes = 0
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and not self.locked and self.minutes > 0:
            self.timer.start()
        return False

    def _fire(self) -> None:
        self.locked = True
        try:
            self._lock()
        finally:
            self.locked = False
            if self.minutes > 0:
                self.timer.start()
