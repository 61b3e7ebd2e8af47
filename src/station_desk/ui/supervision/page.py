"""督导 (town mode only): every trusted village on one board, worst first —
silent ones, gaps in their numbering, overdue work, complaints and 差评 — each
figure opening the records behind it; the board and the monthly 台账 printed
or exported for the county; the same person open at two places."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QStandardPaths
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.supervision import VillageBoardRow
from ...services.desk import Desk
from ...services.supervision import CaseRef, DuplicatePair
from ..jobs import Job, Progress, Reloader, run_job
from ..statistics.page import choose_report_path
from ..widgets import prompts, status
from ..widgets.forms import rows_view
from ..widgets.later import in_later_turn
from ..widgets.text_size import follow_text_size
from .dialogs import FigureDialog
from .model import FIGURE_COLUMNS, BoardModel, DuplicatesModel, PeopleModel


class _PeoplePart:
    """The tabs under the board: the same item open twice, the same person at two places."""

    def __init__(self, page: SupervisionPage) -> None:
        self.tabs = QTabWidget()
        dup_box = QWidget()
        dup_layout = QVBoxLayout(dup_box)
        dup_layout.setContentsMargins(0, 0, 0, 0)
        # the masked number's last 4 are what tells people apart: never elided
        self.dup_table = rows_view(page.duplicates, fit=True, stretch=(2, 3, 4))
        dup_layout.addWidget(self.dup_table)
        row = QHBoxLayout()
        row.addStretch()
        self.dismiss_button = QPushButton(page.tr("核实：不是重复登记…"))
        self.dismiss_button.clicked.connect(page.dismiss_selected)
        row.addWidget(self.dismiss_button)
        dup_layout.addLayout(row)
        self.people_table = rows_view(page.people, fit=True, stretch=(4,))
        self.tabs.addTab(dup_box, "")
        self.tabs.addTab(self.people_table, "")


def open_figure(page: SupervisionPage, station: str, name: str, figure: str) -> None:
    """Replaceable in tests: the records behind one figure."""
    FigureDialog(page.desk, station, name, figure, page).exec()


def ask_note(page: QWidget) -> str | None:
    """Replaceable in tests: how the supervisor checked the pair."""
    text, ok = QInputDialog.getText(page, page.tr("不是重复登记"),
                                    page.tr("核实情况（如：两次申请，时间不同）："))
    return text if ok else None


@dataclass(frozen=True)
class Board:
    """What the page shows, read off the UI thread."""
    rows: list[VillageBoardRow]
    holds: dict[str, Any]
    cadence: int
    names: dict[str, str]
    pairs: list[DuplicatePair]
    people: dict[str, list[CaseRef]]


class SupervisionPage(QWidget):
    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self._people_count: int | None = None  # None: not read yet
        self._reads: Reloader[Board] = Reloader(self, desk.store, self.tr("无法读取各站情况"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("督导各村（社区）站"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        top.addStretch()
        self.print_button = QPushButton(self.tr("打印/导出看板…"))
        self.print_button.setToolTip(self.tr("PDF 可打印；Excel 工作簿报县"))
        self.print_button.clicked.connect(self.export_board)
        self.month = QDateEdit()
        self.month.setDisplayFormat("yyyy年MM月")
        self.month.setCalendarPopup(False)
        self.month.setDate(QDate.currentDate())
        self.ledger_button = QPushButton(self.tr("导出月度台账…"))
        self.ledger_button.clicked.connect(self.export_ledger)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.clicked.connect(self.refresh)
        for w in (self.print_button, self.month, self.ledger_button, self.refresh_button):
            top.addWidget(w)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("alerts")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.cadence = QLabel()
        self.cadence.setObjectName("muted")
        self.cadence.setWordWrap(True)
        layout.addWidget(self.cadence)

        self.board = BoardModel(self)
        self.table = rows_view(self.board)  # measured per reading (_size_columns)
        follow_text_size(self.table, self._size_columns)  # zoom: widths in characters
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 3)

        # the same person at two places (the same item open twice, the person view):
        # the lower half, made in the turn after the first paint
        self.duplicates = DuplicatesModel({}, self)
        self.people = PeopleModel({}, self)
        self._people_part: _PeoplePart | None = None
        self._lower = layout
        in_later_turn(self, self._make_people_part)

    def _make_people_part(self) -> _PeoplePart:
        if self._people_part is None:
            self._people_part = _PeoplePart(self)
            self._lower.addWidget(self._people_part.tabs, 2)
            if self._people_count is not None:  # read before this part was made
                self._show_people_counts(self._people_part)
        return self._people_part

    def people_part_made(self) -> bool:
        """The tabs under the board are made (for tests)."""
        return self._people_part is not None

    @property
    def people_tabs(self) -> QTabWidget:
        return self._make_people_part().tabs

    @property
    def dup_table(self) -> QTableView:
        return self._make_people_part().dup_table

    @property
    def dismiss_button(self) -> QPushButton:
        return self._make_people_part().dismiss_button

    # -- showing ------------------------------------------------------------
    def refresh(self) -> Job[Board]:
        """Read the board in the background (at a town with ten years of cases the
        duplicate and person checks take a second); shown when read."""
        s, station = self.desk.supervision, self.desk.station

        def gather(_progress: Progress) -> Board:
            names = {**s.village_names(), station.station_or_refuse().code: "本中心"}
            return Board(s.villages(), s.catalogue_holds(), s.cadence_days(), names,
                         s.duplicates(), s.people_across_stations())

        return self._reads.start(gather, self._show)

    def _show(self, board: Board) -> None:
        rows = board.rows
        self.board.set_rows(rows, board.holds)
        self._size_columns()
        self.cadence.setText(self.tr(
            "报送周期：每 %1 天交一次同步包（超过即标黄，超过两倍标红；在“设置”中修改）。"
            "逾期、即将到期按工作日计，与“办件”页一致。双击数字查看对应的办件或记录。")
            .replace("%1", str(board.cadence)))
        alerts = []
        never = [r.name for r in rows if not r.reported]
        late = [f"{r.name}（{r.days_silent} 天）" for r in rows
                if r.reported and r.silence.rank < 3]
        if never:
            alerts.append(self.tr("从未报送：") + "、".join(never))
        if late:
            alerts.append(self.tr("超期未报送：") + "、".join(late))
        gaps = [r.name for r in rows if r.missing]
        if gaps:
            alerts.append(self.tr("同步包缺号（有变更没有收到）：") + "、".join(gaps))
        overdue = sum(r.overdue for r in rows)
        if overdue:
            alerts.append(self.tr("各站共有 %1 件逾期").replace("%1", str(overdue)))
        late_fixes = [f"{r.name} {r.bad_ratings_overdue} 个" for r in rows
                      if r.bad_ratings_overdue]
        if late_fixes:
            alerts.append(self.tr("差评超过整改期限未回访整改：") + "、".join(late_fixes))
        if not rows:
            alerts.append(self.tr("还没有信任任何村（社区）站：请到“同步”页导入各站的身份文件。"))
        self.summary.setText("\n".join("⚠ " + a for a in alerts))
        self.summary.setVisible(bool(alerts))
        self.duplicates.names = self.people.names = board.names
        self.duplicates.set_records(board.pairs)
        self._people_count = len(board.people)
        self.people.set_records([ref for refs in board.people.values() for ref in refs])
        if self._people_part is not None:
            self._show_people_counts(self._people_part)

    def _show_people_counts(self, part: _PeoplePart) -> None:
        """The two tabs' titles (and 核实) after a read."""
        pairs = self.duplicates.rowCount()
        part.tabs.setTabText(0, self.tr("同一身份证号同一事项两处同时在办（%1 组）")
                             .replace("%1", str(pairs)))
        part.dismiss_button.setEnabled(bool(pairs))
        part.tabs.setTabText(1, self.tr("同一人在多处有办件（%1 人）")
                             .replace("%1", str(self._people_count)))

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        em = self.table.fontMetrics().horizontalAdvance("国")
        for column in range(self.board.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), em * 9))

    # -- actions --------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        row = self.board.row_at(index.row())
        figure = FIGURE_COLUMNS.get(index.column())
        if row is not None and figure is not None:
            open_figure(self, row.code, row.name, figure)

    def _suggested(self, name: str) -> str:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / name) if folder else name

    def export_board(self) -> Job[Path] | None:
        chosen = choose_report_path(self, self.tr("保存督导看板"),
                                    self._suggested(f"督导看板-{date.today():%Y-%m-%d}.pdf"))
        if not chosen:
            return None
        supervision = self.desk.supervision
        return self._written(lambda: supervision.write_board(Path(chosen)),
                             self.tr("正在生成督导看板"))

    def export_ledger(self) -> Job[Path] | None:
        month = f"{self.month.date().year():04d}-{self.month.date().month():02d}"
        chosen = choose_report_path(self, self.tr("保存月度台账"),
                                    self._suggested(f"办件台账-{month}.xlsx"))
        if not chosen:
            return None
        ledger = self.desk.ledger
        return self._written(lambda: ledger.write(Path(chosen), month),
                             self.tr("正在生成月度台账"))

    def _written(self, action: Callable[[], Path], title: str) -> Job[Path]:
        """Written in the runner behind a progress dialog (a town's month of cases
        takes seconds); the file gets its name only once whole."""
        return run_job(lambda _progress: action(), title=title, parent=self,
                       store=self.desk.store, failed_title=self.tr("文件没有生成"),
                       on_done=lambda written: status.say(
                           self, self.tr("已生成，保存在：") + str(written)))

    def dismiss_selected(self) -> None:
        pair = self.duplicates.record_at(self.dup_table.currentIndex().row())
        if pair is None:
            prompts.warn(self, self.tr("请先选择"), self.tr("请先在下表中选中一组"))
            return
        note = ask_note(self)
        if note is None:
            return
        if prompts.succeeded(self, lambda: self.desk.supervision.dismiss_duplicate(
                pair.first.case_no, pair.second.case_no, note), self.tr("没有记录")):
            self.refresh()
