"""Export and import rates of the USB sync bundle, next to a plain sqlite3 insert.

    .venv/bin/python benchmarks/sync_rates.py [--records N] [--keep DIR] [--rows-cache F]

A village archive gets N changed case records (bulk-inserted straight into
`cases` and its change log, as `case new` would have logged them); it exports
them into one bundle (encrypted, signed, read back), and a town archive imports
it (verify pass, then one transaction with the audit trail). In the same run,
the floors: the same change-log rows written as NDJSON into a zip file (export);
the same rows into a fresh SQLite file with a plain `executemany`, into a bare
table and into the real `cases` table with its indexes, plain and SQLCipher-
keyed like the archive (import); and a raw `INSERT … ON CONFLICT DO UPDATE` of
the same rows into that filled table (re-import). Prints one line per figure,
then the ratios to the floors (issue 12 item 6).

Not a floor but what bounds the import from below: the writes an import must
make for these rows, alone (no bundle, no checks) into a second town archive:
the cases, an audit row each (hash-chained by trigger), the versions (each
with its audit row, by trigger) and the name index.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from station_desk.db import cipher, journal, sync_repo
from station_desk.db.cases_repo import name_grams
from station_desk.domain import pinyin
from station_desk.domain.cases import Status, attention_key, format_case_no
from station_desk.domain.station import Role, StationKind
from station_desk.services.desk import Desk, StaffInput

VILLAGE, TOWN = "610922101201", "610922101000"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "秀英芳明华军伟强丽敏静燕玲桂兰建国志平红霞海涛春梅德福"


def _id_number(rng: random.Random, birth: date) -> str:
    from stdnum.cn import ric

    body = f"610922{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def case_rows(desk: Desk, n: int, seed: int = 11) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    items = desk.catalogue.items()
    statuses = [Status.COMPLETED] * 6 + [Status.ACCEPTED, Status.IN_PROGRESS, Status.SUPPLEMENT]
    now = journal.now_iso()
    rows = []
    for i in range(n):
        item = rng.choice(items)
        received = datetime(2020, 1, 1, 8) + timedelta(minutes=rng.randrange(6 * 365 * 24 * 60))
        status = rng.choice(statuses)
        deadline = received.date() + timedelta(days=item.time_limit_days * 7 // 5)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN)
                                              for _ in range(rng.choice((1, 2))))
        year = received.year
        rows.append({
            "id": f"BENCH{i:021d}", "case_no": format_case_no(VILLAGE, year, i + 1),
            "station_code": VILLAGE, "year": year, "seq": i + 1, "channel": "来访",
            "applicant_name": name,
            "id_number": _id_number(rng, date(1940 + rng.randrange(60), 1 + rng.randrange(12),
                                              1 + rng.randrange(28))),
            "phone": f"139{rng.randrange(10**8):08d}", "address": f"西沟村{rng.randrange(9)}组",
            "groups": json.dumps(["高龄老人"] if rng.random() < 0.2 else [], ensure_ascii=False),
            "name_initials": pinyin.initials(name), "name_pinyin": pinyin.full(name),
            "item_code": item.code, "item_name": item.name, "category": item.category,
            "case_type": item.case_type.value, "status": status.value,
            "open": int(status.is_open), "window": item.window, "first_ask_id": None,
            "first_ask_name": "李明", "received_at": received.isoformat(timespec="seconds"),
            "accepted_at": received.isoformat(timespec="seconds"),
            "deadline": deadline.isoformat(), "deadline_provisional": 0, "extended_days": 0,
            "materials": json.dumps([{"name": m.name, "originals": m.originals,
                                      "copies": m.copies, "received": True}
                                     for m in item.materials], ensure_ascii=False),
            "proxy": int(rng.random() < 0.3), "proxy_agent_id": None, "proxy_agent_name": "",
            "proxy_step": None, "door_to_door": 0, "fee": "免费", "reason": "",
            "supplement_notice_at": None, "supplement_due": None, "departments": "[]",
            "completed_at": received.isoformat(timespec="seconds")
            if status == Status.COMPLETED else None,
            "note": "", "sort_key": attention_key(status, deadline, received),
            "created_at": now, "updated_at": now})
    return rows


def seed_village(desk: Desk, rows: list[dict[str, Any]]) -> None:
    """Rows and their change-log entries, as the journal would have written them."""
    names = list(rows[0])
    conn = desk.db.conn
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO cases ({', '.join(names)}) VALUES "
                     f"({', '.join('?' for _ in names)})", [[r[c] for c in names] for r in rows])
    conn.executemany(
        "INSERT INTO change_log (at, table_name, record_id, action, data) "
        "VALUES (?, 'cases', ?, 'insert', ?)",
        [(r["created_at"], r["id"], json.dumps(r, ensure_ascii=False, sort_keys=True))
         for r in rows])
    conn.execute("COMMIT")


def _raw_connect(path: Path, key: bytes | None) -> Any:
    if key is None:
        return sqlite3.connect(path, isolation_level=None)
    return cipher.connect(path, key, isolation_level=None)


def plain_insert(path: Path, schema: list[str], rows: list[dict[str, Any]],
                 cache_kib: int = 0, key: bytes | None = None) -> float:
    conn = _raw_connect(path, key)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        if cache_kib:
            conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        for sql in schema:
            conn.execute(sql)
        names = list(rows[0])
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO cases ({', '.join(names)}) VALUES "
                         f"({', '.join('?' for _ in names)})",
                         [[r[c] for c in names] for r in rows])
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def plain_upsert(path: Path, rows: list[dict[str, Any]], cache_kib: int = 0,
                 key: bytes | None = None) -> float:
    """The same rows again into the filled table: the floor of a re-import."""
    conn = _raw_connect(path, key)
    try:
        conn.execute("PRAGMA synchronous=FULL")
        if cache_kib:
            conn.execute(f"PRAGMA cache_size = -{cache_kib}")
        names = list(rows[0])
        sets = ", ".join(f"{c} = excluded.{c}" for c in names if c != "id")
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO cases ({', '.join(names)}) VALUES "
                         f"({', '.join('?' for _ in names)}) "
                         f"ON CONFLICT(id) DO UPDATE SET {sets}",
                         [[r[c] for c in names] for r in rows])
        conn.execute("COMMIT")
        return time.perf_counter() - start
    finally:
        conn.close()


def ndjson_zip(desk: Desk, path: Path) -> float:
    """The export floor: the change-log rows as NDJSON lines in a zip, fsynced."""
    start = time.perf_counter()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        with z.open("changes.ndjson", "w") as out:
            for seq, at, table, record_id, action, data in desk.db.conn.execute(
                    "SELECT seq, at, table_name, record_id, action, data FROM change_log"):
                out.write(json.dumps({"seq": seq, "at": at, "table": table, "id": record_id,
                                      "action": action}, ensure_ascii=False)[:-1].encode()
                          + b',"data":' + data.encode() + b"}\n")
    with open(path, "rb+") as f:
        os.fsync(f.fileno())
    return time.perf_counter() - start


def import_writes(desk: Desk, rows: list[dict[str, Any]]) -> tuple[float, dict[str, float]]:
    """The writes of an import of `rows`, alone, as the importer makes them (per
    chunk of 2,000 records: the cases with their audit rows, the name index, the
    versions with theirs); the seconds, and those of each part."""
    actor = sync_repo.import_actor("西沟村便民服务站", "第 1–n 号")
    at = journal.now_iso()
    names = tuple(rows[0])
    size = sync_repo.statement_rows(len(names))
    db = desk.db
    parts = dict.fromkeys(("cases + audit rows", "name index", "versions + audit rows"), 0.0)
    start = time.perf_counter()
    with sync_repo.large_cache(db), db.atomic():
        for first in range(0, len(rows), 2000):
            chunk = rows[first:first + 2000]
            mark = time.perf_counter()
            for i in range(0, len(chunk), size):
                sync_repo.insert_rows(db, "cases", names, chunk[i:i + size], actor, at,
                                      plain=True)
            parts["cases + audit rows"] += time.perf_counter() - mark
            mark = time.perf_counter()
            sync_repo.add_name_grams(db, [(g, r["id"]) for r in chunk
                                          for g in name_grams(str(r["applicant_name"]))])
            parts["name index"] += time.perf_counter() - mark
            mark = time.perf_counter()
            sync_repo.set_versions(db, [("cases", r["id"], VILLAGE, first + n)
                                        for n, r in enumerate(chunk, start=1)])
            parts["versions + audit rows"] += time.perf_counter() - mark
        mark = time.perf_counter()
    parts["commit"] = time.perf_counter() - mark
    return time.perf_counter() - start, parts


def line(what: str, n: int, seconds: float, extra: str = "") -> None:
    print(f"{what:<44} {n:>9,} records {seconds:8.2f} s {n / seconds:>10,.0f} rec/s  {extra}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", help="keep the data directories here")
    parser.add_argument("--rows-cache", help="JSON file of the made-up rows: reused if it "
                                             "exists (making 100,000 takes minutes)")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sync-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    n = args.records
    print(f"# benchmarks/sync_rates.py --records {n}, {date.today()}, {os.cpu_count()} cores / "
          f"Python {platform.python_version()} / SQLite {sqlite3.sqlite_version}, "
          f"load average {os.getloadavg()[0]:.2f} at the start")
    try:
        village = Desk.open(root / "village")
        town = Desk.open(root / "town")
        staff = [StaffInput("王建国", Role.HEAD, "123456"),
                 StaffInput("李明", Role.AGENT, "111111")]
        village.station.setup(kind=StationKind.VILLAGE, code=VILLAGE, name="西沟村便民服务站",
                              town_code=TOWN, staff=staff)
        town.station.setup(kind=StationKind.TOWN1, code=TOWN, name="城关镇便民服务中心",
                           staff=[StaffInput("赵红", Role.HEAD, "123456")])
        vs, ts = village.sync, town.sync
        stick = root / "stick"
        ts.trust(vs.export_identity(stick / "ids"))
        vs.trust(ts.export_identity(stick / "ids"))
        start = time.perf_counter()
        cache = Path(args.rows_cache) if args.rows_cache else None
        if cache is not None and cache.is_file():
            rows = json.loads(cache.read_text("utf-8"))[:n]
        else:
            rows = case_rows(village, n)
            if cache is not None:
                cache.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        seed_village(village, rows)
        print(f"built {n:,} changed case records in {time.perf_counter() - start:.1f} s")

        took = ndjson_zip(village, root / "floor.zip")
        floors = {"export": took}
        line("floor: change log as NDJSON into a zip", n, took,
             f"zip {(root / 'floor.zip').stat().st_size / 1e6:.1f} MB")

        start = time.perf_counter()
        out = vs.export_to(stick)
        took = time.perf_counter() - start
        figures = {"export": took}
        line("export (write, fsync, read back, verify)", out.records, took,
             f"bundle {out.size / 1e6:.1f} MB")

        start = time.perf_counter()
        report = ts.import_bundle(out.path)
        took = time.perf_counter() - start
        assert report.new == out.records, report.text()
        figures["import"] = took
        line("import (verify + one transaction, new)", report.new, took,
             "audit trail, versions, name index")

        again = vs.export_to(stick, again=True)
        start = time.perf_counter()
        report = ts.import_bundle(again.path)
        took = time.perf_counter() - start
        assert report.unchanged == again.records
        figures["reimport"] = took
        line("import of a re-export (all unchanged)", report.unchanged, took)

        schema = [r[0] for r in town.db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'cases' AND sql IS NOT NULL "
            "AND type IN ('table', 'index') ORDER BY type = 'index', name")]
        bare = [schema[0]]
        key = os.urandom(32)
        took = plain_insert(root / "plain-bare.db", bare, rows)
        line("sqlite3 executemany, bare table", n, took)
        took = plain_insert(root / "plain-indexed.db", schema, rows)
        line("sqlite3 executemany, cases + indexes", n, took, "default 2 MB page cache")
        took = plain_insert(root / "plain-indexed-cache.db", schema, rows, 64 * 1024)
        floors["import plain"] = took
        line("sqlite3 executemany, cases + indexes", n, took, "64 MB cache, as the import")
        took = plain_insert(root / "keyed-indexed-cache.db", schema, rows, 64 * 1024, key)
        floors["import"] = took
        line("sqlcipher executemany, cases + indexes", n, took, "64 MB cache, keyed")
        took = plain_upsert(root / "plain-indexed-cache.db", rows, 64 * 1024)
        floors["reimport plain"] = took
        line("sqlite3 upsert of the same rows (filled)", n, took, "64 MB cache")
        took = plain_upsert(root / "keyed-indexed-cache.db", rows, 64 * 1024, key)
        floors["reimport"] = took
        line("sqlcipher upsert of the same rows (filled)", n, took, "64 MB cache, keyed")
        second = Desk.open(root / "town-writes")
        second.station.setup(kind=StationKind.TOWN1, code=TOWN, name="城关镇便民服务中心",
                             staff=[StaffInput("赵红", Role.HEAD, "123456")])
        took, parts = import_writes(second, rows)
        second.close()
        floors["writes"] = took
        line("the import's writes alone (no checks)", n, took,
             "; ".join(f"{what} {t:.1f} s" for what, t in parts.items()))
        print(f"export     / NDJSON+zip floor     {figures['export'] / floors['export']:5.2f}x"
              "   (target <= 1.5x)")
        for floor in ("import", "import plain"):
            print(f"import rate / raw executemany ({floor.split()[-1]:<6}) "
                  f"{floors[floor] / figures['import']:6.1%}  (target >= 50 %)")
        print(f"import rate / its writes alone        {floors['writes'] / figures['import']:6.1%}"
              "  (not a target: what the checks and the bundle cost on top)")
        for floor in ("reimport", "reimport plain"):
            print(f"re-import  / raw upsert ({floor.split()[-1]:<8})   "
                  f"{figures['reimport'] / floors[floor]:5.2f}x   (target <= 1.0x)")
        village.close()
        town.close()
        print(f"# load average {os.getloadavg()[0]:.2f} at the end")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
