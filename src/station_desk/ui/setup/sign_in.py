"""Staff sign in on the shared PC with name + PIN; a first sign-in sets the PIN."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.pin import MAX_DIGITS, RULE_TEXT
from ...domain.station import Staff
from ...services.desk import Desk
from ..widgets import prompts


class SignInDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        station = desk.station.current
        self.setWindowTitle(self.tr("登录 — %s") % (station.name if station else ""))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请选择您的姓名并输入密码。办理的每件事都会记在您名下。")))
        form = QFormLayout()
        self.who = QComboBox()
        for staff in desk.station.staff():
            self.who.addItem(f"{staff.name}（{staff.role.label}）", staff)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(MAX_DIGITS)
        self.confirm_pin = QLineEdit()
        self.confirm_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_pin.setMaxLength(MAX_DIGITS)
        self.confirm_label = QLabel(self.tr("再输一遍"))
        form.addRow(self.tr("姓名"), self.who)
        form.addRow(self.tr("密码"), self.pin)
        form.addRow(self.confirm_label, self.confirm_pin)
        self.hint = QLabel()
        layout.addLayout(form)
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.who.currentIndexChanged.connect(self._update_mode)
        self._update_mode()

    def offer_first(self, name: str) -> None:
        """The clerk who was signed in before the PC was locked."""
        for i in range(self.who.count()):
            staff = self.who.itemData(i)
            if staff is not None and staff.name == name:
                self.who.setCurrentIndex(i)
                self.pin.setFocus()

    @property
    def chosen(self) -> Staff | None:
        staff: Staff | None = self.who.currentData()
        return staff

    def _update_mode(self) -> None:
        first = self.chosen is not None and not self.chosen.has_pin
        self.confirm_label.setVisible(first)
        self.confirm_pin.setVisible(first)
        self.hint.setText(self.tr("首次登录：请设置您自己的密码（%1）。").replace("%1", RULE_TEXT)
                          if first else "")

    def accept(self) -> None:
        staff = self.chosen
        if staff is None:
            return
        pin = self.pin.text()
        if not staff.has_pin:
            if pin != self.confirm_pin.text():
                prompts.warn(self, self.tr("无法登录"), self.tr("两次输入的密码不一致"))
                return
            if not prompts.succeeded(self, lambda: self.desk.station.set_first_pin(staff.id, pin),
                                     self.tr("无法登录")):
                return
        if not prompts.succeeded(self, lambda: self._checked(staff.name, pin),
                                 self.tr("无法登录")):
            self.pin.clear()
            return
        self.pin.clear()
        if self.desk.session.pin_change_due and not change_pin_now(self, self.desk, staff):
            return  # they signed out instead: the sign-in stays open
        super().accept()

    def _checked(self, name: str, pin: str) -> None:
        """Checking a PIN takes most of a second on purpose (docs/privacy.md): a wait
        cursor says the program is working."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.desk.session.sign_in(name, pin)
        finally:
            QApplication.restoreOverrideCursor()


def change_pin_now(parent: QWidget, desk: Desk, staff: Staff) -> bool:
    """Replaceable in tests: the change a short PIN makes due; True when saved."""
    from .change_pin import ChangePinDialog

    return bool(ChangePinDialog(desk, staff, parent).exec())
