"""好差评 records with their rectification (migration 0008 columns)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from ..domain.feedback import BAD, Classification, RatingRecord
from ..domain.service import Rating

_SELECT = ("SELECT r.id, r.case_id, c.case_no, c.applicant_name, r.level, r.source, r.rated_at, "
           "r.staff_name, r.note, r.rectify_due, r.callback_at, r.callback_by, r.correction, "
           "r.classification, r.rerating, r.rerated_at, c.station_code FROM ratings r "
           # ratings first: SQLite otherwise walks every open case of the station
           # (0.1 s at 100,000 cases on 今日) to find the few rated ones
           "CROSS JOIN cases c ON c.id = r.case_id ")
# the 差评 levels, as an SQL list
BAD_LEVELS = "(" + ", ".join(f"'{b.value}'" for b in BAD) + ")"

# The satisfaction rule in SQL, for every count of it (今日, 统计, 督导) on `ratings r`:
# the re-rating where there is one counts, and a 差评 found to be 误评 or 恶意 does not.
COUNTED_LEVEL = "COALESCE(r.rerating, r.level)"
COUNTS = (f"r.classification NOT IN ('{Classification.MISTAKEN.value}', "
          f"'{Classification.MALICIOUS.value}')")
SATISFIED = "(" + ", ".join(f"'{x.value}'" for x in Rating if x.satisfied) + ")"


def _dt(text: Any) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _record(r: Any) -> RatingRecord:
    return RatingRecord(
        id=r[0], case_id=r[1], case_no=r[2], applicant=r[3], level=Rating(r[4]), source=r[5],
        rated_at=datetime.fromisoformat(r[6]), staff_name=r[7], note=r[8],
        rectify_due=date.fromisoformat(r[9]) if r[9] else None, callback_at=_dt(r[10]),
        callback_by=r[11] or "", correction=r[12] or "",
        classification=Classification(r[13]) if r[13] else None,
        rerating=Rating(r[14]) if r[14] else None, rerated_at=_dt(r[15]), station_code=r[16])


def get(db: Database, rating_id: str) -> RatingRecord | None:
    row = db.execute(_SELECT + "WHERE r.id = ?", [rating_id]).fetchone()
    return _record(row) if row else None


def for_case(db: Database, case_id: str) -> list[RatingRecord]:
    return [_record(r) for r in db.execute(_SELECT + "WHERE r.case_id = ? ORDER BY r.rated_at",
                                           [case_id]).fetchall()]


def open_rectifications(db: Database, station: str | None = None) -> list[RatingRecord]:
    """Every 差评 without its call-back yet (of the cases of `station`, or of every
    station when None), oldest deadline first."""
    where, params = "", []
    if station is not None:
        where, params = "AND c.station_code = ? ", [station]
    return [_record(r) for r in db.execute(
        _SELECT + f"WHERE r.level IN {BAD_LEVELS} AND r.callback_at IS NULL AND r.rerating IS NULL "
        + where + "ORDER BY r.rectify_due IS NULL, r.rectify_due, r.rated_at",
        params).fetchall()]


def effective_between(db: Database, start: str, end: str) -> list[Rating]:
    """The ratings of this station's own cases that count for its satisfaction rate:
    the re-rating where there is one, and no 差评 found to be 误评 or 恶意 (a town's
    archive also holds its villages' ratings, which are theirs, not the town's)."""
    rows = db.execute(
        f"SELECT {COUNTED_LEVEL} FROM ratings r CROSS JOIN cases c "
        "ON c.id = r.case_id WHERE c.station_code = (SELECT code FROM station) "
        f"AND r.rated_at >= ? AND r.rated_at < ? AND {COUNTS}", [start, end]).fetchall()
    return [Rating(r[0]) for r in rows]
