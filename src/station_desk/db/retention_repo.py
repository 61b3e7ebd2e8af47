"""The finished cases old enough that their retention may have ended, and the
head's decisions on them (table retention_decisions, append-only).

The rule itself (which period, counted from when) is in domain/archive.py and
domain/retention.py; this only narrows the archive to the cases worth asking
about and keeps the decisions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.retention import RetentionDecision, Verdict
from . import journal

DECISIONS = "retention_decisions"


@dataclass(frozen=True)
class EndedCaseRow:
    """A case that has ended, with its archive number if it was filed."""

    case_id: str
    case_no: str
    applicant_name: str
    item_name: str
    case_type: str
    status: str
    ended_at: str  # completed_at, or received_at when nothing else was recorded
    archive_no: str | None
    archive_year: int | None
    retention: str | None


def ended_cases(db: Database, station_code: str, latest_year: int) -> list[EndedCaseRow]:
    """This station's own ended cases whose year is `latest_year` or earlier
    (the shortest period decides that bound), oldest first."""
    rows = db.execute(
        "SELECT c.id, c.case_no, c.applicant_name, c.item_name, c.case_type, c.status, "
        "COALESCE(c.completed_at, c.received_at), a.archive_no, a.year, a.retention "
        "FROM cases c LEFT JOIN archive_files a ON a.case_id = c.id "
        "WHERE c.open = 0 AND c.station_code = ? "
        "AND COALESCE(a.year, CAST(substr(COALESCE(c.completed_at, c.received_at), 1, 4) "
        "AS INTEGER)) <= ? ORDER BY COALESCE(c.completed_at, c.received_at), c.case_no",
        [station_code, latest_year]).fetchall()
    return [EndedCaseRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                         None if r[8] is None else int(r[8]), r[9]) for r in rows]


def latest_decisions(db: Database) -> dict[str, RetentionDecision]:
    """Case id -> the latest decision on it (a later one supersedes, none is erased)."""
    rows = db.execute(
        f"SELECT case_id, verdict, kept_through, reason, decided_by_name, decided_at "
        f"FROM {DECISIONS} ORDER BY decided_at, rowid").fetchall()
    return {r[0]: RetentionDecision(Verdict(r[1]), None if r[2] is None else int(r[2]), r[3],
                                    r[4], datetime.fromisoformat(r[5])) for r in rows}


def add_decision(db: Database, row: dict[str, object], actor: Actor) -> None:
    """One decision, audited; it stays here (retention is this station's own
    archive matter, nothing travels to the town)."""
    journal.insert(db, DECISIONS, row, actor, outgoing=False)

