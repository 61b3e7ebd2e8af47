"""打印恢复单 (head only): the recovery sheet shown for printing, never saved by
itself — whoever holds the code and a stick can read every backup."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...services.desk import Desk
from ..notices.preview import PdfPreview
from ..widgets import prompts


def show_recovery_sheet(parent: QWidget, desk: Desk) -> PdfPreview | None:
    """The preview, open (returned for tests); None when refused."""
    pdf = prompts.attempt(parent, desk.recovery.sheet_pdf, parent.tr("不能打印恢复单"))
    if pdf is None:
        return None
    preview = PdfPreview(pdf, parent.tr("数据恢复单"), parent.tr(
        "恢复单只打印一份，装袋密封存入档案柜，与U盘分开存放。电脑坏了或重装后，在首次设置页点"
        "“从备份恢复”，用它和U盘上的备份找回本站数据。不要另存成文件、不要拍照。"), parent)
    preview.save_button.hide()  # a file of it on the PC would defeat the sealed envelope
    preview.open()
    return preview
