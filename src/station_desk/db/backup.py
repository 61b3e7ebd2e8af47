"""Backups that are proven: a consistent copy through SQLite's backup API,
checked with `integrity_check` before it counts; daily rotation; restore that
keeps the current file aside first."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import StorageError
from .errors import storage_errors
from .migrations import MIGRATION_SET

log = logging.getLogger("station_desk.backup")

PREFIX = "archive-"
KEEP_DAILY = 14


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    size: int


def _verify(path: Path) -> None:
    """Raise StorageError unless `path` is a sound Station Desk archive."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            ours = conn.execute(
                "SELECT COUNT(*) FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET]).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"备份文件 {path.name} 无法读取或不是本程序的数据文件：{exc}") from exc
    if result != "ok":
        raise StorageError(f"备份文件 {path.name} 校验未通过（integrity_check：{result}）")
    if not ours:
        raise StorageError(f"文件 {path.name} 不是 Station Desk 的数据文件")


def make_backup(db: Database, folder: Path, *, label: str = "") -> Path:
    """Copy the live archive into `folder`, verify it, then give it its final name.

    Until verified it carries a `.partial` name, so a pulled USB stick or a full
    disk never leaves a file that looks like a good backup.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    final = folder / f"{PREFIX}{stamp}{('-' + label) if label else ''}.db"
    partial = final.with_name(final.name + ".partial")
    with storage_errors():
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(partial)
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        try:
            _verify(partial)
            with open(partial, "rb") as f:
                os.fsync(f.fileno())
            os.replace(partial, final)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    log.info("backup written to %s", final)
    return final


def list_backups(folder: Path) -> list[BackupFile]:
    """Finished backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"{PREFIX}*.db"):
        try:
            made = datetime.strptime(p.name[len(PREFIX):len(PREFIX) + 15], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(p, made, p.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def daily_backup(db: Database, folder: Path, *, today: date | None = None,
                 keep: int = KEEP_DAILY) -> Path | None:
    """At start-up: one verified backup per day, keeping the newest `keep`."""
    today = today or date.today()
    backups = list_backups(folder)
    if any(b.made_at.date() == today for b in backups):
        return None
    made = make_backup(db, folder)
    for old in list_backups(folder)[keep:]:
        old.path.unlink(missing_ok=True)
    return made


def restore(archive: Path, backup: Path) -> Path:
    """Replace the (closed) archive with `backup`; returns where the old file was kept.

    The backup is verified, copied next to the archive and verified again; the
    current file (however damaged) is kept aside byte for byte; stale WAL files
    are removed so SQLite cannot replay them onto the restored copy; then one
    atomic rename puts the backup in place.
    """
    _verify(backup)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    aside = archive.with_name(f"{archive.stem}.before-restore.{stamp}.db")
    staged = archive.with_name(archive.name + ".restoring")
    with storage_errors():
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        dest = sqlite3.connect(staged)
        try:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
            src.close()
        try:
            _verify(staged)
            with open(staged, "rb") as f:
                os.fsync(f.fileno())
            if archive.exists():
                shutil.copy2(archive, aside)
            for suffix in ("-wal", "-shm"):
                side = archive.with_name(archive.name + suffix)
                if side.exists():
                    shutil.copy2(side, aside.with_name(aside.name + suffix))
                    side.unlink()
            os.replace(staged, archive)
        except BaseException:
            staged.unlink(missing_ok=True)
            raise
    log.info("restored %s from %s (old file kept as %s)", archive, backup, aside)
    return aside
