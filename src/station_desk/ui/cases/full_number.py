"""The applicant's full ID number, shown on purpose in a dialog of its own.

The number lives only in this dialog: closing it leaves the masked one on the
case detail. That it was shown is already in the audit trail (services/viewing)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class FullNumberDialog(QDialog):
    # a shared PC: a number left open on screen closes by itself (before the idle lock)
    SHOW_MS = 60_000

    def __init__(self, case_no: str, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("完整身份证号（办件 %1）").replace("%1", case_no))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.number = QLabel(number)
        self.number.setObjectName("pageTitle")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setLetterSpacing(font.SpacingType.AbsoluteSpacing, 2)
        self.number.setFont(font)
        layout.addWidget(self.number)
        note = QLabel(self.tr("这次查看已记入办理经过（谁、何时、哪一件）。"
                              "关闭后，办件上仍只显示部分号码；%1 秒后自动关闭。")
                      .replace("%1", str(self.SHOW_MS // 1000)))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.closing = QTimer(self)
        self.closing.setSingleShot(True)
        self.closing.timeout.connect(self.reject)
        self.closing.start(self.SHOW_MS)
