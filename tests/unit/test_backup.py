"""Backups are proven before they count; daily rotation; restore keeps the
current file aside and refuses anything that is not one of our archives."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from tests.keyed import raw

from station_desk.db import backup, restore
from station_desk.db.connection import ARCHIVE_NAME
from station_desk.domain.errors import StorageError
from station_desk.domain.station import Role
from station_desk.services.desk import Desk, StaffInput

KEY = "complaint_general_days"


def _integrity(path: Path) -> str:
    conn = raw(path, read_only=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _snapshot(desk: Desk) -> dict[str, object]:
    """What a restore must bring back."""
    return {
        "station": desk.station.current,
        "windows": [w.name for w in desk.station.windows()],
        "staff": [(s.id, s.name, s.role) for s in desk.station.staff()],
        "items": [(i.id, i.code, i.name) for i in desk.catalogue.items()],
        "setting": desk.station.setting(KEY),
        "audit": desk.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0],
    }


# -- making backups -------------------------------------------------------------

def test_make_backup_writes_a_verified_copy(village: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "备份"
    path = backup.make_backup(village.db, folder, label="manual")
    assert path.parent == folder
    assert path.name.startswith("archive-") and path.name.endswith("-manual.db")
    assert list(folder.iterdir()) == [path]  # no .partial, no -wal/-shm beside it
    assert _integrity(path) == "ok"
    conn = raw(path, read_only=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "delete"
        assert conn.execute("SELECT name FROM staff ORDER BY rowid").fetchall() == [
            ("王建国",), ("李明",), ("张丽",)]
    finally:
        conn.close()
    [listed] = backup.list_backups(folder)
    assert listed.path == path
    assert listed.size == path.stat().st_size > 0
    assert abs(listed.made_at - datetime.now()) < timedelta(minutes=1)


def test_a_backup_that_fails_verification_leaves_nothing(village: Desk, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path, key: bytes, **_options: object) -> None:
        assert path.name.endswith(".partial") and path.exists()
        raise StorageError("校验未通过")

    monkeypatch.setattr(backup, "_verify", broken)
    folder = tmp_path / "bk"
    with pytest.raises(StorageError):
        backup.make_backup(village.db, folder)
    assert list(folder.iterdir()) == []
    assert backup.list_backups(folder) == []


def test_daily_backup_once_a_day(village: Desk) -> None:
    first = village.backups.startup_backup()
    assert first is not None and first.exists()
    assert first.parent == village.store.backups_dir
    assert village.backups.startup_backup() is None
    assert backup.daily_backup(village.db, village.store.backups_dir) is None
    assert [b.path for b in village.backups.automatic()] == [first]
    # the copy beside the archive dies with the disk: it does not count as a backup
    assert village.backups.last_backup() is None
    # another day: a new one
    tomorrow = date.today() + timedelta(days=1)
    second = backup.daily_backup(village.db, village.store.backups_dir, today=tomorrow)
    assert second is not None and second.exists()


def test_rotation_keeps_the_newest(village: Desk, tmp_path: Path) -> None:
    folder = village.store.backups_dir
    real = backup.make_backup(village.db, tmp_path / "seed")
    today = date.today()
    old = []
    for days_ago in (30, 20, 10, 5, 2):
        day = today - timedelta(days=days_ago)
        target = folder / f"archive-{day:%Y%m%d}-000000.db"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(real, target)
        old.append(target)
    (folder / "notes.txt").write_text("不是备份", "utf-8")  # left alone

    made = backup.daily_backup(village.db, folder, keep=3)
    assert made is not None
    remaining = sorted(p.name for p in folder.glob("archive-*.db"))
    assert remaining == sorted([made.name, old[-1].name, old[-2].name])
    assert [b.path for b in backup.list_backups(folder)] == [made, old[-1], old[-2]]
    assert (folder / "notes.txt").exists()


def test_rotation_uses_the_keep_setting(village: Desk, tmp_path: Path) -> None:
    village.station.set_setting("backup_keep_days", 3)
    real = backup.make_backup(village.db, tmp_path / "seed")
    village.store.backups_dir.mkdir(parents=True)
    for n in range(1, 6):
        shutil.copyfile(real, village.store.backups_dir / f"archive-2020010{n}-000000.db")
    assert village.backups.startup_backup() is not None
    assert len(village.backups.automatic()) == 3


# -- restore ---------------------------------------------------------------------

def _garbage_in_the_middle(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    page = 4096
    at = (len(data) // page // 2) * page
    junk = (b"\xde\xad\xbe\xef" * (page // 4))
    data[at:at + page] = junk
    path.write_bytes(bytes(data))
    return junk


def _truncated(path: Path) -> bytes:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return b""


def _garbage_header(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00NOT A DATABASE\x00".ljust(100, b"\xff")
    path.write_bytes(bytes(data))
    return b""


@pytest.mark.parametrize("damage", [
    _garbage_in_the_middle,
    _truncated,
    _garbage_header,
], ids=["middle-bytes", "truncated", "header"])
def test_restore_after_damage_brings_back_the_records(
        village: Desk, data_dir: Path, tmp_path: Path, damage: Callable[[Path], bytes]) -> None:
    village.station.set_setting(KEY, 12)
    expected = _snapshot(village)
    saved = backup.make_backup(village.db, tmp_path / "usb")
    # work after the backup: lost by the restore, as the clerk is told
    village.station.add_staff(StaffInput("赵强", Role.AGENT, None))
    village.close()

    archive = data_dir / ARCHIVE_NAME
    assert not archive.with_name(ARCHIVE_NAME + "-wal").exists()  # closed cleanly
    junk = damage(archive)
    damaged = archive.read_bytes()

    aside = restore.restore(archive, saved)

    assert aside.exists() and aside.parent == data_dir
    assert aside.name.startswith("archive.before-restore.")
    if junk:
        assert junk in aside.read_bytes()  # the damaged file, kept as it was
    assert archive.read_bytes() != damaged
    assert _integrity(archive) == "ok"
    desk = Desk.open(data_dir)
    try:
        got = _snapshot(desk)
        # everything back, and the restore itself in the audit trail (its epoch mark)
        assert got["audit"] == int(str(expected["audit"])) + 1
        assert {**got, "audit": 0} == {**expected, "audit": 0}
        assert "赵强" not in [s.name for s in desk.station.staff()]
    finally:
        desk.close()
    assert saved.exists() and _integrity(saved) == "ok"  # the backup itself is untouched


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _plain_sqlite(path: Path) -> None:
    conn = raw(path)
    conn.execute("CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO staff VALUES ('x', '冒名顶替')")
    conn.commit()
    conn.close()


def _other_migration_set(path: Path) -> None:
    conn = raw(path)
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
                 " name TEXT, applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('other_app', '0001_initial', '2026-01-01')")
    conn.commit()
    conn.close()


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("make", [_random_bytes, _plain_sqlite, _other_migration_set,
                                  _empty_file])
def test_restore_from_a_foreign_file_is_refused(village: Desk, data_dir: Path, tmp_path: Path,
                                                make: Callable[[Path], None]) -> None:
    expected = _snapshot(village)
    village.close()
    archive = data_dir / ARCHIVE_NAME
    content, mtime = archive.read_bytes(), archive.stat().st_mtime_ns
    foreign = tmp_path / "usb" / "archive-20260101-000000.db"
    foreign.parent.mkdir()
    make(foreign)

    with pytest.raises(StorageError) as exc:
        restore.restore(archive, foreign)
    assert foreign.name in exc.value.message

    assert archive.read_bytes() == content
    assert archive.stat().st_mtime_ns == mtime
    assert list(data_dir.glob("*.before-restore.*")) == []
    desk = Desk.open(data_dir)
    try:
        assert _snapshot(desk) == expected
    finally:
        desk.close()


def test_restore_refuses_a_missing_file(village: Desk, data_dir: Path, tmp_path: Path) -> None:
    village.close()
    archive = data_dir / ARCHIVE_NAME
    content = archive.read_bytes()
    with pytest.raises(StorageError):
        restore.restore(archive, tmp_path / "nowhere" / "archive-20260101-000000.db")
    assert archive.read_bytes() == content


def test_only_copies_off_this_disk_count(village: Desk, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from station_desk.services import backups as backup_service

    (tmp_path / "same-disk").mkdir()
    (tmp_path / "stick").mkdir()
    village.backups.backup_to(tmp_path / "same-disk")
    assert village.backups.last_backup() is None  # tmp_path is on the archive's disk
    assert village.backups.age().stale
    monkeypatch.setattr(backup_service, "_off_this_disk", lambda _copy, _data: True)
    village.backups.backup_to(tmp_path / "stick")
    assert village.backups.last_backup() is not None
    assert not village.backups.age().stale
