"""Environment failures said plainly in Chinese: disk full, a read-only stick,
no English errno text; `keys export --out FILE` writes that file; a key file
half-written by a killed `init` is swept."""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

import pytest

from station_desk.cli.main import main
from station_desk.db import backup
from station_desk.domain.errors import StorageError, os_message
from station_desk.services.desk import Desk

ENGLISH = re.compile(r"[A-Za-z]{4,}")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EIO,
                                  errno.ENOENT, errno.EXDEV])
def test_os_failures_have_no_english_errno_text(code: int) -> None:
    text = os_message(OSError(code, os.strerror(code)))
    assert not ENGLISH.search(text), text


def test_a_read_only_stick_is_not_called_a_broken_archive(
        village: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(path: Path, mode: str = "ab") -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(backup, "open_private", read_only)
    with pytest.raises(StorageError) as exc:
        backup.make_backup(village.db, tmp_path / "stick")
    assert "只读" in exc.value.message and "损坏" not in exc.value.message
    assert "Read-only" not in exc.value.message


def test_a_full_stick_says_the_backup_place_is_full(
        village: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, key: bytes, **_options: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_verify", full)
    stick = tmp_path / "stick"
    with pytest.raises(StorageError) as exc:
        backup.make_backup(village.db, stick)
    assert "空间已满" in exc.value.message and "数据文件没有受影响" in exc.value.message
    assert list(stick.iterdir()) == []


def test_keys_export_out_writes_that_file(village: Desk, data_dir: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    village.close()
    target = tmp_path / "v.key"
    assert main(["--data-dir", str(data_dir), "keys", "export", "--out", str(target)]) == 0
    assert target.is_file() and "station-desk-identity" in target.read_text("utf-8")
    folder = tmp_path / "ids"
    folder.mkdir()
    assert main(["--data-dir", str(data_dir), "keys", "export", "--out", str(folder)]) == 0
    assert [p.name for p in folder.iterdir()] == ["identity-610922101201.json"]
    capsys.readouterr()


def test_a_key_file_half_written_by_a_killed_init_is_swept(village: Desk,
                                                           data_dir: Path) -> None:
    village.close()
    left = data_dir / "keys" / "station.key.4242.tmp"
    left.write_text("{\"signing_seed\": \"secret\"}", "utf-8")
    os.utime(left, (0, 0))
    Desk.open(data_dir).close()
    assert not left.exists()
    assert (data_dir / "keys" / "station.key").exists()
