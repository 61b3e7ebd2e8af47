"""The town's supervision of its villages (migration 0010). Frozen once
released: later changes are new migrations.

- Appointments, after-hours sessions and complaints get the station they
  belong to (`station_code`): they travel up to the town in the bundle and
  must not mix with the town's own. Ratings follow their case's station.
- Every existing row of those tables and of `ratings` is announced again in
  the change log, so the next ordinary export carries what was recorded before
  these tables travelled.
- `duplicate_dismissals`: pairs of cases the town's supervisor checked and
  marked as not a duplicate registration of one person.
"""

from __future__ import annotations

from sqlite_utils import Database

from . import journal
from .triggers import forbid_delete

STATION_TABLES = ("appointments", "after_hours", "complaints")
ANNOUNCED = (*STATION_TABLES, "ratings")


def create_supervision_tables(db: Database) -> None:
    row = db.execute("SELECT code FROM station LIMIT 1").fetchone()
    own = str(row[0]) if row else ""
    for table in STATION_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN station_code TEXT NOT NULL DEFAULT ''")
        db.execute(f"UPDATE {table} SET station_code = ?", [own])
        db.execute(f"CREATE INDEX {table}_station ON {table}(station_code)")
    db.executescript(
        """
        CREATE TABLE duplicate_dismissals (
            id TEXT PRIMARY KEY,              -- the two case ids, sorted, joined by '|'
            case_a TEXT NOT NULL, case_b TEXT NOT NULL, note TEXT NOT NULL,
            actor_name TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        """
    )
    forbid_delete(db, "duplicate_dismissals")
    at = journal.now_iso()
    for table in ANNOUNCED:
        journal.announce_all(db, table, at)
