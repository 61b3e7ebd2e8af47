"""档案: backups (making them, and restoring one — head only), the archive register
(归档 with DA/T 22 numbers, search) and the 查阅/复印 register the head approves.

Backups and restores run on the UI thread: a station's archive is copied and
verified in well under a second (demo: backup 6 ms, restore 15 ms).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.archive import ArchiveFile, Borrowing
from ...services.backups import Restored
from ...services.desk import Desk
from ..jobs import Job, report_failure, run_job
from ..widgets import palette, prompts, status
from ..widgets.forms import rows_view
from ..widgets.lazy_tabs import LazyTabs
from .dialogs import ask_borrow, ask_decision, ask_filing  # tests replace these here
from .models import ArchiveFilesModel, BorrowingsModel
from .recovery_sheet import show_recovery_sheet
from .retention_tab import RetentionTab

# -- what the page asks (replaceable in tests) -----------------------------------


def choose_folder(parent: QWidget, title: str) -> str:
    """Replaceable in tests."""
    return QFileDialog.getExistingDirectory(parent, title)


def choose_backup_file(parent: QWidget) -> str:
    """Replaceable in tests: a backup file (the PC's automatic ones, or one on a USB stick)."""
    start = str(parent.desk.store.backups_dir) if isinstance(parent, ArchivePage) else ""
    return QFileDialog.getOpenFileName(
        parent, parent.tr("选择要恢复的备份文件"), start,
        parent.tr("数据备份 (archive-*.db);;所有文件 (*)"))[0]


# -- the page ------------------------------------------------------------------------

class ArchivePage(QWidget):
    # after a restore, with where the old file was kept: the window refreshes everything
    restored = Signal(str)

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.files: list[ArchiveFile] = []
        self.borrow_rows: list[Borrowing] = []
        self._retention_stale = True
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("档案与备份"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        # 备份 in front; the other tabs are made (and read) when first shown
        self.tabs = LazyTabs()
        self.tabs.addTab(self._backup_tab(), self.tr("备份"))
        self.register_page = self.tabs.add_lazy(self.tr("档案登记"), self._register_tab,
                                                self.refresh_files)
        self.borrow_page = self.tabs.add_lazy(self.tr("查阅/复印登记"), self._borrow_tab,
                                              self.refresh_borrowings)
        self.retention_page = self.tabs.add_lazy(self.tr("保管期限"), self._retention)
        self.tabs.currentChanged.connect(self._tab_shown)  # after the tab is made
        layout.addWidget(self.tabs, 1)

    # -- 备份 -----------------------------------------------------------------
    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where)
        self.last_backup = QLabel()
        self.last_backup.setWordWrap(True)
        layout.addWidget(self.last_backup)
        row = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份到U盘或文件夹…"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.restore_button.setToolTip(self.tr("只能由站长操作；当前数据文件会先原样另存，不会删除"))
        self.restore_button.clicked.connect(self.restore)
        self.sheet_button = QPushButton(self.tr("打印恢复单…"))
        self.sheet_button.setToolTip(self.tr("只能由站长操作；新电脑上凭它和U盘备份找回本站数据"))
        self.sheet_button.clicked.connect(lambda: show_recovery_sheet(self, self.desk))
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addWidget(self.sheet_button)
        row.addStretch()
        layout.addLayout(row)
        self.list_title = QLabel()
        layout.addWidget(self.list_title)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        note = QLabel(self.tr("备份文件请另存到U盘并带离服务站保管。从备份恢复只能由站长操作；"
                              "恢复前，当前数据文件会原样另存一份，不会删除。"))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        return tab

    def _refresh_backups(self) -> None:
        self.where.setText(self.tr("数据文件：") + str(self.desk.store.path))
        age = self.desk.backups.age()
        stale = age.stale
        if age.last is None:
            text = self.tr("还没有备份。请立即备份到U盘。")
        else:
            text = self.tr("最近一次备份：%1（%2 天前）").replace(
                "%1", f"{age.last:%Y-%m-%d %H:%M}").replace("%2", str(age.days))
            if stale:
                text += self.tr("。已超过 %1 天，请立即备份到U盘。").replace(
                    "%1", str(age.warn_days))
        self.last_backup.setText(text)
        self.last_backup.setProperty("stale", stale)
        self.last_backup.setStyleSheet(
            f"color: {palette.WARNING}; font-weight: bold;" if stale else "")
        self.list_title.setText(self.tr(
            "本机自动备份（每天第一次打开程序时自动做一份，保留最近 %1 份）：").replace(
            "%1", str(self.desk.station.setting("backup_keep_days"))))
        self.list.clear()
        for b in self.desk.backups.automatic():
            self.list.addItem(f"{b.made_at:%Y-%m-%d %H:%M}　{b.size // 1024} KB　{b.path.name}")
        if self.list.count() == 0:
            self.list.addItem(self.tr("还没有备份"))

    def backup_now(self) -> Job[Path] | None:
        """Copies in the background behind a progress dialog; 取消 removes the partial."""
        folder = choose_folder(self, self.tr("选择备份到哪里（U盘或文件夹）"))
        if not folder:
            return None

        def done(path: Path) -> None:
            status.say(self, self.tr("备份已写入并校验无误：") + str(path))
            self.refresh()

        return run_job(lambda progress: self.desk.backups.backup_to(Path(folder), progress),
                       title=self.tr("正在备份…"), failed_title=self.tr("备份失败"),
                       on_done=done, parent=self,
                       cancellable=True, store=self.desk.store)

    def restore(self) -> Job[Restored] | None:
        if not prompts.succeeded(self, lambda: self.desk.session.require_head("从备份恢复"),
                                 self.tr("不能恢复")):
            return None
        chosen = choose_backup_file(self)
        if not chosen:
            return None
        backup = Path(chosen)
        try:
            made = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        except OSError:
            made = "?"
        question = (self.tr("用这份备份替换当前数据：") + f"\n{backup}\n"
                    + self.tr("（文件时间 %1）").replace("%1", made) + "\n\n"
                    + self.tr("当前数据文件不会删除：恢复前会原样另存到数据文件夹 %1。")
                    .replace("%1", str(self.desk.data_dir)) + "\n"
                    + self.tr("这份备份之后登记或修改的内容，恢复后将看不到，需要重新登记。")
                    + "\n\n" + self.tr("确定要恢复吗？"))
        if not prompts.confirm(self, self.tr("从备份恢复"), question):
            return None

        def done(result: Restored) -> None:
            prompts.info(self, self.tr("已从备份恢复"),
                         self.tr("数据已恢复为这份备份的内容。原来的数据文件已另存为：")
                         + f"\n{result.aside}\n"
                         + self.tr("如需找回其中的记录，请联系镇里的信息管理员。"))
            if result.scan_issues:
                prompts.warn(self, self.tr("有附件没有恢复"), result.scan_message())
            self.refresh()
            self.restored.emit(str(result.aside))

        def failed(exc: BaseException) -> None:
            report_failure(self, self.tr("恢复失败"), exc)
            self.refresh()

        # not cancellable: once the swap starts it must finish; the modal dialog keeps
        # the clerk off the archive while it is closed
        return run_job(lambda _progress: self.desk.backups.restore_from(backup),
                       title=self.tr("正在从备份恢复…"), on_done=done, on_failed=failed,
                       parent=self)

    # -- 档案登记 -------------------------------------------------------------
    def _register_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("档号、办件编号、申请人或事项"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh_files)
        self.year = QComboBox()
        self.year.addItem(self.tr("全部年份"), 0)
        this_year = date.today().year
        for y in range(this_year, this_year - 30, -1):
            self.year.addItem(self.tr("%1 年").replace("%1", str(y)), y)
        self.year.currentIndexChanged.connect(self.refresh_files)
        find = QPushButton(self.tr("查询"))
        find.clicked.connect(self.refresh_files)
        row.addWidget(self.search, 1)
        row.addWidget(self.year)
        row.addWidget(find)
        layout.addLayout(row)
        # long free text shares the room left, elided, full text as tooltip
        self.files_model = ArchiveFilesModel(self)
        self.files_table = rows_view(self.files_model, fit=True, stretch=(3,))
        self.files_table.doubleClicked.connect(lambda _i: self.request_borrow())
        layout.addWidget(self.files_table, 1)
        bottom = QHBoxLayout()
        self.files_count = QLabel()
        self.files_count.setObjectName("muted")
        self.file_button = QPushButton(self.tr("归档…"))
        self.file_button.setToolTip(self.tr("给已办结的办件编档号（保管期限默认按办件类型）"))
        self.file_button.clicked.connect(self.file_case)
        borrow = QPushButton(self.tr("登记查阅/复印…"))
        borrow.clicked.connect(self.request_borrow)
        bottom.addWidget(self.files_count)
        bottom.addStretch()
        bottom.addWidget(self.file_button)
        bottom.addWidget(borrow)
        layout.addLayout(bottom)
        return tab

    def refresh_files(self) -> None:
        if not self.tabs.is_built(self.register_page):
            return  # read when the tab is first shown
        year = int(self.year.currentData() or 0)
        self.files = self.desk.archive.search(self.search.text(), year or None)
        self.files_model.set_records(self.files)
        self.files_count.setText(self.tr("共 %1 件").replace("%1", str(len(self.files)))
                                 + (self.tr("（只显示前 500 件，请缩小查询范围）")
                                    if len(self.files) >= 500 else ""))

    def selected_file(self) -> ArchiveFile | None:
        if not self.tabs.is_built(self.register_page):
            return None
        rows = self.files_table.selectionModel().selectedRows()
        return self.files[rows[0].row()] if rows else None

    def file_case(self) -> str | None:
        answer = ask_filing(self)
        if answer is None:
            return None
        filed = prompts.attempt(self, lambda: self.desk.archive.file_case(
            answer.case_no, answer.retention, answer.location), self.tr("不能归档"))
        if filed is None:
            return None
        status.say(self, self.tr("%1 已归档，档号 %2，保管期限 %3").replace(
            "%1", filed.case_no).replace("%2", filed.archive_no)
            .replace("%3", filed.retention.label))
        self.tabs.show_tab(self.register_page)
        self.search.clear()
        self.refresh_files()
        return filed.archive_no

    # -- 查阅/复印登记 --------------------------------------------------------
    def _borrow_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.pending_only = QCheckBox(self.tr("只看待站长审批的"))
        self.pending_only.toggled.connect(self.refresh_borrowings)
        layout.addWidget(self.pending_only)
        self.borrow_model = BorrowingsModel(self)
        self.borrow_table = rows_view(self.borrow_model, fit=True, stretch=(3, 6))
        layout.addWidget(self.borrow_table, 1)
        row = QHBoxLayout()
        request = QPushButton(self.tr("登记查阅/复印…"))
        request.clicked.connect(self.request_borrow)
        self.decide_button = QPushButton(self.tr("审批…"))
        self.decide_button.setToolTip(self.tr("只能由站长审批"))
        self.decide_button.clicked.connect(self.decide)
        self.return_button = QPushButton(self.tr("登记归还"))
        self.return_button.clicked.connect(self.mark_returned)
        row.addWidget(request)
        row.addWidget(self.decide_button)
        row.addWidget(self.return_button)
        row.addStretch()
        layout.addLayout(row)
        return tab

    def refresh_borrowings(self) -> None:
        if not self.tabs.is_built(self.borrow_page):
            return  # read when the tab is first shown
        self.borrow_rows = self.desk.archive.borrowings(pending_only=self.pending_only.isChecked())
        self.borrow_model.set_records(self.borrow_rows)

    def selected_borrowing(self) -> Borrowing | None:
        if not self.tabs.is_built(self.borrow_page):
            return None
        rows = self.borrow_table.selectionModel().selectedRows()
        return self.borrow_rows[rows[0].row()] if rows else None

    def select_borrowing(self, borrow_id: str) -> None:
        self.tabs.show_tab(self.borrow_page)
        row = self.borrow_model.row_of(borrow_id)
        if row >= 0:
            self.borrow_table.selectRow(row)

    def request_borrow(self) -> Borrowing | None:
        chosen = self.selected_file()
        answer = ask_borrow(self, chosen.archive_no if chosen else "")
        if answer is None:
            return None
        made = prompts.attempt(self, lambda: self.desk.archive.request(
            answer.archive_no, answer.borrower, answer.purpose, answer.kind),
            self.tr("不能登记"))
        if made is not None:
            self.tabs.show_tab(self.borrow_page)
            self.refresh_borrowings()
            self.select_borrowing(made.id)
        return made

    def _pick(self) -> Borrowing | None:
        chosen = self.selected_borrowing()
        if chosen is None:
            prompts.warn(self, self.tr("查阅/复印登记"), self.tr("请先在列表里选中一条登记。"))
        return chosen

    def decide(self) -> Borrowing | None:
        if not prompts.succeeded(self, lambda: self.desk.session.require_head("审批档案查阅/复印"),
                                 self.tr("不能审批")):
            return None
        chosen = self._pick()
        if chosen is None:
            return None
        if not chosen.is_pending:
            prompts.warn(self, self.tr("不能审批"), self.tr("这条登记已经审批过了"))
            return None
        answer = ask_decision(self, chosen)
        if answer is None:
            return None
        done = prompts.attempt(self, lambda: self.desk.archive.decide(
            chosen.id, answer.approve, answer.reason), self.tr("不能审批"))
        if done is not None:
            self.refresh_borrowings()
            self.select_borrowing(done.id)
        return done

    def mark_returned(self) -> Borrowing | None:
        chosen = self._pick()
        if chosen is None:
            return None
        done = prompts.attempt(self, lambda: self.desk.archive.returned(chosen.id),
                               self.tr("不能登记归还"))
        if done is not None:
            self.refresh_borrowings()
            self.select_borrowing(done.id)
        return done

    # -- all ---------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_backups()
        self.refresh_files()
        self.refresh_borrowings()
        self._retention_stale = True
        self._tab_shown(self.tabs.currentIndex())

    def _retention(self) -> RetentionTab:
        self.retention_tab = RetentionTab(self.desk)
        return self.retention_tab

    def _tab_shown(self, index: int) -> None:
        """保管期限 walks every ended case of the station: read it when it is looked at,
        not each time 档案 opens (175 ms at 100,000 cases)."""
        if self.tabs.widget(index) is self.retention_page and self._retention_stale:
            self._retention_stale = False
            self.retention_tab.refresh()
