"""An area not built yet says so honestly instead of showing fake data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class NotYetPage(QWidget):
    def __init__(self, title: str, what: str, meanwhile: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        body = QLabel(self.tr("“%1”功能尚未开放。").replace("%1", title) + "\n\n" + what
                      + "\n\n" + self.tr("在此之前：") + meanwhile)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(body)
        layout.addStretch()
