"""Storage of the USB sync's logs: which bundles went to and came from each peer,
and the receipts they carried."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..schemas.sync import Receipt, problem
from .rows import Row
from .rows import fetch_rows as _rows


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


def stations_reported(db: Database) -> set[str]:
    """The stations this archive has imported at least one bundle from."""
    return {str(r[0]) for r in db.execute(
        "SELECT DISTINCT from_code FROM sync_imports").fetchall()}


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
