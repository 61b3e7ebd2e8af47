"""Right after registering: what was registered, and the notices the applicant takes
home now, printed in one step (Enter)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from ...domain.notices import NoticeKind
from ...services.cases import Registered
from ...services.desk import Desk
from ..notices.actions import show_pdf_preview
from ..widgets.dialog_job import DialogJob
from ..widgets.forms import ok_cancel_buttons
from ..widgets.screen_fit import fit_to_screen


class AfterIntakeDialog(QDialog):
    def __init__(self, desk: Desk, result: Registered, summary: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case_no = result.case.case_no
        self.setWindowTitle(self.tr("已登记"))
        fit_to_screen(self, 560, 420)
        layout = QVBoxLayout(self)
        text = QLabel(summary)
        text.setWordWrap(True)
        layout.addWidget(text)
        needed = desk.notices.needed_now(self.case_no)
        self.boxes: dict[NoticeKind, QCheckBox] = {}
        if needed:
            layout.addWidget(QLabel(self.tr("现在交给申请人的告知书（可取消勾选）：")))
        for kind in needed:
            box = QCheckBox(kind.title)
            box.setChecked(True)
            self.boxes[kind] = box
            layout.addWidget(box)
        layout.addStretch()
        self.making = DialogJob(self, desk.store, busy_text=self.tr("正在生成告知书，请稍候…"))
        layout.addWidget(self.making.label)
        buttons = ok_cancel_buttons(self, self.tr("打印所选（回车）") if needed
                                    else self.tr("好"))
        buttons.button(buttons.StandardButton.Cancel).setText(self.tr("不打印"))
        buttons.button(buttons.StandardButton.Cancel).setVisible(bool(needed))
        layout.addWidget(buttons)

    def chosen(self) -> list[NoticeKind]:
        return [k for k, box in self.boxes.items() if box.isChecked()]

    def accept(self) -> None:
        kinds = self.chosen()
        if not kinds:
            super().accept()
            return

        def made(pdf: bytes) -> None:
            show_pdf_preview(self, pdf, self.case_no,
                             "、".join(k.title for k in kinds) + self.tr("：已各自存档。"))
            QDialog.accept(self)

        # made in the runner (0.1-0.6 s a notice); this dialog waits, greyed
        self.making.start(lambda _progress: self.desk.notices.issue_together(
            self.case_no, kinds), failed_title=self.tr("不能出具"), on_done=made)


def offer_notices(parent: QWidget, desk: Desk, result: Registered, summary: str) -> None:
    """Replaceable in tests (the gui fixtures record the summary instead)."""
    AfterIntakeDialog(desk, result, summary, parent).exec()
