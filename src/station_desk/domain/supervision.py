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
    bad_ratings_open: int
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
                -self.complaints_open, -self.bad_ratings_open, -(self.days_silent or 0))
