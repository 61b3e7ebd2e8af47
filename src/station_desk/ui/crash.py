"""Uncaught errors open a dialog with a copyable report instead of killing the
program; known environment failures (locked, read-only, full disk) get a plain
Chinese message instead."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..domain.errors import UserError
from ..services.errors import known_failure
from .widgets import prompts
from .widgets.forms import text_box
from .widgets.screen_fit import fit_to_screen

log = logging.getLogger("station_desk.crash")


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错了"))
        fit_to_screen(self, 640, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "程序遇到了一个没有预料到的错误。已保存的数据不受影响。\n"
            "请点“复制报告”，把报告发给镇中心或技术人员。程序可以继续使用。")))
        self.report = text_box(report)
        self.report.setReadOnly(True)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制报告"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())


def make_report(kind: type[BaseException], value: BaseException,
                tb: TracebackType | None) -> str:
    lines = traceback.format_exception(kind, value, tb)
    return (f"Station Desk {__version__} / Python {platform.python_version()} / "
            f"{platform.platform()}\n\n" + "".join(lines))


def show_crash(report: str) -> None:
    """Replaceable in tests."""
    CrashDialog(report, QApplication.activeWindow()).exec()


def excepthook(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    known = value if isinstance(value, UserError) else known_failure(value)
    if known is not None:
        log.warning("refused: %s", known.message)
        prompts.warn(QApplication.activeWindow(), "无法完成", known.message)
        return
    report = make_report(kind, value, tb)
    log.error("uncaught error\n%s", report)
    show_crash(report)


def install() -> None:
    sys.excepthook = excepthook
