"""Known environment failures of the archive, in words a clerk understands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..domain.errors import OS_MESSAGES, StorageError, os_message
from .cipher import DatabaseError
from .lock import others_described

BUSY = "数据文件正被另一个程序占用，等了一会儿仍没有空出来，刚才的操作没有保存。"
_SQLITE_MESSAGES = (
    ("locked", BUSY),
    ("busy", BUSY),
    ("readonly", "数据文件是只读的，无法保存。请检查文件夹权限，或不要从光盘/写保护的U盘运行。"),
    ("read-only", "数据文件是只读的，无法保存。请检查文件夹权限，或不要从光盘/写保护的U盘运行。"),
    ("disk is full", "磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试，已保存的数据不受影响。"),
    ("malformed", "数据文件已损坏。请不要继续使用，联系镇中心并从备份恢复（档案 → 恢复备份）。"),
    ("not a database", "这个文件不是本程序的数据文件，或已损坏。请从备份恢复。"),
    ("unable to open", "无法打开数据文件：文件夹不存在或没有权限。"),
    ("disk i/o error", "读写磁盘出错（磁盘或U盘可能已拔出或损坏），刚才的操作没有保存。"),
)

def _busy_message() -> str:
    who = others_described()
    if who:
        return BUSY + f"现在打开着数据文件的：{who}。请等它完成或关闭它后重试。"
    return BUSY + "请稍后重试。"


def translate(exc: BaseException) -> StorageError | None:
    """A `StorageError` for a known environment failure, else None (a bug)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, DatabaseError):
        text = str(exc).lower()
        for needle, message in _SQLITE_MESSAGES:
            if needle in text:
                return StorageError(_busy_message() if message is BUSY else message)
        return None
    if isinstance(exc, OSError) and exc.errno in OS_MESSAGES:
        return StorageError(os_message(exc))
    return None


@contextmanager
def storage_errors() -> Iterator[None]:
    """Re-raise known sqlite/OS failures as `StorageError` with a Chinese message."""
    try:
        yield
    except (*DatabaseError, OSError) as exc:
        known = translate(exc)
        if known is None:
            raise
        raise known from exc
