"""The case list: a paged table model that stays quick at a million cases.

Only the row count is asked for up front; rows come in pages of 50 (about two
screens: a jump reads little) when they are first needed. A page that follows
a cached page is read by keyset (`after=` the last case of the page before: an
index seek), any other page by offset (at a million cases a jump deep into the
list skips ~1M index entries: 200-400 ms). At most `MAX_PAGES` pages stay in
memory; the ones farthest from what is being looked at are dropped first. A jump
skips from the nearest page read before it, not from the start (`_read`).

Each row's texts and colours are worked out once when its page is read
(`list_rows`), and the view's painting asks for a cell's roles in one call
(`multiData`), not one Python call per role. With `read_behind`, a page the
view paints that is not in memory yet is read in the runner (its rows show
"…" until it arrives), and the page after one just read is read ahead, so
scrolling never waits on the archive; a row asked for directly (`case_at`,
`data`: selection, opening, tests) is read at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ...domain.cases import Case
from ...services.desk import Desk
from ..jobs import run_job
from . import list_rows
from .list_rows import (  # noqa: F401  (the tints, for tests and the page)
    DUE_SOON_TEXT,
    DUE_SOON_TINT,
    OVERDUE_TEXT,
    OVERDUE_TINT,
    ListRow,
    list_row,
)

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 50  # a jump to the end at 100,000 cases read 200 rows: 240 ms; 50: ~60 ms
MAX_PAGES = 200
# counted on the UI thread at most (~1 ms); a longer list is counted in full in the
# runner (~90 ms at a million cases) and its rows added when the count arrives
QUICK_COUNT = 10_000
PLACEHOLDER = "…"  # a painted row whose page is still being read

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_USER = Qt.ItemDataRole.UserRole.value
_NOT_ANSWERED = frozenset(r.value for r in (
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole))


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
    COL_STATION = list_rows.COL_STATION

    def __init__(self, desk: Desk, parent: QObject | None = None, *,
                 read_behind: bool = False) -> None:
        super().__init__(parent)
        self.desk = desk
        self.read_behind = read_behind
        self._filter: Any = None
        self._count = 0
        self.exact = True  # False while the full count of a long list is being made
        self._today = date.today()
        self._pages: dict[int, list[ListRow]] = {}
        # page -> where its last case stands, for every full page read (kept when the
        # page itself is dropped: a few bytes a page)
        self._anchors: dict[int, str] = {}
        self._generation = 0  # a new filter or reset: pages still being read are dropped
        self._reading: set[int] = set()  # pages in the runner for this generation
        self._waited_for: set[int] = set()  # of those, pages painted as "…" meanwhile
        self._painted = 0  # the page last painted: a page read behind must be near it
        self.loads = 0  # pages read from the archive (for tests and diagnostics)
        # at a town the villages' cases are here too: a 站点 column (the last one)
        self._name_stations(station_names(desk))

    def _name_stations(self, names: dict[str, str]) -> None:
        self.station_names = names
        self.headers = self.HEADERS + ((self.STATION_HEADER,) if names else ())
        # the header asks for its texts ~350 times a first paint: translated once
        self._header_texts = tuple(self.tr(h) for h in self.headers)

    # -- filter ------------------------------------------------------------
    def set_filter(self, f: Any, today: date | None = None,
                   names: dict[str, str] | None = None) -> None:
        """Show the cases matching `f` (from `desk.cases.make_filter`); starts afresh.

        `today` is the day working days left are counted from (tests pass their own);
        `names` the stations' names if the caller has just read them (else read here).
        """
        self.beginResetModel()
        self._name_stations(station_names(self.desk) if names is None else names)
        self._filter = f
        self._today = today or date.today()
        self._forget_pages()
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
            self._forget_pages()
            self.endResetModel()

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._anchors.clear()
        self._reading.clear()
        self._waited_for.clear()
        self._generation += 1
        self._painted = 0

    def reload(self) -> None:
        """Read again with the same filter (after a case was added or changed)."""
        if self._filter is not None:
            self.set_filter(self._filter, self._today)

    @property
    def total(self) -> int:
        return self._count

    @property
    def shown_filter(self) -> Any:
        return self._filter

    # -- paging ------------------------------------------------------------
    def _read(self, p: int) -> Callable[[], list[Case]]:
        """How to read page `p`: after the last case of the nearest page before it
        that was ever read (an index seek), skipping the pages between; from the
        start only if none was. Scrolling end to end in 50 jumps at a million cases
        skips 20,000 cases a jump (~10 ms), not up to a million (~400 ms)."""
        f, cases = self._filter, self.desk.cases
        below = [q for q in self._anchors if q < p]
        if not below:
            return lambda: cases.page(f, limit=PAGE_SIZE, offset=p * PAGE_SIZE)
        q = max(below)
        after, skip = self._anchors[q], (p - q - 1) * PAGE_SIZE
        return lambda: cases.page(f, limit=PAGE_SIZE, after=after, offset=skip)

    def _rows_of(self, cases: list[Case]) -> Callable[[], list[ListRow]]:
        """How to turn read cases into rows (in the runner for a page read behind)."""
        service, today, names = self.desk.cases, self._today, self.station_names
        return lambda: [list_row(c, service.days_left(c, today), names) for c in cases]

    def _keep(self, p: int, rows: list[ListRow]) -> list[ListRow]:
        self.loads += 1
        self._pages[p] = rows
        if len(rows) == PAGE_SIZE:  # a full page: the next one starts after its last
            self._anchors[p] = self.desk.cases.paging_key(rows[-1].case)
        while len(self._pages) > MAX_PAGES:
            farthest = max(self._pages, key=lambda q: abs(q - p))
            del self._pages[farthest]
        return rows

    def _page(self, p: int) -> list[ListRow]:
        cached = self._pages.get(p)
        if cached is not None:
            return cached
        return self._keep(p, self._rows_of(self._read(p)())())

    def _read_behind(self, p: int, pages: int = 2) -> None:
        """Read page `p` and the `pages - 1` after it in one job in the runner (a
        screen spans two pages at most: one repaint when they arrive, not two).
        The rows are made there too; the UI thread only stores them."""
        wanted: list[int] = []
        for q in range(p, p + pages):
            if q in self._reading or q in self._pages or not 0 <= q * PAGE_SIZE < self._count:
                break
            wanted.append(q)
        if not wanted:
            return
        self._reading.update(wanted)
        generation, read_first = self._generation, self._read(p)
        f, service, rows_of = self._filter, self.desk.cases, self._rows_of

        def work(_progress: object) -> list[list[ListRow]] | None:
            # skipped if the clerk has scrolled on meanwhile (a drag asks for many)
            if generation != self._generation or abs(p - self._painted) > 2:
                return None
            read: list[list[ListRow]] = []
            cases = read_first()
            while True:
                read.append(rows_of(cases)())
                if len(read) == len(wanted) or len(cases) < PAGE_SIZE:
                    return read
                cases = service.page(f, limit=PAGE_SIZE, after=cases[-1])

        def arrived(read: list[list[ListRow]] | None) -> None:
            if generation != self._generation:
                return  # another filter meanwhile: its rows are not these
            self._reading.difference_update(wanted)
            if read is None:
                return
            for q, rows in zip(wanted, read, strict=False):
                self._keep(q, rows)
            # repainted only where "…" was painted: the view repaints all it shows on
            # any dataChanged, and a page read ahead is not shown yet
            shown = [q for q in wanted[:len(read)] if q in self._waited_for]
            if shown:
                self._waited_for.difference_update(shown)
                first, last = shown[0] * PAGE_SIZE, min(self._count, (shown[-1] + 1) * PAGE_SIZE)
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(last - 1, len(self.headers) - 1))
                self._read_behind(p + len(read), 1)  # the next page, before it is scrolled to

        job = run_job(work, title=self.tr("读取办件"), dialog=False, on_done=arrived,
                      store=self.desk.store, failed_title=self.tr("办件列表没有读出"))
        job.owner = self  # a list closed meanwhile is not repainted

    def _painted_row(self, row: int) -> ListRow | None:
        """The row to paint, or None while its page is being read in the runner."""
        p, i = divmod(row, PAGE_SIZE)
        rows = self._pages.get(p)
        if rows is None:
            if not self.read_behind or p == 0:
                rows = self._page(p)  # the first screen shows at once
            else:
                self._painted = p
                self._waited_for.add(p)
                self._read_behind(p)
                return None
        self._painted = p
        if i + 1 == len(rows) and p + 1 not in self._pages and self.read_behind:
            self._read_behind(p + 1, 1)
        return rows[i] if i < len(rows) else None

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def _row(self, row: int) -> ListRow | None:
        if self._filter is None or not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE_SIZE)
        i = row % PAGE_SIZE
        return rows[i] if i < len(rows) else None

    def case_at(self, row: int) -> Case | None:
        found = self._row(row)
        return found.case if found is not None else None

    def days_left(self, row: int) -> int | None:
        """Working days to the promised (or supplement-notice) date; None if none."""
        found = self._row(row)
        return found.days_left if found is not None else None

    # -- Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.headers)):
            return self._header_texts[section]
        return None

    @staticmethod
    def _answer(found: ListRow, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return found.texts[column]
        if role == _BACKGROUND:
            return found.tint
        if role == _FOREGROUND:
            return found.left_colour if column == list_rows.COL_LEFT else None
        if role == _USER:
            return found.case.case_no
        if role == _TOOLTIP:
            return list_rows.tooltip(found.case, column)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        column = index.column()
        if not 0 <= column < len(self.headers):
            return None
        role = role.value if isinstance(role, Qt.ItemDataRole) else role
        if role not in (_DISPLAY, _BACKGROUND, _FOREGROUND, _TOOLTIP, _USER):
            return None
        found = self._row(index.row())
        return None if found is None else self._answer(found, column, role)

    def multiData(self, index: Index,  # noqa: N802
                  roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """What the view paints a cell with: every role it asks in one call."""
        asked_for = [roles] if isinstance(roles, QModelRoleData) else \
            cast(Iterable[QModelRoleData], roles)
        row, column = index.row(), index.column()
        if not (index.isValid() and 0 <= row < self._count and 0 <= column < len(self.headers)):
            for asked in asked_for:
                asked.clearData()
            return
        found = self._painted_row(row)
        for asked in asked_for:
            role = asked.role()
            value: Any
            if role in _NOT_ANSWERED:  # font, alignment, icon, check box: Qt's defaults
                value = None
            elif found is None:
                value = PLACEHOLDER if role == _DISPLAY and column == 0 else None
            elif role == _DISPLAY:
                value = found.texts[column]
            elif role == _BACKGROUND:
                value = found.tint
            else:
                value = self._answer(found, column, role)
            if value is None:
                asked.clearData()
            else:
                asked.setData(value)
