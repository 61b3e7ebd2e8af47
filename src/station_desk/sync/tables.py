"""Which tables travel in which direction, in what order, and who owns what.

Village -> town ("changes"): the village's cases with their timeline and the
archived notices, its after-hours sessions, appointments, complaints and
ratings (what the manual counts: the town reports them to the county), and the
legal clock's records of each case — extensions, suspensions and who told the
applicant what (notifications) — so the town sees the dates the village gave
and counts the days already granted against the §42 cap. Each carries its
station (`station_code`; a rating or a clock record follows its case), so at
the town they never mix with the town's own. Staff, settings, windows and the
village's own catalogue stay at the village; a link from a travelling record
to one that stays is not kept at the town.

Town -> village ("return"): the village's cases the town changed (status and
result fields only), the events, notices, extensions, suspensions and
notifications the town wrote on them, the catalogue and the holiday schedules.

Records are written parents first (the order below), so a foreign key always
finds its target when both arrive in the same bundle.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..domain.cases import PROXY_ORDER, ProxyStep, Status, attention_key
from ..domain.handover import HANDED_OVER_STEPS

# the legal clock's records of a case (migration 0008; travelling since 0016)
CLOCK_TABLES = ("case_extensions", "case_suspensions", "notifications")
# the scans of a case travel up only when a proxy agent takes the case to the town,
# who then works it from them; the rest stay at the village (personal data, 个保法)
PROXIED_ONLY = ("attachments",)
UP_TABLES = ("after_hours", "cases", *PROXIED_ONLY, "case_events", "notices", *CLOCK_TABLES,
             "ratings", "appointments", "complaints")
RETURN_TABLES = ("catalogue_items", "holiday_schedules", "cases", "case_events", "notices",
                 *CLOCK_TABLES)

# Tables whose rows hang on a case: they follow the case's station.
CASE_CHILDREN = ("case_events", "notices", *CLOCK_TABLES, "ratings", *PROXIED_ONLY)
# Tables whose rows name their station themselves.
STATION_TABLES = ("appointments", "after_hours", "complaints")

# Fields of a case the town owns once it has received the case: the status and
# the result. Everything else was taken in at the village window and stays the
# village's. The town has a case once the proxy agent has handed it over (proxy
# step "已送镇/县办理" or later, as the town last heard it) or once the town has
# changed the case's status itself.
TOWN_FIELDS = ("status", "open", "accepted_at", "deadline", "deadline_provisional",
               "extended_days", "reason", "supplement_notice_at", "supplement_due",
               "materials", "departments", "completed_at",
               # the legal clock's results (migration 0008)
               "materials_complete_at", "deemed_accepted", "statutory_deadline")
# Advanced by both sides: the step further along wins.
SHARED_FIELDS = ("proxy_step",)
RETURN_CASE_FIELDS = ("id", "case_no", "station_code", *TOWN_FIELDS, *SHARED_FIELDS)

# Matched on these columns instead of the record id (ids differ per station).
MATCH_KEYS = {"catalogue_items": "code", "holiday_schedules": "year"}

STAMPS = ("created_at", "updated_at")


HANDED_OVER = frozenset(s.value for s in HANDED_OVER_STEPS)


def town_has_it(case: dict[str, Any]) -> bool:
    """A proxied case the agent has handed to the town (as the town has it now)."""
    return bool(case.get("proxy")) and case.get("proxy_step") in HANDED_OVER


def rank(tables: tuple[str, ...], table: str) -> int:
    return tables.index(table) if table in tables else len(tables)


def furthest_step(a: str | None, b: str | None) -> str | None:
    """The proxy step further along (unknown text loses to a known step)."""
    order = [s.value for s in PROXY_ORDER]
    known = [s for s in (a, b) if s in order]
    if not known:
        return a if a is not None else b
    return max(known, key=order.index)


def _date(text: Any) -> date | None:
    return date.fromisoformat(str(text)) if text else None


def case_sort_key(row: dict[str, Any]) -> str:
    """The attention key, recomputed on a merged case (same rule as the desk)."""
    status = Status(row["status"])
    if status == Status.SUPPLEMENT and not row.get("deemed_accepted"):
        due = None if row.get("supplement_notice_at") else _date(row.get("supplement_due"))
    else:
        due = _date(row.get("deadline"))
    return attention_key(status, due, datetime.fromisoformat(str(row["received_at"])))


def check_case(row: dict[str, Any]) -> str | None:
    """A Chinese reason a case row cannot be stored, or None."""
    try:
        Status(row["status"])
    except ValueError:
        return f"办件状态“{row.get('status')}”不认识"
    step = row.get("proxy_step")
    if step is not None and step not in {s.value for s in ProxyStep}:
        return f"代办进度“{step}”不认识"
    try:
        datetime.fromisoformat(str(row["received_at"]))
        for key in ("deadline", "supplement_due"):
            _date(row.get(key))
    except ValueError:
        return "收件时间或承诺日期格式不对"
    return None
