"""The finished cases old enough that their retention may have ended (read only).

The rule itself (which period, counted from when) is in domain/archive.py; this
only narrows the archive to the cases worth asking about."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class EndedCaseRow:
    """A case that has ended, with its archive number if it was filed."""

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
        "SELECT c.case_no, c.applicant_name, c.item_name, c.case_type, c.status, "
        "COALESCE(c.completed_at, c.received_at), a.archive_no, a.year, a.retention "
        "FROM cases c LEFT JOIN archive_files a ON a.case_id = c.id "
        "WHERE c.open = 0 AND c.station_code = ? "
        "AND COALESCE(a.year, CAST(substr(COALESCE(c.completed_at, c.received_at), 1, 4) "
        "AS INTEGER)) <= ? ORDER BY COALESCE(c.completed_at, c.received_at), c.case_no",
        [station_code, latest_year]).fetchall()
    return [EndedCaseRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                         None if r[7] is None else int(r[7]), r[8]) for r in rows]
