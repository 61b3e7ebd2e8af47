"""One row of the case list, worked out once when its page is read.

The view paints a row by asking each of its cells for seven roles, again at
every repaint (a scroll step, the count arriving, a tooltip hiding): building
the texts and colours per ask cost ~3,400 Python calls a screen. A `ListRow`
holds what the cells show, so answering is a tuple lookup.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor

from ...domain.cases import Case, Status
from ...domain.deadlines import Urgency, urgency
from ..widgets import palette

OVERDUE_TINT = QBrush(QColor(palette.DANGER_TINT))
DUE_SOON_TINT = QBrush(QColor(palette.WARNING_TINT))
OVERDUE_TEXT = QBrush(QColor(palette.DANGER))
DUE_SOON_TEXT = QBrush(QColor(palette.WARNING_DARK))

# the columns, in order (the 站点 column only at a town)
COL_NO, COL_NAME, COL_ITEM, COL_TYPE, COL_STATUS, COL_DUE, COL_LEFT, COL_PROXY, \
    COL_FIRST_ASK, COL_RECEIVED, COL_STATION = range(11)


class ListRow(NamedTuple):
    case: Case
    texts: tuple[str, ...]  # one per column
    days_left: int | None  # working days to the date it is measured against
    tint: QBrush | None  # the row's background: red overdue, amber due soon
    left_colour: QBrush | None  # the 剩余 column's text, in the same colours


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseListModel", text)


def left_text(left: int | None) -> str:
    if left is None:
        return "—"
    if left < 0:
        return _tr("逾期 %1 个工作日").replace("%1", str(-left))
    if left == 0:
        return _tr("今天到期")
    return _tr("%1 个工作日").replace("%1", str(left))


def due_text(case: Case) -> str:
    if case.deadline is None:
        if case.status == Status.SUPPLEMENT and case.supplement_due is not None:
            if case.supplement_notice_at is not None:
                return _tr("已告知补正")
            return _tr("告知期限 %1").replace("%1", f"{case.supplement_due:%Y-%m-%d}")
        return "—"
    text = f"{case.deadline:%Y-%m-%d}"
    if case.extra.get("deadline_provisional"):
        text += _tr("（暂定）")
    return text


def list_row(case: Case, left: int | None, station_names: Mapping[str, str]) -> ListRow:
    """The row of `case`, `left` working days to go (None: no date it is held to)."""
    texts = (
        case.case_no,
        case.applicant.name,
        case.item_name,
        case.case_type.value,
        case.status.value,
        due_text(case),
        left_text(left),
        _tr("是") if case.proxy else "—",
        case.first_ask_name,
        f"{case.received_at:%Y-%m-%d}",
        station_names.get(case.station_code, case.station_code),
    )
    how = None if left is None else urgency(left)
    tint = {Urgency.OVERDUE: OVERDUE_TINT, Urgency.DUE_SOON: DUE_SOON_TINT}.get(how) \
        if how is not None else None
    colour = {Urgency.OVERDUE: OVERDUE_TEXT, Urgency.DUE_SOON: DUE_SOON_TEXT}.get(how) \
        if how is not None else None
    return ListRow(case, texts, left, tint, colour)


def tooltip(case: Case, column: int) -> str | None:
    if column == COL_DUE and case.extra.get("deadline_provisional"):
        return _tr("缺少当年法定节假日安排，暂按周一至周五计算；站长导入放假安排后自动更正")
    if column == COL_ITEM:
        return case.item_name
    if column == COL_RECEIVED:
        return f"{case.received_at:%Y-%m-%d %H:%M}　{case.channel.value}"
    if column == COL_LEFT and case.status == Status.SUPPLEMENT:
        return _tr("补正材料通知书须在此日期前出具，逾期视为受理")
    return None
