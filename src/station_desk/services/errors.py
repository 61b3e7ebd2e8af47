"""What the window and the command line need to know about failures, without
reaching into db/."""

from __future__ import annotations

from ..db.errors import translate
from ..domain.errors import StorageError, UserError, os_message


def known_failure(exc: BaseException) -> StorageError | None:
    """A plain Chinese message for a known environment failure (locked, read-only,
    full disk, damaged file), or None when it is a bug."""
    return translate(exc)


def explain_failure(exc: BaseException) -> UserError | None:
    """A storage or OS failure that escaped a service, in Chinese (None: a real bug)."""
    if isinstance(exc, MemoryError):
        return UserError("内存不足，操作没有完成；已保存的数据不受影响。")
    if isinstance(exc, OSError):
        return UserError(os_message(exc))
    return translate(exc)
