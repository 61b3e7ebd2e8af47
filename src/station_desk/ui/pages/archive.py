"""档案: backups on disk and on the USB stick (restore comes with the archive issue)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.desk import Desk
from .. import prompts


def choose_folder(parent: QWidget, title: str) -> str:
    """Replaceable in tests."""
    return QFileDialog.getExistingDirectory(parent, title)


class ArchivePage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("档案与备份"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.where = QLabel()
        self.where.setWordWrap(True)
        layout.addWidget(self.where)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份到U盘或文件夹…"))
        self.backup_button.clicked.connect(self.backup_now)
        row.addWidget(self.backup_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("本机自动备份（每天开机后第一次打开程序时，保留最近若干份）：")))
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        note = QLabel(self.tr("从备份恢复请使用命令 station-desk restore；"
                              "附件扫描件、借阅登记等档案功能尚未开放。"))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)

    def refresh(self) -> None:
        self.where.setText(self.tr("数据文件：") + str(self.desk.archive_path))
        self.list.clear()
        for b in self.desk.backups():
            self.list.addItem(f"{b.made_at:%Y-%m-%d %H:%M}　{b.size // 1024} KB　{b.path.name}")
        if self.list.count() == 0:
            self.list.addItem(self.tr("还没有备份"))

    def backup_now(self) -> None:
        folder = choose_folder(self, self.tr("选择备份到哪里（U盘或文件夹）"))
        if not folder:
            return
        path = prompts.attempt(self, lambda: self.desk.backup_to(Path(folder)),
                               self.tr("备份失败"))
        if path is not None:
            prompts.info(self, self.tr("备份完成"),
                         self.tr("备份已写入并校验无误：") + f"\n{path}")
            self.refresh()
