"""Known environment failures of the archive, in words a clerk understands."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..domain.errors import StorageError

_SQLITE_MESSAGES = (
    ("locked", "数据文件正被另一个程序占用（可能本程序已在别处打开）。请关闭其他窗口后重试。"),
    ("busy", "数据文件正被另一个程序占用（可能本程序已在别处打开）。请关闭其他窗口后重试。"),
    ("readonly", "数据文件是只读的，无法保存。请检查文件夹权限，或不要从光盘/写保护的U盘运行。"),
    ("read-only", "数据文件是只读的，无法保存。请检查文件夹权限，或不要从光盘/写保护的U盘运行。"),
    ("disk is full", "磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试，已保存的数据不受影响。"),
    ("malformed", "数据文件已损坏。请不要继续使用，联系镇中心并从备份恢复（档案 → 恢复备份）。"),
    ("not a database", "这个文件不是本程序的数据文件，或已损坏。请从备份恢复。"),
    ("unable to open", "无法打开数据文件：文件夹不存在或没有权限。"),
    ("disk i/o error", "读写磁盘出错（磁盘或U盘可能已拔出或损坏），刚才的操作没有保存。"),
)

_OS_MESSAGES = {
    errno.ENOSPC: "磁盘空间已满，刚才的操作没有完成。请清理磁盘后重试，已保存的数据不受影响。",
    errno.EACCES: "没有权限写入这个位置。请换一个文件夹，或请管理员开通权限。",
    errno.EROFS: "这个位置是只读的（写保护的U盘或光盘），无法写入。",
    errno.ENOENT: "找不到指定的文件或文件夹（U盘可能已拔出）。",
    errno.EIO: "读写磁盘出错（U盘可能已拔出或损坏），操作没有完成。",
}


def translate(exc: BaseException) -> StorageError | None:
    """A `StorageError` for a known environment failure, else None (a bug)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.DatabaseError):
        text = str(exc).lower()
        for needle, message in _SQLITE_MESSAGES:
            if needle in text:
                return StorageError(message)
        return None
    if isinstance(exc, OSError) and exc.errno in _OS_MESSAGES:
        where = f"（{exc.filename}）" if exc.filename else ""
        return StorageError(_OS_MESSAGES[exc.errno] + where)
    return None


@contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise known sqlite/OS failures as `StorageError` with a Chinese message."""
    try:
        yield
    except (sqlite3.DatabaseError, OSError) as exc:
        known = translate(exc)
        if known is None:
            raise
        raise known from exc
