"""How big the program's text is: the system's text size (Windows 设置 → 文本大小,
or the desktop's font setting) a notch larger for older eyes, times the clerk's
own zoom (设置 → 显示, or Ctrl + / Ctrl − / Ctrl 0), which this PC remembers."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .style import style_sheet

ZOOM_KEY = "view/zoom_percent"
# the zoom levels Ctrl + and Ctrl − step through
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
NORMAL_ZOOM = 100
# Windows' default 9 pt (Segoe UI) becomes 10.5 pt = 14 px at 100 %, the size the
# program was drawn for; a larger system text size makes the program larger too
LARGER_THAN_SYSTEM = 7 / 6
SMALLEST_POINTS = 6.0


def system_point_size() -> float:
    """The platform's ordinary text size in points (unaffected by our own setFont)."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else 9.0


def saved_zoom() -> int:
    value = QSettings().value(ZOOM_KEY, NORMAL_ZOOM)
    try:
        percent = int(str(value))
    except ValueError:
        return NORMAL_ZOOM
    return percent if percent in ZOOM_STEPS else NORMAL_ZOOM


def point_size(zoom: int) -> float:
    return max(SMALLEST_POINTS, round(system_point_size() * LARGER_THAN_SYSTEM * zoom / 100, 1))


def apply_zoom(app: QApplication, zoom: int) -> float:
    """Draw every window at `zoom` percent; the point size used."""
    points = point_size(zoom)
    font = QFont(app.font())
    font.setPointSizeF(points)
    app.setFont(font)
    app.setStyleSheet(style_sheet(points))
    return points


def set_zoom(zoom: int) -> int:
    """Remember `zoom` (snapped to a step) on this PC and redraw; the zoom now in use."""
    snapped = min(ZOOM_STEPS, key=lambda step: abs(step - zoom))
    QSettings().setValue(ZOOM_KEY, snapped)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_zoom(app, snapped)
    return snapped


def zoom_in() -> int:
    now = saved_zoom()
    return set_zoom(next((s for s in ZOOM_STEPS if s > now), ZOOM_STEPS[-1]))


def zoom_out() -> int:
    now = saved_zoom()
    return set_zoom(next((s for s in reversed(ZOOM_STEPS) if s < now), ZOOM_STEPS[0]))


def zoom_reset() -> int:
    return set_zoom(NORMAL_ZOOM)
