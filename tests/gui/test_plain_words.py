"""Plain words on screen: the command line is not shown as a person; the sync
report says what was not taken in, not 隔离."""

from __future__ import annotations

from datetime import datetime

from station_desk.domain.actor import shown_name
from station_desk.domain.cases import CaseEvent
from station_desk.ui.cases.timeline_model import TimelineModel
from station_desk.ui.sync.models import VillagesModel


def test_a_write_of_the_command_line_is_not_shown_as_a_person(qtbot) -> None:
    model = TimelineModel()
    model.set_records([CaseEvent(datetime(2026, 11, 2, 9, 30), "命令行", "登记", "收件"),
                       CaseEvent(datetime(2026, 11, 2, 9, 40), "张丽", "状态", "已受理")])
    who = [row[1] for row in model.texts()]
    assert who == ["（命令行录入，未记经办人）", "张丽"]
    assert shown_name("系统") == "（程序自动记录）" and shown_name("王建国") == "王建国"


def test_the_town_board_says_not_taken_in_rather_than_quarantined() -> None:
    assert "未导入（有问题）" in VillagesModel.HEADERS
    assert not any("隔离" in h or "暂不采用" in h for h in VillagesModel.HEADERS)
