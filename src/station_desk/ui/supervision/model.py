"""Table models of the supervision board: one village a row (worst first),
the same person open at two places, and the records behind a figure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.feedback import RatingRecord, RectificationState
from ...domain.idnumber import mask_id_number
from ...domain.stats import rate_text
from ...domain.supervision import (
    BOARD_HEADERS,
    Silence,
    VillageBoardRow,
    board_cells,
    catalogue_matches,
)
from ...services.supervision import CaseRef, DuplicatePair
from ..widgets import palette
from ..widgets.table_models import DANGER_BRUSH, Index, RecordsModel, RowsModel

DANGER_TINT = QBrush(QColor(palette.DANGER_TINT))
WARNING_TINT = QBrush(QColor(palette.WARNING_TINT))
OK_BRUSH = QBrush(QColor(palette.OK))

# figure columns a double click opens: column -> the board's figure key
FIGURE_COLUMNS = {BOARD_HEADERS.index("在办"): "open", BOARD_HEADERS.index("逾期"): "overdue",
                  BOARD_HEADERS.index("即将到期"): "due_soon",
                  BOARD_HEADERS.index("代办逾期"): "overdue_proxied",
                  BOARD_HEADERS.index("投诉在办"): "complaints_open",
                  BOARD_HEADERS.index("差评待整改"): "bad_ratings_open",
                  BOARD_HEADERS.index("差评整改逾期"): "bad_ratings_overdue"}
COL_SILENCE = BOARD_HEADERS.index("报送情况")
COL_DAYS = BOARD_HEADERS.index("未报送天数")
COL_MISSING = BOARD_HEADERS.index("缺号")
COL_RATE = BOARD_HEADERS.index("本月满意率")
COL_CATALOGUE = BOARD_HEADERS.index("事项目录")
NUMBER_COLUMNS = frozenset({COL_DAYS, COL_RATE, *FIGURE_COLUMNS})


def _text(value: Any, column: int) -> str:
    if column == COL_RATE:
        return rate_text(value)
    if value is None:
        return "—"
    if isinstance(value, str) and "T" in value[:11]:
        return value[5:16].replace("T", " ")
    return str(value)


# on screen the long titles of the paper are shortened (the paper explains them)
SCREEN_TITLES = {"最近报送（村站导出）": "村站导出", "最近导入": "本中心导入",
                 "未报送天数": "未报天数", "已收到变更": "已收到"}


class BoardModel(RowsModel):
    """The villages, worst first; a silent village's row is tinted red (amber
    when it is late), a figure that needs action is red."""

    HEADERS = tuple(SCREEN_TITLES.get(h, h) for h in BOARD_HEADERS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: list[list[Any]] = []
        self._town_holds: dict[str, Any] = {}

    def set_rows(self, rows: Sequence[VillageBoardRow], town_holds: dict[str, Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._town_holds = town_holds
        self._cells = [board_cells(r, town_holds) for r in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> VillageBoardRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def text(self, row: int, column: int) -> str:
        return _text(self._cells[row][column], column)

    def texts(self) -> list[list[str]]:
        return [[_text(v, c) for c, v in enumerate(cells)] for cells in self._cells]

    def needs_action(self, row: int, column: int) -> bool:
        r: VillageBoardRow = self._rows[row]
        if column == COL_SILENCE:
            return r.silence != Silence.ON_TIME
        if column == COL_MISSING:
            return bool(r.missing)
        if column == COL_CATALOGUE:
            return not catalogue_matches(r.holds, self._town_holds)
        if column in FIGURE_COLUMNS and FIGURE_COLUMNS[column] != "open":
            return bool(self._cells[row][column])
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.has_row(index):
            return None
        row, column = index.row(), index.column()
        r: VillageBoardRow = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if r.silence in (Silence.NEVER, Silence.SILENT):
                return DANGER_TINT
            if r.silence == Silence.LATE:
                return WARNING_TINT
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.needs_action(row, column):
                return DANGER_BRUSH
            if column == COL_SILENCE:
                return OK_BRUSH
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in FIGURE_COLUMNS:
                return self.tr("双击查看这些记录")
            if column == COL_MISSING and r.missing:
                return self.tr("这些编号的变更还没有收到：请该站重新导出"
                               "（“重新导出上一次”或全部导出）")
            return None
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class DuplicatesModel(RecordsModel[DuplicatePair]):
    """The same ID number with the same item open at two places."""

    HEADERS = ("申请人", "身份证号", "事项", "第一处", "第二处")
    TOOLTIPS = True

    def __init__(self, names: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def cells(self, record: DuplicatePair) -> Sequence[str]:
        def where(ref: Any) -> str:
            return f"{self.names.get(ref.station_code, ref.station_code)} {ref.case_no}" \
                   f"（{ref.status}）"
        return (record.name, mask_id_number(record.id_number), record.item, where(record.first),
                where(record.second))

    def marked(self, record: DuplicatePair) -> Iterable[int]:
        return (3, 4)


class PeopleModel(RecordsModel[CaseRef]):
    """Cases of people who have cases at more than one station (the person view)."""

    HEADERS = ("身份证号", "申请人", "站点", "办件编号", "事项", "状态", "收件")
    TOOLTIPS = True

    def __init__(self, names: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def cells(self, record: CaseRef) -> Sequence[str]:
        return (mask_id_number(record.id_number),
                record.applicant_name, self.names.get(record.station_code, record.station_code),
                record.case_no, record.item_name, record.status, record.received_at[:10])


class RectificationsModel(RecordsModel[RatingRecord]):
    """The 差评 of one village awaiting call-back and rectification; past the
    deadline the rating, the deadline and the state are red."""

    HEADERS = ("办件编号", "申请人", "评价", "评价时间", "来源", "经办人", "整改期限", "状态",
               "群众意见")
    TOOLTIPS = True

    def __init__(self, today: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()

    def cells(self, record: RatingRecord) -> Sequence[str]:
        due = f"{record.rectify_due:%Y-%m-%d}" if record.rectify_due else "—"
        return (record.case_no, record.applicant, record.level.value,
                f"{record.rated_at.astimezone():%Y-%m-%d %H:%M}", record.source,
                record.staff_name, due, record.state(self.today).value, record.note)

    def marked(self, record: RatingRecord) -> Iterable[int]:
        late = record.state(self.today) == RectificationState.OVERDUE
        return (2, 6, 7) if late else (2,)


class DictRowsModel(RowsModel):
    """Plain rows (the complaints or 差评 behind a figure): columns are keys."""

    def __init__(self, headers: Sequence[str], keys: Sequence[str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._keys = tuple(keys)

    def header_labels(self) -> Sequence[str]:
        return self._headers

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.has_row(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self._rows[index.row()].get(self._keys[index.column()])
        if value is None:
            return "—"
        text = str(value)
        return text[:16].replace("T", " ") if "T" in text[:11] else text


__all__ = ["BoardModel", "DictRowsModel", "DuplicatesModel", "FIGURE_COLUMNS", "QModelIndex",
           "RectificationsModel"]
