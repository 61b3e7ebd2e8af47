"""Print an archived PDF exactly as archived: QtPdf renders each page, QPainter
puts it on the chosen printer. The printer the clerk chose is remembered per PC."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSettings, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ...domain.errors import UserError

PRINTER_KEY = "printing/printer"
DPI = 300


def load_pdf(data: bytes, parent: object | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes (keep the buffer alive as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise UserError("这份 PDF 无法打开（存档可能已损坏）")
    return document, buffer


def remembered_printer() -> str:
    value = QSettings().value(PRINTER_KEY, "")
    return str(value) if value else ""


def remember_printer(name: str) -> None:
    QSettings().setValue(PRINTER_KEY, name)


def printer_named(name: str | None) -> QPrinter:
    """A printer by queue name (the remembered one, else the system default)."""
    wanted = name or remembered_printer()
    if wanted:
        info = next((p for p in QPrinterInfo.availablePrinters() if p.printerName() == wanted),
                    None)
        if info is None:
            raise UserError(f"找不到打印机“{wanted}”。请检查打印机是否开机、已连接，"
                            "或在打印对话框里另选一台。")
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)
    default = QPrinterInfo.defaultPrinter()
    if default.isNull():
        raise UserError("这台电脑没有设置打印机。请先安装打印机，或把告知书另存为 PDF。")
    return QPrinter(default, QPrinter.PrinterMode.HighResolution)


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of `data` onto `printer`; returns the number of pages."""
    document, _buffer = load_pdf(data)
    printer.setResolution(DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("打印机无法开始打印（可能缺纸、脱机或驱动出错）。请检查后重试。")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() / 72 * DPI), round(points.height() / 72 * DPI))
            image = document.render(page, size)
            target = painter.viewport()
            scale = min(target.width() / size.width(), target.height() / size.height())
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
    return document.pageCount()


def print_cli(data: bytes, printer_name: str | None) -> int:
    """`station-desk notice … --print`: print without a window."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    pages = print_pdf(data, printer_named(printer_name))
    del app
    return pages
