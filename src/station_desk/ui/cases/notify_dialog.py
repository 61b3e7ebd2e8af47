"""Record telling the applicant (补正 / 交费 / 办结): how, to whom, with what result;
the ready SMS or phone wording is shown to copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.notifications import NotifyChannel, NotifyResult, Purpose
from ...services.desk import Desk
from ..widgets import prompts
from ..widgets.forms import text_box
from ..widgets.screen_fit import fit_to_screen


class NotifyDialog(QDialog):
    def __init__(self, desk: Desk, case_no: str, purposes: list[Purpose],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case_no = case_no
        self.setWindowTitle(self.tr("告知申请人"))
        fit_to_screen(self, 560, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.purpose = QComboBox()
        for p in purposes or list(Purpose):
            self.purpose.addItem(p.value, p)
        self.channel = QComboBox()
        for c in NotifyChannel:
            self.channel.addItem(c.value, c)
        self.channel.setCurrentIndex(list(NotifyChannel).index(NotifyChannel.PHONE))
        self.person = QLineEdit(desk.cases.get(case_no).applicant.name)
        self.outcome = QComboBox()
        for r in NotifyResult:
            self.outcome.addItem(r.value, r)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("可不填，如：约定周五来取"))
        form.addRow(self.tr("告知事项"), self.purpose)
        form.addRow(self.tr("告知方式"), self.channel)
        form.addRow(self.tr("被告知人"), self.person)
        form.addRow(self.tr("结果"), self.outcome)
        form.addRow(self.tr("说明"), self.note)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("短信 / 电话用语（可复制后修改）：")))
        self.wording = text_box()
        self.wording.setReadOnly(True)
        layout.addWidget(self.wording, 1)
        row = QHBoxLayout()
        copy = QPushButton(self.tr("复制用语"))
        copy.clicked.connect(self.copy_wording)
        row.addWidget(copy)
        row.addStretch()
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("记录告知"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.purpose.currentIndexChanged.connect(self.show_wording)
        self.show_wording()

    def show_wording(self) -> None:
        text = prompts.attempt(self, lambda: self.desk.notifications.wording(
            self.case_no, Purpose(self.purpose.currentData())), self.tr("没有用语"))
        self.wording.setPlainText(text or "")

    def copy_wording(self) -> None:
        QGuiApplication.clipboard().setText(self.wording.toPlainText())

    def accept(self) -> None:
        done = prompts.attempt(self, lambda: self.desk.notifications.record(
            self.case_no, Purpose(self.purpose.currentData()),
            NotifyChannel(self.channel.currentData()), person=self.person.text(),
            result=NotifyResult(self.outcome.currentData()), note=self.note.text()),
            self.tr("未记录"))
        if done is not None:
            super().accept()
