"""Backups that are proven: a consistent copy through SQLite's backup API,
checked with `integrity_check` before it counts; daily rotation.

A backup is named `archive-YYYYmmdd-HHMMSS-<station code>[-label].db` and its
contents carry the station too, so a restore can tell another station's file.
Until verified it carries a temp name unique to this run, so a pulled stick, a
full disk or two backups at once never leave a file that looks like a good
backup (restoring one lives in `restore.py`).
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import StorageError, os_message
from ..domain.progress import Progress
from . import cipher
from .backup_scans import copy_scans
from .cipher import read_only_uri
from .errors import translate
from .files import STALE_SECONDS, fsync_file, open_private, private_dir, sweep, sync_dir
from .migrations import MIGRATION_SET
from .scan_store import ScanStore

__all__ = ["read_only_uri"]

log = logging.getLogger("station_desk.backup")

PREFIX = "archive-"
KEEP_DAILY = 14
BACKUP_STEP_PAGES = 4096  # 16 MiB a step: cancellable, and the archive never held long
_NAME = re.compile(r"^archive-(\d{8}-\d{6})(?:-(\d{12}))?(?:-[^.]+)?(?:-\d+)?\.db$")
# what a failed or killed backup leaves: its own temp name and SQLite's journal of it
LEFTOVERS = (f"{PREFIX}*.partial", f"{PREFIX}*.partial-journal")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    size: int
    station_code: str | None = None  # None: a backup named before codes were added


def station_code_of(path: Path, key: bytes) -> str | None:
    """The station code inside an archive file, or None if it has no station yet."""
    conn = cipher.connect(path, key, read_only=True)
    try:
        row = conn.execute("SELECT code FROM station LIMIT 1").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else None


class BackupDamaged(StorageError):
    """The key opened the file (or it never got that far) but its pages do not read whole."""


def verify(path: Path, key: bytes, *, full: bool = True) -> str | None:
    """Raise StorageError unless `path` is a sound Station Desk archive encrypted with
    `key`; its station code.

    `full=False` runs `quick_check` (every page and record format, not index
    contents): 20× faster on a large archive, enough for the daily copy."""
    if not path.is_file():
        raise StorageError(f"找不到备份文件 {path.name}（U盘可能已拔出）")
    if cipher.is_plain(path):
        raise StorageError(f"备份文件 {path.name} 没有加密（旧版本做的备份）：请先在原来的电脑上"
                           "打开本程序（它会把旧备份加密），或联系维护人员")
    try:
        conn = cipher.connect(path, key, read_only=True)
        try:
            check = "integrity_check" if full else "quick_check"
            result = conn.execute(f"PRAGMA {check}").fetchone()[0]
            ours = conn.execute(
                "SELECT COUNT(*) FROM _sqlite_migrations WHERE migration_set = ?",
                [MIGRATION_SET]).fetchone()[0]
        finally:
            conn.close()
    except cipher.WrongKey as exc:
        raise StorageError(
            f"备份文件 {path.name} 打不开：它不是用本站密钥加密的（别的站的备份，或已损坏）。"
            "在新电脑上恢复请用恢复单上的恢复码（窗口：首次设置页的“从备份恢复”；"
            "命令行：--recovery-code）") from exc
    except cipher.DatabaseError as exc:
        raise BackupDamaged(f"备份文件 {path.name} 无法读取或不是本程序的数据文件") from exc
    if result != "ok":
        raise BackupDamaged(f"备份文件 {path.name} 校验未通过（{check}：{result}）")
    if not ours:
        raise StorageError(f"文件 {path.name} 不是 Station Desk 的数据文件")
    try:
        return station_code_of(path, key)
    except cipher.DatabaseError as exc:
        raise StorageError(f"文件 {path.name} 不是 Station Desk 的数据文件") from exc


_verify = verify  # the name tests patch


@contextmanager
def backup_errors(folder: Path) -> Iterator[None]:
    """Failures writing a backup in words about the backup place, not the archive."""
    try:
        yield
    except cipher.DatabaseError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise StorageError(f"备份位置 {folder} 空间已满，备份没有完成。"
                               "请换一个U盘或清理空间后重试；数据文件没有受影响。") from exc
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise StorageError(f"备份位置 {folder} 不能写入（U盘写保护或没有权限），"
                               "备份没有完成；数据文件没有受影响。") from exc
        if "i/o" in text:
            raise StorageError(f"写入备份位置 {folder} 时出错（U盘可能已拔出或损坏），"
                               "备份没有完成；数据文件没有受影响。") from exc
        known = translate(exc)
        raise (known or StorageError("备份没有完成：数据库出错")) from exc
    except OSError as exc:
        raise StorageError(f"备份没有完成：{os_message(exc)}；数据文件没有受影响。") from exc


def backup_name(code: str | None, label: str, when: datetime) -> str:
    parts = [f"{PREFIX}{when:%Y%m%d-%H%M%S}", code or "", label]
    return "-".join(p for p in parts if p) + ".db"


def make_backup(db: Database, folder: Path, *, label: str = "", full_check: bool = True,
                progress: Progress | None = None, scans: ScanStore | None = None) -> Path:
    """Copy the live archive into `folder`, verify it, then give it its final name.

    `progress(done, total)` is called between copy steps (pages); whatever it
    raises (a cancel) stops the copy and the partial file is removed. The scans
    the copy names are taken from `scans` into the folder's own store first
    (`backup_scans.copy_scans`), so a finished backup never names a scan its
    folder lacks."""
    row = db.execute("SELECT code FROM station LIMIT 1").fetchone()
    code = str(row[0]) if row else None
    final = folder / backup_name(code, label, datetime.now())
    partial = folder / f"{final.name}.{os.getpid()}-{secrets.token_hex(3)}.partial"
    with backup_errors(folder):
        private_dir(folder)
        sweep(folder, LEFTOVERS, older_than=STALE_SECONDS)
        open_private(partial).close()  # owner-only; a read-only stick fails here, plainly
        try:
            cipher.copy_into(db.conn, partial, cipher.key_of(db), pages=BACKUP_STEP_PAGES,
                             progress=_page_progress(progress))
            compact(partial, cipher.key_of(db))
            _verify(partial, cipher.key_of(db), full=full_check)
            if scans is not None:
                copy_scans(partial, scans, ScanStore.in_folder(folder, scans.archive_key))
            fsync_file(partial)
            final = _free_name(final)
            os.replace(partial, final)
            sync_dir(folder)
        except BaseException:
            partial.unlink(missing_ok=True)
            partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
            raise
    log.info("backup written to %s", final)
    return final


def compact(path: Path, key: bytes) -> None:
    """VACUUM a fresh copy whose file is mostly free pages (the scans moved out of
    an older archive leave them): the live archive keeps its free pages for
    reuse, the copy on the stick need not carry them."""
    conn = cipher.connect(path, key)
    try:
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        if pages and free * 4 > pages:
            conn.execute("VACUUM")
    finally:
        conn.close()


def _page_progress(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None
    return lambda _status, remaining, total: progress(total - remaining, total)


def _free_name(path: Path) -> Path:
    """Two backups in the same second (two windows, a script) each keep their file."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def list_backups(folder: Path) -> list[BackupFile]:
    """Finished backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for p in folder.glob(f"{PREFIX}*.db"):
        match = _NAME.match(p.name)
        if match is None:
            continue
        try:
            made = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
            size = p.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(p, made, size, match.group(2)))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


FULL_CHECK_MARK = "last-full-check.txt"
FULL_CHECK_EVERY_DAYS = 7


def _full_check_due(folder: Path, today: date) -> bool:
    try:
        last = date.fromisoformat((folder / FULL_CHECK_MARK).read_text("utf-8").strip())
    except (OSError, ValueError):
        return True
    return (today - last).days >= FULL_CHECK_EVERY_DAYS or last > today


def daily_backup(db: Database, folder: Path, *, today: date | None = None,
                 keep: int = KEEP_DAILY, progress: Progress | None = None,
                 scans: ScanStore | None = None) -> Path | None:
    """At start-up: one verified backup per day, keeping the newest `keep`.
    Checked with `quick_check`, and with the full `integrity_check` once a week."""
    today = today or date.today()
    backups = list_backups(folder)
    if any(b.made_at.date() == today for b in backups):
        return None
    full = _full_check_due(folder, today)
    made = make_backup(db, folder, full_check=full, progress=progress, scans=scans)
    if full:
        with backup_errors(folder):
            (folder / FULL_CHECK_MARK).write_text(today.isoformat(), "utf-8")
    for old in list_backups(folder)[keep:]:
        # the folder's scans stay: records are never deleted, so every scan an old
        # copy names is named by the newer ones too
        old.path.unlink(missing_ok=True)
    return made
