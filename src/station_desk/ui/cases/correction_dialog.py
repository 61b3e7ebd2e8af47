"""Correcting a registered case (with a reason) and taking in part of a supplement."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import Case, Channel, Status
from ...domain.catalogue import CaseType
from ...domain.idnumber import mask_id_number
from ...services.corrections import CaseCorrection
from ...services.desk import Desk
from ..widgets import prompts, status
from ..widgets.forms import save_cancel_buttons
from ..widgets.screen_fit import fit_to_screen


def open_dialog(dialog: QDialog) -> bool:
    """Replaceable in tests."""
    return bool(dialog.exec())


class CorrectionDialog(QDialog):
    def __init__(self, desk: Desk, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case = case
        self.setWindowTitle(self.tr("更正办件 %1").replace("%1", case.case_no))
        fit_to_screen(self, 620, 440)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("改错的地方，写明原因。原来的内容会留在办理经过里。")))
        a = case.applicant
        self.name = QLineEdit(a.name)
        # the number is not shown here in full: typed anew only when it is wrong
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(
            self.tr("%1（要改才填完整的新号码）").replace("%1", mask_id_number(a.id_number))
            if a.id_number else self.tr("18 位公民身份号码"))
        self.phone = QLineEdit(a.phone)
        self.address = QLineEdit(a.address)
        self.item = QComboBox()
        for item in desk.catalogue.items():
            self.item.addItem(f"{item.name}（{item.code}）", item.code)
        self.item.setCurrentIndex(max(0, self.item.findData(case.item_code)))
        self.case_type = QComboBox()
        for t in (CaseType.IMMEDIATE, CaseType.PROMISED, CaseType.JOINT):
            self.case_type.addItem(t.value, t)
        self.case_type.setCurrentIndex(max(0, self.case_type.findData(case.case_type)))
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(c.value, c)
        self.channel.setCurrentIndex(list(Channel).index(case.channel))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("如：登记时姓名录错"))
        for label, widget in ((self.tr("申请人姓名"), self.name),
                              (self.tr("身份证号"), self.id_number),
                              (self.tr("联系电话"), self.phone), (self.tr("住址"), self.address),
                              (self.tr("办理事项"), self.item),
                              (self.tr("办件类型"), self.case_type),
                              (self.tr("来源渠道"), self.channel),
                              (self.tr("更正原因"), self.reason)):
            form.addRow(label, widget)
        buttons = save_cancel_buttons(self, self.tr("保存更正"))
        buttons.accepted.connect(self.accept)
        form.addRow(buttons)

    def correction(self) -> CaseCorrection:
        return CaseCorrection(
            reason=self.reason.text(),
            applicant={"name": self.name.text(), "phone": self.phone.text(),
                       "address": self.address.text(),
                       # left empty: the number stays as it is
                       **({"id_number": self.id_number.text()}
                          if self.id_number.text().strip() else {})},
            item=str(self.item.currentData()), case_type=self.case_type.currentData(),
            channel=self.channel.currentData())

    def accept(self) -> None:
        # a refusal (InvalidCase names every field at fault) is shown and the form kept
        changes = prompts.attempt(
            self, lambda: self.desk.corrections.edit(self.case.case_no, self.correction()),
            self.tr("没有更正"))
        if changes is None:
            return
        status.say(self.parentWidget(), self.tr("已更正 %1 处").replace("%1", str(len(changes)))
                   if changes else self.tr("内容与原来相同，没有更正"))
        super().accept()


class ReceiveDialog(QDialog):
    """Tick what the applicant brought; the rest stays missing."""

    def __init__(self, desk: Desk, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case = case
        self.setWindowTitle(self.tr("收到补正材料"))
        fit_to_screen(self, 480, 300)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("申请人这次带来了哪些？（没带的仍算缺）")))
        self.boxes = [QCheckBox(name) for name in case.missing]
        for box in self.boxes:
            layout.addWidget(box)
        buttons = save_cancel_buttons(self, self.tr("收下"))
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def accept(self) -> None:
        chosen = [b.text() for b in self.boxes if b.isChecked()]
        case = prompts.attempt(self, lambda: self.desk.corrections.receive(self.case.case_no,
                                                                           chosen),
                               self.tr("没有收下"))
        if case is None:
            return
        status.say(self.parentWidget(), self.tr("材料已收齐，已受理") if not case.missing
                   else self.tr("已收下；还缺：%1").replace("%1", "、".join(case.missing)))
        super().accept()


def correction_buttons(parent: QWidget, desk: Desk, case_of: Callable[[], Case],
                       done: Callable[[], None]) -> tuple[QPushButton, QPushButton]:
    """更正… and 收到补正材料… for the case detail; `done` reloads it."""
    correct = QPushButton(parent.tr("更正…"))
    correct.setToolTip(parent.tr("改正登记时录错的内容（须写原因）"))
    receive = QPushButton(parent.tr("收到补正材料…"))

    def run(make: Callable[[Desk, Case, QWidget], QDialog]) -> None:
        if open_dialog(make(desk, case_of(), parent)):
            done()

    correct.clicked.connect(lambda: run(CorrectionDialog))
    receive.clicked.connect(lambda: run(ReceiveDialog))
    return correct, receive


def show_correction_buttons(case: Case, correct: QPushButton, receive: QPushButton) -> None:
    correct.setVisible(case.status.is_open)
    receive.setVisible(case.status == Status.SUPPLEMENT)
