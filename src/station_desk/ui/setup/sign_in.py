"""Staff sign in on the shared PC with name + PIN; a first sign-in sets the PIN.

Checking a PIN takes most of a second on purpose (docs/privacy.md): it runs in
the job runner, the dialog says so and takes no second click meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
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
from ..jobs import Job, Progress, report_failure
from ..widgets import prompts
from ..widgets.dialog_job import DialogJob
from .change_pin import ChangePinDialog

CHECKING = "正在核对密码…"
OPENING = "密码正确，正在打开…"


class SignInDialog(QDialog):
    """`before_done`, if given, runs in the job after a good check (the start-up
    waits there for the window's modules loading meanwhile). `checking` is the
    PIN check in flight, or the last one."""

    shown = Signal()  # just after its first paint: the clerk sees it now

    def __init__(self, desk: Desk, parent: QWidget | None = None, *,
                 before_done: Callable[[], object] | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.before_done = before_done
        self.checking: Job[Staff] | None = None
        self._painted = False
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
        self.pin_check = DialogJob(self, desk.store, busy_text=CHECKING, focus_after=self.pin)
        self.state = self.pin_check.label  # "正在核对密码…" while the check runs
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.state)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.buttons = buttons
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

    @property
    def busy(self) -> bool:
        """A PIN check is running: nothing can be changed, sent again or closed."""
        return self.pin_check.busy

    def accept(self) -> None:
        staff = self.chosen
        if staff is None or self.busy:
            return
        pin = self.pin.text()
        first = not staff.has_pin
        if first and pin != self.confirm_pin.text():
            prompts.warn(self, self.tr("无法登录"), self.tr("两次输入的密码不一致"))
            return
        pin_set: list[bool] = []  # a refused new PIN stays typed in, a wrong one is cleared

        def check(progress: Progress) -> Staff:
            if first:
                self.desk.station.set_first_pin(staff.id, pin)
                pin_set.append(True)
            signed_in = self.desk.session.sign_in(staff.name, pin)
            progress(1, 2)  # says OPENING while the window's modules finish
            if self.before_done is not None:
                self.before_done()
            return signed_in

        def refused(exc: BaseException) -> None:
            if pin_set or not first:
                self.pin.clear()
            report_failure(self, self.tr("无法登录"), exc)

        # on a connection of its own: a wrong PIN is recorded, a first PIN saved there
        self.checking = self.pin_check.start(check, failed_title=self.tr("无法登录"),
                                           on_done=self._signed_in, on_failed=refused)
        if self.checking is not None:  # its progress is delivered on the UI thread
            self.checking.on_progress = lambda _done, _total: self.state.setText(OPENING)

    def _signed_in(self, staff: Staff) -> None:
        self.pin.clear()
        if self.desk.session.pin_change_due and not change_pin_now(self, self.desk, staff):
            return  # they signed out instead: the sign-in stays open
        super().accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.shown.emit)  # not once the dialog is gone

    def reject(self) -> None:
        if not self.busy:  # the check ends in a second; closing now would lose it
            super().reject()


def change_pin_now(parent: QWidget, desk: Desk, staff: Staff) -> bool:
    """Replaceable in tests: the change a short PIN makes due; True when saved."""
    return bool(ChangePinDialog(desk, staff, parent).exec())
