"""The one way records are written: each insert or update, in the caller's
transaction, also writes the audit trail (who/when/before/after) and this
station's change log (gap-free `seq`, read by the sync bundle)."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from ..domain.actor import Actor

Row = dict[str, Any]


def now_iso() -> str:
    """Local time with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


# Never copied into the audit trail or the change log (which leaves on the USB stick):
# a 4-digit PIN behind its hash falls to an offline search in minutes.
SECRET_COLUMNS = frozenset({"pin_hash"})


def _jsonable(key: str, value: Any) -> Any:
    """Blobs (archived PDFs, scans) are named by hash in the journal, not copied."""
    if key in SECRET_COLUMNS:
        return "（已设置）" if value else None
    if value == b"":  # a scan kept in the store (db/scan_store.py), not in the row
        return None
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest(), "bytes": len(value)}
    return value


def _dump(row: Row | None) -> str | None:
    if row is None:
        return None
    return json.dumps({k: _jsonable(k, v) for k, v in row.items()}, ensure_ascii=False,
                      sort_keys=True)


def _fetch(db: Database, table: str, record_id: str) -> Row | None:
    cur = db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [record_id])
    found = cur.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cur.description], found, strict=True))


def _journal(db: Database, table: str, record_id: str, action: str,
             before: Row | None, after: Row, actor: Actor, at: str,
             outgoing: bool) -> None:
    db.execute(
        "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
        "before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [at, actor.id, actor.name, table, record_id, action, _dump(before), _dump(after)],
    )
    if outgoing:
        db.execute(
            "INSERT INTO change_log (at, table_name, record_id, action, data) "
            "VALUES (?, ?, ?, ?, ?)",
            [at, table, record_id, action, _dump(after)],
        )


def insert(db: Database, table: str, row: Row, actor: Actor, *, outgoing: bool = True) -> Row:
    """Insert a new record (must carry `id`); stamps created_at/updated_at."""
    at = now_iso()
    row = {**row, "created_at": at, "updated_at": at}
    with db.atomic():
        cols = ", ".join(f"[{c}]" for c in row)
        marks = ", ".join("?" for _ in row)
        db.execute(f"INSERT INTO [{table}] ({cols}) VALUES ({marks})", list(row.values()))
        _journal(db, table, row["id"], "insert", None, row, actor, at, outgoing)
    return row


def update(db: Database, table: str, record_id: str, changes: Row, actor: Actor,
           *, action: str = "update", outgoing: bool = True) -> Row:
    """Change fields of a record; a no-op change writes nothing. Returns the new row."""
    with db.atomic():
        before = _fetch(db, table, record_id)
        if before is None:
            raise KeyError(f"{table}/{record_id}")
        real = {k: v for k, v in changes.items() if before.get(k) != v}
        if not real:
            return before
        at = now_iso()
        real["updated_at"] = at
        sets = ", ".join(f"[{c}] = ?" for c in real)
        db.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*real.values(), record_id])
        after = {**before, **real}
        _journal(db, table, record_id, action, before, after, actor, at, outgoing)
    return after


def announce_all(db: Database, table: str, at: str) -> int:
    """Put the current state of every row of `table` into the change log again
    (no audit row: nothing changed), so the next export carries it. Used when a
    table starts to travel. Returns how many rows."""
    cur = db.execute(f"SELECT * FROM [{table}] ORDER BY rowid")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    db.conn.executemany(
        "INSERT INTO change_log (at, table_name, record_id, action, data) VALUES (?, ?, ?, ?, ?)",
        [(at, table, r["id"], "update", _dump(r)) for r in rows])
    return len(rows)


def history(db: Database, table: str, record_id: str) -> list[Row]:
    """The audit rows of one record, oldest first."""
    cur = db.execute(
        "SELECT at, actor_name, action, before, after FROM audit_log "
        "WHERE table_name = ? AND record_id = ? ORDER BY id", [table, record_id])
    return [
        {"at": at, "actor": who, "action": action,
         "before": json.loads(b) if b else None, "after": json.loads(a) if a else None}
        for at, who, action, b, a in cur.fetchall()
    ]


def changes_since(db: Database, after_seq: int, limit: int = 1000) -> list[Row]:
    """Change-log entries with seq > after_seq, in order (for the sync bundle)."""
    cur = db.execute(
        "SELECT seq, at, table_name, record_id, action, data FROM change_log "
        "WHERE seq > ? ORDER BY seq LIMIT ?", [after_seq, limit])
    return [
        {"seq": s, "at": at, "table": t, "record_id": r, "action": a, "data": json.loads(d)}
        for s, at, t, r, a, d in cur.fetchall()
    ]


def last_seq(db: Database) -> int:
    row = db.execute("SELECT COALESCE(MAX(seq), 0) FROM change_log").fetchone()
    return int(row[0])


def count_on(db: Database, day: str) -> int:
    """How many changes were recorded on `day` (YYYY-MM-DD, local time)."""
    row = db.execute("SELECT COUNT(*) FROM audit_log WHERE at >= ? AND at < ?",
                     [day, day + "~"]).fetchone()
    return int(row[0])
