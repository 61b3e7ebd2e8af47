"""同步: the USB stick is the network.

A village exports what changed onto the stick (encrypted to its town, signed),
imports what the town sends back and sees which of its bundles arrived. The
town imports its villages' bundles, sees each village's state and the proxied
cases that are overdue, and writes a return bundle per village.

Export and import run in the job runner (`ui/jobs.py`) on a connection of their
own, behind a progress dialog with 取消: a cancelled export leaves no bundle (it
is written as `.partial` and renamed once read back), a cancelled import is
rolled back whole. The list of USB sticks comes from
QStorageInfo; the rule of what counts as removable is `sync.volumes`.

The pieces: `sync_village` and `sync_town` (each side's tabs and how they are filled),
`sync_dialogs` (checking a fingerprint before trusting), `sync_widgets`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QDir, QStorageInfo, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.station import Role
from ...services.desk import Desk
from ...services.sync import ExportResult, ImportOutcome, is_removable_root, range_label
from ..jobs import Job, Progress, Reloader, run_job
from ..widgets import palette, prompts, status
from ..widgets.forms import text_box
from ..widgets.lazy_tabs import LazyTabs
from .base import SyncPageBase
from .dialogs import make_new_identity, trust_identity_file
from .town import build_town_tabs, read_town, refresh_town, selected_villages
from .village import build_exports_tab, read_village, refresh_village

__all__ = ["OTHER_FOLDER", "Progress", "SyncPage", "choose_files", "choose_folder",
           "removable_volumes"]

OTHER_FOLDER = "其他文件夹…"
T = TypeVar("T")


# -- replaceable in tests -------------------------------------------------------------


def removable_volumes() -> list[tuple[str, Path]]:
    """Mounted, writable, ready volumes that look like a USB stick."""
    system = QDir.rootPath()[:2] if QDir.rootPath()[1:2] == ":" else ""
    out = []
    for v in QStorageInfo.mountedVolumes():
        root = v.rootPath()
        if not v.isValid() or not v.isReady() or v.isReadOnly():
            continue
        if not is_removable_root(root, system_drive=system):
            continue
        name = v.displayName() or root
        free = v.bytesAvailable() // (1024 * 1024)
        out.append((f"{name}（{root}，剩余 {free:,} MB）", Path(root)))
    return out


def choose_folder(parent: QWidget, title: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title)


def choose_files(parent: QWidget, title: str, pattern: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, title, "", pattern)
    return list(files)


# -- the page -------------------------------------------------------------------------


class SyncPage(SyncPageBase):
    FILLED_AFTER_FIRST_PAINT = True  # the window fills it in the turn after its first paint

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.is_town = False
        self._reads: Reloader[Any] = Reloader(self, desk.store, self.tr("无法读取同步情况"))
        self.last_report = ""
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("U盘同步"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("muted")
        layout.addWidget(self.intro)
        self.alert = QLabel()
        self.alert.setObjectName("alerts")
        self.alert.setWordWrap(True)
        layout.addWidget(self.alert)

        # this station's identity and whom it trusts
        ident = QGroupBox(self.tr("本站身份"))
        row = QHBoxLayout(ident)
        self.fingerprint = QLabel()
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.fingerprint, 1)
        self.identity_button = QPushButton(self.tr("导出本站身份文件…"))
        self.identity_button.clicked.connect(self.export_identity)
        self.trust_button = QPushButton(self.tr("信任对方身份文件…"))
        self.trust_button.clicked.connect(self.trust_identity)
        self.new_identity_button = QPushButton(self.tr("建立本站新身份…"))
        self.new_identity_button.clicked.connect(self.new_identity)
        row.addWidget(self.identity_button)
        row.addWidget(self.trust_button)
        row.addWidget(self.new_identity_button)
        layout.addWidget(ident)

        # where the stick is
        drive = QHBoxLayout()
        drive.addWidget(QLabel(self.tr("U盘：")))
        self.drives = QComboBox()
        self.drives.setMinimumWidth(360)
        drive.addWidget(self.drives, 1)
        self.rescan_button = QPushButton(self.tr("刷新"))
        self.rescan_button.clicked.connect(self.scan_drives)
        self.other_button = QPushButton(self.tr(OTHER_FOLDER))
        self.other_button.clicked.connect(self.choose_other_folder)
        drive.addWidget(self.rescan_button)
        drive.addWidget(self.other_button)
        layout.addLayout(drive)

        # actions of this side
        actions = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.setMinimumHeight(34)
        self.export_button.clicked.connect(self.export_now)
        self.again_button = QPushButton(self.tr("重新导出上一次"))
        self.again_button.clicked.connect(self.export_again)
        self.full_box = QCheckBox(self.tr("全部导出（不只是新变更）"))
        self.import_button = QPushButton()
        self.import_button.setMinimumHeight(34)
        self.import_button.clicked.connect(self.import_from_drive)
        self.import_files_button = QPushButton(self.tr("选择文件导入…"))
        self.import_files_button.clicked.connect(self.import_chosen_files)
        for w in (self.export_button, self.again_button, self.full_box, self.import_button,
                  self.import_files_button):
            actions.addWidget(w)
        actions.addStretch()
        layout.addLayout(actions)
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        layout.addWidget(self.pending)

        # a village sees only its exports, a town only its villages and overdue cases:
        # each tab's table is made when first shown
        self.tabs = LazyTabs()
        build_exports_tab(self)
        build_town_tabs(self)
        self.report_box = QWidget()
        box = QVBoxLayout(self.report_box)
        self.report = text_box()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("导入后在这里显示新增、更新、未变、未导入（有问题）和缺号情况。"))
        box.addWidget(self.report)
        self.tabs.addTab(self.report_box, self.tr("最近一次导入报告"))
        layout.addWidget(self.tabs, 1)
        self.scan_drives()

    # -- refresh ----------------------------------------------------------------
    def refresh(self) -> Job[Any] | None:
        """Texts at once; the tables read in the background and filled when read."""
        station = self.desk.station.current
        if station is None:
            return None
        self.is_town = station.kind.is_town
        head = self.desk.session.signed_in is None or self.desk.session.signed_in.role == Role.HEAD
        self.trust_button.setEnabled(head)
        self.trust_button.setToolTip(
            "" if head else self.tr("只有站长（中心主任）可以信任身份文件"))
        fingerprint = prompts.attempt(self, self.sync.fingerprint, self.tr("密钥"))
        # only when the keys are lost: new keys over good ones would make a stranger
        self.new_identity_button.setVisible(fingerprint is None)
        self.identity_button.setEnabled(fingerprint is not None)
        self.new_identity_button.setEnabled(head)
        self.new_identity_button.setToolTip(
            "" if head else self.tr("只有站长（中心主任）可以建立本站新身份"))
        self.fingerprint.setText(
            self.tr("本站：") + html.escape(f"{station.name}（{station.code}）") + "<br>"
            + self.tr("指纹：") + f"<span style='font-size:x-large; font-weight:bold'>"
            f"{fingerprint or '—'}</span>"
            + f"<br><span style='color:{palette.MUTED}'>"
            + self.tr("与对方交换身份文件时，请打电话逐组核对指纹") + "</span>")
        for page, shown in ((self.exports_box, not self.is_town),
                            (self.villages_box, self.is_town),
                            (self.overdue_box, self.is_town)):
            self.tabs.setTabVisible(self.tabs.indexOf(page), shown)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentWidget(self.villages_box if self.is_town else self.exports_box)
        self.tabs.ensure_built(self.tabs.currentWidget())
        self.again_button.setVisible(not self.is_town)
        self.full_box.setVisible(not self.is_town)
        self.export_button.setVisible(not self.is_town)  # the town's is under its table
        sync = self.sync
        if self.is_town:
            return self._reads.start(lambda _progress: read_town(sync),
                                     lambda read: self._alerts(refresh_town(self, read)))
        return self._reads.start(lambda _progress: read_village(sync),
                                 lambda read: self._alerts(refresh_village(self, read)))

    def _alerts(self, alerts: list[str]) -> None:
        self.alert.setText("\n".join("⚠ " + a for a in alerts))
        self.alert.setVisible(bool(alerts))

    # -- the stick --------------------------------------------------------------
    def scan_drives(self) -> None:
        current = self.drives.currentData()
        self.drives.clear()
        for label, root in removable_volumes():
            self.drives.addItem(label, str(root))
        if self.drives.count() == 0:
            self.drives.addItem(self.tr("没有找到U盘（插上后点“刷新”，或选“其他文件夹…”）"), "")
        if current:
            i = self.drives.findData(current)
            if i >= 0:
                self.drives.setCurrentIndex(i)

    def choose_other_folder(self) -> Path | None:
        folder = choose_folder(self, self.tr("选择U盘或文件夹"))
        if not folder:
            return None
        i = self.drives.findData(folder)
        if i < 0:
            if self.drives.count() == 1 and not self.drives.itemData(0):
                self.drives.clear()
            self.drives.addItem(folder, folder)
            i = self.drives.count() - 1
        self.drives.setCurrentIndex(i)
        return Path(folder)

    def target_folder(self) -> Path | None:
        """The chosen stick, or ask for a folder."""
        data = self.drives.currentData()
        if data:
            return Path(data)
        return self.choose_other_folder()

    # -- actions ------------------------------------------------------------------
    def export_identity(self) -> None:
        folder = self.target_folder()
        if folder is None:
            return
        path = prompts.attempt(self, lambda: self.sync.export_identity(folder),
                               self.tr("导出身份文件失败"))
        if path is not None:
            status.say(self, self.tr(
                "身份文件已写入 %1。请交给对方，并电话告诉对方本站的指纹 %2")
                .replace("%1", str(path)).replace("%2", self.sync.fingerprint()))

    def new_identity(self) -> None:
        if make_new_identity(self):
            self.refresh()

    def trust_identity(self) -> None:
        files = choose_files(self, self.tr("选择对方的身份文件"), "身份文件 (*.json)")
        for name in files:
            trust_identity_file(self, Path(name))
        self.refresh()

    def export_now(self) -> Job[ExportResult] | Job[list[ExportResult]] | None:
        if self.is_town:
            return self.export_returns_all()
        return self._export(full=self.full_box.isChecked(), again=False)

    def export_again(self) -> Job[ExportResult] | None:
        return self._export(full=False, again=True)

    def _long_work(self, work: Callable[[Progress], T], title: str, failed: str,
                   done: Callable[[T], None]) -> Job[T]:
        """Sync work in the runner: its own connection (it writes the export and
        import logs), 取消 in the dialog, the page refreshed whatever happened."""
        return run_job(work, title=title, parent=self, cancellable=True, store=self.desk.store,
                       writes=True, failed_title=failed, on_done=done,
                       on_finished=self.refresh)

    def _export(self, *, full: bool, again: bool) -> Job[ExportResult] | None:
        folder = self.target_folder()
        if folder is None:
            return None
        sync = self.sync

        def done(result: ExportResult) -> None:
            status.say(self, self.tr(
                "同步包已写入U盘并读回校验无误：%1（%2，%3 条记录，%4 个附件）。"
                "现在可以安全拔出U盘，交镇便民服务中心导入。")
                .replace("%1", str(result.path))
                .replace("%2", range_label(result.seq_from, result.seq_to))
                .replace("%3", str(result.records)).replace("%4", str(result.blobs)))

        return self._long_work(
            lambda progress: sync.export_to(folder, full=full, again=again, progress=progress),
            self.tr("正在导出到U盘…"), self.tr("导出失败"), done)

    def selected_villages(self) -> list[str]:
        if not self.tabs.is_built(self.villages_box):
            return []  # nothing can be selected in a table not yet shown
        return selected_villages(self.villages, self.villages_model)

    def export_returns_selected(self) -> Job[list[ExportResult]] | None:
        codes = self.selected_villages()
        if not codes:
            prompts.warn(self, self.tr("请先选择"), self.tr("请先在上面的表格中选中要回传的站。"))
            return None
        return self._export_returns(codes)

    def export_returns_all(self) -> Job[list[ExportResult]] | None:
        return self._export_returns(None)

    def _export_returns(self, codes: list[str] | None) -> Job[list[ExportResult]] | None:
        folder = self.target_folder()
        if folder is None:
            return None
        sync = self.sync

        def done(results: list[ExportResult]) -> None:
            lines = [f"{r.to_name}：{r.path.name}（{r.records} 条记录）"
                     + "".join(f"（注意：{n}）" for n in r.notes) for r in results]
            status.say(self, self.tr("回传包已写入U盘并读回校验无误：") + "；".join(lines)
                       + self.tr("。现在可以安全拔出U盘，带回各站导入。"))

        return self._long_work(
            lambda progress: sync.export_returns(folder, codes, progress=progress),
            self.tr("正在生成回传包…"), self.tr("生成回传包失败"), done)

    def import_from_drive(self) -> Job[ImportOutcome] | None:
        folder = self.target_folder()
        if folder is None:
            return None
        found = [p for p, h, note in self.sync.bundles_in(folder) if h is not None and not note]
        if not found:
            prompts.warn(self, self.tr("没有找到同步包"), self.tr(
                "%1 里没有发给本站的同步包。可以点“选择文件导入…”手动选择。")
                .replace("%1", str(folder)))
            return None
        return self.import_paths(found)

    def import_chosen_files(self) -> Job[ImportOutcome] | None:
        files = choose_files(self, self.tr("选择同步包（可多选）"), "同步包 (*.sdsync)")
        if files:
            return self.import_paths([Path(f) for f in files])
        return None

    def import_paths(self, paths: list[Path]) -> Job[ImportOutcome]:
        sync = self.sync
        return self._long_work(lambda progress: sync.import_many(paths, progress=progress),
                               self.tr("正在导入…"), self.tr("导入失败"), self._imported)

    def _imported(self, outcome: ImportOutcome) -> None:
        parts = [r.text() for r in outcome.reports]
        parts += [self.tr("未导入 ") + f"{r.path.name}：{r.message}" for r in outcome.refused]
        self.last_report = "\n\n".join(parts)
        self.report.setPlainText(self.last_report)
        if not self.is_town:
            for r in outcome.reports:
                if r.receipt:
                    self.report.appendPlainText("\n" + self.tr("镇中心已确认收到本站：") + (
                        "、".join(range_label(a, b) for a, b in r.receipt.get("ranges", []))
                        or self.tr("（尚无）")))
        if outcome.refused:  # something was not taken in: the clerk must see why
            prompts.warn(self, self.tr("导入报告"), self.last_report)
        else:
            status.say(self, self.tr("导入完成，导入报告见本页下方"))
