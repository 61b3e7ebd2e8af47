"""Tamper evidence: the audit trail and the change log chained by hash, every
table guarded, and a check on start that says so when someone went around
the program with plain `sqlite3`.

- `audit_chain` holds one SHA-256 per row of `audit_log` and `change_log`, each
  over the previous hash and the row; triggers fill it on every insert, so no
  writer can forget it. The hash is computed by `sd_chain`, a function only
  this program's connections have.
- Every table gets guard triggers that call `sd_writer()`: in a plain `sqlite3`
  shell that function does not exist, so an INSERT, UPDATE or DELETE fails.
- Changes to the sync tables (which are not written through the journal) are
  written to `audit_log` by triggers.
- `check(db)` recomputes the chain, looks for missing or altered triggers and
  compares staff, station and settings with their last audited state.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

GENESIS = "0" * 64
# written outside the journal (sync_peers goes through it, with the head's name)
SYNC_TABLES = ("sync_exports", "sync_imports", "sync_versions", "sync_quarantine",
               "sync_epochs")
# derived or internal: rebuilt from the records, never a record themselves
UNGUARDED_PREFIXES = ("sqlite_", "_sqlite_", "audit_chain")
GUARD_MARK = "_guard"
# small tables whose every row must equal its last audited state
WATCHED = ("staff", "station", "settings", "windows")


def chain_hash(prev: str | None, log: str, key: Any, *fields: Any) -> str:
    text = _CHAIN_JSON([prev or GENESIS, log, key, *fields])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# made once: the chain hashes every audit row (json.dumps would build it each call)
_CHAIN_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode


def register(conn: Any) -> None:
    """The functions the triggers call: only this program's connections have them."""
    conn.create_function("sd_writer", 0, lambda: 1, deterministic=True)
    conn.create_function("sd_chain", -1, chain_hash, deterministic=True)


_AUDIT_FIELDS = ("at", "actor_id", "actor_name", "table_name", "record_id", "action",
                 "before", "after")
_CHANGE_FIELDS = ("at", "table_name", "record_id", "action", "data")


def _chain_trigger(log: str, key: str, fields: tuple[str, ...]) -> str:
    args = ", ".join(f"NEW.[{f}]" for f in fields)
    return (f"CREATE TRIGGER chain_{log} AFTER INSERT ON {log} BEGIN "
            f"INSERT INTO audit_chain (log, log_id, hash) VALUES ('{log}', NEW.{key}, "
            f"sd_chain((SELECT hash FROM audit_chain ORDER BY id DESC LIMIT 1), "
            f"'{log}', NEW.{key}, {args})); END")


def _guard_triggers(table: str) -> list[str]:
    return [f"CREATE TRIGGER guard_{op.lower()}_{table} BEFORE {op} ON [{table}] "
            f"WHEN sd_writer() IS NULL BEGIN SELECT RAISE(ABORT, "
            f"'only Station Desk may change its archive'); END"
            for op in ("INSERT", "UPDATE", "DELETE")]


def _sync_audit_triggers(db: Database, table: str) -> list[str]:
    cols = [r[1] for r in db.execute(f"PRAGMA table_info([{table}])").fetchall()]
    def image(ref: str) -> str:
        return "json_object(" + ", ".join(f"'{c}', {ref}.[{c}]" for c in cols) + ")"
    key = "id" if "id" in cols else cols[0]
    out = []
    for op, ref, before, after in (("INSERT", "NEW", "NULL", image("NEW")),
                                   ("UPDATE", "NEW", image("OLD"), image("NEW")),
                                   ("DELETE", "OLD", image("OLD"), "NULL")):
        out.append(
            f"CREATE TRIGGER audit_{op.lower()}_{table} AFTER {op} ON [{table}] BEGIN "
            "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
            f"before, after) VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), NULL, "
            f"'同步', '{table}', CAST({ref}.[{key}] AS TEXT), '{op.lower()}', {before}, "
            f"{after}); END")
    return out


def expected_triggers(db: Database, table: str) -> list[str]:
    found = _guard_triggers(table)
    if table in SYNC_TABLES:
        found += _sync_audit_triggers(db, table)
    if table == "audit_log":
        found.append(_chain_trigger("audit_log", "id", _AUDIT_FIELDS))
    if table == "change_log":
        found.append(_chain_trigger("change_log", "seq", _CHANGE_FIELDS))
    if table == "guarded_tables":
        found.append(_chain_trigger("guarded_tables", "rowid", _GUARDED_FIELDS))
    return found


def guardable_tables(db: Database) -> list[str]:
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                      "ORDER BY name").fetchall()
    return [name for name, sql in rows
            if not name.startswith(UNGUARDED_PREFIXES)
            and "VIRTUAL TABLE" not in (sql or "").upper()
            and not _is_fts_shadow(name, rows)]


def _is_fts_shadow(name: str, rows: list[tuple[str, str]]) -> bool:
    virtual = [n for n, sql in rows if "VIRTUAL TABLE" in (sql or "").upper()]
    return any(name.startswith(v + "_") for v in virtual)


def guarded(db: Database) -> set[str]:
    """Tables this archive has guarded (each one a chained row of `guarded_tables`)."""
    return {r[0] for r in db.execute("SELECT name FROM guarded_tables").fetchall()}


_GUARDED_FIELDS = ("name", "at")


def create_guarded_tables(db: Database) -> None:
    """The register of guarded tables, chained like the logs (migration 0013)."""
    db.execute("CREATE TABLE guarded_tables (name TEXT PRIMARY KEY, at TEXT NOT NULL)")
    db.execute(_chain_trigger("guarded_tables", "rowid", _GUARDED_FIELDS))
    # archives guarded before this register marked their guards in the audit trail
    db.execute("INSERT INTO guarded_tables (name, at) SELECT record_id, MIN(at) FROM audit_log "
               "WHERE table_name = ? GROUP BY record_id", [GUARD_MARK])
    for op in ("UPDATE", "DELETE"):
        db.execute(f"CREATE TRIGGER no_{op.lower()}_guarded_tables BEFORE {op} ON "
                   "guarded_tables BEGIN SELECT RAISE(ABORT, 'the register of guarded tables "
                   "is append-only'); END")


def create_chain(db: Database) -> None:
    """The chain table, its triggers and the chain over every existing row (migration)."""
    db.execute("CREATE TABLE audit_chain (id INTEGER PRIMARY KEY, log TEXT NOT NULL, "
               "log_id INTEGER NOT NULL, hash TEXT NOT NULL, UNIQUE (log, log_id))")
    prev: str | None = None
    rows: list[tuple[str, int, str]] = []
    for log, key, fields in (("audit_log", "id", _AUDIT_FIELDS),
                             ("change_log", "seq", _CHANGE_FIELDS)):
        cols = ", ".join(f"[{f}]" for f in fields)
        for r in db.execute(f"SELECT {key}, {cols} FROM {log} ORDER BY {key}").fetchall():
            prev = chain_hash(prev, log, r[0], *r[1:])
            rows.append((log, int(r[0]), prev))
    db.conn.executemany("INSERT INTO audit_chain (log, log_id, hash) VALUES (?, ?, ?)", rows)
    # from here on every new row is chained, whatever writes it (later migrations too)
    db.execute(_chain_trigger("audit_log", "id", _AUDIT_FIELDS))
    db.execute(_chain_trigger("change_log", "seq", _CHANGE_FIELDS))
    db.execute("CREATE TRIGGER no_update_audit_chain BEFORE UPDATE ON audit_chain BEGIN "
               "SELECT RAISE(ABORT, 'the audit chain is append-only'); END")
    db.execute("CREATE TRIGGER no_delete_audit_chain BEFORE DELETE ON audit_chain BEGIN "
               "SELECT RAISE(ABORT, 'the audit chain is append-only'); END")


def ensure_guards(db: Database) -> list[str]:
    """Guard every table not guarded yet (new tables of later migrations); returns them.

    Runs after `check`, so a guard someone dropped is reported, not quietly remade."""
    done = guarded(db)
    new = sorted((t for t in guardable_tables(db) if t not in done),
                 key=lambda t: (t not in ("audit_log", "change_log", "guarded_tables"), t))
    with db.atomic():
        for table in new:
            for sql in expected_triggers(db, table):
                name = sql.split()[2]
                db.execute(f"DROP TRIGGER IF EXISTS {name}")
                db.execute(sql)
            db.execute("INSERT INTO guarded_tables (name, at) VALUES "
                       "(?, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))", [table])
    return new


@dataclass
class TamperReport:
    problems: list[str] = field(default_factory=list)

    @property
    def tampered(self) -> bool:
        return bool(self.problems)

    def message(self) -> str:
        return ("数据文件被本程序以外的方式改动过（可能有人用其他工具直接改了数据库）：\n· "
                + "\n· ".join(self.problems[:8])
                + "\n请不要继续登记，联系镇中心信息管理员核查；必要时从备份恢复。")


def check(db: Database, *, full: bool = True, since: tuple[int, str] | None = None,
          progress: Callable[[int, int], None] | None = None) -> TamperReport:
    """What was changed around the program. `full=False`: triggers and the chain
    after link `since` (id, hash: verified before, see `audit_mark`), or its last
    1,000 links when there is no such mark (fast enough for every start).
    `progress(done, total)` is called every 10,000 links (a job may stop there)."""
    report = TamperReport()
    if not _has_chain(db):
        return report
    _check_triggers(db, report)
    _check_chain(db, report, tail=None if full else 1000, since=None if full else since,
                 progress=progress)
    if full:
        _check_watched(db, report)
    return report


def _has_chain(db: Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                      "name = 'guarded_tables'").fetchone() is not None


def _check_triggers(db: Database, report: TamperReport) -> None:
    present = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
                   .fetchall())
    tables = set(guardable_tables(db))
    for table in sorted(guarded(db)):
        if table not in tables:
            report.problems.append(f"表 {table} 不见了")
            continue
        for sql in expected_triggers(db, table):
            name = sql.split()[2]
            if present.get(name) is None:
                report.problems.append(f"保护触发器 {name} 被删除")
            elif present[name] != sql:
                report.problems.append(f"保护触发器 {name} 被改动")
    for name in ("no_update_audit_log", "no_delete_audit_log", "no_update_change_log",
                 "no_delete_change_log", "no_update_audit_chain", "no_delete_audit_chain",
                 "no_update_guarded_tables", "no_delete_guarded_tables"):
        if name not in present:
            report.problems.append(f"只增不改的触发器 {name} 被删除")


def _check_chain(db: Database, report: TamperReport, tail: int | None,
                 since: tuple[int, str] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
    start = 0
    prev: str | None = None
    if since is not None:
        start, prev = since
    elif tail is not None:
        row = db.execute("SELECT id, hash FROM audit_chain ORDER BY id DESC LIMIT 1 OFFSET ?",
                         [tail]).fetchone()
        if row is not None:
            start, prev = int(row[0]), str(row[1])
    for log, key in (("audit_log", "id"), ("change_log", "seq"), ("guarded_tables", "rowid")):
        # from a mark: only rows after the last one chained by then (the daily full
        # check looks at them all)
        after = (f" AND l.{key} > COALESCE((SELECT log_id FROM audit_chain WHERE "
                 f"log = '{log}' AND id <= {int(start)} ORDER BY id DESC LIMIT 1), 0)"
                 if since is not None else "")
        orphans = db.execute(
            f"SELECT COUNT(*) FROM {log} l LEFT JOIN audit_chain c ON c.log = '{log}' AND "
            f"c.log_id = l.{key} WHERE c.id IS NULL{after}").fetchone()[0]
        if orphans:
            report.problems.append(f"{_LOG_NAMES[log]}有 {orphans} 条记录不在校验链上")
    cur = db.execute(
        "SELECT c.id, c.log, c.log_id, c.hash, "
        + ", ".join(f"a.[{f}]" for f in _AUDIT_FIELDS) + ", "
        + ", ".join(f"g.[{f}]" for f in _CHANGE_FIELDS) + ", "
        + ", ".join(f"t.[{f}]" for f in _GUARDED_FIELDS)
        + " FROM audit_chain c LEFT JOIN audit_log a ON c.log = 'audit_log' AND a.id = c.log_id"
        " LEFT JOIN change_log g ON c.log = 'change_log' AND g.seq = c.log_id"
        " LEFT JOIN guarded_tables t ON c.log = 'guarded_tables' AND t.rowid = c.log_id"
        " WHERE c.id > ? ORDER BY c.id", [start])
    n_audit, n_change = len(_AUDIT_FIELDS), len(_CHANGE_FIELDS)
    total = (db.execute("SELECT MAX(id) FROM audit_chain").fetchone()[0] or 0) - start
    for done, row in enumerate(cur):
        if progress is not None and done % 10_000 == 0:
            progress(done, total)
        _, log, log_id, stored = row[:4]
        values = {"audit_log": row[4:4 + n_audit],
                  "change_log": row[4 + n_audit:4 + n_audit + n_change]
                  }.get(log, row[4 + n_audit + n_change:])
        if values[0] is None:  # the chain names a row that is no longer there
            report.problems.append(f"{_LOG_NAMES.get(log, log)}第 {log_id} 条被删除")
            return
        prev = chain_hash(prev, log, log_id, *values)
        if prev != stored:
            report.problems.append(f"{_LOG_NAMES.get(log, log)}第 {log_id} 条被改写（校验链断开）")
            return


_LOG_NAMES = {"audit_log": "操作记录", "change_log": "变更日志", "guarded_tables": "受保护表登记"}


def _check_watched(db: Database, report: TamperReport) -> None:
    """Staff, station, settings, windows: each row as its last audited state says."""
    from .journal import _dump  # the audit trail's own rendering of a row

    for table in WATCHED:
        if table not in set(guardable_tables(db)):
            continue
        last = {r[0]: r[1] for r in db.execute(
            "SELECT record_id, after FROM audit_log WHERE id IN (SELECT MAX(id) FROM audit_log"
            " WHERE table_name = ? GROUP BY record_id)", [table]).fetchall()}
        cur = db.execute(f"SELECT * FROM [{table}]")
        names = [d[0] for d in cur.description]
        for values in cur.fetchall():
            row = dict(zip(names, values, strict=True))
            key = str(row.get("id", row.get("key", "")))
            audited = last.get(key)
            if audited is None:
                report.problems.append(f"{table} 表里的记录 {key} 没有操作记录")
                continue
            after = json.loads(audited)
            now = json.loads(_dump(row) or "{}")
            if any(now.get(k) != v for k, v in after.items() if k in now):
                report.problems.append(f"{table} 表里的记录 {key} 与操作记录不符（被直接改写）")


# -- the chain head in bundles ----------------------------------------------------

def head_at(db: Database, seq: int) -> str:
    """The chain's hash at change-log entry `seq` (GENESIS before the first)."""
    row = db.execute("SELECT hash FROM audit_chain WHERE log = 'change_log' AND log_id = ?",
                     [seq]).fetchone()
    return str(row[0]) if row else GENESIS


def bundle_heads(db: Database, seq_from: int, seq_to: int) -> dict[str, Any]:
    """What a bundle carries so its recipient can tell a rewritten history."""
    return {"from_seq": seq_from - 1, "from_hash": head_at(db, seq_from - 1),
            "to_seq": seq_to, "to_hash": head_at(db, seq_to)}


def compare_heads(db: Database, sender: str, heads: dict[str, Any],
                  ignore: Callable[[int, str], bool] | None = None) -> list[int]:
    """The sequence numbers whose hash differs from what an earlier bundle said.
    `ignore(seq, bundle_id)`: heads from a history the sender's restore undid."""
    changed = []
    for seq, digest in ((heads["from_seq"], heads["from_hash"]),
                        (heads["to_seq"], heads["to_hash"])):
        row = db.execute("SELECT hash, bundle_id FROM sync_chain_heads WHERE from_code = ? "
                         "AND seq = ?", [sender, seq]).fetchone()
        if row is not None and row[0] != digest and not (ignore and ignore(int(seq), row[1])):
            changed.append(int(seq))
    return changed


def remember_heads(db: Database, sender: str, bundle_id: str, heads: dict[str, Any]) -> None:
    db.conn.executemany(
        "INSERT OR IGNORE INTO sync_chain_heads (from_code, seq, hash, bundle_id) "
        "VALUES (?, ?, ?, ?)",
        [(sender, heads["from_seq"], heads["from_hash"], bundle_id),
         (sender, heads["to_seq"], heads["to_hash"], bundle_id)])
