"""Open the station's archive: one SQLite file, WAL, migrated to the latest schema.

Every open instance holds its claim on the archive (`lock.py`) until it closes,
so a restore can refuse while anyone has it open. Writers wait for each other
(`BUSY_TIMEOUT_SECONDS`, and transactions that take the write lock at BEGIN,
where SQLite's busy handler can wait), instead of failing at once.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
from collections.abc import Generator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import StorageError
from ..domain.progress import Progress
from . import archive_key, audit_chain, audit_mark, cipher
from .audit_chain import TamperReport
from .backup import BACKUP_STEP_PAGES, verify
from .encrypt_existing import encrypt_file, encrypt_plain_copies
from .errors import storage_errors
from .files import fsync_file, open_private, private_dir, sync_dir, touch_private
from .lock import InstanceLock, gate
from .migrations import known_names, migrations
from .restore import sweep_leftovers

log = logging.getLogger("station_desk.db")

ARCHIVE_NAME = "archive.db"
# A backup, an import or another window's save may hold the write lock this long.
BUSY_TIMEOUT_SECONDS = 20.0


class ArchiveDb(Database):
    """sqlite-utils' Database whose transactions take the write lock up front.

    A deferred BEGIN that reads first and then writes cannot wait for another
    writer (SQLite returns SQLITE_BUSY at once to avoid a deadlock);
    BEGIN IMMEDIATE waits up to the busy timeout.
    """

    instance_lock: InstanceLock | None = None
    archive_key: bytes = b""  # the key the file is encrypted with (backups use it too)
    archive_path: Path = Path()  # the file; its scans are in the store beside it
    tamper: TamperReport = TamperReport()

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self.instance_lock is not None:
                self.instance_lock.release()
                self.instance_lock = None


KEY_LOST = ("数据文件 {path} 是加密的，但本数据文件夹的密钥（keys/archive.key）不见了。"
            "数据文件没有被改动。恢复的办法：找出设置时打印的恢复单，在新的数据文件夹里运行 "
            "station-desk restore 备份文件 --recovery-code 恢复码。")


CACHE_KIB = 65536


def key_for(path: Path) -> bytes:
    """The archive key of the data folder `path` is in, created for a new archive."""
    data_dir = path.parent
    key = archive_key.load(data_dir)
    if key is not None:
        return key
    if path.exists() and path.stat().st_size and not cipher.is_plain(path):
        raise StorageError(KEY_LOST.format(path=path))
    return archive_key.create(data_dir)


def connect(path: Path, key: bytes | None = None) -> ArchiveDb:
    """A raw connection; autocommit, transactions via `db.atomic()`. Changes nothing
    in the file yet (see `use_wal`)."""
    with storage_errors():
        private_dir(path.parent)
        key = key or key_for(path)
        touch_private(path)  # SQLite gives the -wal and -shm the file's own mode
        conn = cipher.connect(path, key, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS,
                              check_same_thread=False)
        audit_chain.register(conn)  # the guard triggers refuse connections without it
        # FULL: village power cuts are common; a confirmed save must survive them.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        # 64 MiB of page cache (SQLite's default is 2 MiB): a ten-year town archive's
        # counts stay in memory (count-all 18 ms -> 1 ms at 1,000,000 cases)
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    # no sqlite-utils plugins: none is wanted, and a plugin installed on this PC
    # would run on the archive's connection (their discovery also scans every
    # installed package's metadata at each open)
    db = ArchiveDb(conn, execute_plugins=False)
    db.archive_key = key
    db.archive_path = path
    return db


def use_wal(db: Database) -> None:
    """Switching the journal mode rewrites the header: only once the file is ours."""
    db.execute("PRAGMA journal_mode=WAL")


def default_program() -> str:
    words = [Path(sys.argv[0]).stem if sys.argv else "station-desk", *sys.argv[1:3]]
    return "命令行 " + " ".join(w for w in words if not w.startswith("-"))


def open_database(path: Path, *, stop_before: str | None = None,
                  program: str | None = None, full_check: bool = False,
                  upgrade_progress: Progress | None = None) -> ArchiveDb:
    """Open (creating if new), claim, migrate and check for tampering (`db.tamper`).
    `stop_before` is for migration tests; `program` names this instance to others
    (“窗口”, “命令行 import”); `full_check` recomputes the whole audit chain, else
    only the links after the last verified one (`audit_mark`). Before migrating an
    archive the file is copied aside: `upgrade_progress(done, total)` hears how far
    (pages; minutes at a town's million cases), so the window can say so."""
    with storage_errors():
        private_dir(path.parent)
    # the gate file is the first file opened: a folder this account may not
    # write (another login's archive) is a message, not a traceback
    with storage_errors(), gate(path):
        key = key_for(path)
        if cipher.is_plain(path):
            encrypt_file(path, key)
        encrypt_plain_copies(path.parent, key)
        db = connect(path, key)
        try:
            with storage_errors():
                db.instance_lock = InstanceLock(path, program or default_program())
                sweep_leftovers(path)
                _check_not_newer(db, path)
                use_wal(db)
                pending = migrations.pending(db)
                if stop_before is not None:
                    names = [m.name for m in pending]
                    pending = (pending[: names.index(stop_before)] if stop_before in names
                               else pending)
                if pending and migrations.applied(db):
                    copy_aside(db, path, f"before-{pending[0].name}",
                               progress=upgrade_progress)
                migrations.apply(db, stop_before=stop_before)
                mark = None if full_check else audit_mark.load(path)
                holds = mark is not None and mark.holds(db)
                db.tamper = audit_chain.check(
                    db, full=full_check, since=(mark.link, mark.hash) if mark and holds
                    else None)
                if db.tamper.tampered:
                    log.error("archive %s tampered with: %s", path, db.tamper.problems)
                if stop_before is None:
                    audit_chain.ensure_guards(db)
                    if not db.tamper.tampered:
                        # a mark that no longer holds (a restored file): full check due
                        audit_mark.save(path, db, full_on=date.today() if full_check else None,
                                        forget_full=mark is not None and not holds)
        except BaseException:
            db.close()
            raise
    return db


def _check_not_newer(db: Database, path: Path) -> None:
    unknown = [m.name for m in migrations.applied(db) if m.name not in set(known_names())]
    if unknown:
        raise StorageError(
            f"数据文件 {path} 由更新版本的 Station Desk 创建（含结构版本 {unknown[-1]}），"
            "当前程序版本较旧，不能打开。请先升级程序；数据文件没有被改动。"
        )


def copy_aside(db: ArchiveDb, path: Path, label: str, *,
               progress: Progress | None = None) -> Path:
    """A consistent, verified copy next to the file (SQLite backup API) before risky
    steps; it gets its name only once whole, so a kill leaves no 0-byte “copy”.
    Verified by quick_check, as the daily copy is: under SQLCipher it reads and
    authenticates every page (at 1M cases the full integrity_check made it 377 s, now 21 s)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}.{stamp}.db")
    partial = target.with_name(f"{target.name}.{os.getpid()}-{secrets.token_hex(3)}.partial")
    open_private(partial).close()
    try:
        if progress is None:
            cipher.copy_into(db.conn, partial, db.archive_key)
        else:
            progress(0, 1)
            cipher.copy_into(db.conn, partial, db.archive_key, pages=BACKUP_STEP_PAGES,
                             progress=lambda _status, left, total: progress(total - left,
                                                                            total))
        verify(partial, db.archive_key, full=False)
        fsync_file(partial)
        os.replace(partial, target)
        sync_dir(path.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)
        raise
    log.info("copied %s to %s", path, target)
    return target
