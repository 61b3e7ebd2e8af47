"""Tables of appointments, after-hours service, complaints and satisfaction
(migration 0005). Frozen once released: later changes are new migrations."""

from __future__ import annotations

from sqlite_utils import Database

from .triggers import forbid_delete


def create_service_tables(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE appointments (
            id TEXT PRIMARY KEY, appt_no TEXT NOT NULL UNIQUE, channel TEXT NOT NULL,
            kind TEXT NOT NULL, applicant_name TEXT NOT NULL, id_number TEXT NOT NULL,
            phone TEXT NOT NULL, address TEXT NOT NULL, item_code TEXT NOT NULL,
            item_name TEXT NOT NULL, at TEXT NOT NULL, minutes INTEGER NOT NULL,
            staff_id TEXT, staff_name TEXT NOT NULL, materials_told TEXT NOT NULL,
            status TEXT NOT NULL, note TEXT NOT NULL, case_id TEXT REFERENCES cases(id),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX appointments_at ON appointments(at);
        CREATE INDEX appointments_staff ON appointments(staff_name, at);
        CREATE TABLE after_hours (
            id TEXT PRIMARY KEY, day TEXT NOT NULL, closing TEXT NOT NULL, end_time TEXT,
            staff TEXT NOT NULL, served INTEGER NOT NULL, note TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX after_hours_day ON after_hours(day);
        ALTER TABLE cases ADD COLUMN after_hours_id TEXT REFERENCES after_hours(id);
        CREATE TABLE complaints (
            id TEXT PRIMARY KEY, complaint_no TEXT NOT NULL UNIQUE,
            received_at TEXT NOT NULL, channel TEXT NOT NULL, complainant TEXT NOT NULL,
            phone TEXT NOT NULL, matter TEXT NOT NULL, concerning TEXT NOT NULL,
            severity TEXT NOT NULL, status TEXT NOT NULL, due TEXT, reason TEXT NOT NULL,
            result TEXT NOT NULL, closed_at TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX complaints_status ON complaints(status, due);
        CREATE TABLE ratings (
            id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
            level TEXT NOT NULL, source TEXT NOT NULL, rated_at TEXT NOT NULL,
            staff_name TEXT NOT NULL, note TEXT NOT NULL,
            callback_at TEXT, callback_by TEXT, correction TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX ratings_case ON ratings(case_id);
        CREATE INDEX ratings_at ON ratings(rated_at);
        """
    )
    for table in ("appointments", "after_hours", "complaints", "ratings"):
        forbid_delete(db, table)
