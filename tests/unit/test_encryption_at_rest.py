"""The archive, its WAL and every backup are encrypted; the recovery code brings a
backup back on a new PC together with the station's sync identity."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3
from tests.unit.test_cases_service import id_number, new_case

from station_desk.db import archive_key, cipher
from station_desk.domain import recovery_code
from station_desk.domain.errors import StorageError, UserError
from station_desk.services.backups import restore_closed_archive
from station_desk.services.desk import Desk
from station_desk.sync.keys import key_path

NAME = "欧阳秀英"


def _secrets() -> list[bytes]:
    return [NAME.encode("utf-8"), id_number(7).encode("ascii")]


def _shows_secrets(path: Path) -> bool:
    data = path.read_bytes()
    return any(s in data for s in _secrets())


@pytest.fixture
def registered(village: Desk) -> Desk:
    village.session.sign_in("李明", "111111")
    new_case(village, NAME, idn=7)
    return village


def test_no_name_or_id_number_in_the_archive_its_wal_or_any_backup(
        registered: Desk, data_dir: Path, tmp_path: Path) -> None:
    wal = data_dir / "archive.db-wal"
    assert wal.stat().st_size > 0  # the new case is in the WAL right now
    daily = registered.backups.startup_backup()
    stick = registered.backups.backup_to(_stick(tmp_path))
    assert daily is not None
    for path in (data_dir / "archive.db", wal, daily, stick):
        assert not _shows_secrets(path), path
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    registered.close()
    assert not _shows_secrets(data_dir / "archive.db")


def _stick(tmp_path: Path) -> Path:
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def test_the_recovery_code_restores_a_stick_backup_on_a_fresh_folder(
        registered: Desk, data_dir: Path, tmp_path: Path) -> None:
    stick = registered.backups.backup_to(_stick(tmp_path))
    registered.session.sign_in("王建国", "123456")
    code = registered.backups.recovery_code()
    fingerprint = registered.sync.fingerprint()
    registered.close()
    fresh = tmp_path / "new-pc"
    fresh.mkdir()
    restore_closed_archive(fresh, stick, code=code.lower().replace("-", " "))
    assert key_path(fresh).read_bytes() == key_path(data_dir).read_bytes()
    assert archive_key.load(fresh) == archive_key.load(data_dir)
    again = Desk.open(fresh)
    try:
        assert again.station.current is not None
        assert again.station.current.code == "610922101201"
        assert NAME in [c.applicant.name for c in again.cases.page(
            again.cases.make_filter(), limit=100)]
        assert again.sync.fingerprint() == fingerprint  # the town keeps trusting it
    finally:
        again.close()


def test_a_wrong_recovery_code_is_refused_and_leaves_the_folder_empty(
        registered: Desk, tmp_path: Path) -> None:
    stick = registered.backups.backup_to(_stick(tmp_path))
    registered.session.sign_in("王建国", "123456")
    code = registered.backups.recovery_code()
    fresh = tmp_path / "new-pc"
    fresh.mkdir()
    typo = ("A" if code[0] != "A" else "B") + code[1:]
    with pytest.raises(UserError, match="恢复码"):
        restore_closed_archive(fresh, stick, code=typo)
    other = recovery_code.encode(bytes(32))
    with pytest.raises(StorageError, match="恢复码"):
        restore_closed_archive(fresh, stick, code=other)
    assert not (fresh / "archive.db").exists() and not archive_key.key_file(fresh).exists()


def test_a_lost_archive_key_stops_with_the_way_back(registered: Desk, data_dir: Path) -> None:
    registered.close()
    archive_key.key_file(data_dir).unlink()
    with pytest.raises(StorageError, match="recovery-code"):
        Desk.open(data_dir)
    assert archive_key.load(data_dir) is None  # no new key was made over the old file



@pytest.mark.parametrize("damaged", ["[]", '"key"', "{}", '{"format": 1}', "\u00ff"])
def test_a_damaged_key_file_is_said_plainly(tmp_path: Path, damaged: str) -> None:
    archive_key.create(tmp_path)
    archive_key.key_file(tmp_path).write_text(damaged, "utf-8")
    with pytest.raises(StorageError, match="无法读取或已损坏"):
        archive_key.load(tmp_path)

def _decrypt(path: Path, key: bytes, plain: Path) -> None:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = {cipher.key_pragma(key)}")
    conn.execute("ATTACH DATABASE ? AS plain KEY ''", [str(plain)])
    conn.execute("SELECT sqlcipher_export('plain')")
    conn.execute("DETACH DATABASE plain")
    conn.close()


def test_an_archive_from_before_encryption_is_encrypted_once_on_open(
        registered: Desk, data_dir: Path, tmp_path: Path) -> None:
    registered.close()
    key = archive_key.load(data_dir)
    assert key is not None
    old = tmp_path / "old"
    old.mkdir()
    _decrypt(data_dir / "archive.db", key, old / "archive.db")
    (old / "backups").mkdir()
    shutil.copy(old / "archive.db", old / "backups" / "archive-20261101-080000-610922101201.db")
    assert _shows_secrets(old / "archive.db")  # the starting point really is plain
    opened = Desk.open(old)
    try:
        assert NAME in [c.applicant.name for c in opened.cases.page(
            opened.cases.make_filter(), limit=100)]
    finally:
        opened.close()
    left = sorted(p.name for p in old.iterdir())
    assert not [n for n in left if "encrypting" in n], left
    for path in (old / "archive.db", *(old / "backups").iterdir()):
        assert not cipher.is_plain(path) and not _shows_secrets(path), path
