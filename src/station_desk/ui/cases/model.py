"""The case list: a paged table model that stays quick at a million cases.

Only the row count is asked for up front; rows come in pages of 50 (about two
screens: a jump reads little) when the view first asks for them. A page that
follows a cached page is read by keyset (`after=` the last case of the page
before: an index seek), any other page by offset. At most `MAX_PAGES` pages
stay in memory; the ones farthest from what is being looked at are dropped
first. Working days left are worked out only for rows the view actually
paints, and kept with their page.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.cases import Case, Status
from ...domain.deadlines import Urgency, urgency
from ...services.desk import Desk
from ..widgets import palette

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 50  # a jump to the end at 100,000 cases read 200 rows: 240 ms; 50: ~60 ms
MAX_PAGES = 200
# counted on the UI thread at most (~1 ms); a longer list is counted in full in the
# runner (~90 ms at a million cases) and its rows added when the count arrives
QUICK_COUNT = 10_000

OVERDUE_TINT = QBrush(QColor(palette.DANGER_TINT))
DUE_SOON_TINT = QBrush(QColor(palette.WARNING_TINT))
OVERDUE_TEXT = QBrush(QColor(palette.DANGER))
DUE_SOON_TEXT = QBrush(QColor(palette.WARNING_DARK))

_UNKNOWN = object()  # days-left not worked out yet (None means "no deadline")


def station_names(desk: Desk) -> dict[str, str]:
    """Town mode: station code -> how the town knows it (itself as 本中心); else empty."""
    station = desk.station.current
    if station is None or not station.kind.is_town:
        return {}
    return {**desk.supervision.village_names(), station.code: "本中心"}


class CaseListModel(QAbstractTableModel):
    HEADERS = ("办件编号", "申请人", "事项", "类型", "状态", "承诺日期", "剩余", "代办",
               "首问责任人", "收件时间")
    COL_NO, COL_NAME, COL_ITEM, COL_TYPE, COL_STATUS, COL_DUE, COL_LEFT, COL_PROXY, \
        COL_FIRST_ASK, COL_RECEIVED = range(10)
    STATION_HEADER = "站点"
    COL_STATION = 10

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._filter: Any = None
        self._count = 0
        self.exact = True  # False while the full count of a long list is being made
        self._today = date.today()
        self._pages: dict[int, list[Case]] = {}
        self._days: dict[int, list[Any]] = {}  # page -> days left per row (or _UNKNOWN)
        self.loads = 0  # pages read from the archive (for tests and diagnostics)
        # at a town the villages' cases are here too: a 站点 column (the last one)
        self.station_names = station_names(desk)
        self.headers = self.HEADERS + ((self.STATION_HEADER,) if self.station_names else ())

    # -- filter ------------------------------------------------------------
    def set_filter(self, f: Any, today: date | None = None) -> None:
        """Show the cases matching `f` (from `desk.cases.make_filter`); starts afresh.

        `today` is the day working days left are counted from (tests pass their own).
        """
        self.beginResetModel()
        self.station_names = station_names(self.desk)
        self.headers = self.HEADERS + ((self.STATION_HEADER,) if self.station_names else ())
        self._filter = f
        self._today = today or date.today()
        self._pages.clear()
        self._days.clear()
        self._count = self.desk.cases.count(f, at_most=QUICK_COUNT + 1)
        self.exact = self._count <= QUICK_COUNT  # else the full count is still to come
        self._count = min(self._count, QUICK_COUNT)
        self.endResetModel()

    def set_total(self, f: Any, total: int) -> None:
        """The full count of `f` (counted in the runner), if `f` is still the one shown."""
        if f is not self._filter or self.exact:
            return
        self.exact = True
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:  # cases gone meanwhile (a restore): the list afresh
            self.beginResetModel()
            self._count = total
            self._pages.clear()
            self._days.clear()
            self.endResetModel()

    def reload(self) -> None:
        """Read again with the same filter (after a case was added or changed)."""
        if self._filter is not None:
            self.set_filter(self._filter, self._today)

    @property
    def total(self) -> int:
        return self._count

    # -- paging ------------------------------------------------------------
    def _page(self, p: int) -> list[Case]:
        cached = self._pages.get(p)
        if cached is not None:
            return cached
        before = self._pages.get(p - 1)
        if p > 0 and before is not None and len(before) == PAGE_SIZE:
            rows = self.desk.cases.page(self._filter, limit=PAGE_SIZE, after=before[-1])
        else:
            rows = self.desk.cases.page(self._filter, limit=PAGE_SIZE, offset=p * PAGE_SIZE)
        self.loads += 1
        self._pages[p] = rows
        self._days[p] = [_UNKNOWN] * len(rows)
        while len(self._pages) > MAX_PAGES:
            farthest = max(self._pages, key=lambda q: abs(q - p))
            del self._pages[farthest]
            self._days.pop(farthest, None)
        return rows

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def case_at(self, row: int) -> Case | None:
        if self._filter is None or not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE_SIZE)
        i = row % PAGE_SIZE
        return rows[i] if i < len(rows) else None

    def days_left(self, row: int) -> int | None:
        """Working days to the promised (or supplement-notice) date; None if none."""
        case = self.case_at(row)
        if case is None:
            return None
        p, i = divmod(row, PAGE_SIZE)
        days = self._days[p]
        if days[i] is _UNKNOWN:
            days[i] = self.desk.cases.days_left(case, self._today)
        value: int | None = days[i]
        return value

    # -- Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self.tr(self.headers[section])
        return None

    def _left_text(self, left: int | None) -> str:
        if left is None:
            return "—"
        if left < 0:
            return self.tr("逾期 %1 个工作日").replace("%1", str(-left))
        if left == 0:
            return self.tr("今天到期")
        return self.tr("%1 个工作日").replace("%1", str(left))

    def _text(self, case: Case, row: int, column: int) -> str:
        if column == self.COL_NO:
            return case.case_no
        if column == self.COL_NAME:
            return case.applicant.name
        if column == self.COL_ITEM:
            return case.item_name
        if column == self.COL_TYPE:
            return case.case_type.value
        if column == self.COL_STATUS:
            return case.status.value
        if column == self.COL_DUE:
            if case.deadline is None:
                if case.status == Status.SUPPLEMENT and case.supplement_due is not None:
                    if case.supplement_notice_at is not None:
                        return self.tr("已告知补正")
                    return self.tr("告知期限 %1").replace(
                        "%1", f"{case.supplement_due:%Y-%m-%d}")
                return "—"
            text = f"{case.deadline:%Y-%m-%d}"
            if case.extra.get("deadline_provisional"):
                text += self.tr("（暂定）")
            return text
        if column == self.COL_LEFT:
            return self._left_text(self.days_left(row))
        if column == self.COL_PROXY:
            return self.tr("是") if case.proxy else "—"
        if column == self.COL_FIRST_ASK:
            return case.first_ask_name
        if column == self.COL_RECEIVED:
            return f"{case.received_at:%Y-%m-%d}"
        if column == self.COL_STATION:
            return self.station_names.get(case.station_code, case.station_code)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= column < len(self.headers):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.UserRole):
            return None
        case = self.case_at(row)
        if case is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(case, row, column)
        if role == Qt.ItemDataRole.UserRole:
            return case.case_no
        if role == Qt.ItemDataRole.BackgroundRole:
            left = self.days_left(row)
            return None if left is None else {Urgency.OVERDUE: OVERDUE_TINT,
                                              Urgency.DUE_SOON: DUE_SOON_TINT}.get(urgency(left))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_LEFT:
            left = self.days_left(row)
            return None if left is None else {Urgency.OVERDUE: OVERDUE_TEXT,
                                              Urgency.DUE_SOON: DUE_SOON_TEXT}.get(urgency(left))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_DUE and case.extra.get("deadline_provisional"):
                return self.tr("缺少当年法定节假日安排，暂按周一至周五计算；"
                               "站长导入放假安排后自动更正")
            if column == self.COL_ITEM:
                return case.item_name
            if column == self.COL_RECEIVED:
                return f"{case.received_at:%Y-%m-%d %H:%M}　{case.channel.value}"
            if column == self.COL_LEFT and case.status == Status.SUPPLEMENT:
                return self.tr("补正材料通知书须在此日期前出具，逾期视为受理")
        return None
