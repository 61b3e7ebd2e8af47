"""从备份恢复 on a new PC (or after a reinstall): the backup file from the stick and
the recovery code from the sheet in the archive cabinet. Offered on the first-run
screen, where the data folder is still empty."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.desk import Desk
from ...services.recovery import NewPcRestore
from ..jobs import Job, report_failure, run_job
from ..widgets import prompts
from ..widgets.screen_fit import fit_to_screen


def choose_backup(parent: QWidget) -> str:
    from ..archive.page import choose_backup_file

    return choose_backup_file(parent)


class RecoveryDialog(QDialog):
    """Stays open after a refusal (a mistyped group is corrected in place)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.station_name = ""
        self.setWindowTitle(self.tr("从备份恢复（新电脑或重装后）"))
        fit_to_screen(self, 640, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "把本站U盘上的备份恢复到这台电脑：台账、工作人员和本站的同步身份都会回来，"
            "镇中心照常认得本站。需要两样东西：\n"
            "1．U盘上的备份文件（archive-…db，旁边同名的 .keys 文件一起拷来）；\n"
            "2．档案柜里《数据恢复单》上的恢复码。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("点右边的“选择…”"))
        pick = QPushButton(self.tr("选择…"))
        pick.clicked.connect(self.pick_file)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(pick)
        form.addRow(self.tr("备份文件"), row)
        self.code = QLineEdit()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), self.font().pointSizeF()) * 1.15)
        mono.setWeight(QFont.Weight.Bold)
        self.code.setFont(mono)
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-…（11 组，每组 5 个）")
        form.addRow(self.tr("恢复码"), self.code)
        layout.addLayout(form)
        hint = QLabel(self.tr("恢复码不分大小写，空格和横线可有可无。输错一个字符程序会提示，"
                              "不会改动任何东西。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("恢复"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.restore)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def pick_file(self) -> None:
        chosen = choose_backup(self)
        if chosen:
            self.file.setText(chosen)

    def restore(self) -> Job[NewPcRestore] | None:
        path, code = self.file.text().strip(), self.code.text().strip()
        if not path:
            prompts.warn(self, self.tr("请选择备份文件"),
                         self.tr("请先点“选择…”选中U盘上的备份文件。"))
            return None
        if not code:
            prompts.warn(self, self.tr("请输入恢复码"),
                         self.tr("请照《数据恢复单》输入恢复码。"))
            self.code.setFocus()
            return None
        self.restore_button.setEnabled(False)

        def done(result: NewPcRestore) -> None:
            self.station_name = result.station_name
            text = self.tr("已恢复“%1”的数据。请用原来的姓名和密码登录。").replace(
                "%1", self.station_name)
            if result.scan_message:
                text += "\n\n" + result.scan_message
            if not result.sync_keys_back:
                text += self.tr("\n\n备份旁边没有找到同名的 .keys 文件，本站的同步身份没有恢复："
                                "同步前需由站长在“同步”页点“建立本站新身份…”，"
                                "并打电话把新指纹告知镇中心。")
            prompts.info(self, self.tr("已从备份恢复"), text)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.restore_button.setEnabled(True)
            report_failure(self, self.tr("没有恢复"), exc)
            self.code.setFocus()

        return run_job(lambda _progress: self.desk.recovery.restore_new_pc(Path(path), code),
                       title=self.tr("正在从备份恢复…"), on_done=done, on_failed=failed,
                       parent=self)
