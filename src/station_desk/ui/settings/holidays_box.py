"""设置 → 法定节假日安排: import the State Council's schedule for a year (the file
the town sends, or one typed up from the notice). Storing it and re-dating every
open case whose dates were provisional runs in the job runner, behind a progress
dialog with 取消 (one transaction: a cancel keeps nothing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ...services.desk import Desk
from ..jobs import Job, run_job
from ..widgets import status

SCHEDULE_FILTER = "放假安排文件 (*.json)"


def choose_schedule_file(parent: QWidget) -> str:
    """Replaceable in tests: the schedule file to import ('' when called off)."""
    path, _ = QFileDialog.getOpenFileName(parent, "选择放假安排文件", "", SCHEDULE_FILTER)
    return path


class HolidaysBox(QGroupBox):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("法定节假日安排", parent)
        self.desk = desk
        row = QHBoxLayout(self)
        hint = QLabel(self.tr("新一年的放假安排公布后导入（站长）：暂定的承诺办结日期随即更正。"))
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.import_button = QPushButton(self.tr("导入放假安排…"))
        self.import_button.clicked.connect(self.import_schedule)
        row.addWidget(self.import_button)

    def import_schedule(self) -> Job[tuple[int, int]] | None:
        chosen = choose_schedule_file(self)
        if not chosen:
            return None
        holidays = self.desk.holidays

        def done(result: tuple[int, int]) -> None:
            year, fixed = result
            status.say(self, self.tr("已导入 %1 年法定节假日安排；更正了 %2 件暂定的日期")
                       .replace("%1", str(year)).replace("%2", str(fixed)))

        return run_job(lambda progress: holidays.import_holidays_file(Path(chosen), progress),
                       title=self.tr("正在导入放假安排并更正日期"), parent=self,
                       cancellable=True, store=self.desk.store, writes=True,
                       failed_title=self.tr("放假安排没有导入"), on_done=done)
