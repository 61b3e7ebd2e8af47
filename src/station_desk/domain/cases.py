"""Cases (办件, manual §二.3–二.4): statuses, the allowed transitions, proxy
steps, case numbers and what needs attention.

The state machine is explicit: `TRANSITIONS[from]` is every status a case may
move to; anything else is refused with a Chinese message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from .catalogue import CaseType
from .errors import UserError


class Channel(StrEnum):
    VISIT = "来访"
    PHONE = "来电"
    LETTER = "来信"
    ONLINE = "网上"


class Status(StrEnum):
    SUPPLEMENT = "待补正"      # materials incomplete: supplement notice, everything at once
    ACCEPTED = "已受理"        # materials complete; the promised-date clock runs
    IN_PROGRESS = "办理中"     # with the department / taken to town or county
    COMPLETED = "已办结"
    NOT_ACCEPTED = "不予受理"  # refused at intake, reason given
    RETURNED = "已退回"        # 退回件: refused by law or policy, written explanation filed
    WITHDRAWN = "已撤回"       # the applicant withdrew

    @property
    def is_open(self) -> bool:
        return self in OPEN_STATUSES


OPEN_STATUSES = frozenset({Status.SUPPLEMENT, Status.ACCEPTED, Status.IN_PROGRESS})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.SUPPLEMENT: frozenset({Status.ACCEPTED, Status.NOT_ACCEPTED, Status.WITHDRAWN}),
    Status.ACCEPTED: frozenset({Status.IN_PROGRESS, Status.COMPLETED, Status.RETURNED,
                                Status.WITHDRAWN}),
    Status.IN_PROGRESS: frozenset({Status.COMPLETED, Status.RETURNED, Status.WITHDRAWN}),
    Status.COMPLETED: frozenset(),
    Status.NOT_ACCEPTED: frozenset(),
    Status.RETURNED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

# A written reason is required to reach these (退回备案, 不予受理说明理由).
NEEDS_REASON = frozenset({Status.NOT_ACCEPTED, Status.RETURNED, Status.WITHDRAWN})


def parse_status(text: str) -> Status:
    for s in Status:
        if text in (s.value, s.name.lower()):
            return s
    raise UserError(f"状态“{text}”不认识：可用 " + "、".join(s.value for s in Status),
                    field="status")


def check_transition(current: Status, target: Status, reason: str) -> None:
    if target not in TRANSITIONS[current]:
        allowed = "、".join(s.value for s in sorted(TRANSITIONS[current])) or "无（已结束）"
        raise UserError(f"办件状态不能从“{current.value}”改为“{target.value}”。"
                        f"当前可改为：{allowed}", field="status")
    if target in NEEDS_REASON and not reason.strip():
        raise UserError(f"改为“{target.value}”必须写明书面理由（将存档备查）", field="reason")


def initial_status(case_type: CaseType, missing: list[str], done_on_spot: bool) -> Status:
    if case_type == CaseType.RETURNED:
        return Status.RETURNED
    if missing:
        return Status.SUPPLEMENT
    if case_type == CaseType.IMMEDIATE and done_on_spot:
        return Status.COMPLETED
    return Status.ACCEPTED


class ProxyStep(StrEnum):
    """帮办代办 full-process tracking (即时受理 → 快捷承办 → 限时办结 → 及时反馈)."""

    ENTRUSTED = "已委托"
    COLLECTED = "材料已收齐"
    SUBMITTED = "已送镇/县办理"
    RESULT_BACK = "结果已返回"
    DELIVERED = "已送达申请人"
    CALLED_BACK = "已回访"


PROXY_ORDER = list(ProxyStep)


def next_proxy_step(current: ProxyStep | None) -> ProxyStep | None:
    if current is None:
        return ProxyStep.ENTRUSTED
    i = PROXY_ORDER.index(current)
    return PROXY_ORDER[i + 1] if i + 1 < len(PROXY_ORDER) else None


def check_proxy_step(current: ProxyStep | None, target: ProxyStep) -> None:
    expected = next_proxy_step(current)
    if target != expected:
        now = current.value if current else "尚未委托"
        nxt = expected.value if expected else "无（已全部完成）"
        raise UserError(f"代办进度不能从“{now}”跳到“{target.value}”，下一步应为：{nxt}",
                        field="proxy_step")


SPECIAL_GROUPS = ("高龄老人", "残疾人", "低保对象", "特困人员", "留守老人", "留守儿童",
                  "行动不便", "退役军人")

_CASE_NO = re.compile(r"^(\d{12})-(\d{4})-(\d{5,})$")


def format_case_no(station_code: str, year: int, seq: int) -> str:
    """Unique across the county offline: station code + year + the station's sequence."""
    return f"{station_code}-{year}-{seq:05d}"


def parse_case_no(text: str) -> tuple[str, int, int] | None:
    m = _CASE_NO.match(text.strip())
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def attention_key(status: Status, deadline: date | None, received_at: datetime) -> str:
    """Sort key that puts what needs attention first: open cases by promised date
    (overdue, then due soon), then finished ones newest first."""
    if status.is_open:
        due = deadline.isoformat() if deadline else "9999-12-31"
        return f"0{due}{received_at:%Y%m%d%H%M%S}"
    inverted = 99_999_999_999_999 - int(f"{received_at:%Y%m%d%H%M%S}")
    return f"1{inverted:014d}"


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    phone: str = ""
    address: str = ""
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaterialCheck:
    name: str
    originals: int
    copies: int
    received: bool


@dataclass(frozen=True)
class Department:
    """One department of a 联办件 and where it stands."""

    name: str
    step: str = "待办"
    at: str = ""


@dataclass(frozen=True)
class Case:
    id: str
    case_no: str
    channel: Channel
    applicant: Applicant
    item_code: str
    item_name: str
    category: str
    case_type: CaseType
    status: Status
    window: str
    first_ask_name: str
    received_at: datetime
    accepted_at: datetime | None
    deadline: date | None
    materials: tuple[MaterialCheck, ...]
    proxy: bool
    proxy_agent_name: str
    proxy_step: ProxyStep | None
    door_to_door: bool
    fee: str
    reason: str
    supplement_notice_at: datetime | None
    supplement_due: date | None
    departments: tuple[Department, ...]
    completed_at: datetime | None
    note: str
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def missing(self) -> list[str]:
        return [m.name for m in self.materials if not m.received]

    @property
    def station_code(self) -> str:
        """The station that registered the case (its number starts with the code)."""
        parsed = parse_case_no(self.case_no)
        return parsed[0] if parsed else ""

    def is_overdue(self, today: date) -> bool:
        return self.status.is_open and self.deadline is not None and self.deadline < today


@dataclass(frozen=True)
class CaseEvent:
    at: datetime
    actor_name: str
    kind: str
    text: str


def offered_moves(case: Case) -> list[Status]:
    """The moves the window offers, in the order of `Status`: those the rules allow,
    but 补正齐全，受理 only once nothing is missing — until then each material is
    ticked off as it comes (收到补正材料…), which accepts the case with the last one."""
    return [s for s in Status
            if s in TRANSITIONS[case.status] and not still_missing_to(case, s)]


def still_missing_to(case: Case, target: Status) -> list[str]:
    """The materials that keep a 待补正 case from being accepted (empty when `target`
    is not that move, or nothing is missing): the case is accepted only with the last
    one, ticked off as it comes, never by marking everything received at once."""
    if case.status == Status.SUPPLEMENT and target == Status.ACCEPTED:
        return case.missing
    return []
