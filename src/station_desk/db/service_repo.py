"""Rows of appointments, after-hours sessions, complaints and ratings."""

from __future__ import annotations

import json
from datetime import date, datetime, time

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.service import (
    AfterHours,
    Appointment,
    ApptChannel,
    ApptKind,
    ApptStatus,
    Complaint,
    ComplaintStatus,
    Rating,
    Severity,
    old_withdrawal_reason,
)
from . import journal
from .ratings_repo import BAD_LEVELS
from .rows import Row
from .rows import fetch_rows as _rows

# At a town, appointments, sessions and complaints of its villages arrive in
# their bundles: the desk's own views show this station's rows only.
OWN = "station_code IN ('', (SELECT code FROM station))"
STATION_TABLES = ("appointments", "after_hours", "complaints")


def insert(db: Database, table: str, row: Row, actor: Actor) -> Row:
    """A new record of this station (its station code filled in)."""
    if table in STATION_TABLES and not row.get("station_code"):
        found = db.execute("SELECT code FROM station LIMIT 1").fetchone()
        row = {**row, "station_code": str(found[0]) if found else ""}
    return journal.insert(db, table, row, actor)


def update(db: Database, table: str, record_id: str, changes: Row, actor: Actor) -> Row:
    return journal.update(db, table, record_id, changes, actor)


def next_number(db: Database, table: str, column: str, prefix: str) -> str:
    """`prefix` + 4-digit sequence, e.g. 610922101201-YY2026-0007."""
    row = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} >= ? AND {column} < ?",
                     [prefix, prefix + "~"]).fetchone()
    return f"{prefix}{int(row[0]) + 1:04d}"


# -- appointments ----------------------------------------------------------
def _appt(r: Row) -> Appointment:
    case_no = r.get("case_no") or ""
    return Appointment(
        id=r["id"], appt_no=r["appt_no"], channel=ApptChannel(r["channel"]),
        kind=ApptKind(r["kind"]), applicant_name=r["applicant_name"],
        id_number=r["id_number"], phone=r["phone"], address=r["address"],
        item_code=r["item_code"], item_name=r["item_name"],
        at=datetime.fromisoformat(r["at"]), minutes=int(r["minutes"]),
        staff_name=r["staff_name"], materials_told=tuple(json.loads(r["materials_told"])),
        status=ApptStatus(r["status"]), note=r["note"], case_no=case_no)


_APPT_SELECT = ("SELECT a.*, c.case_no AS case_no FROM appointments a "
                "LEFT JOIN cases c ON c.id = a.case_id WHERE a." + OWN)


def appointments_between(db: Database, start: datetime, end: datetime) -> list[Appointment]:
    return [_appt(r) for r in _rows(db, f"{_APPT_SELECT} AND a.at >= ? AND a.at < ? "
                                        "ORDER BY a.at", [start.isoformat(), end.isoformat()])]


def booked_before(db: Database, moment: datetime) -> list[Appointment]:
    return [_appt(r) for r in _rows(db, f"{_APPT_SELECT} AND a.status = ? AND a.at < ? "
                                        "ORDER BY a.at",
                                    [ApptStatus.BOOKED.value, moment.isoformat()])]


def get_appointment(db: Database, key: str) -> Appointment | None:
    rows = _rows(db, f"{_APPT_SELECT} AND (a.appt_no = ? OR a.id = ?)", [key, key])
    return _appt(rows[0]) if rows else None


# -- after-hours -----------------------------------------------------------
def _session(r: Row) -> AfterHours:
    return AfterHours(id=r["id"], day=date.fromisoformat(r["day"]),
                      closing=time.fromisoformat(r["closing"]),
                      end=time.fromisoformat(r["end_time"]) if r["end_time"] else None,
                      staff=tuple(json.loads(r["staff"])), served=int(r["served"]),
                      note=r["note"],
                      cancelled_at=(datetime.fromisoformat(r["cancelled_at"])
                                    if r.get("cancelled_at") else None),
                      cancel_reason=r.get("cancel_reason") or "")


def upgrade_old_session_row(row: Row) -> Row:
    """A session row from a version before cancelled_at (an older village's bundle):
    a withdrawal it marked in the note gets the columns, as migration 0020 does."""
    if "cancelled_at" in row:
        return row
    reason = old_withdrawal_reason(str(row.get("note") or ""), int(row.get("served") or 0),
                                   row.get("end_time") is not None)
    if reason is None:
        return row
    return {**row, "cancelled_at": row.get("updated_at"), "cancel_reason": reason, "note": ""}


def sessions_between(db: Database, first: date, last: date) -> list[AfterHours]:
    return [_session(r) for r in _rows(db, f"SELECT * FROM after_hours WHERE {OWN} AND "
                                           "day >= ? AND day <= ? ORDER BY day, closing",
                                       [first.isoformat(), last.isoformat()])]


def open_session(db: Database, day: date) -> AfterHours | None:
    rows = _rows(db, f"SELECT * FROM after_hours WHERE {OWN} AND day = ? "
                     "AND end_time IS NULL "
                     "ORDER BY created_at DESC LIMIT 1", [day.isoformat()])
    return _session(rows[0]) if rows else None


def session_for(db: Database, day: date, at: time) -> AfterHours | None:
    """The session of `day` that covers the clock time `at` (open or finished)."""
    rows = _rows(db, f"SELECT * FROM after_hours WHERE {OWN} AND day = ? AND closing <= ? AND "
                     "(end_time IS NULL OR (end_time >= ? AND served > 0)) "
                     "ORDER BY closing DESC LIMIT 1",
                 [day.isoformat(), at.strftime("%H:%M"), at.strftime("%H:%M")])
    return _session(rows[0]) if rows else None


def cases_in_session(db: Database, session_id: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT case_no FROM cases WHERE after_hours_id = ? "
                                     "ORDER BY received_at", [session_id]).fetchall()]


def cases_received_between(db: Database, start: str, end: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM cases WHERE received_at >= ? AND "
                                     "received_at <= ? AND after_hours_id IS NULL "
                                     "AND station_code = (SELECT code FROM station)",
                                     [start, end]).fetchall()]


def link_case(db: Database, case_id: str, session_id: str, actor: Actor) -> None:
    journal.update(db, "cases", case_id, {"after_hours_id": session_id}, actor)


def case_ids_in_session(db: Database, session_id: str) -> list[str]:
    return [r[0] for r in db.execute("SELECT id FROM cases WHERE after_hours_id = ?",
                                     [session_id]).fetchall()]


def unlink_case(db: Database, case_id: str, actor: Actor) -> None:
    journal.update(db, "cases", case_id, {"after_hours_id": None}, actor)


# -- complaints ------------------------------------------------------------
def _complaint(r: Row) -> Complaint:
    return Complaint(
        id=r["id"], complaint_no=r["complaint_no"],
        received_at=datetime.fromisoformat(r["received_at"]), channel=r["channel"],
        complainant=r["complainant"], phone=r["phone"], matter=r["matter"],
        concerning=r["concerning"], severity=Severity(r["severity"]),
        status=ComplaintStatus(r["status"]),
        due=date.fromisoformat(r["due"]) if r["due"] else None, reason=r["reason"],
        result=r["result"],
        closed_at=datetime.fromisoformat(r["closed_at"]) if r["closed_at"] else None)


def complaints(db: Database, *, open_only: bool = False) -> list[Complaint]:
    where = f"WHERE {OWN}" + (" AND status NOT IN ('办结', '不予受理')" if open_only else "")
    return [_complaint(r) for r in _rows(
        db, f"SELECT * FROM complaints {where} ORDER BY due IS NULL, due, received_at")]


def get_complaint(db: Database, key: str) -> Complaint | None:
    rows = _rows(db, f"SELECT * FROM complaints WHERE {OWN} AND (complaint_no = ? OR id = ?)",
                 [key, key])
    return _complaint(rows[0]) if rows else None


# -- ratings ---------------------------------------------------------------
def ratings_between(db: Database, start: str, end: str) -> list[Rating]:
    return [Rating(r[0]) for r in db.execute(
        "SELECT r.level FROM ratings r JOIN cases c ON c.id = r.case_id "
        "WHERE c.station_code = (SELECT code FROM station) AND r.rated_at >= ? "
        "AND r.rated_at < ?", [start, end])]


def ratings_needing_callback(db: Database) -> list[Row]:
    # CROSS JOIN keeps ratings the outer loop: by the station's cases it took 0.3 s
    # at 100,000 cases, on every showing of 今日
    return _rows(db, "SELECT r.*, c.case_no, c.applicant_name, c.phone FROM ratings r "
                     "CROSS JOIN cases c ON c.id = r.case_id "
                     "WHERE c.station_code = (SELECT code FROM station) "
                     f"AND r.level IN {BAD_LEVELS} "
                     "AND (r.callback_at IS NULL OR r.correction = '') ORDER BY r.rated_at")


def ratings_for_case(db: Database, case_id: str) -> list[Row]:
    return _rows(db, "SELECT * FROM ratings WHERE case_id = ? ORDER BY rated_at", [case_id])
