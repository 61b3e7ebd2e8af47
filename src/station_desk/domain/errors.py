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
