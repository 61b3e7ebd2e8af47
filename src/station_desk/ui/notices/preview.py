"""Print preview of an archived notice, with the system print dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.actor import shown_name
from ...services.notices import IssuedNotice
from ..widgets import prompts, status
from ..widgets.screen_fit import fit_to_screen
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
        fit_to_screen(self, 820, 980)
        layout = QVBoxLayout(self)
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.document, self._buffer = load_pdf(pdf)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setDocument(self.document)
        # the buttons sit above the page, so no page size can push them off the screen
        layout.addLayout(self._tool_row())
        layout.addWidget(self.view, 1)
        self.fit_page()

    def _tool_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("打印（Ctrl+P）"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.fit_page_button = QPushButton(self.tr("整页"))
        self.fit_width_button = QPushButton(self.tr("适合宽度"))
        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        close = QPushButton(self.tr("关闭"))
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.save_copy)
        self.fit_page_button.clicked.connect(self.fit_page)
        self.fit_width_button.clicked.connect(self.fit_width)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(1.25))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(0.8))
        close.clicked.connect(self.reject)
        for button in (self.print_button, self.save_button):
            row.addWidget(button)
        row.addStretch()
        for button in (self.fit_page_button, self.fit_width_button,
                       self.zoom_out_button, self.zoom_in_button):
            row.addWidget(button)
        row.addStretch()
        row.addWidget(close)
        return row

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def zoom_by(self, factor: float) -> None:
        """From whatever fit is shown now, so the first step does not jump."""
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._shown_factor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, current * factor)))

    def _shown_factor(self) -> float:
        """The factor a fit mode shows: viewport width over the page's width in pixels."""
        page = self.document.pagePointSize(0)
        if page.width() <= 0:
            return 1.0
        page_pixels = page.width() / 72 * self.view.logicalDpiX()
        return self.view.viewport().width() / page_pixels

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
            # a success needs no answer: said in the status bar, no box to close
            status.say(self.parentWidget(), self.tr("已发送到打印机 %1")
                       .replace("%1", printer.printerName() or self.tr("（PDF 文件）")))

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
                .replace("%2", shown_name(notice.issued_by)))
        else:
            self.info.setText(self.tr("已存档，编号 %1。以后重印都打印这份存档。")
                              .replace("%1", notice.notice_no))
