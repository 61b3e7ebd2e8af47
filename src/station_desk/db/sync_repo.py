"""Storage of the USB sync: record versions, quarantine, the change-log selection
a bundle carries, and the bulk writes of an import (the connection directly,
`executemany`: see DESIGN). Trusted peers are in `sync_peers`, the export and
import logs in `sync_log`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor
from ..domain.errors import StorageError
from . import journal
from .cipher import IntegrityError
from .rows import Row
from .rows import fetch_rows as _rows

_CHUNK = 500  # bound parameters per IN (...) list


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


# -- what a bundle carries ----------------------------------------------------


def pick_changes(db: Database, seq_from: int, seq_to: int, tables: Sequence[str],
                 village: str | None = None, case_children: Sequence[str] = (),
                 proxied_only: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """(last seq, first seq, table) of each record changed in the range: one
    entry per record, its latest state. With `village`, only that village's
    cases and the rows of `case_children` that hang on its cases (a town's
    return bundle); catalogue and holiday rows always travel. Rows of
    `proxied_only` travel only when their case is proxied (代办)."""
    params: list[Any] = [seq_from, seq_to, *tables]
    where: list[str] = []
    if village is not None:
        kids = _marks(len(case_children))
        where.append(
            "((c.table_name = 'cases' AND json_extract(c.data, '$.station_code') = ?) "
            f"OR (c.table_name IN ({kids}) AND EXISTS ("
            "SELECT 1 FROM cases k WHERE k.id = json_extract(c.data, '$.case_id') "
            "AND k.station_code = ?)) "
            f"OR c.table_name NOT IN ('cases', {kids}))")
        params += [village, *case_children, village, *case_children]
    if proxied_only:
        where.append(
            f"(c.table_name NOT IN ({_marks(len(proxied_only))}) OR EXISTS ("
            "SELECT 1 FROM cases k WHERE k.id = json_extract(c.data, '$.case_id') "
            "AND k.proxy = 1))")
        params += [*proxied_only]
    rows = db.execute(
        "SELECT g.last, g.first, c.table_name FROM (SELECT MIN(seq) AS first, MAX(seq) AS last "
        "FROM change_log WHERE seq BETWEEN ? AND ? "
        f"AND table_name IN ({_marks(len(tables))}) GROUP BY table_name, record_id) g "
        f"JOIN change_log c ON c.seq = g.last "
        f"{'WHERE ' + ' AND '.join(where) if where else ''}", params).fetchall()
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
    return _case_column(db, case_ids, "station_code")


def case_numbers(db: Database, case_ids: Iterable[str]) -> dict[str, str]:
    return _case_column(db, case_ids, "case_no")


def _case_column(db: Database, case_ids: Iterable[str], column: str) -> dict[str, str]:
    """case id -> one column of the case, for the ids that exist."""
    wanted = list(dict.fromkeys(case_ids))
    found: dict[str, str] = {}
    for part in _chunks(wanted):
        found.update((r[0], r[1]) for r in db.execute(
            f"SELECT id, [{column}] FROM cases WHERE id IN ({_marks(len(part))})",
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
    """(table, record_id, station, seq) upserted, in order."""
    for part in _chunks(rows, statement_rows(4)):
        db.conn.execute(
            "INSERT INTO sync_versions (table_name, record_id, station_code, seq) VALUES "
            f"{_row_marks(4, len(part))} ON CONFLICT (table_name, record_id) DO UPDATE SET "
            "station_code = excluded.station_code, seq = excluded.seq",
            [v for row in part for v in row])


_AUDIT_ROW = "(?, ?, ?, ?, ?, 'insert', NULL, ?)"
# Bound parameters in one statement: SQLite's default limit (SQLCipher allows more).
_MAX_PARAMS = 32766
_MAX_STATEMENT_ROWS = 500


def statement_rows(columns: int) -> int:
    """How many rows of `columns` values one multi-row INSERT takes."""
    return max(1, min(_MAX_STATEMENT_ROWS, _MAX_PARAMS // max(1, columns)))


def _row_marks(columns: int, rows: int, row: str = "") -> str:
    one = row or f"({_marks(columns)})"
    return ", ".join(one for _ in range(rows))


def insert_rows(db: Database, table: str, names: Sequence[str], rows: Sequence[Row],
                actor: Actor, at: str, *, plain: bool = False) -> None:
    """Rows inserted by ONE statement, with one audit row each (in order); never in
    the outgoing change log. A statement is all or nothing, so a refused batch
    (IntegrityError) leaves no row behind without a savepoint (savepoints around
    statements that fire triggers make SQLite copy every touched page into the
    sub-journal again per row: see docs/bundle-format.md, Import rules).

    At most `statement_rows(len(names))` rows; every row must have exactly
    `names` as its keys, in that order. `plain`: the table has no blob or secret
    column (the audit copy is the row as is)."""
    if not rows:
        return
    assert len(rows) <= statement_rows(len(names))
    cols = ", ".join(f"[{c}]" for c in names)
    db.conn.execute(f"INSERT INTO [{table}] ({cols}) VALUES {_row_marks(len(names), len(rows))}",
                    [v for r in rows for v in r.values()])
    dump = _plain_dump if plain else journal_dump
    try:
        db.conn.execute(
            "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
            f"before, after) VALUES {_row_marks(6, len(rows), _AUDIT_ROW)}",
            [v for r in rows for v in (at, actor.id, actor.name, table, r["id"], dump(r))])
    except IntegrityError as exc:  # never the data's fault: the whole import is undone
        raise StorageError("数据文件的操作记录（审计日志）拒绝写入，本次导入已撤销，没有导入任何"
                           f"内容。请联系镇中心信息管理员核查数据文件（{exc}）。") from exc


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
    for part in _chunks(pairs, statement_rows(2)):
        db.conn.execute("INSERT OR IGNORE INTO case_name_grams (gram, case_id) VALUES "
                        f"{_row_marks(2, len(part))}", [v for pair in part for v in pair])


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
