"""Deliberate looks at personal data in the audit trail (table name "viewing"):
a full ID number shown, a scan opened at full size. Who, when, which case and
which attachment; never in the change log (nothing changed, nothing travels)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from ..domain.actor import Actor
from .journal import now_iso

TABLE = "viewing"
ID_NUMBER_SHOWN = "id_number_shown"
SCAN_OPENED = "scan_opened"
# full numbers in a command's --json output: one row per command, record_id is the
# command ("case list"), the cases listed in the row
GIVEN_OUT = "id_numbers_given_out"


@dataclass(frozen=True)
class ViewingRow:
    at: str
    actor_name: str
    action: str
    case_no: str
    attachment: str  # the attachment's name, "" for an ID number


def record(db: Database, case_id: str, action: str, actor: Actor, details: dict[str, object]
           ) -> None:
    """One audit row; record_id is the case (or, for GIVEN_OUT, the command),
    `details` names the case number(s) and the attachment, so the row reads alone."""
    with db.atomic():
        db.execute(
            "INSERT INTO audit_log (at, actor_id, actor_name, table_name, record_id, action, "
            "before, after) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
            [now_iso(), actor.id, actor.name, TABLE, case_id, action,
             json.dumps(details, ensure_ascii=False, sort_keys=True)])


def of_case(db: Database, case_id: str) -> list[ViewingRow]:
    """The case's viewing records, oldest first."""
    rows = db.execute(
        "SELECT at, actor_name, action, after FROM audit_log "
        "WHERE table_name = ? AND record_id = ? AND action IN (?, ?) ORDER BY id",
        [TABLE, case_id, ID_NUMBER_SHOWN, SCAN_OPENED]).fetchall()
    out = []
    for at, who, action, after in rows:
        details = json.loads(after) if after else {}
        out.append(ViewingRow(at, who, action, details.get("case_no", ""),
                              details.get("attachment", "")))
    return out
