"""Put a backup in place of the archive so that a kill at any step loses nothing.

Refused while any instance has the archive open (see `lock.py`). The steps:

1. the backup is verified and copied to `archive.db.restoring`, verified again;
2. the old archive's WAL is checkpointed into the file (so the file alone is
   whole) and the old file (with its WAL if that could not be emptied) is
   copied aside under a temp name, flushed, and only then named
   `archive.before-restore.<time>.db`;
3. the now empty WAL and index are removed (SQLite must not replay them onto
   the restored file), and one atomic rename puts the backup in place.

A kill before 3 leaves the old archive whole; after, the restored one. Temp
files a killed restore leaves are swept on the next start (`sweep_leftovers`).
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..domain.errors import OtherStationBackup, StorageError
from . import archive_key, audit_chain, cipher, epochs
from . import backup as backups
from .errors import storage_errors
from .files import STALE_SECONDS, fsync_file, open_private, sweep, sync_dir
from .lock import gate, holders

log = logging.getLogger("station_desk.restore")

ASIDE_MARK = "before-restore"


def _step(name: str) -> None:
    """Between the steps of a restore (tests kill the process here)."""


def staged_path(archive: Path) -> Path:
    return archive.with_name(archive.name + ".restoring")


def sweep_leftovers(archive: Path) -> list[Path]:
    """What a killed restore, upgrade copy or backup left; call while holding the gate."""
    folder = archive.parent
    removed = sweep(folder, (f"{archive.name}.restoring*", f"{archive.stem}.*.partial",
                             f"{archive.stem}.*.partial-journal"))
    for wal in folder.glob(f"{archive.stem}.{ASIDE_MARK}.*.db-wal"):
        if not wal.with_name(wal.name[:-len("-wal")]).exists():  # its main file never came
            removed += sweep(folder, (wal.name,))
    removed += sweep(folder / "backups", backups.LEFTOVERS, older_than=STALE_SECONDS)
    # a private key half-written by a killed `init` (never the key file itself)
    removed += sweep(folder / "keys", ("station.key.*.tmp",), older_than=60)
    return removed


def restore(archive: Path, backup: Path, *, other_station: bool = False,
            key: bytes | None = None,
            before_swap: Callable[[Path, bytes], None] | None = None) -> Path:
    """Replace the archive with `backup`; returns where the old file was kept.
    `key` opens the backup (the recovery code's); by default the data folder's.
    `before_swap(staged copy, key)` runs once the copy is checked, before anything
    of the current archive changes (the scans are brought over there)."""
    own_key = archive_key.load(archive.parent)
    key = key or own_key
    if key is None:
        raise StorageError("这个数据文件夹还没有密钥：在新电脑上恢复备份请用恢复单上的恢复码"
                           "（--recovery-code）")
    if own_key is not None and own_key != key and archive.exists():
        raise StorageError("恢复码与本数据文件夹现有的密钥不同：恢复码只用于新的（空的）数据文件夹")
    backup_code = backups.verify(backup, key)
    with gate(archive, wait=1.0, busy_message="数据文件正在被打开或恢复，请稍后再试。"):
        open_now = holders(archive)
        if open_now:
            raise StorageError(
                "数据文件正被打开着，不能恢复：" + "、".join(h.describe() for h in open_now)
                + "。请先关闭这些窗口或程序，再恢复备份。")
        current_code = _current_code(archive, key)
        if (not other_station and current_code and backup_code
                and backup_code != current_code):
            raise OtherStationBackup(backup_code, current_code)
        with storage_errors():
            staged = _stage(archive, backup, key)
            try:
                if before_swap is not None:
                    before_swap(staged, key)
                aside = _keep_aside(archive, key)
                _step("kept-aside")
                for suffix in ("-wal", "-shm"):
                    archive.with_name(archive.name + suffix).unlink(missing_ok=True)
                _step("wal-removed")
                os.replace(staged, archive)
                sync_dir(archive.parent)
                _step("swapped")
            except BaseException:
                staged.unlink(missing_ok=True)
                raise
    log.info("restored %s from %s (old file kept as %s)", archive, backup, aside)
    return aside


def _current_code(archive: Path, key: bytes) -> str | None:
    try:
        return backups.station_code_of(archive, key) if archive.exists() else None
    except (*cipher.DatabaseError, StorageError):
        return None  # damaged: the reason for the restore


def _stage(archive: Path, backup: Path, key: bytes) -> Path:
    staged = staged_path(archive)
    staged.unlink(missing_ok=True)
    open_private(staged).close()
    src = cipher.connect(backup, key, read_only=True)
    try:
        cipher.copy_into(src, staged, key)
    finally:
        src.close()
    try:
        _mark_epoch(staged, key, backup.name)
        backups.verify(staged, key)
        fsync_file(staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    _step("staged")
    return staged


def _mark_epoch(staged: Path, key: bytes, backup_name: str) -> None:
    """The restored file numbers its changes on from the backup's: a new epoch tells
    the town those numbers are new changes (see `epochs.py`)."""
    conn = cipher.connect(staged, key)
    try:
        audit_chain.register(conn)  # the restored file's guards and chain need them
        epochs.mark_restored(conn, backup_name, datetime.now().astimezone().isoformat(
            timespec="seconds"))
    finally:
        conn.close()


def _checkpoint(archive: Path, key: bytes) -> bool:
    """Move the WAL into the file; False if the (damaged) file would not let us."""
    try:
        conn = cipher.connect(archive, key, timeout=1.0)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except (*cipher.DatabaseError, StorageError):
        log.warning("could not checkpoint %s before restore", archive)
        return False
    return not busy


def _keep_aside(archive: Path, key: bytes) -> Path:
    """A whole copy of the old archive under its official name, or an exception."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    aside = archive.with_name(f"{archive.stem}.{ASIDE_MARK}.{stamp}.db")
    if not archive.exists():
        return aside
    emptied = _checkpoint(archive, key)
    _step("checkpointed")
    wal = archive.with_name(archive.name + "-wal")
    pairs = [(archive, aside)]
    if not emptied and wal.exists() and wal.stat().st_size:
        pairs.insert(0, (wal, aside.with_name(aside.name + "-wal")))
    for source, final in pairs:
        partial = final.with_name(final.name + ".partial")
        with open(source, "rb") as src, open_private(partial, "wb") as dst:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(partial, final)  # the WAL first: the main file's name says "whole"
    sync_dir(archive.parent)
    return aside
