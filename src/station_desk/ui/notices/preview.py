"""Print preview of an archived notice, with the system print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.notices import IssuedNotice
from ..widgets import prompts
from .printing import load_pdf, print_pdf, printer_named, remember_printer


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """Replaceable in tests: the system print dialog."""
    return bool(QPrintDialog(printer, parent).exec())


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """Replaceable in tests."""
    return QFileDialog.getSaveFileName(parent, "另存为 PDF", suggested, "PDF (*.pdf)")[0]


class PdfPreview(QDialog):
    """Preview any PDF bytes with print and save-as."""

    def __init__(self, pdf: bytes, name: str, info: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.name = name
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", name))
        self.resize(820, 980)
        layout = QVBoxLayout(self)
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.document, self._buffer = load_pdf(pdf)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("打印…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("另存为 PDF…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.save_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def print_notice(self) -> None:
        try:
            printer = printer_named(None)
        except Exception:  # no default printer yet: let the dialog offer the choice
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not ask_printer(self, printer):
            return
        if prompts.succeeded(self, lambda: print_pdf(self.pdf, printer),
                             self.tr("没有打印")):
            if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
                remember_printer(printer.printerName())
            prompts.info(self, self.tr("已发送打印"),
                         self.tr("已发送到打印机 %1。").replace("%1", printer.printerName()))

    def save_copy(self) -> None:
        path = ask_save_path(self, f"{self.name}.pdf")
        if not path:
            return
        prompts.succeeded(self, lambda: Path(path).write_bytes(self.pdf), self.tr("没有保存"))


class NoticePreview(PdfPreview):
    """An issued notice: says whether this is the archived original of a reprint."""

    def __init__(self, issued: IssuedNotice, parent: QWidget | None = None) -> None:
        notice = issued.notice
        super().__init__(issued.pdf, notice.notice_no, "", parent)
        self.issued = issued
        if issued.reprint:
            self.info.setText(
                self.tr("重印：这是 %1 由 %2 出具时存档的原件，与当时打印的一字不差。")
                .replace("%1", notice.issued_at[:16].replace("T", " "))
                .replace("%2", notice.issued_by))
        else:
            self.info.setText(self.tr("已存档（SHA-256 %1…）。以后重印都打印这份存档。")
                              .replace("%1", notice.sha256[:16]))
