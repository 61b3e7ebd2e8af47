"""How big the program's text is: the system's text size (Windows 设置 → 文本大小,
or the desktop's font setting) a notch larger for older eyes, times the clerk's
own zoom (设置 → 显示, or Ctrl + / Ctrl − / Ctrl 0), which this PC remembers."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QTableView, QWidget

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


class _OnFontChange(QObject):
    def __init__(self, widget: QWidget, resize: Callable[[], None]) -> None:
        super().__init__(widget)
        self._resize = resize
        self._due = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FontChange and not self._due:
            self._due = True  # a style sheet change sends several: size once, after them
            QTimer.singleShot(0, self, self._run)  # not after the widget is gone
        return False

    def _run(self) -> None:
        self._due = False
        self._resize()


def follow_text_size(widget: QWidget, resize: Callable[[], None]) -> None:
    """Call `resize` again whenever `widget`'s text size changes (zoom): column widths
    and row heights measured in characters stay in step with the text."""
    widget.installEventFilter(_OnFontChange(widget, resize))


def sized_columns(table: QTableView,
                  widths: Callable[[int, int], Mapping[int, int]]) -> None:
    """Column widths measured in characters — `widths(em, digit)` gives {column:
    pixels} from the width of 国 and of 0 — set now and again after every zoom."""
    def apply() -> None:
        table.ensurePolished()  # the style sheet's font size, not the default
        metrics = table.fontMetrics()
        for column, width in widths(metrics.horizontalAdvance("国"),
                                    metrics.horizontalAdvance("0")).items():
            table.setColumnWidth(column, width)

    apply()
    follow_text_size(table, apply)
