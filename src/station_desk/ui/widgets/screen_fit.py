"""Every window opens inside the screen it appears on, buttons included.

The station PC is usually a 1366×768 laptop with the Windows taskbar at the
bottom, or a 1920×1080 screen at 125 %/150 % (1536×864 / 1280×720 logical). A
dialog asks for the size it would like; it gets at most what the available
screen area holds, less the title bar and frame the window system adds.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

# Windows 10/11 frame and title bar at 150 %: what frameGeometry adds before a window is shown.
FRAME_ALLOWANCE = QSize(16, 46)
GEOMETRY_KEY = "window/geometry"


def available_area(widget: QWidget) -> QRect:
    """The screen area free of taskbars where `widget` (or its parent) is shown."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room_for(widget: QWidget) -> QSize:
    """The largest client size whose frame still fits the available area."""
    return available_area(widget).size() - FRAME_ALLOWANCE


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size `widget` to the wished width × height, shrunk to the screen, and centre it."""
    area = available_area(widget)
    room = room_for(widget)
    size = QSize(min(width, room.width()), min(height, room.height()))
    widget.resize(size)
    parent = widget.parentWidget()
    centre = parent.window().frameGeometry().center() if parent else area.center()
    top_left = centre - QPoint(size.width() // 2, size.height() // 2)
    # keep the whole frame (title bar included) on the screen
    last_x = area.x() + area.width() - size.width() - FRAME_ALLOWANCE.width()
    last_y = area.y() + area.height() - size.height() - FRAME_ALLOWANCE.height()
    widget.move(max(area.x(), min(top_left.x(), last_x)),
                max(area.y(), min(top_left.y(), last_y)))


def restore_main_geometry(window: QMainWindow) -> None:
    """The size the clerk left the window at; maximized the first time."""
    saved = QSettings().value(GEOMETRY_KEY)
    if isinstance(saved, QByteArray) and window.restoreGeometry(saved):
        if available_area(window).intersects(window.frameGeometry()):
            return
    fit_to_screen(window, 1280, 760)
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember_main_geometry(window: QMainWindow) -> None:
    QSettings().setValue(GEOMETRY_KEY, window.saveGeometry())
