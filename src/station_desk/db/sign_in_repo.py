"""Sign-in attempts in the audit trail (table name "sign_in"): every wrong PIN is
recorded, and the throttle counts the misses since the last good sign-in from
there, so closing the program or the command line does not reset it. A try
refused because a pause is running is recorded too, but it is not a miss: it
neither lengthens the pause nor ends it."""

from __future__ import annotations

import json
from datetime import datetime

from sqlite_utils import Database

from ..domain.actor import Actor
from .journal import now_iso

TABLE = "sign_in"
FAILED = "pin_failed"
SIGNED_IN = "signed_in"
REFUSED_IN_PAUSE = "refused_in_pause"  # the PIN was not even checked


def record(db: Database, staff_id: str, action: str, actor: Actor, where: str,
           **details: object) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
            "before, after) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
            [now_iso(), actor.id, actor.name, TABLE, staff_id, action,
             json.dumps({"where": where, **details}, ensure_ascii=False)])


def misses_in_a_row(db: Database, staff_id: str) -> tuple[int, datetime | None]:
    """Wrong PINs since the last good sign-in, and when the latest was. Tries refused
    during a pause are skipped: counting them would let anyone hold a colleague's
    pause open for ever by pressing 登录 again and again."""
    rows = db.execute(
        "SELECT action, at FROM audit_log WHERE table_name = ? AND record_id = ? "
        "AND action IN (?, ?) ORDER BY id DESC LIMIT 100",
        [TABLE, staff_id, FAILED, SIGNED_IN]).fetchall()
    misses = 0
    for action, _at in rows:
        if action != FAILED:
            break
        misses += 1
    latest = datetime.fromisoformat(rows[0][1]) if misses else None
    return misses, latest
