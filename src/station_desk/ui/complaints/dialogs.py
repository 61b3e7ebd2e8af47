"""The complaint and satisfaction forms: 受理 a complaint (or record it as 不予受理)
and record a rating of a finished case."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import UserError
from ...domain.feedback import RATEABLE
from ...domain.service import NOT_ACCEPTED_GROUNDS, Complaint, Rating, Severity
from ...services.complaints import COMPLAINT_CHANNELS, must_be_written
from ...services.desk import Desk
from ..widgets import palette, prompts, status
from ..widgets.field_marks import error_label
from ..widgets.forms import save_cancel_buttons, text_box
from ..widgets.screen_fit import fit_to_screen

RATING_SOURCES = ("窗口评价器", "电话回访")


def _placeholder(box: QComboBox, text: str) -> None:
    edit = box.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


class ComplaintDialog(QDialog):
    """受理 a complaint (or record it as 不予受理 on one of the manual's grounds)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.received: Complaint | None = None
        self.setWindowTitle(self.tr("受理投诉"))
        fit_to_screen(self, 620, 520)
        layout = QVBoxLayout(self)
        self.error = error_label()
        layout.addWidget(self.error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.complainant = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("必填：反馈处理结果用"))
        self.channel = QComboBox()
        for c in COMPLAINT_CHANNELS:
            self.channel.addItem(c, c)
        self.channel.setCurrentIndex(self.channel.findData("电话"))
        self.matter = text_box()
        self.matter.setPlaceholderText(self.tr("投诉的事情经过和诉求"))
        self.matter.setFixedHeight(90)
        self.concerning = QComboBox()
        self.concerning.setEditable(True)
        self.concerning.addItem("")
        for w in desk.station.windows():
            self.concerning.addItem(w.name)
        for s in desk.station.staff():
            self.concerning.addItem(s.name)
        _placeholder(self.concerning, self.tr("被投诉的窗口或工作人员"))
        self.severity = QComboBox()
        for sev in Severity:
            self.severity.addItem(sev.value, sev.value)
        self.severity_hint = QLabel()
        self.severity_hint.setWordWrap(True)
        self.severity_hint.setStyleSheet(f"color: {palette.WARNING};")
        self.not_accepted = QCheckBox(self.tr("不予受理，理由："))
        self.ground = QComboBox()
        for g in NOT_ACCEPTED_GROUNDS:
            self.ground.addItem(g, g)
        self.ground.setEnabled(False)
        ground_row = QWidget()
        row = QHBoxLayout(ground_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.not_accepted)
        row.addWidget(self.ground, 1)
        form.addRow(self.tr("投诉人"), self.complainant)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.tr("投诉形式"), self.channel)
        form.addRow(self.tr("投诉事项"), self.matter)
        form.addRow(self.tr("涉及窗口/人员"), self.concerning)
        form.addRow(self.tr("程度"), self.severity)
        form.addRow("", self.severity_hint)
        form.addRow(self.tr("是否受理"), ground_row)
        layout.addLayout(form)
        self.due_label = QLabel()
        self.due_label.setObjectName("muted")
        self.due_label.setWordWrap(True)
        layout.addWidget(self.due_label)
        layout.addStretch()
        buttons = save_cancel_buttons(self, self.tr("受理"))
        buttons.accepted.connect(self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self.not_accepted.toggled.connect(lambda _on: self._update())
        self.severity.currentIndexChanged.connect(lambda _i: self._update())
        self.channel.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _update(self) -> None:
        refused = self.not_accepted.isChecked()
        self.ground.setEnabled(refused)
        self.save_button.setText(self.tr("记录为不予受理") if refused else self.tr("受理"))
        severity = Severity(self.severity.currentData())
        self.severity_hint.setVisible(must_be_written(severity, str(self.channel.currentData())))
        self.severity_hint.setText(self.tr("涉及重大事项的投诉应采用书面形式：请投诉人提交书面材料，"
                                           "投诉形式选“书面”。"))
        days = self.desk.complaints.limit_days(severity)
        due = self.desk.complaints.due_if_received(severity, date.today())
        self.due_label.setText(
            self.tr("不予受理的，应告知投诉人理由。") if refused else
            self.tr("%1投诉应在 %2 天内办结（到 %3）。").replace("%1", severity.value)
            .replace("%2", str(days)).replace("%3", f"{due:%Y-%m-%d}"))

    def save(self) -> None:
        self.error.hide()
        try:
            self.received = self.desk.complaints.receive(
                complainant=self.complainant.text(), phone=self.phone.text(),
                matter=self.matter.toPlainText(), concerning=self.concerning.currentText(),
                channel=str(self.channel.currentData()),
                severity=Severity(self.severity.currentData()),
                not_accepted_reason=(str(self.ground.currentData())
                                     if self.not_accepted.isChecked() else ""))
        except UserError as exc:
            self.error.setText(exc.message.replace("；", "\n"))
            self.error.show()
            prompts.warn(self, self.tr("还不能记录"), exc.message.replace("；", "\n"))
            return
        c = self.received
        text = self.tr("投诉编号：") + c.complaint_no + "\n" + self.tr("状态：") + c.status.value
        if c.due is not None:
            text += "\n" + self.tr("应在 %1 前办结").replace("%1", f"{c.due:%Y-%m-%d}")
        status.say(self.parentWidget(), self.tr("已记录。") + text.replace("\n", "，"))
        self.accept()


class RatingDialog(QDialog):
    """A rating of a finished case: from the window's rating device or a call-back."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.rated = False
        self.setWindowTitle(self.tr("记录满意度评价"))
        fit_to_screen(self, 560, 300)
        layout = QVBoxLayout(self)
        self.error = error_label()
        layout.addWidget(self.error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.case_no = QComboBox()
        self.case_no.setEditable(True)
        self.case_no.addItem("")
        for ended in sorted(RATEABLE):  # 一事一评: every case that ended
            for case in desk.cases.page(desk.cases.make_filter(status=ended), limit=30):
                self.case_no.addItem(f"{case.case_no}  {case.applicant.name}", case.case_no)
        _placeholder(self.case_no, self.tr("已结束（办结、不予受理、退回）办件的编号"))
        self.case_info = QLabel()
        self.case_info.setWordWrap(True)
        self.level = QComboBox()
        self.level.addItem(self.tr("（请按群众的评价选择）"), "")  # never a level chosen for them
        for r in Rating:
            self.level.addItem(r.value, r.value)
        self.source = QComboBox()
        for s in RATING_SOURCES:
            self.source.addItem(s, s)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("群众的意见或建议"))
        form.addRow(self.tr("办件编号"), self.case_no)
        form.addRow("", self.case_info)
        form.addRow(self.tr("评价"), self.level)
        form.addRow(self.tr("来源"), self.source)
        form.addRow(self.tr("意见"), self.note)
        layout.addLayout(form)
        layout.addStretch()
        buttons = save_cancel_buttons(self, self.tr("记录"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        self.case_no.currentTextChanged.connect(lambda _t: self._show_case())
        self._show_case()

    def chosen_case(self) -> str:
        """The case number typed, or picked from the list (shown with the name)."""
        words = self.case_no.currentText().split()
        return words[0] if words else ""

    def _show_case(self) -> None:
        text = self.chosen_case()
        if not text:
            self.case_info.setText(self.tr("已办结、不予受理、退回的办件都可以评价，每个渠道一次。"))
            return
        try:
            case = self.desk.cases.get(text)
        except UserError:
            self.case_info.setText(self.tr("没有找到这个办件"))
            return
        state = case.status.value
        if case.status not in RATEABLE:
            state += self.tr("（尚未结束，不能评价）")
        self.case_info.setText(f"{case.applicant.name} · {case.item_name} · {state}")

    def save(self) -> None:
        self.error.hide()
        if not self.level.currentData():
            message = self.tr("请选择群众给的评价（非常满意、满意、基本满意、不满意、非常不满意）")
            self.error.setText(message)
            self.error.show()
            prompts.warn(self, self.tr("还不能记录"), message)
            return
        try:
            self.desk.complaints.rate(self.chosen_case(), Rating(self.level.currentData()),
                                      str(self.source.currentData()), self.note.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.error.show()
            prompts.warn(self, self.tr("还不能记录"), exc.message)
            return
        self.rated = True
        level = Rating(self.level.currentData())
        if not level.satisfied:
            status.say(self.parentWidget(),
                       self.tr("已记录“%1”。请尽快电话回访，了解原因并整改，"
                               "再到“满意度回访”里记录回访整改情况。").replace("%1", level.value))
        self.accept()
