"""Errors that a clerk is shown.

`UserError.message` is Chinese and names the field or thing at fault and what to
do; the CLI prints it to stderr with exit status 1, the window shows it in a box.
"""

from __future__ import annotations


class UserError(Exception):
    """A refusal the person at the desk can act on (bad input, not allowed...)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


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
