"""Tables of the USB sync (migration 0006). Frozen once released: later changes
are new migrations.

- `sync_peers`: the stations whose public identity this station trusts (its
  town, or the town's villages), with the keys read from their identity file.
- `sync_exports`: every bundle written and verified on a stick; the last
  `seq_to` per recipient is where the next incremental export starts.
- `sync_imports`: every bundle imported (dry runs are not recorded); the union
  of a sender's ranges gives what has arrived and what is missing. A return
  bundle's receipt (which of our bundles the town imported) is kept with it.
- `sync_versions`: for each record written by an import, who sent it and the
  sender's change-log seq of that version, so an older bundle never
  overwrites a newer state and a station only changes its own records.
- `sync_quarantine`: records of a sound bundle that failed validation, kept
  whole (with the reason) instead of aborting the rest; `resolved_at` is set
  when a later import lets them through.
"""

from __future__ import annotations

from sqlite_utils import Database

from .triggers import forbid_delete, forbid_rewrite


def create_sync_tables(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE sync_peers (
            id TEXT PRIMARY KEY,              -- the peer's 12-digit station code
            name TEXT NOT NULL, kind TEXT NOT NULL, town_code TEXT NOT NULL,
            verify_key TEXT NOT NULL,         -- Ed25519, base64
            box_key TEXT NOT NULL,            -- Curve25519 public key, base64
            fingerprint TEXT NOT NULL, trusted_at TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE sync_exports (
            id TEXT PRIMARY KEY,              -- the bundle id (ULID)
            to_code TEXT NOT NULL, kind TEXT NOT NULL,
            seq_from INTEGER NOT NULL, seq_to INTEGER NOT NULL, full INTEGER NOT NULL,
            records INTEGER NOT NULL, counts TEXT NOT NULL,
            file_name TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL,
            actor_name TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX sync_exports_to ON sync_exports(to_code, seq_to);
        CREATE TABLE sync_imports (
            id TEXT PRIMARY KEY,              -- the bundle id (ULID, from its manifest)
            from_code TEXT NOT NULL, from_name TEXT NOT NULL, kind TEXT NOT NULL,
            seq_from INTEGER NOT NULL, seq_to INTEGER NOT NULL,
            bundle_created_at TEXT NOT NULL, imported_at TEXT NOT NULL,
            new INTEGER NOT NULL, updated INTEGER NOT NULL, unchanged INTEGER NOT NULL,
            quarantined INTEGER NOT NULL, receipt TEXT,
            file_name TEXT NOT NULL, sha256 TEXT NOT NULL, actor_name TEXT NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE INDEX sync_imports_from ON sync_imports(from_code, seq_from);
        CREATE TABLE sync_versions (
            table_name TEXT NOT NULL, record_id TEXT NOT NULL,
            station_code TEXT NOT NULL, seq INTEGER NOT NULL,
            PRIMARY KEY (table_name, record_id)
        ) WITHOUT ROWID;
        CREATE TABLE sync_quarantine (
            id INTEGER PRIMARY KEY, bundle_id TEXT NOT NULL, from_code TEXT NOT NULL,
            seq INTEGER NOT NULL, table_name TEXT NOT NULL, record_id TEXT NOT NULL,
            reason TEXT NOT NULL, data TEXT NOT NULL, at TEXT NOT NULL, resolved_at TEXT
        );
        CREATE INDEX sync_quarantine_open ON sync_quarantine(from_code, resolved_at, seq);
        """
    )
    forbid_delete(db, "sync_peers")
    forbid_delete(db, "sync_quarantine")
    forbid_delete(db, "sync_versions")
    for table in ("sync_exports", "sync_imports"):
        forbid_rewrite(db, table)
