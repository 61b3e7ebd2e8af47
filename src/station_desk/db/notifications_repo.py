"""The notification log: who told the applicant what, when, how (migration 0008)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.ids import new_id
from ..domain.notifications import Notification, NotifyChannel, NotifyResult, Purpose
from . import journal


def add(db: Database, n: Notification, actor: Actor) -> str:
    record_id = n.id or new_id()
    journal.insert(db, "notifications", {
        "id": record_id, "case_id": n.case_id, "purpose": n.purpose.value,
        "channel": n.channel.value, "person": n.person, "told_by": n.told_by,
        "told_at": n.told_at.isoformat(timespec="seconds"), "result": n.result.value,
        "note": n.note}, actor)
    return record_id


def for_case(db: Database, case_id: str) -> list[Notification]:
    rows = db.execute("SELECT id, case_id, purpose, channel, person, told_by, told_at, result, "
                      "note FROM notifications WHERE case_id = ? ORDER BY told_at, rowid",
                      [case_id]).fetchall()
    return [Notification(r[0], r[1], Purpose(r[2]), NotifyChannel(r[3]), r[4], r[5],
                         datetime.fromisoformat(r[6]), NotifyResult(r[7]), r[8]) for r in rows]
