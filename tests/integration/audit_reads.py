"""The command line's full-number reads as the audit trail holds them."""

from __future__ import annotations

import json
from typing import Any

from cli import Station

from station_desk.services.desk import Desk


def given_out(st: Station) -> list[tuple[str, str, dict[str, Any]]]:
    """The command line's full-number reads in the audit trail: (who, command, details)."""
    desk = Desk.open(st.data)
    try:
        rows = desk.db.execute(
            "SELECT actor_name, record_id, after FROM audit_log WHERE table_name = 'viewing' "
            "AND action = 'id_numbers_given_out' ORDER BY id").fetchall()
    finally:
        desk.close()
    return [(who, command, json.loads(after)) for who, command, after in rows]
