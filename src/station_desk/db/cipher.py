"""SQLCipher connections: the archive, its WAL and every backup encrypted at rest.

`sqlcipher3` (SQLCipher 4) is a drop-in DB-API module, but its exceptions are
its own classes; code that catches database errors uses the tuples below so
it means both the plain `sqlite3` ones and SQLCipher's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

from ..domain.errors import StorageError

DatabaseError = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
OperationalError = (sqlite3.OperationalError, sqlcipher3.OperationalError)
IntegrityError = (sqlite3.IntegrityError, sqlcipher3.IntegrityError)
# "SQLite format 3\0": a file that is not encrypted
PLAIN_HEADER = b"SQLite format 3\x00"


class WrongKey(StorageError):
    """The file is encrypted with another key (or is not a database)."""


def key_of(db: object) -> bytes:
    """The key an open archive (`connection.ArchiveDb`) is encrypted with."""
    key = getattr(db, "archive_key", b"")
    if not isinstance(key, bytes) or not key:
        raise StorageError("内部错误：数据文件连接没有密钥，不能写加密备份")
    return key


def key_pragma(key: bytes) -> str:
    return f"\"x'{key.hex()}'\""


def read_only_uri(path: Path) -> str:
    """A SQLite URI for any path: `#`, `?`, `%`, spaces and Chinese percent-encoded."""
    return path.resolve().as_uri() + "?mode=ro"


def is_plain(path: Path) -> bool:
    """True for an unencrypted SQLite file (one made before encryption came)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def connect(path: Path, key: bytes, *, read_only: bool = False, **kwargs: Any) -> Any:
    """A sqlcipher3 connection to `path` opened with `key`; WrongKey if it does not fit."""
    target = read_only_uri(path) if read_only else str(path)
    conn = sqlcipher3.connect(target, uri=read_only, **kwargs)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our message, not a log
    conn.execute(f"PRAGMA key = {key_pragma(key)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise WrongKey(f"文件 {path.name} 打不开：它不是本站密钥加密的数据文件，或已损坏") from exc
    return conn


def copy_into(source: Any, dest_path: Path, key: bytes, **steps: Any) -> None:
    """A consistent copy of the open `source` (SQLite's backup API; `steps` are its
    `pages` and `progress`) into a new file encrypted with `key`, in rollback-journal
    mode so the file alone is whole."""
    dest = connect(dest_path, key)
    try:
        source.backup(dest, **steps)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def encrypt_plain(plain: Path, dest_path: Path, key: bytes) -> None:
    """Write an encrypted copy of the unencrypted SQLite file `plain` (sqlcipher_export)."""
    conn = sqlcipher3.connect(str(plain), isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY " + key_pragma(key), [str(dest_path)])
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
