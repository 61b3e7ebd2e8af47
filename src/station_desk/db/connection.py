"""Open the station's archive: one SQLite file, WAL, migrated to the latest schema."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from ..domain.errors import StorageError
from .errors import storage_errors
from .migrations import known_names, migrations

log = logging.getLogger("station_desk.db")

ARCHIVE_NAME = "archive.db"


def connect(path: Path) -> Database:
    """A raw connection; autocommit, transactions via `db.atomic()`. Changes nothing
    in the file yet (see `use_wal`)."""
    with storage_errors():
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, timeout=5.0,
                               check_same_thread=False)
        # FULL: village power cuts are common; a confirmed save must survive them.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    return Database(conn)


def use_wal(db: Database) -> None:
    """Switching the journal mode rewrites the header: only once the file is ours."""
    db.execute("PRAGMA journal_mode=WAL")


def open_database(path: Path, *, stop_before: str | None = None) -> Database:
    """Open (creating if new) and migrate. `stop_before` exists for migration tests."""
    db = connect(path)
    try:
        with storage_errors():
            _check_not_newer(db, path)
            use_wal(db)
            pending = migrations.pending(db)
            if stop_before is not None:
                names = [m.name for m in pending]
                pending = pending[: names.index(stop_before)] if stop_before in names else pending
            if pending and migrations.applied(db):
                copy_aside(db, path, f"before-{pending[0].name}")
            migrations.apply(db, stop_before=stop_before)
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


def copy_aside(db: Database, path: Path, label: str) -> Path:
    """A consistent copy next to the file (SQLite backup API), before risky steps."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}.{stamp}.db")
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    log.info("copied %s to %s", path, target)
    return target
