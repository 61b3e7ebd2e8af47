"""Build a town-sized archive (default 1,000,000 cases) and time the case list.

    .venv/bin/python benchmarks/cases_million.py [--rows N] [--keep DIR]
    .venv/bin/python benchmarks/cases_million.py --keep DIR --backup   # then
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/cases_million.py --keep DIR --rss

Rows are bulk-inserted straight into the real schema (opened through the real
migration path); the timed reads go through the same service calls the window
and CLI use. Prints one line per figure. With a kept archive, `--backup` times
a backup to a folder (`desk.backups.backup_to`) against SQLCipher's own backup
API copying the same file, and `--rss` (its own process, nothing else loaded)
opens the archive, scrolls the window's case list model end to end and prints
the peak resident memory (issue 12 item 6).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from station_desk.db import cipher
from station_desk.db.cases_repo import name_grams
from station_desk.domain import pinyin
from station_desk.domain.cases import Status, attention_key, format_case_no
from station_desk.domain.station import Role, StationKind
from station_desk.services.desk import Desk, StaffInput

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "秀英芳明华军伟强丽敏静燕玲桂兰建国志平红霞海涛春梅德福"


def _id_number(rng: random.Random, birth: date) -> str:
    from stdnum.cn import ric

    body = f"610922{birth:%Y%m%d}{rng.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def build(desk: Desk, rows: int, seed: int = 7, first: int = 0) -> None:
    """`rows` more cases after the `first` already there; committed every batch,
    so a stopped build keeps what it made and the next run goes on from there."""
    rng = random.Random(seed + first)
    items = desk.catalogue.items()
    station = desk.station.current
    assert station is not None
    today = date.today()
    statuses = [Status.COMPLETED] * 8 + [Status.ACCEPTED, Status.IN_PROGRESS,
                                         Status.SUPPLEMENT, Status.RETURNED]
    conn = desk.db.conn
    cols = None
    batch: list[tuple[object, ...]] = []
    grams: list[tuple[str, str]] = []
    conn.execute("BEGIN")
    for n in range(rows):
        item = rng.choice(items)
        received = datetime(2019, 1, 1, 8) + timedelta(minutes=rng.randrange(8 * 365 * 24 * 60))
        if received.date() > today:
            received = received.replace(year=today.year - 1)
        status = rng.choice(statuses)
        deadline = received.date() + timedelta(days=item.time_limit_days * 7 // 5)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN)
                                              for _ in range(rng.choice((1, 2))))
        seq = first + n + 1
        case_id = f"{received:%Y%m%d%H%M%S}{seq:012d}"
        row = {
            "id": case_id, "case_no": format_case_no(station.code, received.year, seq),
            "station_code": station.code, "year": received.year, "seq": seq,
            "channel": "来访", "applicant_name": name,
            "id_number": _id_number(rng, date(1940 + rng.randrange(60), 1 + rng.randrange(12),
                                              1 + rng.randrange(28))),
            "phone": f"139{rng.randrange(10**8):08d}", "address": "西沟村一组", "groups": "[]",
            "name_initials": pinyin.initials(name), "name_pinyin": pinyin.full(name),
            "item_code": item.code, "item_name": item.name, "category": item.category,
            "case_type": item.case_type.value, "status": status.value,
            "open": int(status.is_open), "window": item.window, "first_ask_id": None,
            "first_ask_name": "李明", "received_at": received.isoformat(),
            "accepted_at": received.isoformat(), "deadline": deadline.isoformat(),
            "deadline_provisional": 0, "materials": "[]", "proxy": int(rng.random() < 0.3),
            "proxy_agent_id": None, "proxy_agent_name": "", "proxy_step": None,
            "door_to_door": 0, "fee": "免费", "reason": "", "supplement_notice_at": None,
            "supplement_due": None, "departments": "[]", "completed_at": None, "note": "",
            "sort_key": attention_key(status, deadline, received),
            "created_at": received.isoformat(), "updated_at": received.isoformat(),
        }
        if cols is None:
            cols = list(row)
        batch.append(tuple(row.values()))
        grams += [(g, case_id) for g in name_grams(name)]
        if len(batch) == 20_000:
            _flush(conn, cols, batch, grams)
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    assert cols is not None
    _flush(conn, cols, batch, grams)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")


def _flush(conn: object, cols: list[str], batch: list[tuple[object, ...]],
           grams: list[tuple[str, str]]) -> None:
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO cases ({', '.join(cols)}) VALUES ({marks})", batch)  # type: ignore[attr-defined]
    conn.executemany("INSERT OR IGNORE INTO case_name_grams VALUES (?, ?)", grams)  # type: ignore[attr-defined]
    batch.clear()
    grams.clear()


def timed(label: str, fn: object, repeat: int = 3) -> object:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    print(f"{label:<42} {best * 1000:8.1f} ms")
    return result


def backup_figures(desk: Desk, folder: Path) -> None:
    """The service's backup to a folder against the bare backup API, same file, same run."""
    size = desk.store.path.stat().st_size / 2**20
    key = desk.db.archive_key
    for attempt in (1,):
        floor = folder / f"floor-{attempt}.db"
        start = time.perf_counter()
        source = cipher.connect(desk.store.path, key, read_only=True)
        dest = cipher.connect(floor, key)
        source.backup(dest, pages=4096)
        dest.close()
        source.close()
        with open(floor, "rb+") as f:
            os.fsync(f.fileno())
        bare = time.perf_counter() - start
        floor.unlink()
        stick = folder / f"stick-{attempt}"
        stick.mkdir(exist_ok=True)
        start = time.perf_counter()
        made = desk.backups.backup_to(stick)
        ours = time.perf_counter() - start
        print(f"archive {size:,.0f} MB: sqlcipher backup API {bare:6.2f} s, "
              f"backup_to {ours:6.2f} s = {ours / bare:4.2f}x   (target <= 2x)")
        shutil.rmtree(stick)
        assert not made.exists()


def rss_figures(desk: Desk) -> None:
    """Peak RSS with the archive open and the case list model scrolled end to end."""
    from PySide6.QtWidgets import QTableView

    from station_desk.ui.app import make_app
    from station_desk.ui.cases.model import PAGE_SIZE, CaseListModel

    app = make_app([])
    model = CaseListModel(desk)
    view = QTableView()
    view.setModel(model)
    view.resize(1366, 768)
    view.show()
    everything = desk.cases.make_filter()
    model.set_filter(everything)
    if not model.exact:  # a long list: the page counts it in full in the runner
        model.set_total(model.shown_filter, desk.cases.count(everything))
    app.processEvents()
    total = model.rowCount()
    start = time.perf_counter()
    for page in range(0, total // PAGE_SIZE + 1):  # every page read, as a drag would
        first = page * PAGE_SIZE
        for row in range(first, min(first + 30, total)):  # what one screen paints
            for column in range(model.columnCount()):
                model.data(model.index(row, column))
        if page % 50 == 0:
            view.scrollTo(model.index(first, 0))
            app.processEvents()
    view.scrollToBottom()
    app.processEvents()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open("/proc/self/statm") as f:
        now = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    print(f"case list scrolled end to end: {total:,} rows in "
          f"{time.perf_counter() - start:.1f} s, {model.loads:,} pages read; "
          f"RSS peak {peak:.0f} MB, now {now:.0f} MB   (target <= 250 MB)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", help="keep the built data directory here")
    parser.add_argument("--backup", action="store_true", help="only the backup figures")
    parser.add_argument("--rss", action="store_true", help="only the memory figure")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sd-bench-"))
    desk = Desk.open(folder)
    if args.backup or args.rss:
        try:
            if args.backup:
                scratch = Path(tempfile.mkdtemp(prefix="sd-bench-backup-"))
                backup_figures(desk, scratch)
                shutil.rmtree(scratch)
            else:
                rss_figures(desk)
        finally:
            desk.close()
        return 0
    try:
        if not desk.station.is_set_up:
            desk.station.setup(kind=StationKind.TOWN1, code="610922101000",
                               name="城关镇便民服务中心",
                               staff=[StaffInput("王建国", Role.HEAD, "123456"),
                                      StaffInput("李明", Role.AGENT, "111111")])
        have = desk.cases.count(desk.cases.make_filter())
        if have < args.rows:
            start = time.perf_counter()
            build(desk, args.rows - have, first=have)
            print(f"built {args.rows:,} cases in {time.perf_counter() - start:.1f} s; "
                  f"file {desk.store.path.stat().st_size / 2**20:.0f} MB")
        cases = desk.cases
        everything = cases.make_filter()
        total = timed("count all", lambda: cases.count(everything))
        print(f"{'':<42} {total:,} rows")
        first = timed("first page (200, attention order)",
                      lambda: cases.page(everything, limit=200))
        assert isinstance(first, list)
        timed("next page by key", lambda: cases.page(everything, limit=200, after=first[-1]))
        timed("jump to last page (offset)",
              lambda: cases.page(everything, limit=200, offset=int(total) - 200))  # type: ignore[call-overload]
        sample = first[0]
        for label, text in (("search 2-char name 秀英", "秀英"),
                            ("search 3-char name " + sample.applicant.name,
                             sample.applicant.name),
                            ("search pinyin initials wxy", "wxy"),
                            ("search id number", sample.applicant.id_number),
                            ("search phone", sample.applicant.phone),
                            ("search case number", sample.case_no),
                            ("search item 养老", "养老")):
            f = cases.make_filter(search=text)
            n = timed(f"count  {label}", lambda f=f: cases.count(f))
            timed(f"page   {label} ({n:,} hits)", lambda f=f: cases.page(f, limit=200))
        for label, f in (("overdue", cases.make_filter(overdue=True)),
                         ("due within 2 working days", cases.make_filter(due_soon=True)),
                         ("status 待补正", cases.make_filter(status=Status.SUPPLEMENT)),
                         ("proxy", cases.make_filter(proxy=True))):
            n = timed(f"count  {label}", lambda f=f: cases.count(f))
            timed(f"page   {label} ({n:,} hits)", lambda f=f: cases.page(f, limit=200))
        timed("today counts (today page)", lambda: cases.today_counts(), repeat=1)
        print("json sample:", json.dumps(first[0].case_no))
    finally:
        desk.close()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
