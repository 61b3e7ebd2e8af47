"""What the scan store saves: backup sizes with the scans inside the archive
(before migration 0018) and beside it, the cost of moving them out, and what a
backup after one new scan adds.

    PYTHONPATH=src .venv/bin/python benchmarks/scan_backups.py [--scans 200] [--kib 400]

Each scan is a small real PDF padded to `--kib` (neither SQLite, the store nor a
backup compresses, so the padding counts as a photo's bytes would). Figures go in
benchmarks/RESULTS-scan_store.txt.
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
import time
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from stdnum.cn import ric

from station_desk.db import scan_moves
from station_desk.db.backup_scans import bring_scans
from station_desk.domain.cases import Applicant
from station_desk.domain.station import Role, StationKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk, StaffInput

os.environ.setdefault("STATION_DESK_NO_KEYRING", "1")


def scan(n: int, kib: int) -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.drawString(100, 700, f"page {n}")
    canvas.save()
    data = buf.getvalue()  # then padded as a bigger photo's worth (nothing here compresses)
    return data + b"\n" * (kib * 1024 - len(data))


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def mib(n: float) -> str:
    return f"{n / 2**20:8.1f} MiB"


def build(root: Path, scans: int, kib: int) -> Desk:
    desk = Desk.open(root)
    desk.station.setup(kind=StationKind.VILLAGE, code="610922101201", name="西沟村便民服务站",
                       town_code="610922101000", town_name="城关镇便民服务中心",
                       staff=[StaffInput("王建国", Role.HEAD, "123456", "综合窗口")])
    desk.session.sign_in("王建国", "123456")
    item = desk.catalogue.item("08-02")
    for n in range(scans):
        if n % 4 == 0:  # four pages a case
            base = f"61092219480312{n // 4 % 1000:03d}"
            case = desk.cases.register(CaseInput(
                item="08-02", applicant=Applicant("王秀英", base + ric.calc_check_digit(
                    base + "0"), "13909151001", "西沟村三组"),
                received=tuple(m.name for m in item.materials))).case
        desk.archive.attach_data(case.case_no, f"第{n}页.pdf", scan(n, kib))
    return desk


def as_before_the_store(desk: Desk) -> None:
    """Put every scan back into its row, as an archive before 0018 kept them."""
    store = desk.store.scans
    for attachment_id, sha in desk.db.execute("SELECT id, sha256 FROM attachments").fetchall():
        data = store.get(sha)
        desk.db.execute("UPDATE attachments SET data = ? WHERE id = ?", [data, attachment_id])
        store.path_of(sha).unlink()
    desk.db.execute("UPDATE scan_moves SET last_rowid = (SELECT MAX(rowid) FROM attachments), "
                    "done_rowid = 0")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--kib", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        desk = build(root / "station", args.scans, args.kib)
        print(f"# {args.scans} scans of {args.kib} KiB ({mib(args.scans * args.kib * 1024)}),"
              f" {date.today()}, built in {time.perf_counter() - t:.1f} s")
        as_before_the_store(desk)
        old = root / "stick-old"
        old.mkdir()
        made = desk.backups.backup_to(old)
        per_copy = made.stat().st_size
        print(f"scans inside archive.db: one backup        {mib(per_copy)}")
        print(f"                          14 daily copies    {mib(14 * per_copy)}")

        t = time.perf_counter()
        moved = scan_moves.move_out(desk.db, desk.store.scans)
        took = time.perf_counter() - t
        print(f"moving them out: {moved.moved} scans in {took:.2f} s "
              f"({moved.moved / took:.0f} scans/s, {mib(moved.moved * args.kib * 1024 / took)}/s)")

        new = root / "stick-new"
        new.mkdir()
        t = time.perf_counter()
        first = desk.backups.backup_to(new)
        took = time.perf_counter() - t
        store = folder_bytes(new / "attachments")
        print(f"scans in the store: backup file             {mib(first.stat().st_size)}"
              f"  + store {mib(store)}  ({took:.2f} s)")
        case_no = desk.cases.page(desk.cases.make_filter(), limit=1)[0].case_no
        desk.archive.attach_data(case_no, "补充.pdf", scan(10**6, args.kib))
        t = time.perf_counter()
        second = desk.backups.backup_to(new)
        took = time.perf_counter() - t
        added = folder_bytes(new / "attachments") - store
        print(f"next backup after one new scan: store grows {mib(added)}"
              f", backup file {mib(second.stat().st_size)}  ({took:.2f} s)")
        daily = [desk.backups.startup_backup()]
        for _ in range(13):  # 13 more days: the same folder and store
            for made_file in (root / "station" / "backups").glob("archive-*.db"):
                made_file.rename(made_file.with_name(made_file.name.replace(
                    made_file.name[8:16], f"{2000 + len(daily):04d}0101")))
            daily.append(desk.backups.startup_backup())
        total = folder_bytes(root / "station" / "backups")
        print(f"14 daily copies sharing one store: total    {mib(total)}")
        t = time.perf_counter()
        issues = bring_scans(second, second, desk.db.archive_key, desk.store.scans)
        print(f"restore's check of every scan: {time.perf_counter() - t:.2f} s "
              f"({len(issues)} problems)")
        desk.close()


if __name__ == "__main__":
    main()
