"""A shared PC left alone: after the idle time set in 设置 the window asks for a
sign-in (the last clerk offered first) before anything else can be done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

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
        # Keys and clicks reach the program through its top-level windows, so
        # watching each window that gets the keyboard sees them all. Not the
        # whole application: its filter runs Python for every event (~15 per key
        # typed), each waiting for the interpreter behind any background job.
        self._watching = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)
            self._watching = True
            self._watch(app.focusWindow())

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: Qt drops an earlier install

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self.timer.stop()
        if minutes > 0:
            self.timer.start(minutes * 60_000)

    def stop(self) -> None:
        """The window is closing: no lock after it."""
        self.minutes = 0
        self.timer.stop()
        app = QGuiApplication.instance()
        if self._watching and isinstance(app, QGuiApplication):
            # once: a window closed twice (a test, a quit during a close) stops twice
            self._watching = False
            app.focusWindowChanged.disconnect(self._watch)

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
