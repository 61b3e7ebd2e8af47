"""好差评 (国办发〔2019〕51号; GB/T 39734/39735-2020): which cases can be rated,
and the rectification a 差评 opens — deadline, call-back, classification and an
optional re-rating once it has been put right."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .cases import Status
from .errors import UserError
from .service import Rating

# 一事一评: any case that ended with a result for the applicant can be rated.
RATEABLE = frozenset({Status.COMPLETED, Status.NOT_ACCEPTED, Status.RETURNED})
BAD = frozenset({Rating.UNSATISFIED, Rating.VERY_UNSATISFIED})


class Classification(StrEnum):
    VALID = "有效"  # the complaint behind the 差评 holds: rectify
    MISTAKEN = "误评"  # pressed by mistake; confirmed on the call-back
    MALICIOUS = "恶意"  # abusive or unrelated to the service


class RectificationState(StrEnum):
    NOT_NEEDED = "无需整改"
    OPEN = "整改中"
    OVERDUE = "整改逾期"
    DONE = "已整改"
    RERATED = "已复评"


def check_rateable(status: Status, channel: str, rated_channels: set[str]) -> None:
    """Refuse a rating the rules do not allow (ended cases, once per channel)."""
    if status not in RATEABLE:
        allowed = "、".join(s.value for s in sorted(RATEABLE))
        raise UserError(f"办件“{status.value}”尚未结束，不能评价（可评价：{allowed}）",
                        field="status")
    if not channel.strip():
        raise UserError("请选择评价渠道", field="source")
    if channel in rated_channels:
        raise UserError(f"这件已有“{channel}”的评价：一事一评，同一渠道不能重复评价",
                        field="source")


@dataclass(frozen=True)
class RatingRecord:
    id: str
    case_id: str
    case_no: str
    applicant: str
    level: Rating
    source: str
    rated_at: datetime
    staff_name: str
    note: str
    rectify_due: date | None
    callback_at: datetime | None
    callback_by: str
    correction: str
    classification: Classification | None
    rerating: Rating | None
    rerated_at: datetime | None
    station_code: str = ""  # the station of the case (at the town: which village)

    @property
    def is_bad(self) -> bool:
        return self.level in BAD

    @property
    def awaiting_callback(self) -> bool:
        """A 差评 whose rectification is still open (整改中 or 整改逾期 by the date)."""
        return self.is_bad and self.callback_at is None and self.rerating is None

    def state(self, today: date) -> RectificationState:
        if not self.is_bad:
            return RectificationState.NOT_NEEDED
        if self.rerating is not None:
            return RectificationState.RERATED
        if self.callback_at is not None:
            return RectificationState.DONE
        if self.rectify_due is not None and self.rectify_due < today:
            return RectificationState.OVERDUE
        return RectificationState.OPEN


def check_callback(record: RatingRecord, correction: str,
                   classification: Classification | None) -> None:
    if not record.is_bad:
        raise UserError("只有差评（不满意、非常不满意）需要回访整改")
    if record.callback_at is not None:
        raise UserError("这条差评已记录回访整改，不能重复记录")
    problems = []
    if not correction.strip():
        problems.append("请写明回访情况和整改措施")
    if classification is None:
        problems.append("请认定差评性质：" + "、".join(c.value for c in Classification))
    if problems:
        raise UserError("；".join(problems), field="correction")


def check_rerating(record: RatingRecord) -> None:
    if record.callback_at is None:
        raise UserError("整改并回访后才能复评", field="rerating")
    if record.rerating is not None:
        raise UserError("这条差评已复评过一次，不能再改", field="rerating")
