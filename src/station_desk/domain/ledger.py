"""The monthly 台账 for the county: one row per case (number, station,
applicant masked, item, type, received, promised, finished, status, on time),
overdue ones first, and a summary per station. Plain rows, shared by the PDF
and the workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .report_rows import NOT_REPORTED, Cell
from .stats import rate


class OnTime(StrEnum):
    OVERDUE = "逾期未办结"
    LATE = "逾期办结"
    ON_TIME = "按期办结"
    OPEN = "在办"
    ENDED = "未办结（已终止）"   # 不予受理, 退回, 撤回: nothing was promised to finish

    @property
    def late(self) -> bool:
        return self in (OnTime.OVERDUE, OnTime.LATE)


def mask_name(name: str) -> str:
    """王秀英 -> 王*英, 王芳 -> 王*: the sheet leaves the town; the name stays inside."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def judge(is_open: bool, completed: bool, due: date | None, finished: date | None,
          today: date) -> OnTime:
    if is_open:
        return OnTime.OVERDUE if due is not None and due < today else OnTime.OPEN
    if not completed:
        return OnTime.ENDED
    if due is not None and finished is not None and finished > due:
        return OnTime.LATE
    return OnTime.ON_TIME


@dataclass(frozen=True)
class LedgerRow:
    case_no: str
    station_code: str
    station: str
    applicant: str  # masked
    item: str
    case_type: str
    received: date
    promised: date | None
    finished: date | None
    status: str
    on_time: OnTime
    days_over: int | None  # working days past the promised date, when late

    def cells(self) -> list[Cell | date]:
        return [self.case_no, self.station, self.applicant, self.item, self.case_type,
                self.received, self.promised, self.finished, self.status, self.on_time.value,
                self.days_over]


LEDGER_HEADERS = ("办件编号", "站点", "申请人", "事项", "办件类型", "收件日期", "承诺办结日期",
                  "办结日期", "状态", "是否按期", "逾期（工作日）")


def ledger_order(rows: list[LedgerRow]) -> list[LedgerRow]:
    """Late ones first (most working days over first), then by station and date."""
    return sorted(rows, key=lambda r: (not r.on_time.late, -(r.days_over or 0),
                                       r.station_code, r.received, r.case_no))


SUMMARY_HEADERS = ("站点", "件数", "已办结", "按期办结", "逾期办结", "逾期未办结", "在办",
                   "按期办结率")
SUMMARY_NUMBERS = frozenset(SUMMARY_HEADERS[1:])


def summary(rows: list[LedgerRow], stations: list[tuple[str, str, bool]]) -> list[list[Cell]]:
    """One line per station (code, name, reported), then the total; a village
    that never reported is listed as 未报送 with its figures left empty."""
    out: list[list[Cell]] = []
    groups = [([r for r in rows if r.station_code == code], name, reported)
              for code, name, reported in stations]
    groups.append((rows, "合计", True))
    for mine, name, reported in groups:
        if not reported:
            out.append([f"{name}（{NOT_REPORTED}）", *([None] * (len(SUMMARY_HEADERS) - 1))])
            continue
        count = {k: sum(r.on_time == k for r in mine) for k in OnTime}
        done = count[OnTime.ON_TIME] + count[OnTime.LATE]
        out.append([name, len(mine), done, count[OnTime.ON_TIME], count[OnTime.LATE],
                    count[OnTime.OVERDUE], count[OnTime.OPEN],
                    rate(count[OnTime.ON_TIME], done)])
    return out
