"""Restore epochs: a restored archive numbers its changes on from the backup's
last number, so numbers it used (and sent) after the backup come round again
for other changes. Each restore therefore stamps a new epoch into the restored
file (`restore_epochs`, written into the staged copy before it is put in
place, so no restored archive is ever without its mark); bundles carry the
newest one, and a receiver keeps the epochs it has seen per sender
(`sync_epochs`). The rules that use them are in `sync/epochs.py`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.ids import new_id
from .triggers import forbid_rewrite

_RESTORE_TABLE = (
    "CREATE TABLE IF NOT EXISTS restore_epochs ("
    "id TEXT PRIMARY KEY, "              # ULID: time-ordered, a later restore sorts later
    "base_seq INTEGER NOT NULL, "        # the backup's last change number (kept history)
    "restored_at TEXT NOT NULL, backup_name TEXT NOT NULL)")
RESTORE_ACTOR = "从备份恢复"


@dataclass(frozen=True)
class Epoch:
    id: str
    base_seq: int
    restored_at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "base_seq": self.base_seq, "restored_at": self.restored_at}


def create_tables(db: Database) -> None:
    """Migration 0017 (the restore table may already be there: a restore made it)."""
    db.execute(_RESTORE_TABLE)
    forbid_rewrite(db, "restore_epochs")
    db.execute(
        "CREATE TABLE sync_epochs (from_code TEXT NOT NULL, epoch TEXT NOT NULL, "
        "base_seq INTEGER NOT NULL, restored_at TEXT NOT NULL, "
        "bundle_id TEXT NOT NULL, "       # the first bundle of that epoch we imported
        "mark TEXT NOT NULL, "            # a ULID made then: later exports sort after it
        "PRIMARY KEY (from_code, epoch))")
    forbid_rewrite(db, "sync_epochs")


def mark_restored(conn: Any, backup_name: str, at: str) -> Epoch:
    """Stamp a new epoch into a restored copy (a raw connection on the staged
    file, whatever program version wrote it), audited in the same transaction."""
    base = int(conn.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log").fetchone()[0])
    epoch = Epoch(new_id(), base, at)
    with conn:
        conn.execute(_RESTORE_TABLE)
        conn.execute("INSERT INTO restore_epochs (id, base_seq, restored_at, backup_name) "
                     "VALUES (?, ?, ?, ?)", [epoch.id, base, at, backup_name])
        conn.execute(
            "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
            "before, after) VALUES (?, NULL, ?, 'restore_epochs', ?, 'insert', NULL, "
            "json_object('base_seq', ?, 'backup_name', ?))",
            [at, RESTORE_ACTOR, epoch.id, base, backup_name])
    return epoch


def current(db: Database) -> Epoch | None:
    """This archive's newest restore epoch (None: never restored)."""
    if not db["restore_epochs"].exists():
        return None
    row = db.execute("SELECT id, base_seq, restored_at FROM restore_epochs "
                     "ORDER BY id DESC LIMIT 1").fetchone()
    return Epoch(row[0], int(row[1]), row[2]) if row else None


# -- the receiver's side -----------------------------------------------------------


@dataclass(frozen=True)
class SeenEpoch:
    epoch: Epoch
    bundle_id: str
    mark: str


def seen(db: Database, sender: str) -> list[SeenEpoch]:
    """The sender's epochs we have imported from, oldest first."""
    return [SeenEpoch(Epoch(r[0], int(r[1]), r[2]), r[3], r[4]) for r in db.execute(
        "SELECT epoch, base_seq, restored_at, bundle_id, mark FROM sync_epochs "
        "WHERE from_code = ? ORDER BY epoch", [sender]).fetchall()]


def remember(db: Database, sender: str, epoch: Epoch, bundle_id: str) -> None:
    db.execute("INSERT INTO sync_epochs (from_code, epoch, base_seq, restored_at, bundle_id, "
               "mark) VALUES (?, ?, ?, ?, ?, ?)",
               [sender, epoch.id, epoch.base_seq, epoch.restored_at, bundle_id, new_id()])


def versions_above(db: Database, sender: str, base_seq: int) -> list[tuple[str, str]]:
    """(table, record id) of the sender's records we hold in a state numbered
    after `base_seq`: states from the history the sender's restore undid."""
    return [(r[0], r[1]) for r in db.execute(
        "SELECT table_name, record_id FROM sync_versions WHERE station_code = ? AND seq > ? "
        "ORDER BY table_name, record_id", [sender, base_seq]).fetchall()]


def demote_versions(db: Database, sender: str, base_seq: int) -> None:
    """Those states count as numbered `base_seq`: any change of the new epoch replaces them."""
    db.execute("UPDATE sync_versions SET seq = ? WHERE station_code = ? AND seq > ?",
               [base_seq, sender, base_seq])


def still_at(db: Database, sender: str, base_seq: int, ids: list[tuple[str, str]]
             ) -> list[tuple[str, str]]:
    """Which of `ids` no change of the new epoch has replaced (yet)."""
    wanted = set(ids)
    return [(r[0], r[1]) for r in db.execute(
        "SELECT table_name, record_id FROM sync_versions WHERE station_code = ? AND seq = ? "
        "ORDER BY table_name, record_id", [sender, base_seq]).fetchall()
        if (r[0], r[1]) in wanted]


def imports_before(db: Database, sender: str, bundle_id: str | None) -> set[str]:
    """Bundles of the sender imported before `bundle_id` (all of them if None)."""
    if bundle_id is None:
        rows = db.execute("SELECT id FROM sync_imports WHERE from_code = ?", [sender])
    else:
        rows = db.execute(
            "SELECT id FROM sync_imports WHERE from_code = ? AND rowid < "
            "(SELECT rowid FROM sync_imports WHERE id = ?)", [sender, bundle_id])
    return {r[0] for r in rows.fetchall()}


def case_numbers(db: Database, records: list[tuple[str, str]]) -> list[str]:
    """The case numbers a clerk knows these records by (a case, or its event or notice)."""
    found: set[str] = set()
    for table, record_id in records:
        if table == "cases":
            row = db.execute("SELECT case_no FROM cases WHERE id = ?", [record_id]).fetchone()
        elif table in ("case_events", "notices"):
            row = db.execute(f"SELECT c.case_no FROM [{table}] t JOIN cases c "
                             "ON c.id = t.case_id WHERE t.id = ?", [record_id]).fetchone()
        else:
            row = None
        if row:
            found.add(str(row[0]))
    return sorted(found)
