"""Issued notices: the exact PDF bytes as printed, with their hash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from . import journal


@dataclass(frozen=True)
class ArchivedNotice:
    id: str
    notice_no: str
    case_id: str | None
    kind: str
    issued_at: str
    issued_by: str
    sha256: str
    size: int


_COLUMNS = "id, notice_no, case_id, kind, issued_at, issued_by_name, sha256, size"


def _notice(r: tuple[Any, ...]) -> ArchivedNotice:
    return ArchivedNotice(*r)


def add(db: Database, row: dict[str, Any], actor: Actor) -> None:
    journal.insert(db, "notices", row, actor)


def for_case(db: Database, case_id: str) -> list[ArchivedNotice]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM notices WHERE case_id = ? ORDER BY issued_at, "
                      "rowid", [case_id]).fetchall()
    return [_notice(r) for r in rows]


def latest(db: Database, case_id: str, kind: str) -> ArchivedNotice | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM notices WHERE case_id = ? AND kind = ? "
                     "ORDER BY issued_at DESC, rowid DESC LIMIT 1", [case_id, kind]).fetchone()
    return None if row is None else _notice(row)


def by_number(db: Database, notice_no: str) -> ArchivedNotice | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM notices WHERE notice_no = ?",
                     [notice_no]).fetchone()
    return None if row is None else _notice(row)


def count_like(db: Database, prefix: str) -> int:
    row = db.execute("SELECT COUNT(*) FROM notices WHERE notice_no >= ? AND notice_no < ?",
                     [prefix, prefix + "~"]).fetchone()
    return int(row[0])


def pdf(db: Database, notice_id: str) -> bytes:
    row = db.execute("SELECT pdf FROM notices WHERE id = ?", [notice_id]).fetchone()
    if row is None:
        raise KeyError(notice_id)
    return bytes(row[0])
