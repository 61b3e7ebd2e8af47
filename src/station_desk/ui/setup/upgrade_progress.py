"""What the window shows while a new program version first opens the archive:
the copy kept aside before migrating takes minutes at a town's million cases,
and without a window the clerk would think the program never started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

COPYING = ("新版本程序第一次打开数据文件：先在数据文件夹里留一份完整副本，再升级。\n"
           "数据多时需要几分钟，请不要关闭程序或电脑。")
UPGRADING = "副本已留好，正在升级数据文件…"


class UpgradeProgress:
    """The `upgrade_progress` callback of `Desk.open`: a dialog made at its first
    call (an archive with nothing to migrate never shows one), kept painted
    between the copy's steps."""

    def __init__(self) -> None:
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.dialog is None:
            self.dialog = QProgressDialog(COPYING, "", 0, 0)
            self.dialog.setWindowTitle("正在升级数据文件")
            self.dialog.setCancelButton(None)  # stopping halfway helps nobody: it is only a copy
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.show()
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))
        if total and done >= total:
            self.dialog.setLabelText(UPGRADING)
        QApplication.processEvents()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
