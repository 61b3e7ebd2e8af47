"""Extensions and suspensions of a case's legal clock (migration 0008)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.ids import new_id
from ..domain.legal_clock import Extension, ExtensionKind, Suspension
from . import journal


def add_extension(db: Database, case_id: str, ext: Extension, approver_id: str | None,
                  actor: Actor) -> str:
    record_id = new_id()
    journal.insert(db, "case_extensions", {
        "id": record_id, "case_id": case_id, "days": ext.days, "kind": ext.kind.value,
        "reason": ext.reason, "consent": ext.consent, "approved_by_id": approver_id,
        "approved_by_name": ext.approved_by, "approved_on": ext.on.isoformat(),
        "notice_no": None}, actor)
    return record_id


def set_extension_notice(db: Database, extension_id: str, notice_no: str,
                         actor: Actor) -> None:
    """The 延期告知书 that told the applicant (issued in the same transaction)."""
    journal.update(db, "case_extensions", extension_id, {"notice_no": notice_no}, actor)


def extensions(db: Database, case_id: str) -> tuple[Extension, ...]:
    rows = db.execute("SELECT days, kind, reason, approved_by_name, approved_on, consent "
                      "FROM case_extensions WHERE case_id = ? ORDER BY approved_on, rowid",
                      [case_id]).fetchall()
    return tuple(Extension(int(r[0]), ExtensionKind(r[1]), r[2], r[3], date.fromisoformat(r[4]),
                           r[5]) for r in rows)


def add_suspension(db: Database, case_id: str, start: date, reason: str, actor: Actor) -> None:
    journal.insert(db, "case_suspensions", {
        "id": new_id(), "case_id": case_id, "start": start.isoformat(), "end": None,
        "reason": reason, "by_name": actor.name}, actor)


def open_suspension(db: Database, case_id: str) -> str | None:
    row = db.execute("SELECT id FROM case_suspensions WHERE case_id = ? AND end IS NULL",
                     [case_id]).fetchone()
    return str(row[0]) if row else None


def end_suspension(db: Database, suspension_id: str, end: date, actor: Actor) -> None:
    journal.update(db, "case_suspensions", suspension_id, {"end": end.isoformat()}, actor)


def suspensions(db: Database, case_id: str) -> tuple[Suspension, ...]:
    rows: list[Any] = db.execute("SELECT start, end, reason FROM case_suspensions "
                                 "WHERE case_id = ? ORDER BY start, rowid", [case_id]).fetchall()
    return tuple(Suspension(date.fromisoformat(r[0]), date.fromisoformat(r[1]) if r[1] else None,
                            r[2]) for r in rows)
