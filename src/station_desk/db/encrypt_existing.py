"""Encrypt, once, an archive (and its copies) written before encryption came.

The encrypted copy is written next to the plain file, checked (integrity and
the same rows in every table), flushed, and only then put in the plain file's
place by one rename; a kill before that leaves the plain file whole and the
step is done again on the next start. The plain file's bytes are then
overwritten where the OS lets us (POSIX: through a handle opened before the
rename); see docs/privacy.md for what that does and does not give.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import sqlcipher3

from ..domain.errors import StorageError
from . import audit_chain, cipher
from .files import fsync_file, sync_dir

log = logging.getLogger("station_desk.db")

_WIPE_CHUNK = 1 << 20


def _row_counts(conn: object) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[attr-defined]
            for t in tables}


def _matches(plain: Path, encrypted: Path, key: bytes) -> bool:
    src = sqlcipher3.connect(cipher.read_only_uri(plain), uri=True)
    try:
        expected = _row_counts(src)
    finally:
        src.close()
    dest = cipher.connect(encrypted, key, read_only=True)
    try:
        ok = dest.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return ok and _row_counts(dest) == expected
    finally:
        dest.close()


def _wipe(handle: int) -> None:
    """Overwrite the (already unlinked) plain file's bytes with zeros."""
    size = os.fstat(handle).st_size
    os.lseek(handle, 0, os.SEEK_SET)
    zeros = bytes(_WIPE_CHUNK)
    while size > 0:
        size -= os.write(handle, zeros[:min(size, _WIPE_CHUNK)])
    os.fsync(handle)


def encrypt_file(path: Path, key: bytes) -> None:
    """Replace the plain SQLite file `path` by its encrypted copy (see module doc)."""
    staged = path.with_name(path.name + ".encrypting")
    staged.unlink(missing_ok=True)
    register_conn = sqlcipher3.connect(str(path))  # checkpoints; guard triggers need the functions
    audit_chain.register(register_conn)
    register_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    register_conn.close()
    try:
        cipher.encrypt_plain(path, staged, key)
        if not _matches(path, staged, key):
            raise StorageError(f"加密数据文件 {path.name} 时核对不符，原文件没有改动，"
                               "请联系维护人员")
        fsync_file(staged)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    old = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0)) if os.name == "posix" else None
    try:
        for suffix in ("-wal", "-shm"):  # emptied above; a plain WAL must never meet the new file
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        os.replace(staged, path)
        sync_dir(path.parent)
        if old is not None:
            _wipe(old)
    finally:
        if old is not None:
            os.close(old)
    log.info("encrypted %s", path)


def encrypt_plain_copies(data_dir: Path, key: bytes) -> list[Path]:
    """Backups and copies-aside made before encryption: encrypted in place."""
    found = [*data_dir.glob("archive.*.db"), *(data_dir / "backups").glob("archive-*.db")]
    done = []
    for copy in sorted(found):
        if cipher.is_plain(copy):
            encrypt_file(copy, key)
            done.append(copy)
    return done
