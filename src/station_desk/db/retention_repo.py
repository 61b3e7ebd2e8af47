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


_ENDED_COLUMNS = ("c.id, c.case_no, c.applicant_name, c.item_name, c.case_type, c.status, "
                  "COALESCE(c.completed_at, c.received_at), a.archive_no, a.year, a.retention")


def ended_cases(db: Database, station_code: str, latest_year: int) -> list[EndedCaseRow]:
    """This station's own ended cases whose year is `latest_year` or earlier
    (the shortest period decides that bound), oldest first: a filed case's year
    is its archive year, any other's the year it ended. Two parts, each read
    by an index (cases_ended; archive_files_year), never every case."""
    rows = db.execute(
        f"SELECT {_ENDED_COLUMNS} FROM cases c LEFT JOIN archive_files a ON a.case_id = c.id "
        "WHERE c.open = 0 AND c.station_code = :station AND a.id IS NULL "
        "AND COALESCE(c.completed_at, c.received_at) < :next_year "
        # CROSS JOIN: archive_files first (by year), as SQLite otherwise walks the
        # station's cases and looks each one's archive number up
        f"UNION ALL SELECT {_ENDED_COLUMNS} FROM archive_files a "
        "CROSS JOIN cases c ON c.id = a.case_id "
        "WHERE a.year <= :latest AND c.open = 0 AND c.station_code = :station "
        "ORDER BY 7, 2",
        {"station": station_code, "latest": latest_year,
         "next_year": f"{latest_year + 1:04d}"}).fetchall()
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

