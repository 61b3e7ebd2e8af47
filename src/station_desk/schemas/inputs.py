"""What the JSON commands accept (`case new`, `appt new`, `after-hours new`,
`complaint new`), field by field, with the labels their errors name."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StrictBool

from ..domain.errors import UserError
from .base import (
    Code,
    DateText,
    DateTimeText,
    Line,
    Name,
    SmallInt,
    Strict,
    Text,
    parse_json,
    validate,
)

MAX_BATCH = 20_000

LABELS = {
    "item": "事项 item", "channel": "渠道 channel", "applicant": "申请人 applicant",
    "name": "姓名 name", "id_number": "身份证号 id_number", "phone": "电话 phone",
    "address": "住址 address", "groups": "特殊群体 groups", "case_type": "办件类型 case_type",
    "first_ask": "首问责任人 first_ask", "received": "已收材料 received",
    "proxy": "代办 proxy", "proxy_agent": "代办员 proxy_agent",
    "door_to_door": "上门 door_to_door", "fee": "收费 fee", "reason": "理由 reason",
    "done": "当场办结 done", "departments": "部门 departments", "note": "备注 note",
    "received_at": "收件时间 received_at", "request_id": "请求号 request_id",
    "cases": "办件列表 cases", "at": "预约时间 at", "kind": "类型 kind",
    "staff": "工作人员 staff", "minutes": "时长 minutes", "day": "日期 day",
    "closing": "下班时间 closing", "end": "结束时间 end", "served": "服务人数 served",
    "complainant": "投诉人 complainant", "matter": "投诉事项 matter",
    "concerning": "被投诉对象 concerning", "severity": "性质 severity",
    "not_accepted_reason": "不予受理理由 not_accepted_reason",
}

Phone = Annotated[str, Field(max_length=20, strict=True)]
IdNumber = Annotated[str, Field(max_length=18, strict=True)]
HourMinute = Annotated[str, Field(max_length=5, pattern=r"^\d{1,2}:\d{2}$", strict=True)]


class ApplicantIn(Strict):
    name: Name = ""
    id_number: IdNumber = ""
    phone: Phone = ""
    address: Line = ""
    groups: Annotated[list[Name], Field(max_length=10)] = []


class CaseIn(Strict):
    item: Code = ""
    channel: Name = "来访"
    applicant: ApplicantIn = ApplicantIn()
    case_type: Name | None = None
    first_ask: Name | None = None
    received: Annotated[list[Line], Field(max_length=60)] = []
    proxy: StrictBool = False
    proxy_agent: Name | None = None
    door_to_door: StrictBool = False
    fee: Line = ""
    reason: Text = ""
    done: StrictBool = False
    departments: Annotated[list[Name], Field(max_length=20)] = []
    note: Text = ""
    received_at: DateTimeText | None = None
    request_id: Code | None = None


class CaseBatchIn(Strict):
    request_id: Code | None = None
    cases: Annotated[list[Any], Field(max_length=MAX_BATCH)]


class ApptIn(Strict):
    applicant: ApplicantIn = ApplicantIn()
    item: Code = ""
    at: DateTimeText
    kind: Name = "窗口"
    channel: Name = "电话"
    staff: Name | None = None
    minutes: Annotated[int, Field(ge=5, le=8 * 60, strict=True)] = 30
    note: Text = ""


class AfterHoursIn(Strict):
    day: DateText
    closing: HourMinute | None = None
    end: HourMinute
    staff: Annotated[list[Name], Field(max_length=20)] = []
    served: Annotated[int, Field(ge=0, le=10_000, strict=True)] = 0
    note: Text = ""


class ComplaintIn(Strict):
    complainant: Name = ""
    phone: Phone = ""
    matter: Text = ""
    concerning: Line = ""
    channel: Name = "电话"
    severity: Name = "一般"
    not_accepted_reason: Text = ""


class ApplicantFixIn(Strict):
    """Only the fields given are corrected."""
    name: Name | None = None
    id_number: IdNumber | None = None
    phone: Phone | None = None
    address: Line | None = None


class CaseEditIn(Strict):
    applicant: ApplicantFixIn = ApplicantFixIn()
    item: Code | None = None
    case_type: Name | None = None
    channel: Name | None = None
    reason: Text = ""


def read_input(raw: bytes | str, model: type[Strict], what: str) -> Any:
    return validate(model, parse_json(raw, what), what, labels=LABELS)


def read_cases(raw: bytes | str) -> tuple[list[CaseIn], str | None, bool]:
    """The entries of `case new`: one object, a list, or {"request_id", "cases"}.
    Returns (entries, request id in the file, whether it is a batch)."""
    data = parse_json(raw, "办件 JSON")
    request_id = None
    if isinstance(data, dict) and "cases" in data:
        batch = validate(CaseBatchIn, data, "办件 JSON", labels=LABELS)
        data, request_id = batch.cases, batch.request_id
    if isinstance(data, list):
        if len(data) > MAX_BATCH:
            raise UserError(f"一次最多登记 {MAX_BATCH} 件")
        return ([validate(CaseIn, e, "办件", labels=LABELS, where=f"第 {i + 1} 件：")
                 for i, e in enumerate(data)], request_id, True)
    if not isinstance(data, dict):
        raise UserError("办件应为一个 JSON 对象，或由对象组成的列表")
    return [validate(CaseIn, data, "办件", labels=LABELS)], request_id, False


__all__ = ["AfterHoursIn", "ApptIn", "CaseIn", "ComplaintIn", "SmallInt", "read_cases",
           "read_input"]
