"""Scanned materials, the archive register and the borrow/copy register (0007)."""

from __future__ import annotations

from sqlite_utils import Database

from .triggers import forbid_delete


def create_archive_tables(db: Database) -> None:
    db.executescript(
        """
        -- scans from the document camera or files, stored inside the archive
        CREATE TABLE attachments (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,
            sha256 TEXT NOT NULL, data BLOB NOT NULL, added_by TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX attachments_case ON attachments(case_id);
        -- 件-level archive numbers of finished cases (DA/T 22 style)
        CREATE TABLE archive_files (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL UNIQUE REFERENCES cases(id),
            archive_no TEXT NOT NULL UNIQUE, year INTEGER NOT NULL, retention TEXT NOT NULL,
            seq INTEGER NOT NULL, location TEXT NOT NULL, filed_by TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX archive_files_year ON archive_files(year, retention, seq);
        -- 查阅/复印 register: who, what, why, approved by the head, returned when
        CREATE TABLE borrowings (
            id TEXT PRIMARY KEY, archive_id TEXT NOT NULL REFERENCES archive_files(id),
            borrower TEXT NOT NULL, purpose TEXT NOT NULL, kind TEXT NOT NULL,
            requested_at TEXT NOT NULL, approved_by TEXT, approved_at TEXT,
            refused_reason TEXT NOT NULL DEFAULT '', returned_at TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX borrowings_archive ON borrowings(archive_id);
        """
    )
    for table in ("attachments", "archive_files", "borrowings"):
        forbid_delete(db, table)
