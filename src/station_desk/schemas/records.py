"""The rows a bundle may carry, column by column: a signed bundle from a
trusted station is still checked, so a hostile or broken one is held back
(quarantined) instead of stored and breaking every later `case list`.

Every column is optional here (a return bundle carries only the town's
fields; NOT NULL is the database's check) but typed when present.
"""

from __future__ import annotations

import json
import math
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from ..domain.cases import Channel, ProxyStep, Status
from ..domain.catalogue import CaseType
from ..domain.feedback import Classification
from ..domain.legal_clock import JOINT_EXTENSION_CAP, ExtensionKind
from ..domain.notifications import NotifyChannel, NotifyResult, Purpose
from ..domain.service import Rating
from .base import (
    Bit,
    Code,
    Count,
    DateText,
    DateTimeText,
    Lenient,
    Line,
    Name,
    Strict,
    Text,
    bad_character,
    chinese_errors,
)

MAX_RECORD_BYTES = 256 * 1024  # one row's JSON; attachments travel as blobs

StationCode = Annotated[StrictStr, Field(pattern=r"^\d{12}$")]
# a yes/no column the program has written both as 0/1 and as false/true
Flag = Bit | StrictBool


class MaterialRow(Strict):
    name: Line
    originals: Annotated[StrictInt, Field(ge=0, le=99)]
    copies: Annotated[StrictInt, Field(ge=0, le=99)]
    received: bool


class DepartmentRow(Strict):
    name: Name
    step: Name = "待办"
    at: Annotated[StrictStr, Field(max_length=40)] = ""


def json_text(shape: Any, max_length: int = 64 * 1024) -> Any:
    """A TEXT column holding JSON of `shape` (groups, materials, departments)."""
    adapter = TypeAdapter(shape)

    def check(text: str) -> str:
        # parsed and checked in one pass by pydantic's own JSON reader (it accepts
        # what json.loads does, but a lone surrogate escape, which no column may hold)
        try:
            adapter.validate_json(text)
        except (ValueError, RecursionError):  # a ValidationError is a ValueError
            raise ValueError("内容不是所需格式的 JSON") from None
        return text

    return Annotated[StrictStr, Field(max_length=max_length), AfterValidator(check)]


def _enum_value(values: type[Any]) -> Any:
    allowed = {v.value for v in values}

    def check(text: str) -> str:
        if text not in allowed:
            raise ValueError(f"“{text[:20]}”不认识，应为其中之一：" + "、".join(sorted(allowed)))
        return text

    return Annotated[StrictStr, AfterValidator(check)]


class CaseRow(Lenient):
    id: Code
    case_no: Code | None = None
    station_code: StationCode | None = None
    year: Annotated[StrictInt, Field(ge=2000, le=2100)] | None = None
    seq: Count | None = None
    channel: _enum_value(Channel) | None = None  # type: ignore[valid-type]
    applicant_name: Name | None = None
    id_number: Annotated[StrictStr, Field(max_length=18)] | None = None
    phone: Annotated[StrictStr, Field(max_length=20)] | None = None
    address: Line | None = None
    groups: json_text(list[Name]) | None = None  # type: ignore[valid-type]
    name_initials: Line | None = None
    name_pinyin: Line | None = None
    item_code: Code | None = None
    item_name: Line | None = None
    category: Line | None = None
    case_type: _enum_value(CaseType) | None = None  # type: ignore[valid-type]
    status: _enum_value(Status) | None = None  # type: ignore[valid-type]
    open: Bit | None = None
    window: Line | None = None
    first_ask_id: Code | None = None
    first_ask_name: Name | None = None
    received_at: DateTimeText | None = None
    accepted_at: DateTimeText | None = None
    deadline: DateText | None = None
    deadline_provisional: Bit | None = None
    extended_days: Annotated[StrictInt, Field(ge=0, le=3650)] | None = None
    materials: json_text(list[MaterialRow]) | None = None  # type: ignore[valid-type]
    proxy: Bit | None = None
    proxy_agent_id: Code | None = None
    proxy_agent_name: Annotated[StrictStr, Field(max_length=40)] | None = None
    proxy_step: _enum_value(ProxyStep) | None = None  # type: ignore[valid-type]
    door_to_door: Bit | None = None
    fee: Line | None = None
    reason: Text | None = None
    supplement_notice_at: DateTimeText | None = None
    supplement_due: DateText | None = None
    departments: json_text(list[DepartmentRow]) | None = None  # type: ignore[valid-type]
    completed_at: DateTimeText | None = None
    note: Text | None = None
    # the legal clock (migration 0008)
    promised_days: Annotated[StrictInt, Field(ge=0, le=3650)] | None = None
    statutory_days: Annotated[StrictInt, Field(ge=0, le=3650)] | None = None
    licence: Flag | None = None
    materials_complete_at: DateTimeText | None = None
    deemed_accepted: Flag | None = None
    statutory_deadline: DateText | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


class CaseEventRow(Lenient):
    id: Code
    case_id: Code | None = None
    at: DateTimeText | None = None
    actor_id: Code | None = None
    actor_name: Name | None = None
    kind: Name | None = None
    text: Text | None = None
    data: json_text(dict[str, Any], 16 * 1024) | None = None  # type: ignore[valid-type]
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


class NoticeRow(Lenient):
    id: Code
    notice_no: Code | None = None
    case_id: Code | None = None
    kind: Name | None = None
    issued_at: DateTimeText | None = None
    issued_by_id: Code | None = None
    issued_by_name: Name | None = None
    sha256: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{64}$")] | None = None
    size: Count | None = None
    pdf: Any = None  # a blob reference, checked against the blob by the writer


class CatalogueRow(Lenient):
    id: Code
    code: Code | None = None
    category: Line | None = None
    name: Line | None = None
    case_type: _enum_value(CaseType) | None = None  # type: ignore[valid-type]
    time_limit_days: Annotated[StrictInt, Field(ge=0, le=3650)] | None = None
    materials: Annotated[StrictStr, Field(max_length=64 * 1024)] | None = None
    procedure: Annotated[StrictStr, Field(max_length=64 * 1024)] | None = None
    non_acceptance: Annotated[StrictStr, Field(max_length=64 * 1024)] | None = None
    in_person: Bit | None = None
    verified: Bit | None = None
    retired: Bit | None = None
    # 法定时限, 行政许可 or not, 决定机关, 行政复议机关 (migration 0008; None: 待核实)
    statutory_days: Annotated[StrictInt, Field(ge=1, le=3650)] | None = None
    licence: Flag | None = None
    authority: Line | None = None
    review_body: Line | None = None


class HolidayRow(Lenient):
    id: Code
    year: Annotated[StrictInt, Field(ge=2000, le=2100)] | None = None
    schedule: Annotated[StrictStr, Field(max_length=64 * 1024)] | None = None
    source: Line | None = None


class ExtensionRow(Lenient):
    id: Code
    case_id: Code | None = None
    # no extension the rules allow is longer (行政许可法第二十六条 joint handling: 15)
    days: Annotated[StrictInt, Field(ge=1, le=JOINT_EXTENSION_CAP)] | None = None
    kind: _enum_value(ExtensionKind) | None = None  # type: ignore[valid-type]
    reason: Text | None = None
    consent: Text | None = None
    approved_by_id: Code | None = None
    approved_by_name: Name | None = None
    approved_on: DateText | None = None
    notice_no: Code | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


class SuspensionRow(Lenient):
    id: Code
    case_id: Code | None = None
    start: DateText | None = None
    end: DateText | None = None
    reason: Text | None = None
    by_name: Name | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> SuspensionRow:
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"中止计时的结束日期 {self.end} 早于开始日期 {self.start}")
        return self


class NotificationRow(Lenient):
    id: Code
    case_id: Code | None = None
    purpose: _enum_value(Purpose) | None = None  # type: ignore[valid-type]
    channel: _enum_value(NotifyChannel) | None = None  # type: ignore[valid-type]
    person: Name | None = None
    told_by: Name | None = None
    told_at: DateTimeText | None = None
    result: _enum_value(NotifyResult) | None = None  # type: ignore[valid-type]
    note: Text | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


def _classification(text: str) -> str:
    if text and text not in {c.value for c in Classification}:
        raise ValueError(f"“{text[:20]}”不认识，应为其中之一："
                         + "、".join(c.value for c in Classification))
    return text


class RatingRow(Lenient):
    """A 好差评 record with its rectification (deadline, call-back, re-rating)."""

    id: Code
    case_id: Code | None = None
    level: _enum_value(Rating) | None = None  # type: ignore[valid-type]
    source: Name | None = None
    rated_at: DateTimeText | None = None
    staff_name: Name | None = None
    note: Text | None = None
    callback_at: DateTimeText | None = None
    callback_by: Name | None = None
    correction: Text | None = None
    rectify_due: DateText | None = None
    classification: Annotated[StrictStr, AfterValidator(_classification)] | None = None
    rerating: _enum_value(Rating) | None = None  # type: ignore[valid-type]
    rerated_at: DateTimeText | None = None
    created_at: DateTimeText | None = None
    updated_at: DateTimeText | None = None


class PlainRow(Lenient):
    """A table without its own schema: every column a plain, clean value."""

    model_config = ConfigDict(extra="allow", frozen=True)
    id: Code

    @model_validator(mode="after")
    def _plain_values(self) -> PlainRow:
        for key, value in (self.model_extra or {}).items():
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int):
                if abs(value) >= 2**63:
                    raise ValueError(f"字段 {key} 的数值太大")
            elif isinstance(value, float):
                if not math.isfinite(value):
                    raise ValueError(f"字段 {key} 不是有限的数")
            elif isinstance(value, str):
                problem = bad_character(value, multiline=True)
                if problem or len(value) > 64 * 1024:
                    raise ValueError(f"字段 {key} {problem or '太长'}")
            elif not (isinstance(value, dict) and set(value) <= {"sha256", "bytes"}):
                raise ValueError(f"字段 {key} 的格式不对")
        return self


ROW_SCHEMAS: dict[str, type[Lenient]] = {
    "cases": CaseRow, "case_events": CaseEventRow, "notices": NoticeRow,
    "catalogue_items": CatalogueRow, "holiday_schedules": HolidayRow,
    "case_extensions": ExtensionRow, "case_suspensions": SuspensionRow,
    "notifications": NotificationRow, "ratings": RatingRow,
}

# the quarantine reason names a field as the clerk knows it
FIELD_NAMES = {
    "days": "延期天数", "kind": "类别", "reason": "理由", "consent": "申请人同意情况",
    "approved_by_name": "批准人", "approved_on": "批准日期", "start": "中止开始日期",
    "end": "恢复计时日期", "by_name": "经办人", "purpose": "告知事项", "channel": "告知方式",
    "person": "被告知人", "told_by": "告知人", "told_at": "告知时间", "result": "告知结果",
    "level": "评价", "rated_at": "评价时间", "callback_at": "回访时间", "correction": "整改情况",
    "rectify_due": "整改期限", "classification": "差评性质", "rerating": "复评",
    "rerated_at": "复评时间", "case_id": "所属办件", "status": "办件状态",
    "received_at": "收件时间", "deadline": "承诺办结日期", "statutory_days": "法定时限",
    "promised_days": "承诺时限", "licence": "是否行政许可", "authority": "决定机关",
    "review_body": "行政复议机关", "statutory_deadline": "法定办结期限",
    "materials_complete_at": "补正材料收齐时间", "deemed_accepted": "视为受理",
}


# A row read from a JSON line of n bytes is at most this many times n written back
# out (json.dumps): a character of a string comes from at least one byte and is
# written as one (only what had to be escaped is escaped again, no longer); ":"
# and "," gain a space; a number grows at most 4.5 times ("1e15" is written
# 1000000000000000.0). tests/unit/test_quick_checks.py tries the worst cases.
JSON_GROWTH = 6


def row_problem(table: str, row: dict[str, Any], *, line_bytes: int | None = None) -> str:
    """Why a bundle row may not be stored (empty if it may). `line_bytes`: the length
    of the JSON line the row was read from, if known (a short one is small enough)."""
    schema = ROW_SCHEMAS.get(table, PlainRow)
    if (line_bytes is None or line_bytes * JSON_GROWTH > MAX_RECORD_BYTES) \
            and _size_bound(row) > MAX_RECORD_BYTES:
        try:
            size = len(json.dumps(row, ensure_ascii=False, default=str))
        except (ValueError, TypeError, RecursionError):
            return "记录内容无法解读"
        if size > MAX_RECORD_BYTES:
            return f"记录太大（{size // 1024} KB）"
    try:
        schema.model_validate(row)
    except ValidationError as exc:
        return chinese_errors(exc, "记录", FIELD_NAMES)
    return ""


def _size_bound(row: dict[str, Any]) -> int:
    """At least the length of the row as JSON (an escape is at most 6 characters a
    character; a number below 2**63 at most 24), without writing it out; a value of
    another kind makes it unbounded."""
    total = 2
    for key, value in row.items():
        kind = type(value)
        if kind is str:
            total += 6 * (len(key) + len(value)) + 8
        elif value is None or kind is bool or kind is float or (kind is int
                                                                and abs(value) < 2**63):
            total += 6 * len(key) + 40
        else:
            return MAX_RECORD_BYTES + 1
    return total
