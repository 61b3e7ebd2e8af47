"""The archive connection keeps a page cache suited to a ten-year town archive."""

from __future__ import annotations

from station_desk.db.connection import CACHE_KIB
from station_desk.services.desk import Desk


def test_the_connection_uses_a_64_mib_cache(village: Desk) -> None:
    assert CACHE_KIB == 65536
    assert village.db.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
