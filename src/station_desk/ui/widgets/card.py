"""A figure card (the 今日 page, 统计): a caption, a big value, a note under it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout


class Card(QFrame):
    """`show_value(warn=True)` shows the value in amber (due soon, to check),
    `danger=True` in red (overdue, a missed legal deadline). A card with somewhere to
    go emits `opened` on a click, Enter or Space."""

    opened = Signal()

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.caption = QLabel(title)
        self.caption.setObjectName("cardTitle")
        self.value = QLabel("—")
        self.value.setObjectName("cardValue")
        self.note = QLabel("")
        self.note.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def make_link(self, tip: str) -> None:
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(tip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.opened.emit()
            return
        super().keyPressEvent(event)

    def show_value(self, value: str, note: str = "", warn: bool = False,
                   danger: bool = False) -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.value.setProperty("warn", warn and not danger)
        self.value.setProperty("danger", danger)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)
