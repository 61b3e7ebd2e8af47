"""`desk.retention`: which finished cases have outlived their retention period.

The period is the one given when the case was filed (its archive number says
D10/D30/Y); a case never filed counts by the station's setting for its case
type. The list is for the head to review and decide on: nothing here deletes
or changes anything (the archive never hard-deletes, R-ARCHIVE)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..db import retention_repo
from ..domain.archive import Retention, default_retention, retention_ends, retention_of_years
from ..domain.catalogue import CaseType
from .station import StationDesk
from .store import Store


@dataclass(frozen=True)
class RetentionEnded:
    case_no: str
    applicant: str
    item: str
    status: str
    ended_on: date          # when the case ended
    year: int               # the file's year (archive year, else the year it ended)
    retention: Retention
    ends_on: date           # first day past the period
    archive_no: str | None  # None: never filed (归档)

    def as_json(self) -> dict[str, object]:
        return {"case_no": self.case_no, "applicant": self.applicant, "item": self.item,
                "status": self.status, "ended_on": self.ended_on.isoformat(),
                "year": self.year, "retention": self.retention.label,
                "retention_ended_on": self.ends_on.isoformat(),
                "archive_no": self.archive_no}


def configured_retention(station: StationDesk, case_type: CaseType) -> Retention:
    """The period a case of this type is filed under by default, as set at this station."""
    return default_retention(
        case_type,
        retention_of_years(station.setting("retention_immediate_years")),
        retention_of_years(station.setting("retention_other_years")))


class RetentionDesk:
    def __init__(self, store: Store, station: StationDesk) -> None:
        self._store = store
        self._station = station

    def ended(self, today: date | None = None) -> list[RetentionEnded]:
        """This station's own cases whose period has ended by `today`, oldest first."""
        today = today or date.today()
        station = self._station.current
        if station is None:
            return []
        shortest = min(r.years for r in Retention if r != Retention.PERMANENT)
        out: list[RetentionEnded] = []
        for row in retention_repo.ended_cases(self._store.db, station.code,
                                              today.year - 1 - shortest):
            ended_on = datetime.fromisoformat(row.ended_at).date()
            if row.retention is not None and row.archive_year is not None:
                retention, year = Retention(row.retention), row.archive_year
            else:
                retention = configured_retention(self._station, CaseType(row.case_type))
                year = ended_on.year
            ends = retention_ends(year, retention)
            if ends is not None and ends <= today:
                out.append(RetentionEnded(row.case_no, row.applicant_name, row.item_name,
                                          row.status, ended_on, year, retention, ends,
                                          row.archive_no))
        return out
