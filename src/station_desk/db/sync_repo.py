"""Storage of the USB sync: trusted peers, export and import logs, record
versions, quarantine, the change-log selection a bundle carries, and the bulk
writes of an import (the connection directly, `executemany`: see DESIGN)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from ..schemas.sync import Receipt, problem
from . import journal

Row = dict[str, Any]

_CHUNK = 500  # bound parameters per IN (...) list


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cur = db.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


# -- peers --------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    code: str
    name: str
    kind: str
    town_code: str
    verify_key: str  # base64
    box_key: str  # base64
    fingerprint: str
    trusted_at: str
    active: bool = True


def _peer(r: Row) -> Peer:
    return Peer(r["id"], r["name"], r["kind"], r["town_code"], r["verify_key"], r["box_key"],
                r["fingerprint"], r["trusted_at"], bool(r["active"]))


def get_peer(db: Database, code: str) -> Peer | None:
    rows = _rows(db, "SELECT * FROM sync_peers WHERE id = ?", [code])
    return _peer(rows[0]) if rows else None


def list_peers(db: Database) -> list[Peer]:
    return [_peer(r) for r in _rows(db, "SELECT * FROM sync_peers WHERE active = 1 ORDER BY id")]


def save_peer(db: Database, peer: Peer, actor: Actor) -> None:
    """Trust a peer or replace its keys (audited, never in the outgoing log)."""
    row = {"id": peer.code, "name": peer.name, "kind": peer.kind, "town_code": peer.town_code,
           "verify_key": peer.verify_key, "box_key": peer.box_key,
           "fingerprint": peer.fingerprint, "trusted_at": peer.trusted_at,
           "active": int(peer.active)}
    with db.atomic():
        if get_peer(db, peer.code) is None:
            journal.insert(db, "sync_peers", row, actor, outgoing=False)
        else:
            journal.update(db, "sync_peers", peer.code, {k: v for k, v in row.items()
                                                         if k != "id"}, actor,
                           outgoing=False)


# -- export and import logs ---------------------------------------------------


@dataclass(frozen=True)
class ExportRecord:
    id: str
    to_code: str
    kind: str
    seq_from: int
    seq_to: int
    full: bool
    records: int
    counts: dict[str, int]
    file_name: str
    size: int
    sha256: str
    actor_name: str
    created_at: str


def _export(r: Row) -> ExportRecord:
    return ExportRecord(r["id"], r["to_code"], r["kind"], int(r["seq_from"]), int(r["seq_to"]),
                        bool(r["full"]), int(r["records"]), json.loads(r["counts"]),
                        r["file_name"], int(r["size"]), r["sha256"], r["actor_name"],
                        r["created_at"])


def record_export(db: Database, e: ExportRecord) -> None:
    db.execute(
        "INSERT INTO sync_exports (id, to_code, kind, seq_from, seq_to, full, records, counts, "
        "file_name, size, sha256, actor_name, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [e.id, e.to_code, e.kind, e.seq_from, e.seq_to, int(e.full), e.records,
         json.dumps(e.counts, ensure_ascii=False, sort_keys=True), e.file_name, e.size,
         e.sha256, e.actor_name, e.created_at, e.created_at])


def last_export(db: Database, to_code: str) -> ExportRecord | None:
    """The most recent export to a peer (its seq_to is where the next one starts)."""
    rows = _rows(db, "SELECT * FROM sync_exports WHERE to_code = ? "
                     "ORDER BY created_at DESC, rowid DESC LIMIT 1", [to_code])
    return _export(rows[0]) if rows else None


def exported_up_to(db: Database, to_code: str) -> int:
    row = db.execute("SELECT COALESCE(MAX(seq_to), 0) FROM sync_exports WHERE to_code = ?",
                     [to_code]).fetchone()
    return int(row[0])


def list_exports(db: Database, to_code: str | None = None, limit: int = 200
                 ) -> list[ExportRecord]:
    where, params = ("WHERE to_code = ?", [to_code]) if to_code else ("", [])
    return [_export(r) for r in _rows(
        db, f"SELECT * FROM sync_exports {where} ORDER BY created_at DESC, rowid DESC "
            "LIMIT ?", [*params, limit])]


@dataclass(frozen=True)
class ImportRecord:
    id: str
    from_code: str
    from_name: str
    kind: str
    seq_from: int
    seq_to: int
    bundle_created_at: str
    imported_at: str
    new: int
    updated: int
    unchanged: int
    quarantined: int
    receipt: dict[str, Any] | None
    file_name: str
    sha256: str
    actor_name: str


def _import(r: Row) -> ImportRecord:
    return ImportRecord(r["id"], r["from_code"], r["from_name"], r["kind"], int(r["seq_from"]),
                        int(r["seq_to"]), r["bundle_created_at"], r["imported_at"],
                        int(r["new"]), int(r["updated"]), int(r["unchanged"]),
                        int(r["quarantined"]),
                        json.loads(r["receipt"]) if r["receipt"] else None,
                        r["file_name"], r["sha256"], r["actor_name"])


def record_import(db: Database, i: ImportRecord) -> None:
    db.execute(
        "INSERT INTO sync_imports (id, from_code, from_name, kind, seq_from, seq_to, "
        "bundle_created_at, imported_at, new, updated, unchanged, quarantined, receipt, "
        "file_name, sha256, actor_name, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [i.id, i.from_code, i.from_name, i.kind, i.seq_from, i.seq_to, i.bundle_created_at,
         i.imported_at, i.new, i.updated, i.unchanged, i.quarantined,
         json.dumps(i.receipt, ensure_ascii=False) if i.receipt is not None else None,
         i.file_name, i.sha256, i.actor_name, i.imported_at, i.imported_at])


def find_import(db: Database, bundle_id: str) -> ImportRecord | None:
    rows = _rows(db, "SELECT * FROM sync_imports WHERE id = ?", [bundle_id])
    return _import(rows[0]) if rows else None


def list_imports(db: Database, from_code: str | None = None, limit: int = 200
                 ) -> list[ImportRecord]:
    where, params = ("WHERE from_code = ?", [from_code]) if from_code else ("", [])
    return [_import(r) for r in _rows(
        db, f"SELECT * FROM sync_imports {where} ORDER BY imported_at DESC, rowid DESC "
            "LIMIT ?", [*params, limit])]


def imported_ranges(db: Database, from_code: str) -> list[tuple[int, int]]:
    """Non-empty seq ranges imported from a station, as stored (unmerged)."""
    rows = db.execute("SELECT seq_from, seq_to FROM sync_imports WHERE from_code = ? "
                      "AND seq_to >= seq_from ORDER BY seq_from", [from_code]).fetchall()
    return [(int(a), int(b)) for a, b in rows]


def last_receipt(db: Database, from_code: str) -> dict[str, Any] | None:
    """The receipt in the newest bundle from a peer (which of our bundles it has)."""
    row = db.execute("SELECT receipt FROM sync_imports WHERE from_code = ? AND receipt IS NOT "
                     "NULL ORDER BY bundle_created_at DESC, rowid DESC LIMIT 1",
                     [from_code]).fetchone()
    if row is None:
        return None
    try:
        found: Any = json.loads(row[0])
    except (ValueError, RecursionError):
        return None
    # stored by an older version that did not check receipts: never trusted blindly
    return found if not problem(Receipt, found, "回执") else None


# -- what a bundle carries ----------------------------------------------------


def pick_changes(db: Database, seq_from: int, seq_to: int, tables: Sequence[str],
                 village: str | None = None) -> list[tuple[int, int, str]]:
    """(last seq, first seq, table) of each record changed in the range: one
    entry per record, its latest state. With `village`, only that village's
    cases and the events, notices and ratings of its cases (a town's return
    bundle); catalogue and holiday rows always travel."""
    params: list[Any] = [seq_from, seq_to, *tables]
    where = ""
    if village is not None:
        where = (
            "WHERE (c.table_name = 'cases' AND json_extract(c.data, '$.station_code') = ?) "
            "OR (c.table_name IN ('case_events', 'notices', 'ratings') AND EXISTS ("
            "SELECT 1 FROM cases k WHERE k.id = json_extract(c.data, '$.case_id') "
            "AND k.station_code = ?)) "
            "OR c.table_name NOT IN ('cases', 'case_events', 'notices', 'ratings')")
        params += [village, village]
    rows = db.execute(
        "SELECT g.last, g.first, c.table_name FROM (SELECT MIN(seq) AS first, MAX(seq) AS last "
        "FROM change_log WHERE seq BETWEEN ? AND ? "
        f"AND table_name IN ({_marks(len(tables))}) GROUP BY table_name, record_id) g "
        f"JOIN change_log c ON c.seq = g.last {where}", params).fetchall()
    return [(int(a), int(b), str(t)) for a, b, t in rows]


def change_entries(db: Database, seqs: Sequence[int]) -> list[tuple[int, str, str, str, str,
                                                                     str]]:
    """(seq, at, table, record_id, action, data JSON text) in the order of `seqs`."""
    found: dict[int, tuple[int, str, str, str, str, str]] = {}
    for part in _chunks(seqs):
        for s, at, t, r, a, d in db.execute(
                "SELECT seq, at, table_name, record_id, action, data FROM change_log "
                f"WHERE seq IN ({_marks(len(part))})", list(part)).fetchall():
            found[int(s)] = (int(s), at, t, r, a, d)
    return [found[s] for s in seqs]


def blob(db: Database, table: str, record_id: str, column: str) -> bytes | None:
    row = db.execute(f"SELECT [{column}] FROM [{table}] WHERE id = ?", [record_id]).fetchone()
    return None if row is None or row[0] is None else bytes(row[0])


# -- writing an import --------------------------------------------------------


def columns(db: Database, table: str) -> dict[str, bool]:
    """Column name -> required (NOT NULL without a default)."""
    return {r[1]: bool(r[3]) and r[4] is None
            for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()}


def foreign_keys(db: Database, table: str) -> dict[str, str]:
    """Column -> the table it references (by id)."""
    return {r[3]: r[2] for r in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall()}


def table_exists(db: Database, table: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [table]).fetchone() is not None


def existing(db: Database, table: str, ids: Sequence[str], key: str = "id") -> dict[Any, Row]:
    found: dict[Any, Row] = {}
    for part in _chunks(list(dict.fromkeys(ids))):
        for r in _rows(db, f"SELECT * FROM [{table}] WHERE [{key}] IN ({_marks(len(part))})",
                       part):
            found[r[key]] = r
    return found


def present(db: Database, table: str, ids: Iterable[str]) -> set[str]:
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for part in _chunks(wanted):
        found.update(r[0] for r in db.execute(
            f"SELECT id FROM [{table}] WHERE id IN ({_marks(len(part))})", list(part)))
    return found


def case_stations(db: Database, case_ids: Iterable[str]) -> dict[str, str]:
    wanted = list(dict.fromkeys(case_ids))
    found: dict[str, str] = {}
    for part in _chunks(wanted):
        found.update((r[0], r[1]) for r in db.execute(
            f"SELECT id, station_code FROM cases WHERE id IN ({_marks(len(part))})",
            list(part)))
    return found


IMPORT_ACTOR_PREFIX = "导入："


def import_actor(station_name: str, seq_label: str) -> Actor:
    """Who wrote an imported row, in the audit trail."""
    return Actor(None, f"{IMPORT_ACTOR_PREFIX}{station_name} {seq_label}")


def status_changed_here(db: Database, ids: Iterable[str]) -> set[str]:
    """Cases whose status this station changed itself (not by an import)."""
    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    for part in _chunks(wanted):
        found.update(r[0] for r in db.execute(
            "SELECT DISTINCT record_id FROM audit_log WHERE table_name = 'cases' "
            f"AND record_id IN ({_marks(len(part))}) AND before IS NOT NULL "
            "AND actor_name NOT LIKE ? "
            "AND json_extract(before, '$.status') IS NOT json_extract(after, '$.status')",
            [*part, IMPORT_ACTOR_PREFIX + "%"]))
    return found


def versions(db: Database, table: str, ids: Iterable[str]) -> dict[str, tuple[str, int]]:
    wanted = list(dict.fromkeys(ids))
    found: dict[str, tuple[str, int]] = {}
    for part in _chunks(wanted):
        for rid, station, seq in db.execute(
                "SELECT record_id, station_code, seq FROM sync_versions WHERE table_name = ? "
                f"AND record_id IN ({_marks(len(part))})", [table, *part]):
            found[rid] = (station, int(seq))
    return found


def set_versions(db: Database, rows: Sequence[tuple[str, str, str, int]]) -> None:
    """(table, record_id, station, seq) upserted."""
    db.conn.executemany(
        "INSERT INTO sync_versions (table_name, record_id, station_code, seq) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (table_name, record_id) DO UPDATE SET "
        "station_code = excluded.station_code, seq = excluded.seq", rows)


def insert_rows(db: Database, table: str, names: Sequence[str], rows: Sequence[Row],
                actor: Actor, at: str, *, plain: bool = False) -> None:
    """Bulk insert with one audit row each; never in the outgoing change log.

    Every row must have exactly `names` as its keys, in that order. `plain`:
    the table has no blob or secret column (the audit copy is the row as is)."""
    cols = ", ".join(f"[{c}]" for c in names)
    db.conn.executemany(f"INSERT INTO [{table}] ({cols}) VALUES ({_marks(len(names))})",
                        [tuple(r.values()) for r in rows])
    dump = _plain_dump if plain else journal_dump
    db.conn.executemany(
        "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
        "before, after) VALUES (?, ?, ?, ?, ?, 'insert', NULL, ?)",
        [(at, actor.id, actor.name, table, r["id"], dump(r)) for r in rows])


def _plain_dump(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def journal_dump(row: Row) -> str:
    """The row as the audit trail keeps it (blobs by hash, secrets masked)."""
    dumped = journal._dump(row)
    assert dumped is not None
    return dumped


def secret_columns() -> frozenset[str]:
    return journal.SECRET_COLUMNS


def update_row(db: Database, table: str, record_id: str, changes: Row, actor: Actor) -> Row:
    return journal.update(db, table, record_id, changes, actor, outgoing=False)


def add_name_grams(db: Database, pairs: Sequence[tuple[str, str]]) -> None:
    db.conn.executemany("INSERT OR IGNORE INTO case_name_grams (gram, case_id) VALUES (?, ?)",
                        pairs)


@contextmanager
def large_cache(db: Database, kib: int = 64 * 1024) -> Iterator[None]:
    """A bigger page cache while a bulk import maintains many indexes (the
    default 2 MB makes a 100,000-row import ~1.7x slower); restored after."""
    previous = int(db.execute("PRAGMA cache_size").fetchone()[0])
    db.execute(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {previous}")


# -- quarantine ---------------------------------------------------------------


@dataclass(frozen=True)
class Quarantined:
    id: int
    bundle_id: str
    from_code: str
    seq: int
    table: str
    record_id: str
    reason: str
    data: Row
    at: str
    resolved_at: str | None


def _quarantined(r: Row) -> Quarantined:
    return Quarantined(int(r["id"]), r["bundle_id"], r["from_code"], int(r["seq"]),
                       r["table_name"], r["record_id"], r["reason"], json.loads(r["data"]),
                       r["at"], r["resolved_at"])


def quarantine(db: Database, *, bundle_id: str, from_code: str, seq: int, table: str,
               record_id: str, reason: str, data: Row, at: str) -> bool:
    """Keep a record that failed validation; False if it is already held."""
    held = db.execute("SELECT 1 FROM sync_quarantine WHERE from_code = ? AND table_name = ? "
                      "AND record_id = ? AND seq = ? AND resolved_at IS NULL",
                      [from_code, table, record_id, seq]).fetchone()
    if held is not None:
        return False
    db.execute("INSERT INTO sync_quarantine (bundle_id, from_code, seq, table_name, record_id, "
               "reason, data, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               [bundle_id, from_code, seq, table, record_id, reason,
                json.dumps(data, ensure_ascii=False), at])
    return True


def held(db: Database, from_code: str | None = None) -> list[Quarantined]:
    """Records still in quarantine, oldest seq first."""
    where, params = ("AND from_code = ?", [from_code]) if from_code else ("", [])
    return [_quarantined(r) for r in _rows(
        db, f"SELECT * FROM sync_quarantine WHERE resolved_at IS NULL {where} "
            "ORDER BY from_code, seq, id", params)]


def release(db: Database, quarantine_id: int, at: str) -> None:
    db.execute("UPDATE sync_quarantine SET resolved_at = ? WHERE id = ?", [at, quarantine_id])


# -- the town's views ---------------------------------------------------------


def cases_by_status(db: Database) -> dict[str, dict[str, int]]:
    """station code -> status -> number of cases."""
    out: dict[str, dict[str, int]] = {}
    for code, status, n in db.execute(
            "SELECT station_code, status, COUNT(*) FROM cases GROUP BY station_code, status"):
        out.setdefault(code, {})[status] = int(n)
    return out


def overdue_proxied(db: Database, today: str, exclude_station: str) -> list[Row]:
    """Open proxied cases of other stations past their promised date, oldest first."""
    return _rows(
        db, "SELECT id, case_no, station_code, applicant_name, phone, item_name, status, "
            "deadline, proxy_agent_name, proxy_step, received_at FROM cases "
            "WHERE proxy = 1 AND station_code != ? AND sort_key >= '0' AND sort_key < ? "
            "ORDER BY sort_key", [exclude_station, "0" + today])


def blob_columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()
            if str(r[2]).upper() == "BLOB"]
