"""Triggers that keep records from being deleted and journal rows from changing.

The SQL is fixed text: migrations that call these stay the same once released.
"""

from __future__ import annotations

from sqlite_utils import Database


def forbid_delete(db: Database, table: str) -> None:
    db.execute(
        f"CREATE TRIGGER IF NOT EXISTS no_delete_{table} BEFORE DELETE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'records are never deleted; retire them instead'); END"
    )


def forbid_rewrite(db: Database, table: str) -> None:
    """Append-only: neither deleted nor updated."""
    forbid_delete(db, table)
    db.execute(
        f"CREATE TRIGGER IF NOT EXISTS no_update_{table} BEFORE UPDATE ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'journal rows are append-only'); END"
    )
