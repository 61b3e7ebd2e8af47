"""同步: the USB stick is the network.

A village exports what changed onto the stick (encrypted to its town, signed),
imports what the town sends back and sees which of its bundles arrived. The
town imports its villages' bundles, sees each village's state and the proxied
cases that are overdue, and writes a return bundle per village.

Long work runs off the UI thread behind a progress dialog that can be
cancelled (nothing half-written is kept). The list of USB sticks comes from
QStorageInfo; the rule of what counts as removable is `sync.volumes`.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QDir, QEventLoop, QStorageInfo, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.cases import Status
from ...domain.station import Role
from ...services.desk import Desk
from ...services.sync import (
    Cancelled,
    ImportOutcome,
    is_removable_root,
    missing_message,
    range_label,
)
from .. import prompts

T = TypeVar("T")
Progress = Callable[[int, int], None]

OTHER_FOLDER = "其他文件夹…"


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


def run_task(parent: QWidget, title: str, work: Callable[[Progress], T]) -> T:
    """Run `work` on a worker thread behind a modal progress dialog.

    `work` gets a progress callback; pressing 取消 makes the next call raise
    `Cancelled`, which the services turn into a rollback (import) or a
    discarded `.partial` file (export). Errors are re-raised here.
    """
    dialog = QProgressDialog(title, "取消", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    state: dict[str, Any] = {"done": 0, "total": 0, "finished": False}
    cancelled = threading.Event()

    def progress(done: int, total: int) -> None:
        state["done"], state["total"] = done, total
        if cancelled.is_set():
            raise Cancelled()

    def target() -> None:
        try:
            state["result"] = work(progress)
        except BaseException as exc:  # handed to the UI thread below
            state["error"] = exc
        finally:
            state["finished"] = True

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(40)

    def tick() -> None:
        if dialog.wasCanceled():
            cancelled.set()
        if state["total"]:
            dialog.setMaximum(int(state["total"]))
            dialog.setValue(min(int(state["done"]), int(state["total"])))
        if state["finished"]:
            timer.stop()
            loop.quit()

    timer.timeout.connect(tick)
    worker = threading.Thread(target=target, name="sync-task", daemon=True)
    worker.start()
    timer.start()
    loop.exec()
    worker.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in state:
        raise state["error"]
    result: T = state["result"]
    return result


# -- the page -------------------------------------------------------------------------


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], *, warn: set[tuple[int, int]] | None = None,
          data: list[Any] | None = None) -> None:
    """Rows of text; cells in `warn` (row, column) in dark red; `data` on column 0."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            if data is not None and c == 0:
                cell.setData(Qt.ItemDataRole.UserRole, data[r])
            if warn and (r, c) in warn:
                cell.setForeground(Qt.GlobalColor.darkRed)
            table.setItem(r, c, cell)


def _when(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ") or "—"


def _status_text(by_status: dict[str, int]) -> str:
    order = [s.value for s in Status]
    parts = [f"{s} {by_status[s]}" for s in order if by_status.get(s)]
    return " · ".join(parts) or "—"


class SyncPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.is_town = False
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
        row.addWidget(self.identity_button)
        row.addWidget(self.trust_button)
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

        self.tabs = QTabWidget()
        # village: our bundles and whether the town confirmed them
        self.exports_box = QWidget()
        box = QVBoxLayout(self.exports_box)
        self.exports = _table([self.tr("导出时间"), self.tr("变更范围"), self.tr("记录"),
                               self.tr("镇中心确认"), self.tr("文件")])
        box.addWidget(self.exports)
        self.tabs.addTab(self.exports_box, self.tr("已导出的同步包"))
        # town: villages and overdue proxied cases
        self.villages_box = QWidget()
        box = QVBoxLayout(self.villages_box)
        self.villages = _table([self.tr("站点"), self.tr("最近导入"), self.tr("已收到至"),
                                self.tr("缺号"), self.tr("办件（按状态）"), self.tr("代办逾期"),
                                self.tr("隔离"), self.tr("最近回传")])
        self.villages.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        box.addWidget(self.villages)
        returns = QHBoxLayout()
        self.return_selected_button = QPushButton(self.tr("为选中的站生成回传包"))
        self.return_selected_button.clicked.connect(self.export_returns_selected)
        self.return_all_button = QPushButton(self.tr("为全部村（社区）站生成回传包"))
        self.return_all_button.clicked.connect(self.export_returns_all)
        returns.addWidget(self.return_selected_button)
        returns.addWidget(self.return_all_button)
        returns.addStretch()
        box.addLayout(returns)
        self.tabs.addTab(self.villages_box, self.tr("各村（社区）站"))
        self.overdue_box = QWidget()
        box = QVBoxLayout(self.overdue_box)
        self.overdue = _table([self.tr("办件编号"), self.tr("村（社区）"), self.tr("申请人"),
                               self.tr("事项"), self.tr("状态"), self.tr("承诺办结"),
                               self.tr("逾期（工作日）"), self.tr("代办员"), self.tr("代办进度")])
        box.addWidget(self.overdue)
        self.tabs.addTab(self.overdue_box, self.tr("逾期的帮办代办件"))
        self.report_box = QWidget()
        box = QVBoxLayout(self.report_box)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText(self.tr("导入后在这里显示新增、更新、未变、隔离和缺号情况。"))
        box.addWidget(self.report)
        self.tabs.addTab(self.report_box, self.tr("最近一次导入报告"))
        layout.addWidget(self.tabs, 1)
        self.scan_drives()

    # -- refresh ----------------------------------------------------------------
    @property
    def sync(self) -> Any:
        return self.desk.sync

    def refresh(self) -> None:
        station = self.desk.station
        if station is None:
            return
        self.is_town = station.kind.is_town
        head = self.desk.signed_in is None or self.desk.signed_in.role == Role.HEAD
        self.trust_button.setEnabled(head)
        self.trust_button.setToolTip(
            "" if head else self.tr("只有站长（中心主任）可以信任身份文件"))
        fingerprint = prompts.attempt(self, self.sync.fingerprint, self.tr("密钥"))
        self.fingerprint.setText(
            self.tr("本站：") + html.escape(f"{station.name}（{station.code}）") + "<br>"
            + self.tr("指纹：") + f"<span style='font-size:18px; font-weight:bold'>"
            f"{fingerprint or '—'}</span>"
            + "<br><span style='color:#6b7280'>"
            + self.tr("与对方交换身份文件时，请打电话逐组核对指纹") + "</span>")
        for page, shown in ((self.exports_box, not self.is_town),
                            (self.villages_box, self.is_town),
                            (self.overdue_box, self.is_town)):
            self.tabs.setTabVisible(self.tabs.indexOf(page), shown)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentWidget(self.villages_box if self.is_town else self.exports_box)
        self.again_button.setVisible(not self.is_town)
        self.full_box.setVisible(not self.is_town)
        self.export_button.setVisible(not self.is_town)  # the town's is under its table
        if self.is_town:
            self._refresh_town()
        else:
            self._refresh_village()

    def _refresh_village(self) -> None:
        self.intro.setText(self.tr(
            "把本站的办件变更加密导出到U盘，交镇便民服务中心导入；镇中心的办理结果、"
            "事项目录和节假日安排用回传包带回。U盘丢失也不会泄露群众信息。"))
        self.export_button.setText(self.tr("导出到U盘"))
        self.import_button.setText(self.tr("从U盘导入镇中心回传包"))
        pending = self.sync.pending()
        alerts = []
        if pending.peer is None:
            alerts.append(self.tr("还没有信任镇中心的身份文件，不能导出。请向镇中心要身份文件，"
                                  "电话核对指纹后点“信任对方身份文件…”。"))
            self.pending.setText("")
        else:
            last = pending.last_export
            text = self.tr("镇中心：") + f"{pending.peer.name}　"
            text += self.tr("待导出：") + (
                range_label(pending.seq_from, pending.seq_to) + f"（{pending.count} 条变更）"
                if pending.count else self.tr("无新变更"))
            if last is not None:
                text += self.tr("　上次导出：") + f"{_when(last.created_at)}，" + range_label(
                    last.seq_from, last.seq_to)
            self.pending.setText(text)
        self.export_button.setEnabled(pending.peer is not None)
        self.again_button.setEnabled(pending.last_export is not None)
        statuses = self.sync.exports()
        unconfirmed = [s for s in statuses if not s.confirmed]
        _fill(self.exports, [[
            _when(s.record.created_at), range_label(s.record.seq_from, s.record.seq_to),
            str(s.record.records),
            (self.tr("已收到 ") + _when(s.confirmed_at) if s.confirmed_at
             else self.tr("已收到") if s.confirmed else self.tr("尚未确认")),
            s.record.file_name] for s in statuses],
            warn={(r, 3) for r, s in enumerate(statuses) if not s.confirmed})
        if statuses and unconfirmed:
            alerts.append(self.tr("有 %1 个同步包镇中心尚未确认收到（以镇中心回传包为准）")
                          .replace("%1", str(len(unconfirmed))))
        self._alerts(alerts)

    def _refresh_town(self) -> None:
        self.intro.setText(self.tr(
            "导入各村（社区）站交来的同步包（可一次选多个），查看各站情况和逾期的帮办代办件，"
            "再为各站生成回传包（办理结果、事项目录、节假日安排和收件回执）。"))
        self.export_button.setText(self.tr("为全部村（社区）站生成回传包"))
        self.import_button.setText(self.tr("从U盘导入村站同步包"))
        villages = self.sync.villages()
        overdue = self.sync.overdue_proxied()
        _fill(self.villages, [[
            v.name, _when(v.last_import_at),
            range_label(1, v.last_seq) if v.last_seq else self.tr("尚未收到"),
            v.missing_text() or "", _status_text(v.by_status), str(v.overdue_proxied),
            str(v.held),
            _when(v.last_return.created_at) if v.last_return else "—"]
            for v in villages], data=[v.code for v in villages],
            warn={(r, c) for r, v in enumerate(villages)
                  for c, bad in ((3, bool(v.missing)), (5, v.overdue_proxied > 0),
                                 (6, v.held > 0)) if bad})
        _fill(self.overdue, [[c.case_no, c.station_name, c.applicant, c.item, c.status,
                              c.deadline, str(c.days_over), c.agent, c.proxy_step]
                             for c in overdue], warn={(r, 6) for r in range(len(overdue))})
        self.tabs.setTabText(self.tabs.indexOf(self.overdue_box),
                             self.tr("逾期的帮办代办件（%1）").replace("%1", str(len(overdue))))
        self.export_button.setEnabled(bool(villages))
        self.return_all_button.setEnabled(bool(villages))
        self.return_selected_button.setEnabled(bool(villages))
        self.pending.setText(
            self.tr("已信任 %1 个村（社区）站。").replace("%1", str(len(villages))))
        alerts = []
        if not villages:
            alerts.append(self.tr("还没有信任任何村（社区）站：请导入各站的身份文件，"
                                  "电话核对指纹后点“信任对方身份文件…”。"))
        for v in villages:
            if v.missing:
                alerts += [missing_message(v.name, a, b) for a, b in v.missing]
        if overdue:
            alerts.append(self.tr("有 %1 件帮办代办件已超过承诺办结日期").replace(
                "%1", str(len(overdue))))
        self._alerts(alerts)

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
            prompts.info(self, self.tr("身份文件已导出"), self.tr(
                "已写入：%1\n\n请把这个文件交给对方，并电话告诉对方本站的指纹：\n%2")
                .replace("%1", str(path)).replace("%2", self.sync.fingerprint()))

    def trust_identity(self) -> None:
        files = choose_files(self, self.tr("选择对方的身份文件"), "身份文件 (*.json)")
        for name in files:
            self._trust_one(Path(name))
        self.refresh()

    def _trust_one(self, path: Path) -> None:
        identity = prompts.attempt(self, lambda: self.sync.read_identity(path),
                                   self.tr("身份文件不能使用"))
        if identity is None:
            return
        if prompts.attempt(self, lambda: self.sync.check_identity(identity) or True,
                           self.tr("不能信任这个身份文件")) is None:
            return
        known = next((p for p in self.sync.peers() if p.code == identity.code), None)
        replace = known is not None and known.fingerprint != identity.fingerprint
        text = (self.tr("对方：") + f"{identity.name}（{identity.code}，{identity.kind.label}）\n"
                + self.tr("指纹：") + f"{identity.fingerprint}\n\n"
                + self.tr("请打电话给对方，请对方念出其程序“同步”页上显示的指纹，"
                          "逐组核对完全一致后再点“是”。"))
        if replace:
            assert known is not None
            text = (self.tr("注意：本站原先信任的 %1 指纹是 %2，现在的文件指纹不同（密钥已变化）。"
                            "只有确认对方更换了电脑或重新生成了密钥时才可替换。\n\n")
                    .replace("%1", known.name).replace("%2", known.fingerprint) + text)
        if not prompts.confirm(self, self.tr("核对指纹"), text):
            return
        result = prompts.attempt(
            self, lambda: self.sync.trust_identity(identity, replace=replace),
            self.tr("信任失败"))
        if result is not None:
            prompts.info(self, self.tr("已信任"), self.tr("已信任：") + result.peer.name)

    def export_now(self) -> None:
        if self.is_town:
            self.export_returns_all()
            return
        self._export(full=self.full_box.isChecked(), again=False)

    def export_again(self) -> None:
        self._export(full=False, again=True)

    def _export(self, *, full: bool, again: bool) -> None:
        folder = self.target_folder()
        if folder is None:
            return
        result = prompts.attempt(self, lambda: run_task(
            self, self.tr("正在导出到U盘…"),
            lambda progress: self.sync.export_to(folder, full=full, again=again,
                                                 progress=progress)),
            self.tr("导出失败"))
        if result is not None:
            prompts.info(self, self.tr("导出完成"), self.tr(
                "同步包已写入U盘并读回校验无误：\n%1\n\n%2，%3 条记录，%4 个附件。\n"
                "现在可以安全拔出U盘，交镇便民服务中心导入。")
                .replace("%1", str(result.path))
                .replace("%2", range_label(result.seq_from, result.seq_to))
                .replace("%3", str(result.records)).replace("%4", str(result.blobs)))
        self.refresh()

    def selected_villages(self) -> list[str]:
        rows = sorted({i.row() for i in self.villages.selectedIndexes()})
        return [str(self.villages.model().index(r, 0).data(Qt.ItemDataRole.UserRole))
                for r in rows]

    def export_returns_selected(self) -> None:
        codes = self.selected_villages()
        if not codes:
            prompts.warn(self, self.tr("请先选择"), self.tr("请先在上面的表格中选中要回传的站。"))
            return
        self._export_returns(codes)

    def export_returns_all(self) -> None:
        self._export_returns(None)

    def _export_returns(self, codes: list[str] | None) -> None:
        folder = self.target_folder()
        if folder is None:
            return
        results = prompts.attempt(self, lambda: run_task(
            self, self.tr("正在生成回传包…"),
            lambda progress: self.sync.export_returns(folder, codes, progress=progress)),
            self.tr("生成回传包失败"))
        if results is not None:
            lines = [f"{r.to_name}：{r.path.name}（{r.records} 条记录）" for r in results]
            prompts.info(self, self.tr("回传包已生成"), self.tr(
                "已写入U盘并读回校验无误：\n") + "\n".join(lines)
                + self.tr("\n\n现在可以安全拔出U盘，带回各站导入。"))
        self.refresh()

    def import_from_drive(self) -> None:
        folder = self.target_folder()
        if folder is None:
            return
        found = [p for p, h, note in self.sync.bundles_in(folder) if h is not None and not note]
        if not found:
            prompts.warn(self, self.tr("没有找到同步包"), self.tr(
                "%1 里没有发给本站的同步包。可以点“选择文件导入…”手动选择。")
                .replace("%1", str(folder)))
            return
        self.import_paths(found)

    def import_chosen_files(self) -> None:
        files = choose_files(self, self.tr("选择同步包（可多选）"), "同步包 (*.sdsync)")
        if files:
            self.import_paths([Path(f) for f in files])

    def import_paths(self, paths: list[Path]) -> None:
        outcome: ImportOutcome | None = prompts.attempt(self, lambda: run_task(
            self, self.tr("正在导入…"),
            lambda progress: self.sync.import_many(paths, progress=progress)),
            self.tr("导入失败"))
        if outcome is None:
            self.refresh()
            return
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
        box = prompts.warn if outcome.refused else prompts.info
        box(self, self.tr("导入报告"), self.last_report)
        self.refresh()
