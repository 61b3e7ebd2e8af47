"""The stored row of a newly registered case: every column from the checked
intake, the item, and the dates the clock gave."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..domain import pinyin
from ..domain.cases import (
    Applicant,
    Department,
    MaterialCheck,
    ProxyStep,
    Status,
    attention_key,
    format_case_no,
)
from ..domain.catalogue import CatalogueItem
from ..domain.deadlines import Promise
from ..domain.ids import new_id
from ..domain.legal_clock import CaseClock
from .intake import CaseInput

__all__ = ["new_case_row"]


def _iso(d: date | datetime | None) -> str | None:
    return None if d is None else d.isoformat()


def new_case_row(data: CaseInput, v: dict[str, Any], *, station_code: str, seq: int,
                 item: CatalogueItem, applicant: Applicant, status: Status,
                 materials: list[MaterialCheck], departments: list[Department],
                 deadline: Promise | None, supplement_due: Promise | None,
                 clock: CaseClock | None, promised_days: int) -> dict[str, Any]:
    """`v` is what `validate_intake` checked (channel, case type, time, people)."""
    case_type, received_at = v["case_type"], v["received_at"]
    first_ask, agent = v["first_ask"], v["agent"]
    return {
        "id": new_id(),
        "case_no": format_case_no(station_code, received_at.year, seq),
        "station_code": station_code, "year": received_at.year, "seq": seq,
        "channel": v["channel"].value, "applicant_name": applicant.name,
        "id_number": applicant.id_number, "phone": applicant.phone,
        "address": applicant.address,
        "groups": json.dumps(list(applicant.groups), ensure_ascii=False),
        "name_initials": pinyin.initials(applicant.name),
        "name_pinyin": pinyin.full(applicant.name),
        "item_code": item.code, "item_name": item.name, "category": item.category,
        "case_type": case_type.value, "status": status.value,
        "open": int(status.is_open), "window": item.window,
        "first_ask_id": first_ask.id, "first_ask_name": first_ask.name,
        "received_at": received_at.isoformat(timespec="seconds"),
        "accepted_at": received_at.isoformat(timespec="seconds")
        if status in (Status.ACCEPTED, Status.COMPLETED) else None,
        "deadline": _iso(deadline.deadline) if deadline else None,
        "deadline_provisional": int(bool(deadline and deadline.provisional)),
        "promised_days": promised_days, "statutory_days": item.statutory_days,
        "licence": None if item.licence is None else int(item.licence),
        "statutory_deadline": _iso(clock.statutory_due.day)
        if clock and clock.statutory_due else None,
        "materials": json.dumps([m.__dict__ for m in materials], ensure_ascii=False),
        "proxy": int(data.proxy), "proxy_agent_id": agent.id if agent else None,
        "proxy_agent_name": agent.name if agent else "",
        "proxy_step": ProxyStep.ENTRUSTED.value if data.proxy else None,
        "door_to_door": int(data.door_to_door), "fee": data.fee.strip() or "免费",
        "reason": data.reason.strip(), "supplement_notice_at": None,
        "supplement_due": _iso(supplement_due.deadline) if supplement_due else None,
        "departments": json.dumps([d.__dict__ for d in departments],
                                  ensure_ascii=False),
        # finished on the spot: at the desk, when it was received
        "completed_at": received_at.isoformat(timespec="seconds")
        if status == Status.COMPLETED else None,
        "note": data.note.strip(),
        "sort_key": attention_key(status, deadline.deadline if deadline else
                                  (supplement_due.deadline if supplement_due else None),
                                  received_at),
    }
