"""The town's supervision of its villages (manual: the town centre
"统筹指导村(社区)服务站日常工作开展、监督管理"): how long a village has been
silent against the reporting cadence, and which village needs a call first."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .stats import rate


class Silence(StrEnum):
    """How a village's reporting stands against the cadence (e.g. weekly)."""

    NEVER = "从未报送"
    SILENT = "长期未报"   # more than twice the cadence
    LATE = "超期未报"     # past the cadence
    ON_TIME = "按时报送"

    @property
    def rank(self) -> int:
        """0 is the worst."""
        return list(Silence).index(self)


def silence(days_silent: int | None, cadence_days: int) -> Silence:
    if days_silent is None:
        return Silence.NEVER
    if days_silent > 2 * cadence_days:
        return Silence.SILENT
    if days_silent > cadence_days:
        return Silence.LATE
    return Silence.ON_TIME


def days_since(moment: str | None, today: date) -> int | None:
    """Whole calendar days from an ISO time stamp to `today` (None: never)."""
    if not moment:
        return None
    return max(0, (today - datetime.fromisoformat(moment).date()).days)


@dataclass(frozen=True)
class VillageBoardRow:
    """One trusted village on the supervision board, reported or not."""

    code: str
    name: str
    kind: str
    last_export_at: str | None   # when the village made its latest imported bundle
    last_import_at: str | None   # when the town imported it
    days_silent: int | None
    silence: Silence
    received: list[tuple[int, int]]
    missing: list[tuple[int, int]]
    open: int
    overdue: int
    due_soon: int
    overdue_proxied: int
    complaints_open: int
    bad_ratings_open: int      # 差评 whose rectification is open (整改中 + 整改逾期)
    bad_ratings_overdue: int   # of those, past their rectification deadline
    ratings: int
    ratings_satisfied: int
    quarantined: int
    holds: dict[str, Any] = field(default_factory=dict)  # catalogue/holidays it reported

    @property
    def reported(self) -> bool:
        return self.silence != Silence.NEVER

    @property
    def satisfaction(self) -> float | None:
        return rate(self.ratings_satisfied, self.ratings)

    def worst_first_key(self) -> tuple[int, ...]:
        return (self.silence.rank, -self.overdue, -len(self.missing), -self.overdue_proxied,
                -self.bad_ratings_overdue, -self.complaints_open, -self.bad_ratings_open,
                -(self.days_silent or 0))


BOARD_HEADERS = ("村（社区）站", "报送情况", "最近报送（村站导出）", "最近导入", "未报送天数",
                 "已收到变更", "缺号", "在办", "逾期", "即将到期", "代办逾期", "投诉在办",
                 "差评待整改", "差评整改逾期", "本月满意率", "事项目录", "节假日表")
BOARD_NUMBERS = frozenset({"未报送天数", "在办", "逾期", "即将到期", "代办逾期", "投诉在办",
                           "差评待整改", "差评整改逾期", "本月满意率"})


def _label(a: int, b: int) -> str:
    return f"第 {a} 号" if a == b else f"第 {a}–{b} 号"


def catalogue_matches(holds: dict[str, Any], town: dict[str, Any]) -> bool:
    """The village reported the same catalogue version as the town's own."""
    return bool(holds.get("catalogue")) and holds["catalogue"] == town.get("catalogue")


def catalogue_text(holds: dict[str, Any], town: dict[str, Any]) -> str:
    if not holds.get("catalogue"):
        return "未知"
    if catalogue_matches(holds, town):
        return "与本中心一致"
    return f"与本中心不同（{holds.get('catalogue_items', '?')} 项）"


def holidays_text(holds: dict[str, Any]) -> str:
    if "holiday_years" not in holds:
        return "未知"
    years = holds["holiday_years"]
    return "已导入 " + "、".join(str(y) for y in years) + " 年" if years else "仅内置"


def board_cells(r: VillageBoardRow, town_holds: dict[str, Any]) -> list[Any]:
    """One board row as cells (numbers stay numbers; not measured is None)."""
    return [r.name, r.silence.value, r.last_export_at, r.last_import_at, r.days_silent,
            "、".join(_label(a, b) for a, b in r.received) or "尚未收到",
            "、".join(_label(a, b) for a, b in r.missing), r.open, r.overdue, r.due_soon,
            r.overdue_proxied, r.complaints_open, r.bad_ratings_open, r.bad_ratings_overdue,
            r.satisfaction,
            catalogue_text(r.holds, town_holds), holidays_text(r.holds)]
