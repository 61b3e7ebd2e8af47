"""What the window needs to know about failures, without reaching into db/."""

from __future__ import annotations

from ..db.errors import translate
from ..domain.errors import StorageError


def known_failure(exc: BaseException) -> StorageError | None:
    """A plain Chinese message for a known environment failure (locked, read-only,
    full disk, damaged file), or None when it is a bug."""
    return translate(exc)
