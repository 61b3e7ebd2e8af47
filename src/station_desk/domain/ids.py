"""Record ids that stay unique across the county without any coordination.

ULIDs: 128 bits, time-ordered (so new rows append to the index), and the text
form is 26 characters safe in file names and on paper.
"""

from __future__ import annotations

from ulid import ULID


def new_id() -> str:
    """A fresh record id (ULID text)."""
    return str(ULID())
