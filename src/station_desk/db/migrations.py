"""Numbered schema migrations (sqlite-utils `Migrations`).

Each migration runs in its own transaction. Before the first pending step the
file is copied aside (see `connection.open_database`); a file carrying a
migration this program does not know comes from a newer version and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "station_desk"
migrations = Migrations(MIGRATION_SET)

# Tables whose rows are records of the station: never hard-deleted.
RECORD_TABLES = ("station", "windows", "staff", "catalogue_items")


def _forbid_delete(db: Database, table: str) -> None:
    db.execute(
        f"CREATE TRIGGER IF NOT EXISTS no_delete_{table} BEFORE DELETE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'records are never deleted; retire them instead'); END"
    )


def _forbid_rewrite(db: Database, table: str) -> None:
    _forbid_delete(db, table)
    db.execute(
        f"CREATE TRIGGER IF NOT EXISTS no_update_{table} BEFORE UPDATE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'journal rows are append-only'); END"
    )


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE station (
            id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
            kind TEXT NOT NULL, town_code TEXT NOT NULL DEFAULT '',
            town_name TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '', office_hours TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE windows (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE staff (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
            window_id TEXT REFERENCES windows(id), phone TEXT NOT NULL DEFAULT '',
            training_date TEXT, pin_hash TEXT, active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX staff_active_name ON staff(name) WHERE active = 1;
        CREATE TABLE catalogue_items (
            id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, category TEXT NOT NULL,
            name TEXT NOT NULL, case_type TEXT NOT NULL, time_limit_days INTEGER NOT NULL,
            legal_basis TEXT NOT NULL, materials TEXT NOT NULL, procedure TEXT NOT NULL,
            department TEXT NOT NULL, window TEXT NOT NULL, in_person INTEGER NOT NULL,
            fee TEXT NOT NULL, result TEXT NOT NULL, non_acceptance TEXT NOT NULL,
            verified INTEGER NOT NULL, pinyin_initials TEXT NOT NULL, pinyin_full TEXT NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        -- who, when, what, before/after: every change, local or imported
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor_id TEXT, actor_name TEXT NOT NULL,
            table_name TEXT NOT NULL, record_id TEXT NOT NULL, action TEXT NOT NULL,
            before TEXT, after TEXT
        );
        CREATE INDEX audit_record ON audit_log(table_name, record_id);
        CREATE INDEX audit_at ON audit_log(at);
        -- this station's outgoing changes; seq = rowid without AUTOINCREMENT is
        -- max+1 inside the writing transaction, so a rollback leaves no gap
        CREATE TABLE change_log (
            seq INTEGER PRIMARY KEY, at TEXT NOT NULL, table_name TEXT NOT NULL,
            record_id TEXT NOT NULL, action TEXT NOT NULL, data TEXT NOT NULL
        );
        """
    )
    for table in RECORD_TABLES:
        _forbid_delete(db, table)
    for table in ("audit_log", "change_log"):
        _forbid_rewrite(db, table)


@migrations(name="0002_settings")
def m0002_settings(db: Database) -> None:
    """Station-wide settings (typed and defaulted in `domain.settings`)."""
    db.executescript(
        """
        -- id is the setting's key, e.g. 'complaint_general_days'
        CREATE TABLE settings (
            id TEXT PRIMARY KEY, value TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        """
    )
    _forbid_delete(db, "settings")


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


def latest_name() -> str:
    return known_names()[-1]
