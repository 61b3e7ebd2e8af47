"""Intake of a case: the form's fields, checked all at once."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ..domain.cases import SPECIAL_GROUPS, Applicant, Case, Channel
from ..domain.catalogue import CaseType, CatalogueItem
from ..domain.errors import UserError
from ..domain.idnumber import InvalidIdNumber, parse_id_number
from ..domain.station import Staff
from .catalogue import CatalogueDesk
from .session import Session
from .station import StationDesk

_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")


def rare_character_warning(*texts: str) -> str | None:
    """What to tell the clerk when a name or address has characters the print font
    lacks (生僻字): said while typing, and again with the registered case."""
    from ..print.fonts import missing_glyphs  # reportlab, only when asked

    rare = missing_glyphs("".join(texts))
    if not rare:
        return None
    return ("姓名或住址中的" + "、".join(f"“{ch}”" for ch in rare)
            + "打印字库中没有：告知书上会在该处留空框，请手写补上。")


class InvalidCase(UserError):
    """Every field at fault at once, so the clerk fixes them in one go."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()), field=next(iter(errors)))
        self.errors = errors


class InvalidCaseAt(UserError):
    """One of several intakes registered together was refused (`index` from 0);
    none of them was kept."""

    def __init__(self, index: int, error: InvalidCase) -> None:
        super().__init__(error.message, field=error.field)
        self.index = index
        self.errors = error.errors


@dataclass(frozen=True)
class CaseInput:
    item: str
    applicant: Applicant
    channel: str = Channel.VISIT.value
    case_type: str | None = None
    first_ask: str | None = None
    received: tuple[str, ...] = ()
    proxy: bool = False
    proxy_agent: str | None = None
    door_to_door: bool = False
    fee: str = ""
    reason: str = ""
    done_on_spot: bool = False
    departments: tuple[str, ...] = ()
    note: str = ""
    received_at: datetime | None = None
    # one per form save or batch entry: a retry with it registers nothing twice
    request_id: str | None = None

    def fingerprint(self) -> str:
        """The entry's content, so a request id reused for another case is caught."""
        return hashlib.sha256(repr(replace(self, request_id=None)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Registered:
    case: Case
    warnings: list[str] = field(default_factory=list)
    already: bool = False  # registered before under the same request id (a retry)


def check_applicant(given: Applicant, errors: dict[str, str]) -> Applicant:
    """The applicant's fields as the ledger keeps them; each fault named in `errors`."""
    name = given.name.strip()
    if not name:
        errors["name"] = "申请人姓名不能为空"
    elif len(name) > 30:
        errors["name"] = "申请人姓名太长（最多 30 个字）"
    id_number = ""
    try:
        id_number = parse_id_number(given.id_number).value
    except InvalidIdNumber as exc:
        errors["id_number"] = exc.message
    phone = given.phone.strip().replace(" ", "")
    if phone and not _PHONE.match(phone):
        errors["phone"] = (f"联系电话“{phone}”不对：手机号 11 位，座机如 0915-6321234")
    unknown_groups = [g for g in given.groups if g not in SPECIAL_GROUPS]
    if unknown_groups:
        errors["groups"] = ("特殊群体“" + "、".join(unknown_groups) + "”不认识：可选 "
                            + "、".join(SPECIAL_GROUPS))
    return Applicant(name, id_number, phone, given.address.strip(),
                     tuple(dict.fromkeys(given.groups)))


def validate_intake(catalogue: CatalogueDesk, session: Session, station: StationDesk,
                    data: CaseInput) -> tuple[CatalogueItem, Applicant, dict[str, Any]]:
    """Check every field of an intake at once; InvalidCase names each one at fault."""
    errors: dict[str, str] = {}
    item: CatalogueItem | None = None
    try:
        item = catalogue.item(data.item)
    except UserError as exc:
        errors["item"] = exc.message
    applicant = check_applicant(data.applicant, errors)
    try:
        channel = Channel(data.channel)
    except ValueError:
        errors["channel"] = "来源渠道应为 来访、来电、来信 或 网上"
        channel = Channel.VISIT
    case_type = item.case_type if item else CaseType.IMMEDIATE
    if data.case_type:
        try:
            case_type = CaseType(data.case_type)
        except ValueError:
            errors["case_type"] = "办件类型应为 即办件、承诺件、联办件 或 退回件"
    if case_type == CaseType.RETURNED and not data.reason.strip():
        errors["reason"] = "退回件必须写明书面退回理由（依据的法律、法规或政策），将存档备查"
    first_ask = staff_named(session, station, data.first_ask, errors, "first_ask", "首问责任人")
    agent = None
    if data.proxy:
        agent = staff_named(session, station,
                            data.proxy_agent or (first_ask.name if first_ask else None),
                            errors, "proxy_agent", "帮办代办员")
    if item is not None:
        known = {m.name for m in item.materials}
        strange = [m for m in data.received if m not in known]
        if strange:
            errors["materials"] = ("这些材料不在本事项的材料清单里：" + "、".join(strange))
    received_at = data.received_at or datetime.now().astimezone()
    if received_at.tzinfo is None:
        received_at = received_at.astimezone()
    if received_at > datetime.now().astimezone():
        errors["received_at"] = "收件时间不能晚于现在"
    if errors:
        raise InvalidCase(errors)
    assert item is not None and first_ask is not None
    return item, applicant, {"channel": channel, "case_type": case_type,
                             "first_ask": first_ask, "agent": agent,
                             "received_at": received_at}


def staff_named(session: Session, station: StationDesk, name: str | None,
                errors: dict[str, str], key: str, what: str) -> Staff | None:
    """The active staff member called `name` (the signed-in one when blank)."""
    if not name:
        signed = session.signed_in
        if signed is None:
            errors[key] = f"{what}不能为空：请填写经办工作人员姓名"
        return signed
    staff = station.staff_named(name)
    if staff is None:
        errors[key] = f"{what}“{name}”不是本站在岗工作人员"
    return staff
