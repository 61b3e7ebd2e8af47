"""The head's decision on files past their retention period (档案 → 保管期限 →
审核…): 继续保存 for some more years, or 同意销毁 — with the head's reason. The
rules and the register are `desk.retention.decide`; this only asks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.retention import MAX_KEEP_YEARS, Verdict
from ...services.retention import RetentionEnded
from ..widgets.forms import either_or, save_cancel_buttons, text_box

LISTED = 6  # cases named in the dialog; the rest are counted


@dataclass(frozen=True)
class RetentionAnswer:
    verdict: Verdict
    reason: str
    keep_years: int | None = None
    keep_until: int | None = None


class RetentionDecisionDialog(QDialog):
    """Stays open until `submit` takes the answer (a refusal keeps what was typed)."""

    def __init__(self, rows: Sequence[RetentionEnded],
                 submit: Callable[[RetentionAnswer], bool], parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        year = (today or date.today()).year
        self.setWindowTitle(self.tr("保管期限审核"))
        self.resize(600, 0)
        layout = QVBoxLayout(self)
        named = [f"{r.case_no}  {r.applicant}  {r.item}" for r in rows[:LISTED]]
        if len(rows) > LISTED:
            named.append(self.tr("……等共 %1 件").replace("%1", str(len(rows))))
        facts = QLabel(self.tr("审核以下 %1 件：").replace("%1", str(len(rows)))
                       + "\n" + "\n".join(named))
        layout.addWidget(facts)  # one case a line, unwrapped: the dialog is as wide

        self.keep_choice, self.destroy_choice = either_or(self, self.tr("继续保存"),
                                                          self.tr("同意销毁"))
        self.by_years, self.by_year = either_or(self, self.tr("再保存"), self.tr("保存到"))
        self.years = QSpinBox()
        self.years.setRange(1, MAX_KEEP_YEARS)
        self.years.setValue(10)
        self.years.setSuffix(self.tr(" 年"))
        self.until = QSpinBox()
        self.until.setRange(year + 1, year + MAX_KEEP_YEARS)
        self.until.setValue(year + 10)
        self.until.setSuffix(self.tr(" 年底"))
        grid = QGridLayout()
        grid.addWidget(self.keep_choice, 0, 0)
        grid.addWidget(self.by_years, 0, 1)
        grid.addWidget(self.years, 0, 2)
        grid.addWidget(self.by_year, 1, 1)
        grid.addWidget(self.until, 1, 2)
        grid.addWidget(self.destroy_choice, 2, 0)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)
        self.destroy_note = QLabel(self.tr(
            "同意销毁不删除任何记录：办件标为“同意销毁”，记入销毁登记（审核人、时间、意见）；"
            "纸质档案按档案管理规定鉴定、报批后销毁。"))
        self.destroy_note.setObjectName("muted")
        self.destroy_note.setWordWrap(True)
        layout.addWidget(self.destroy_note)
        layout.addWidget(QLabel(self.tr("审核意见（必填）：")))
        self.reason = text_box()
        self.reason.setFixedHeight(80)
        layout.addWidget(self.reason)
        buttons = save_cancel_buttons(self, self.tr("记录审核决定"))
        buttons.accepted.connect(self.save)
        layout.addWidget(buttons)
        for button in (self.keep_choice, self.destroy_choice, self.by_years, self.by_year):
            button.toggled.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        keeping = self.keep_choice.isChecked()
        for widget in (self.by_years, self.by_year):
            widget.setEnabled(keeping)
        self.years.setEnabled(keeping and self.by_years.isChecked())
        self.until.setEnabled(keeping and self.by_year.isChecked())

    def answer(self) -> RetentionAnswer:
        reason = self.reason.toPlainText()
        if self.destroy_choice.isChecked():
            return RetentionAnswer(Verdict.DESTROY, reason)
        if self.by_years.isChecked():
            return RetentionAnswer(Verdict.KEEP, reason, keep_years=self.years.value())
        return RetentionAnswer(Verdict.KEEP, reason, keep_until=self.until.value())

    def save(self) -> None:
        if self._submit(self.answer()):
            self.accept()
