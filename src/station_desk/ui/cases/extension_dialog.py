"""Extend a case's time limit: how many working days, why, the applicant's consent
where the item is no 行政许可; approved by the head; the 延期告知书 is issued and
shown for printing in the same step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.legal_clock import CaseClock, extension_cap
from ...services.desk import Desk
from ...services.notices import IssuedNotice
from ..notices.actions import show_preview
from ..widgets.dialog_job import DialogJob
from ..widgets.forms import text_box


class ExtensionDialog(QDialog):
    def __init__(self, desk: Desk, case_no: str, clock: CaseClock, *, licence: bool,
                 joint: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case_no = case_no
        self.issued: IssuedNotice | None = None
        self.setWindowTitle(self.tr("延期"))
        layout = QVBoxLayout(self)
        cap = extension_cap(licence, joint)
        used = sum(e.days for e in clock.extensions)
        if licence:
            basis = self.tr("行政许可事项：经负责人（站长）批准，最多延长 %1 个工作日"
                            "（行政许可法第%2条），并书面告知申请人延期理由。")
            basis = basis.replace("%1", str(cap)).replace("%2", "二十六" if joint else "四十二")
        else:
            basis = self.tr("须经申请人同意并经站长批准，最多延长 %1 个工作日，"
                            "并书面告知申请人。").replace("%1", str(cap))
        hint = QLabel(basis + (self.tr("已延长 %1 个工作日。").replace("%1", str(used))
                               if used else ""))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.days = QSpinBox()
        self.days.setRange(1, max(1, cap - used))
        self.days.setSuffix(self.tr(" 个工作日"))
        self.reason = text_box()
        self.reason.setPlaceholderText(self.tr("如：需现场核查、需县级部门会商（将写入延期告知书）"))
        self.reason.setMaximumHeight(70)
        self.consent = QLineEdit()
        self.consent.setPlaceholderText(self.tr("申请人何时、以何种方式同意"))
        self.approver = QLineEdit()
        self.approver.setPlaceholderText(self.tr("批准的站长姓名"))
        form.addRow(self.tr("延长"), self.days)
        form.addRow(self.tr("延期理由"), self.reason)
        if not licence:
            form.addRow(self.tr("申请人同意"), self.consent)
        signed_in = desk.session.signed_in
        if signed_in is None:
            form.addRow(self.tr("批准人"), self.approver)
        else:
            form.addRow(self.tr("批准人"), QLabel(signed_in.name))
        layout.addLayout(form)
        self.making = DialogJob(self, desk.store, busy_text=self.tr("正在记录并生成延期告知书…"))
        layout.addWidget(self.making.label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("批准延期并出具延期告知书"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        days, reason = self.days.value(), self.reason.toPlainText()
        consent, approver = self.consent.text(), self.approver.text()

        def extended(issued: IssuedNotice) -> None:
            self.issued = issued
            show_preview(self, issued)
            QDialog.accept(self)

        # the extension and its notice saved together in the runner (the PDF takes
        # 0.1-0.6 s); this dialog waits, greyed
        self.making.start(lambda _progress: self.desk.extensions.extend(
            self.case_no, days, reason, consent=consent, approved_by=approver),
            failed_title=self.tr("不能延期"), on_done=extended)
