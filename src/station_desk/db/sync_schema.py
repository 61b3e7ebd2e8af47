"""Tables of the USB sync (migration 0006). Frozen once released."""

from __future__ import annotations

from sqlite_utils import Database


def create_sync_tables(db: Database) -> None:
    """Placeholder until the sync schema lands; creates nothing yet."""
