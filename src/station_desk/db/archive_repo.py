"""Attachments, archive numbers and the borrow register."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.archive import ArchiveFile, Borrowing, BorrowKind, Retention
from . import journal
from .scan_store import ScanProblem, ScanStore, ScanUnreadable


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    name: str
    mime: str
    size: int
    sha256: str
    added_by: str
    created_at: str


def add(db: Database, table: str, row: dict[str, Any], actor: Actor) -> None:
    journal.insert(db, table, row, actor)


def update(db: Database, table: str, record_id: str, changes: dict[str, Any],
           actor: Actor) -> None:
    journal.update(db, table, record_id, changes, actor)


def attachments(db: Database, case_id: str) -> list[AttachmentInfo]:
    return [AttachmentInfo(*r) for r in db.execute(
        "SELECT id, name, mime, size, sha256, added_by, created_at FROM attachments "
        "WHERE case_id = ? ORDER BY created_at, rowid", [case_id]).fetchall()]


def attachment_data(db: Database, attachment_id: str) -> tuple[bytes, str]:
    """The bytes still inside the row (empty once they are in the store) and the hash."""
    row = db.execute("SELECT data, sha256 FROM attachments WHERE id = ?",
                     [attachment_id]).fetchone()
    if row is None:
        raise KeyError(attachment_id)
    return bytes(row[0]), str(row[1])


def scan_bytes(db: Database, store: ScanStore, attachment_id: str, name: str) -> bytes:
    """A scan's bytes, checked against its hash, from the store or (not moved yet)
    from its row; ScanUnreadable (a Chinese message naming `name`) if bad."""
    data, digest = attachment_data(db, attachment_id)
    if not data:  # in the store: every scan since migration 0018, and the moved ones
        return store.get(digest, name)
    if hashlib.sha256(data).hexdigest() != digest:
        raise ScanUnreadable(f"附件 {name} 与存档时的校验值不一致，可能已损坏",
                             ScanProblem.DAMAGED)
    return data


@dataclass(frozen=True)
class StoredScan:
    sha256: str
    case_no: str
    name: str


def stored_scans(db: Database) -> list[StoredScan]:
    """Every attachment whose bytes are in the store (not in its row), with its case."""
    return [StoredScan(*r) for r in db.execute(
        "SELECT a.sha256, c.case_no, a.name FROM attachments a JOIN cases c "
        "ON c.id = a.case_id WHERE length(a.data) = 0 ORDER BY c.case_no, a.rowid")]


def next_archive_seq(db: Database, year: int, retention: Retention) -> int:
    row = db.execute("SELECT COALESCE(MAX(seq), 0) FROM archive_files WHERE year = ? AND "
                     "retention = ?", [year, retention.value]).fetchone()
    return int(row[0]) + 1


# CROSS JOIN keeps archive_files the outer loop (walked in its (year, retention, seq)
# index, each case found by its key): left to itself the planner walks every case
# looking for its file — 230 ms at 100,000 cases with no file at all.
_FILE_SELECT = ("SELECT a.id, c.case_no, a.archive_no, a.year, a.retention, a.location, "
                "c.applicant_name, c.item_name FROM archive_files a "
                "CROSS JOIN cases c ON c.id = a.case_id")


def _file(r: tuple[Any, ...]) -> ArchiveFile:
    return ArchiveFile(r[0], r[1], r[2], int(r[3]), Retention(r[4]), r[5], r[6], r[7])


def archive_file_of(db: Database, case_id: str) -> ArchiveFile | None:
    row = db.execute(f"{_FILE_SELECT} WHERE a.case_id = ?", [case_id]).fetchone()
    return None if row is None else _file(row)


def search_files(db: Database, text: str, year: int | None, limit: int = 500
                 ) -> list[ArchiveFile]:
    where: list[str] = []
    params: list[Any] = []
    if year:
        where.append("a.year = ?")
        params.append(year)
    if text.strip():
        q = f"%{text.strip()}%"
        where.append("(a.archive_no LIKE ? OR c.case_no LIKE ? OR c.applicant_name LIKE ? "
                     "OR c.item_name LIKE ?)")
        params += [q, q, q, q]
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    rows = db.execute(f"{_FILE_SELECT} {clause} ORDER BY a.year DESC, a.retention, a.seq "
                      "LIMIT ?", [*params, limit]).fetchall()
    return [_file(r) for r in rows]


def get_file(db: Database, archive_no: str) -> ArchiveFile | None:
    row = db.execute(f"{_FILE_SELECT} WHERE a.archive_no = ?", [archive_no]).fetchone()
    return None if row is None else _file(row)


_BORROW_SELECT = ("SELECT b.id, a.archive_no, b.borrower, b.purpose, b.kind, b.requested_at, "
                  "b.approved_by, b.approved_at, b.refused_reason, b.returned_at "
                  "FROM borrowings b JOIN archive_files a ON a.id = b.archive_id")


def borrowings(db: Database, *, pending_only: bool = False) -> list[Borrowing]:
    where = "WHERE b.approved_at IS NULL AND b.refused_reason = ''" if pending_only else ""
    rows = db.execute(f"{_BORROW_SELECT} {where} ORDER BY b.requested_at DESC").fetchall()
    return [Borrowing(r[0], r[1], r[2], r[3], BorrowKind(r[4]), r[5], r[6], r[7], r[8], r[9])
            for r in rows]


def get_borrowing(db: Database, borrow_id: str) -> Borrowing | None:
    return next((b for b in borrowings(db) if b.id == borrow_id), None)
