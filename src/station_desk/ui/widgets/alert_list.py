"""A list of warnings, each coloured by how urgent it is (red: late, amber: due now,
grey: worth knowing) and, when a page deals with it, opened with a click, Enter or
Space."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...domain.duties import Duty, Level

OBJECT_NAMES = {Level.LATE: "alertLate", Level.DUE: "alertDue", Level.NOTE: "alertNote"}
MARKS = {Level.LATE: "⚠ ", Level.DUE: "⚠ ", Level.NOTE: "· "}


class AlertLine(QLabel):
    opened = Signal(str)

    def __init__(self, duty: Duty, tip: str) -> None:
        super().__init__(MARKS[duty.level] + duty.text)
        self.duty = duty
        self.setObjectName(OBJECT_NAMES[duty.level])
        self.setWordWrap(True)
        if duty.area:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.duty.area:
            self.opened.emit(self.duty.area)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.duty.area and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                              Qt.Key.Key_Space):
            self.opened.emit(self.duty.area)
            return
        super().keyPressEvent(event)


class AlertList(QWidget):
    """`show(duties)` puts the late ones first, then what is due, then notes."""

    opened = Signal(str)  # the area of the warning clicked

    def __init__(self, area_labels: dict[str, str]) -> None:
        super().__init__()
        self.area_labels = area_labels
        self.lines: list[AlertLine] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def show_duties(self, duties: list[Duty]) -> None:
        for line in self.lines:
            self._layout.removeWidget(line)
            line.deleteLater()
        order = list(Level)
        self.lines = []
        for duty in sorted(duties, key=lambda d: order.index(d.level)):
            label = self.area_labels.get(duty.area, "")
            line = AlertLine(duty, self.tr("打开“%1”").replace("%1", label) if label else "")
            line.opened.connect(self.opened)
            self._layout.addWidget(line)
            self.lines.append(line)
        self.setVisible(bool(duties))

    def texts(self, level: Level | None = None) -> list[str]:
        return [line.duty.text for line in self.lines if level in (None, line.duty.level)]

    def text(self) -> str:
        """Every warning as shown, one a line."""
        return "\n".join(line.text() for line in self.lines)
