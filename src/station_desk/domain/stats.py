"""Figures of a period (manual §三.2.2.2 daily counts, §五.1 supervision):
what the daily sheet and the monthly report show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ON_SPOT_TARGET = 1.0   # 即办件当场办结率 100 %
ON_TIME_TARGET = 1.0   # 承诺件按期办结率 100 %


def rate(numerator: int, denominator: int) -> float | None:
    """None when there is nothing to measure: never shown as 0 % or 100 %."""
    return None if denominator == 0 else numerator / denominator


def rate_text(value: float | None) -> str:
    return "—（无数据）" if value is None else f"{value:.1%}"


@dataclass(frozen=True)
class Figures:
    """One station's (or all villages') figures for [first, last]."""

    first: date
    last: date
    station: str
    reported: bool = True       # False: a village that never sent a bundle (未报送)
    received: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    immediate: int = 0          # 即办件 received (not refused/withdrawn)
    immediate_on_spot: int = 0  # … finished the same day
    promised_done: int = 0      # 承诺件/联办件 finished in the period
    promised_on_time: int = 0   # … by their promised date
    overdue_open: int = 0       # open and past the promised date (at `last`)
    proxy_received: int = 0
    proxy_open: int = 0
    proxy_delivered: int = 0
    appts_served: int = 0
    appts_missed: int = 0
    appts_cancelled: int = 0
    after_hours_sessions: int = 0
    after_hours_minutes: int = 0
    after_hours_served: int = 0
    complaints_received: int = 0
    complaints_closed: int = 0
    complaints_open: int = 0
    ratings: int = 0
    ratings_satisfied: int = 0

    @property
    def on_spot_rate(self) -> float | None:
        return rate(self.immediate_on_spot, self.immediate)

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.promised_on_time, self.promised_done)

    @property
    def satisfaction_rate(self) -> float | None:
        return rate(self.ratings_satisfied, self.ratings)

    @property
    def period_label(self) -> str:
        if self.first == self.last:
            return f"{self.first:%Y年%m月%d日}"
        return f"{self.first:%Y年%m月%d日}—{self.last:%Y年%m月%d日}"
