"""Moving an older archive's scans out of `attachments.data` into the store: in
batches, resumable after a kill at any point, and the scans read the same after."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.unit.test_archive_register import pdf_bytes, register

from station_desk.db import scan_moves
from station_desk.db.archive_repo import AttachmentInfo
from station_desk.db.connection import ARCHIVE_NAME, connect
from station_desk.db.scan_store import ScanStore
from station_desk.services.desk import Desk


@pytest.fixture
def head(village: Desk) -> Desk:
    village.session.sign_in("王建国", "123456")
    return village


def _as_before_the_store(desk: Desk, data_dir: Path, count: int) -> dict[str, bytes]:
    """Scans as an archive before migration 0018 kept them: in the rows, no files."""
    case = register(desk, finish=False)
    scans = {}
    for n in range(count):
        data = pdf_bytes(f"page {n}")
        info = desk.archive.attach_data(case.case_no, f"第{n}页.pdf", data)
        desk.db.execute("UPDATE attachments SET data = ? WHERE id = ?", [data, info.id])
        scans[info.id] = data
    for f in (data_dir / "attachments").glob("*/*"):
        f.unlink()
    desk.db.execute("UPDATE scan_moves SET last_rowid = (SELECT MAX(rowid) FROM attachments), "
                    "done_rowid = 0")
    return scans


def _left_in_rows(desk: Desk) -> int:
    return int(desk.db.execute("SELECT COUNT(*) FROM attachments WHERE length(data) > 0"
                               ).fetchone()[0])


def _infos(desk: Desk) -> list[AttachmentInfo]:
    ids = [r[0] for r in desk.db.execute("SELECT DISTINCT case_id FROM attachments")]
    nos = [desk.db.execute("SELECT case_no FROM cases WHERE id = ?", [i]).fetchone()[0]
           for i in ids]
    return [a for no in nos for a in desk.archive.attachments(no)]


def test_scans_move_out_in_batches_and_read_the_same(head: Desk, data_dir: Path) -> None:
    scans = _as_before_the_store(head, data_dir, 7)
    assert _left_in_rows(head) == 7
    seen: list[tuple[int, int]] = []
    store = ScanStore.beside(data_dir / ARCHIVE_NAME, head.db.archive_key)
    result = scan_moves.move_out(head.db, store, batch_rows=3,
                                 progress=lambda d, t: seen.append((d, t)))
    assert (result.moved, result.unreadable, result.remaining) == (7, 0, 0)
    assert len(seen) == 3 and seen[-1][0] == seen[-1][1]
    assert _left_in_rows(head) == 0
    assert len(list((data_dir / "attachments").glob("*/*"))) == 7
    assert {a.id: head.archive.attachment_data(a) for a in _infos(head)} == scans
    # nothing left to do: a second run moves nothing and reads nothing
    assert scan_moves.move_out(head.db, store).moved == 0


def test_a_killed_move_resumes_and_finishes(head: Desk, data_dir: Path) -> None:
    scans = _as_before_the_store(head, data_dir, 6)
    head.close()
    # a separate process writes 4 files and dies between a file and its row
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from station_desk.db import scan_moves
        from station_desk.db.connection import connect
        from station_desk.db.scan_store import ScanStore
        written = []
        def die(attachment_id):
            written.append(attachment_id)
            if len(written) == 4:
                os._exit(9)
        scan_moves._after_file = die
        path = Path({str(data_dir / ARCHIVE_NAME)!r})
        db = connect(path)
        scan_moves.move_out(db, ScanStore.beside(path, db.archive_key), batch_rows=3)
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    assert subprocess.run([sys.executable, "-c", script], env=env, timeout=120).returncode == 9

    db = connect(data_dir / ARCHIVE_NAME)
    try:
        # the first batch of 3 is done; the 4th file is written but its row still holds it
        assert db.execute("SELECT done_rowid FROM scan_moves").fetchone()[0] == 3
        assert db.execute("SELECT COUNT(*) FROM attachments WHERE length(data) > 0"
                          ).fetchone()[0] == 3
        assert len(list((data_dir / "attachments").glob("*/*"))) == 4
        result = scan_moves.move_out(db, ScanStore.beside(data_dir / ARCHIVE_NAME,
                                                          db.archive_key))
        assert (result.moved, result.remaining) == (3, 0)
    finally:
        db.close()
    reopened = Desk.open(data_dir)
    try:
        assert _left_in_rows(reopened) == 0
        assert {a.id: reopened.archive.attachment_data(a) for a in _infos(reopened)} == scans
    finally:
        reopened.close()


def test_a_time_budget_stops_after_a_batch_and_the_rest_waits(head: Desk, data_dir: Path
                                                              ) -> None:
    _as_before_the_store(head, data_dir, 5)
    store = ScanStore.beside(data_dir / ARCHIVE_NAME, head.db.archive_key)
    first = scan_moves.move_out(head.db, store, batch_rows=2, budget_seconds=0)
    assert (first.moved, first.remaining) == (2, 3) and _left_in_rows(head) == 3
    assert scan_moves.move_out(head.db, store, batch_rows=2).moved == 3


def test_a_blob_that_does_not_match_its_hash_stays_where_it_is(head: Desk, data_dir: Path
                                                               ) -> None:
    scans = _as_before_the_store(head, data_dir, 2)
    bad_id = next(iter(scans))
    head.db.execute("UPDATE attachments SET data = ? WHERE id = ?", [b"%PDF-broken", bad_id])
    result = scan_moves.move_out(head.db, ScanStore.beside(data_dir / ARCHIVE_NAME,
                                                           head.db.archive_key))
    assert (result.moved, result.unreadable) == (1, 1)
    assert _left_in_rows(head) == 1  # kept in its row, and reported as damaged when opened


def test_the_window_s_start_up_backup_moves_them_first(head: Desk, data_dir: Path) -> None:
    _as_before_the_store(head, data_dir, 3)
    assert head.backups.startup_backup() is not None
    assert _left_in_rows(head) == 0
    assert len(list((data_dir / "backups" / "attachments").glob("*/*"))) == 3


def test_a_backup_from_before_the_move_restores_and_moves_again(head: Desk, data_dir: Path,
                                                                 tmp_path: Path) -> None:
    scans = _as_before_the_store(head, data_dir, 3)
    stick = tmp_path / "U盘"
    stick.mkdir()
    saved = head.backups.backup_to(stick)  # the scans inside the copy, none in its store
    assert not list((stick / "attachments").glob("*/*"))
    scan_moves.move_out(head.db, ScanStore.beside(data_dir / ARCHIVE_NAME, head.db.archive_key))
    assert _left_in_rows(head) == 0

    restored = head.backups.restore_from(saved)

    assert restored.scan_issues == ()
    assert _left_in_rows(head) == 3  # back in the rows, as the backup had them
    assert {a.id: head.archive.attachment_data(a) for a in _infos(head)} == scans
    head.backups.startup_backup()  # and out again at the next start
    assert _left_in_rows(head) == 0
    assert {a.id: head.archive.attachment_data(a) for a in _infos(head)} == scans
