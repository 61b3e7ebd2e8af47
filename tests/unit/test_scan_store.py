"""Scans outside the archive: each in the encrypted, content-addressed store beside
it (`attachments/ab/abcdef…`), written once, checked when read; backups carry
each scan once per backup folder, and a restore checks and reports them by case."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.unit.test_archive_register import jpeg_bytes, pdf_bytes, png_bytes, register, write

from station_desk.db.backup import list_backups
from station_desk.db.connection import ARCHIVE_NAME
from station_desk.db.scan_store import ScanStore
from station_desk.domain.errors import UserError
from station_desk.services.backups import restore_closed_archive
from station_desk.services.desk import Desk

MARK = "SCAN-MARKER-7f3a"


@pytest.fixture
def head(village: Desk) -> Desk:
    village.session.sign_in("王建国", "123456")
    return village


def _store_files(root: Path) -> dict[str, float]:
    return {p.name: p.stat().st_mtime_ns for p in (root / "attachments").glob("*/*")
            if p.is_file()}


def _scan(n: int) -> bytes:
    # a comment after the PDF's end: plain bytes that any unencrypted copy would show
    return pdf_bytes(f"page {n}") + f"\n% {MARK} {n}\n".encode()


def test_a_scan_is_in_the_store_encrypted_not_in_the_database(head: Desk, data_dir: Path,
                                                               tmp_path: Path) -> None:
    case = register(head, finish=False)
    head.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_before = (data_dir / ARCHIVE_NAME).stat().st_size
    data = _scan(1) + b"\n" * (2 * 2**20)  # a 2 MB photo's worth (still a whole PDF)
    info = head.archive.attach(case.case_no, write(tmp_path, "申请表.pdf", data))

    sha = hashlib.sha256(data).hexdigest()
    stored = data_dir / "attachments" / sha[:2] / sha
    assert stored.is_file() and len(stored.read_bytes()) > len(data)
    assert MARK.encode() not in stored.read_bytes()  # encrypted at rest
    row = head.db.execute("SELECT length(data), size, sha256 FROM attachments WHERE id = ?",
                          [info.id]).fetchone()
    assert row == (0, len(data), sha)
    head.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert (data_dir / ARCHIVE_NAME).stat().st_size - size_before < 200 * 1024
    assert head.archive.attachment_data(info) == data
    # the journal names no blob for it (its bytes were never in the row)
    logged = head.db.execute("SELECT data FROM change_log WHERE table_name = 'attachments'"
                             ).fetchone()[0]
    assert '"data": null' in logged and sha in logged


def test_the_same_scan_is_kept_once(head: Desk, data_dir: Path, tmp_path: Path) -> None:
    first = register(head, finish=False)
    second = register(head, finish=False, serial=2, name="陈德福")
    data = jpeg_bytes()
    head.archive.attach_data(first.case_no, "身份证.jpg", data)
    before = _store_files(data_dir)
    head.archive.attach_data(second.case_no, "身份证.jpg", data)
    assert _store_files(data_dir) == before and len(before) == 1  # not written again
    store = ScanStore.beside(data_dir / ARCHIVE_NAME, head.db.archive_key)
    assert store.put(data) == hashlib.sha256(data).hexdigest()
    assert _store_files(data_dir) == before


def test_a_damaged_or_missing_scan_is_a_chinese_message(head: Desk, data_dir: Path) -> None:
    case = register(head, finish=False)
    damaged = head.archive.attach_data(case.case_no, "户口簿.png", png_bytes())
    lost = head.archive.attach_data(case.case_no, "身份证.jpg", jpeg_bytes())
    path = data_dir / "attachments" / damaged.sha256[:2] / damaged.sha256
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x01
    path.write_bytes(bytes(raw))
    (data_dir / "attachments" / lost.sha256[:2] / lost.sha256).unlink()

    with pytest.raises(UserError, match="户口簿.png 与存档时的校验值不一致，可能已损坏"):
        head.archive.attachment_data(damaged)
    with pytest.raises(UserError, match="身份证.jpg 的文件不见了"):
        head.archive.attachment_data(lost)
    with pytest.raises(UserError, match="已损坏"):
        head.archive.thumbnail(damaged, 128, lambda _data, _mime: b"never made")


def test_thumbnails_are_made_once_and_cached_encrypted(head: Desk, data_dir: Path) -> None:
    case = register(head, finish=False)
    info = head.archive.attach_data(case.case_no, "申请表.pdf", _scan(2))
    made: list[str] = []

    def make(data: bytes, mime: str) -> bytes:
        made.append(mime)
        return b"PNG-" + MARK.encode() + data[:4]

    first = head.archive.thumbnail(info, 128, make)
    assert head.archive.thumbnail(info, 128, make) == first
    assert made == ["application/pdf"]
    cached = list((data_dir / "thumbs").glob("*/*"))
    assert len(cached) == 1 and MARK.encode() not in cached[0].read_bytes()


def test_a_backup_after_one_new_scan_adds_only_that_scan(head: Desk, data_dir: Path,
                                                         tmp_path: Path) -> None:
    case = register(head, finish=False)
    for n in range(5):
        head.archive.attach_data(case.case_no, f"第{n}页.pdf", _scan(n))
    stick = tmp_path / "U盘"
    stick.mkdir()
    first = head.backups.backup_to(stick)
    on_stick = _store_files(stick)
    assert len(on_stick) == 5
    assert MARK.encode() not in first.read_bytes()

    head.archive.attach_data(case.case_no, "补充.pdf", _scan(99))
    second = head.backups.backup_to(stick)
    now = _store_files(stick)
    assert len(now) == 6
    assert {k: now[k] for k in on_stick} == on_stick  # the five were not copied again
    assert second.stat().st_size < 2 * first.stat().st_size  # the DB copies hold no scans

    # the daily copies beside the archive share one store of their own
    made = head.backups.startup_backup()
    assert made is not None and made.parent == data_dir / "backups"
    assert len(_store_files(data_dir / "backups")) == 6


def test_restore_checks_every_scan_and_reports_the_bad_ones_by_case(
        head: Desk, data_dir: Path, tmp_path: Path) -> None:
    case = register(head, finish=False)
    good = head.archive.attach_data(case.case_no, "户口簿.png", png_bytes())
    damaged = head.archive.attach_data(case.case_no, "身份证.jpg", jpeg_bytes())
    missing = head.archive.attach_data(case.case_no, "申请表.pdf", _scan(3))
    stick = tmp_path / "U盘"
    stick.mkdir()
    saved = head.backups.backup_to(stick)
    # the PC's disk lost its scans; on the stick one is damaged, one gone
    for info in (good, damaged, missing):
        (data_dir / "attachments" / info.sha256[:2] / info.sha256).unlink()
    stick_file = stick / "attachments" / damaged.sha256[:2] / damaged.sha256
    stick_file.write_bytes(stick_file.read_bytes()[:-3] + b"xyz")
    (stick / "attachments" / missing.sha256[:2] / missing.sha256).unlink()

    restored = head.backups.restore_from(saved)

    assert [(i.case_no, i.name, i.problem.value) for i in restored.scan_issues] == [
        (case.case_no, "身份证.jpg", "damaged"), (case.case_no, "申请表.pdf", "missing")]
    message = restored.scan_message()
    assert f"{case.case_no} 身份证.jpg（已损坏）" in message
    assert f"{case.case_no} 申请表.pdf（缺失）" in message and "重新扫描" in message
    # the sound one came back from the stick into the archive's store
    assert head.archive.attachment_data(head.archive.attachments(case.case_no)[0]) == png_bytes()
    assert list_backups(stick)  # the stick itself is untouched


def test_restoring_on_the_same_pc_needs_nothing_from_the_stick(head: Desk, tmp_path: Path
                                                               ) -> None:
    case = register(head, finish=False)
    head.archive.attach_data(case.case_no, "户口簿.png", png_bytes())
    stick = tmp_path / "U盘"
    stick.mkdir()
    saved = head.backups.backup_to(stick)
    for f in (stick / "attachments").glob("*/*"):
        f.unlink()  # only the PC has it now: that counts
    assert head.backups.restore_from(saved).scan_issues == ()


def test_a_new_pc_gets_the_scans_back_from_the_stick_with_the_recovery_code(
        head: Desk, tmp_path: Path) -> None:
    case = register(head, finish=False)
    card = jpeg_bytes()
    head.archive.attach_data(case.case_no, "身份证.jpg", card)
    stick = tmp_path / "U盘"
    stick.mkdir()
    saved = head.backups.backup_to(stick)
    code = head.backups.recovery_code()
    head.close()
    fresh = tmp_path / "new-pc"
    fresh.mkdir()

    restored = restore_closed_archive(fresh, saved, code=code)

    assert restored.scan_issues == ()
    again = Desk.open(fresh)
    try:
        [info] = again.archive.attachments(case.case_no)
        assert again.archive.attachment_data(info) == card
        assert (fresh / "attachments" / info.sha256[:2] / info.sha256).is_file()
    finally:
        again.close()


def test_a_backup_still_finishes_when_this_pc_lost_a_scan(head: Desk, data_dir: Path,
                                                          tmp_path: Path) -> None:
    case = register(head, finish=False)
    kept = head.archive.attach_data(case.case_no, "户口簿.png", png_bytes())
    lost = head.archive.attach_data(case.case_no, "身份证.jpg", jpeg_bytes())
    damaged_path = data_dir / "attachments" / lost.sha256[:2] / lost.sha256
    damaged_path.write_bytes(damaged_path.read_bytes()[:-1] + b"!")
    stick = tmp_path / "U盘"
    stick.mkdir()
    made = head.backups.backup_to(stick)  # the records matter more than one picture
    assert made.exists()
    assert (stick / "attachments" / kept.sha256[:2] / kept.sha256).is_file()
    assert not (stick / "attachments" / lost.sha256[:2] / lost.sha256).exists()
