"""Telling the applicant (一次性告知制): 补正, 交费 and 办结 are told in writing, by
phone, by SMS or at the door; each telling is recorded with who, when and the
result, and the program offers the words to say or send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .cases import Case, Status
from .errors import UserError


class Purpose(StrEnum):
    SUPPLEMENT = "补正"
    FEE = "交费"
    COMPLETED = "办结"


class NotifyChannel(StrEnum):
    WRITTEN = "书面"
    PHONE = "电话"
    SMS = "短信"
    VISIT = "上门"


class NotifyResult(StrEnum):
    TOLD = "已告知"
    NO_ANSWER = "未接通"
    UNREACHABLE = "无法联系"


@dataclass(frozen=True)
class Notification:
    id: str
    case_id: str
    purpose: Purpose
    channel: NotifyChannel
    person: str
    told_by: str
    told_at: datetime
    result: NotifyResult
    note: str


def is_free(fee: str) -> bool:
    return not fee.strip() or fee.strip() in ("免费", "不收费", "无")


def purposes_due(case: Case) -> list[Purpose]:
    """What the applicant of this case must be told, as things stand."""
    due = []
    if case.status == Status.SUPPLEMENT:
        due.append(Purpose.SUPPLEMENT)
    if not is_free(case.fee) and case.status.is_open:
        due.append(Purpose.FEE)
    if case.status == Status.COMPLETED:
        due.append(Purpose.COMPLETED)
    return due


def told(records: list[Notification], purpose: Purpose) -> bool:
    return any(r.purpose == purpose and r.result == NotifyResult.TOLD for r in records)


def told_in_writing(case: Case, purpose: Purpose) -> datetime | None:
    """When the case's own written notice told the applicant (the 补正材料通知书:
    the notice the legal clock counts as given, 行政许可法第三十二条)."""
    return case.supplement_notice_at if purpose == Purpose.SUPPLEMENT else None


def check_notification(case: Case, purpose: Purpose, channel: NotifyChannel, person: str,
                       told_by: str, when: datetime, today: date) -> None:
    problems = []
    if not person.strip():
        problems.append("请填写被告知人（申请人本人或其家属）")
    if not told_by.strip():
        problems.append("请填写告知人")
    if when.date() > today:
        problems.append("告知时间不能晚于今天")
    if when < case.received_at:
        problems.append("告知时间不能早于收件时间")
    if channel == NotifyChannel.SMS and not case.applicant.phone.strip():
        problems.append("申请人没有登记电话，不能短信告知")
    if purpose == Purpose.COMPLETED and case.status != Status.COMPLETED:
        problems.append("办件尚未办结，不能记录办结告知")
    if problems:
        raise UserError("；".join(problems), field="notification")


def wording(case: Case, purpose: Purpose, station_name: str, station_phone: str) -> str:
    """Ready words for an SMS or a phone call (the clerk copies and may edit them)."""
    who = f"{case.applicant.name}您好，"
    ref = f"您在{station_name}办理的“{case.item_name}”（办件编号 {case.case_no}）"
    ask = f"如有疑问请致电 {station_phone}。" if station_phone.strip() else ""
    if purpose == Purpose.SUPPLEMENT:
        missing = "、".join(case.missing) or "（见补正材料通知书）"
        body = f"{ref}材料不齐，请补交：{missing}。补齐后即为您受理。"
    elif purpose == Purpose.FEE:
        body = f"{ref}需按规定交纳费用：{case.fee}。请带好收据凭证。"
    else:
        body = f"{ref}已办结，请带本人身份证到站领取结果（或按约定送达）。"
    return who + body + ask + f"【{station_name}】"
