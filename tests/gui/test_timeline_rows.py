"""办理经过's rows are as tall as their wrapped 内容, measured from that column only."""

from __future__ import annotations

from datetime import datetime

from station_desk.domain.cases import CaseEvent
from station_desk.ui.cases.timeline_view import TimelineBox


def test_rows_are_as_tall_as_the_whole_table_measured(qtbot) -> None:
    at = datetime(2026, 11, 2, 9, 30).astimezone()
    long = "收到补正材料：" + "、".join(f"第{n}页身份证明及户口簿复印件" for n in range(12))
    events = [CaseEvent(at, "李明", "附件", long),  # the first row wraps too
              CaseEvent(at, "李明", "登记", "收件登记"),
              CaseEvent(at, "张丽", "状态", "办理中\n转县民政局"),
              CaseEvent(at, "张丽", "附件", "添加附件 材料1.jpg")]
    box = TimelineBox()
    qtbot.addWidget(box)
    box.resize(900, 500)
    box.show()
    box.fill(events)
    box.measure_rows()
    view = box.view
    ours = [view.rowHeight(r) for r in range(len(events))]
    view.resizeRowsToContents()  # every column of every row, as it was
    assert ours == [view.rowHeight(r) for r in range(len(events))]
    assert ours[0] > 2 * ours[1] and ours[2] > ours[1] and ours[3] == ours[1]
