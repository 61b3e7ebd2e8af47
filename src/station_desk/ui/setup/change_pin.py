"""A PIN from before the 6-digit rule signed in: the person must choose a new one
now. The dialog cannot be skipped: the only other way out is to sign out again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.pin import MAX_DIGITS, MIN_DIGITS, RULE_TEXT
from ...domain.station import Staff
from ...services.desk import Desk
from ..widgets import prompts
from ..widgets.dialog_job import DialogJob
from ..widgets.screen_fit import fit_to_screen


class ChangePinDialog(QDialog):
    """exec() is accepted once the new PIN is saved; rejected only by 退出登录
    (then nobody is signed in)."""

    def __init__(self, desk: Desk, person: Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("请换一个新密码 — %1").replace("%1", person.name))
        # no close button: Esc and the title bar's ✕ must not skip the change
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                            | Qt.WindowType.WindowTitleHint)
        fit_to_screen(self, 460, 240)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr(
            "%1，您现在的密码不足 %2 位。为保护群众的个人信息，密码现在至少要 %2 位数字。"
            "请现在设一个新密码（%3），以后登录用新的。")
            .replace("%1", person.name).replace("%2", str(MIN_DIGITS))
            .replace("%3", RULE_TEXT))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(MAX_DIGITS)
        form.addRow(self.tr("新密码"), self.first)
        form.addRow(self.tr("再输一遍"), self.second)
        layout.addLayout(form)
        self.saving = DialogJob(self, desk.store)
        layout.addWidget(self.saving.label)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("保存新密码"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_out_button = buttons.addButton(self.tr("不改，退出登录"),
                                                 QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        self.sign_out_button.clicked.connect(self.sign_out)
        layout.addWidget(buttons)
        self.first.setFocus()

    def accept(self) -> None:
        if self.first.text() != self.second.text():
            prompts.warn(self, self.tr("未保存"), self.tr("两次输入的密码不一样，请重新输入"))
            self.second.clear()
            return
        pin = self.first.text()
        self.saving.save_then_close(lambda: self.desk.station.change_own_pin(pin),
                                    failed_title=self.tr("未保存"))

    def sign_out(self) -> None:
        self.desk.session.sign_out()
        super().reject()

    def reject(self) -> None:
        """Esc: ignored; the change is not skipped this way."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.desk.session.pin_change_due and self.desk.session.signed_in is not None:
            event.ignore()
            return
        super().closeEvent(event)
