"""Errors that a clerk is shown.

`UserError.message` is Chinese and names the field or thing at fault and what to
do; the CLI prints it to stderr with exit status 1, the window shows it in a box.
"""

from __future__ import annotations

import errno


class UserError(Exception):
    """A refusal the person at the desk can act on (bad input, not allowed...)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Cancelled(UserError):
    """Raised from a progress callback: the work stops, nothing half-done is kept."""

    def __init__(self) -> None:
        super().__init__("已取消。没有写入任何内容，可以重新开始。")


class NotAllowed(UserError):
    """The signed-in staff member's role does not permit this."""


class StorageError(UserError):
    """The archive file cannot be used (locked, read-only, disk full, damaged, too new)."""


class OtherStationBackup(UserError):
    """A backup of another station: the person restoring must confirm it first."""

    def __init__(self, backup_code: str, current_code: str) -> None:
        super().__init__(
            f"这份备份是另一个站点（编码 {backup_code}）的数据，"
            f"不是本站（编码 {current_code}）的。恢复后本机将变成那个站点的台账。"
            "确实要恢复，请再确认一次。", field="station")
        self.backup_code = backup_code
        self.current_code = current_code


OS_MESSAGES = {
    errno.ENOSPC: "磁盘空间已满，刚才的操作没有完成。请清理磁盘后重试，已保存的数据不受影响。",
    errno.EACCES: "没有权限写入这个位置。请换一个文件夹，或请管理员开通权限。",
    errno.EROFS: "这个位置是只读的（写保护的U盘或光盘），无法写入。",
    errno.ENOENT: "找不到指定的文件或文件夹（U盘可能已拔出）。",
    errno.EIO: "读写磁盘出错（U盘可能已拔出或损坏），操作没有完成。",
    errno.EPERM: "没有权限写入这个位置。请换一个文件夹，或请管理员开通权限。",
    errno.EEXIST: "同名的文件已经存在。",
    errno.EISDIR: "这是一个文件夹，不是文件。",
    errno.ENOTDIR: "路径中有一段不是文件夹。",
    errno.ENAMETOOLONG: "文件名或路径太长。",
}
if hasattr(errno, "EDQUOT"):
    OS_MESSAGES[errno.EDQUOT] = OS_MESSAGES[errno.ENOSPC]


def os_message(exc: OSError) -> str:
    """An OS failure in Chinese, never the English errno text."""
    where = f"（{exc.filename}）" if exc.filename else ""
    known = OS_MESSAGES.get(exc.errno or 0)
    if known is None:
        known = f"系统报告错误（代码 {exc.errno}），操作没有完成。"
    return known.rstrip("。") + where
