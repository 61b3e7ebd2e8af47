"""The head's decision on a file whose retention period has ended.

DA/T 22 and 国家档案局令第8号 have a file appraised when its period ends: it is
kept longer (继续保存, for a stated time) or destroyed (同意销毁). A destruction
is entered in a register — who decided, when, why. The program keeps that
register; it never deletes the case (R-ARCHIVE): 同意销毁 marks the file, the
paper is destroyed after the appraisal and approval outside the program."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .errors import UserError

MAX_KEEP_YEARS = 100
MAX_REASON = 500


class Verdict(StrEnum):
    KEEP = "继续保存"
    DESTROY = "同意销毁"


class Review(StrEnum):
    """Where a file past its period stands."""

    PENDING = "待审核"
    KEPT = "继续保存"
    DESTROY = "同意销毁"


def kept_through(today: date, *, years: int | None, until: int | None) -> int:
    """The last year a file kept longer is kept: `years` more from this year, or
    to the end of the year `until`."""
    if (years is None) == (until is None):
        raise UserError("继续保存须写明再保存几年，或保存到哪一年（二者选一）", field="keep")
    if years is not None:
        if not 1 <= years <= MAX_KEEP_YEARS:
            raise UserError(f"再保存的年数应为 1 到 {MAX_KEEP_YEARS} 年，不能是 {years}",
                            field="keep_years")
        return today.year + years
    assert until is not None
    if not today.year < until <= today.year + MAX_KEEP_YEARS:
        raise UserError(f"保存到的年份应晚于今年（{today.year}），最晚 "
                        f"{today.year + MAX_KEEP_YEARS} 年，不能是 {until}", field="keep_until")
    return until


def checked_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise UserError("请写明审核意见（为什么继续保存或同意销毁）", field="reason")
    if len(text) > MAX_REASON:
        raise UserError(f"审核意见太长（{len(text)} 字），请写在 {MAX_REASON} 字以内",
                        field="reason")
    return text


@dataclass(frozen=True)
class RetentionDecision:
    verdict: Verdict
    kept_through: int | None  # KEEP: the last year kept; DESTROY: None
    reason: str
    decided_by: str
    decided_at: datetime

    @property
    def next_review(self) -> date | None:
        """When a file kept longer comes up again (1 January after its last year)."""
        return None if self.kept_through is None else date(self.kept_through + 1, 1, 1)

    def text(self) -> str:
        if self.verdict == Verdict.KEEP:
            return f"继续保存至 {self.kept_through} 年"
        return Verdict.DESTROY.value

    def review(self, today: date) -> Review:
        if self.verdict == Verdict.DESTROY:
            return Review.DESTROY
        due = self.next_review
        return Review.PENDING if due is not None and due <= today else Review.KEPT


def review_of(decision: RetentionDecision | None, today: date) -> Review:
    return Review.PENDING if decision is None else decision.review(today)
