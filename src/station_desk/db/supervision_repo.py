"""Counting queries for the town's supervision board and the duplicate-person
check: one grouped pass per table, keyed by station code."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from . import journal
from .ratings_repo import COUNTED_LEVEL, COUNTS, SATISFIED
from .rows import Row
from .rows import fetch_rows as _rows

CLOSED_COMPLAINTS = ("办结", "不予受理")


def holdings(db: Database) -> dict[str, Any]:
    """Which catalogue and holiday schedules this station holds, in a form two
    stations can compare: a short digest of the catalogue's substance (what a
    clerk would tell an applicant), its size, and the years of imported schedules."""
    items = db.execute(
        "SELECT code, name, case_type, time_limit_days, materials, retired "
        "FROM catalogue_items ORDER BY code").fetchall()
    digest = hashlib.sha256(json.dumps([list(r) for r in items], ensure_ascii=False)
                            .encode()).hexdigest()[:8]
    years = [int(r[0]) for r in db.execute(
        "SELECT year FROM holiday_schedules ORDER BY year").fetchall()]
    return {"catalogue": digest, "catalogue_items": len(items), "holiday_years": years}


def complaints_open(db: Database) -> dict[str, int]:
    marks = ", ".join("?" for _ in CLOSED_COMPLAINTS)
    return {str(code): int(n) for code, n in db.execute(
        f"SELECT station_code, COUNT(*) FROM complaints WHERE status NOT IN ({marks}) "
        "GROUP BY station_code", CLOSED_COMPLAINTS).fetchall()}


def ratings(db: Database, start: str, end: str) -> dict[str, tuple[int, int]]:
    """station -> (ratings, satisfied ones) rated in [start, end)."""
    return {str(code): (int(n), int(ok or 0)) for code, n, ok in db.execute(
        f"SELECT c.station_code, COUNT(*), SUM({COUNTED_LEVEL} IN {SATISFIED}) FROM ratings r "
        f"JOIN cases c ON c.id = r.case_id WHERE r.rated_at >= ? AND r.rated_at < ? AND {COUNTS} "
        "GROUP BY c.station_code", [start, end]).fetchall()}


def open_complaints_of(db: Database, station: str) -> list[Row]:
    marks = ", ".join("?" for _ in CLOSED_COMPLAINTS)
    return _rows(db, "SELECT complaint_no, received_at, complainant, matter, status, due "
                     f"FROM complaints WHERE station_code = ? AND status NOT IN ({marks}) "
                     "ORDER BY due IS NULL, due", [station, *CLOSED_COMPLAINTS])


# -- the same person at two places ----------------------------------------
@dataclass(frozen=True)
class CaseRef:
    id: str
    case_no: str
    station_code: str
    applicant_name: str
    id_number: str
    item_code: str
    item_name: str
    status: str
    received_at: str


_REF = ("id, case_no, station_code, applicant_name, id_number, item_code, item_name, status, "
        "received_at")


def same_item_open_twice(db: Database) -> list[tuple[CaseRef, CaseRef]]:
    """Pairs of open cases with one ID number and one item at two stations."""
    rows = db.execute(
        f"SELECT {', '.join('a.' + c.strip() for c in _REF.split(','))}, "
        f"{', '.join('b.' + c.strip() for c in _REF.split(','))} "
        "FROM cases a JOIN cases b ON b.id_number = a.id_number AND b.item_code = a.item_code "
        "AND b.station_code > a.station_code "
        "WHERE a.sort_key >= '0' AND a.sort_key < '1' AND b.sort_key >= '0' AND b.sort_key < '1' "
        "AND a.id_number != '' ORDER BY a.id_number, a.item_code").fetchall()
    n = len(_REF.split(","))
    return [(CaseRef(*r[:n]), CaseRef(*r[n:])) for r in rows]


def people_at_several_stations(db: Database) -> list[CaseRef]:
    """Every case of an ID number that has cases at more than one station."""
    return [CaseRef(*r) for r in db.execute(
        f"SELECT {_REF} FROM cases WHERE id_number IN (SELECT id_number FROM cases "
        "WHERE id_number != '' GROUP BY id_number HAVING COUNT(DISTINCT station_code) > 1) "
        "ORDER BY id_number, received_at").fetchall()]


def pair_key(a: str, b: str) -> str:
    return "|".join(sorted((a, b)))


def dismissed(db: Database) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT id FROM duplicate_dismissals").fetchall()}


def dismiss(db: Database, case_a: str, case_b: str, note: str, actor: Actor) -> None:
    key = pair_key(case_a, case_b)
    if db.execute("SELECT 1 FROM duplicate_dismissals WHERE id = ?", [key]).fetchone():
        return
    first, second = sorted((case_a, case_b))
    journal.insert(db, "duplicate_dismissals", {
        "id": key, "case_a": first, "case_b": second, "note": note,
        "actor_name": actor.name}, actor, outgoing=False)
