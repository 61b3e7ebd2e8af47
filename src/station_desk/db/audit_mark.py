"""How far the audit chain has been verified: the last checked link (its id and
hash) and the day of the last full check, kept beside the archive.

Opening verifies only the links after this mark (a few at every start instead
of the whole chain, ~30 s at 1,000,000 cases); the mark's own hash must still
be in the chain, or the check starts over. A full check — which also catches a
rewrite before the mark — runs in the background once a day (the window) and
moves the mark to the end of the chain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from .files import write_private

MARK_NAME = "audit-checked.json"


@dataclass(frozen=True)
class Mark:
    link: int          # audit_chain.id of the last verified link
    hash: str          # its hash when it was verified
    full_on: date | None = None  # the day of the last full check

    def holds(self, db: Database) -> bool:
        """The marked link is still in the chain with the hash it had."""
        row = db.execute("SELECT hash FROM audit_chain WHERE id = ?", [self.link]).fetchone()
        return row is not None and row[0] == self.hash


def mark_path(archive: Path) -> Path:
    return archive.with_name(MARK_NAME)


def load(archive: Path) -> Mark | None:
    """The mark of the archive at `archive`, or None (never checked, unreadable)."""
    try:
        data = json.loads(mark_path(archive).read_text("utf-8"))
        full_on = date.fromisoformat(data["full_on"]) if data.get("full_on") else None
        return Mark(int(data["link"]), str(data["hash"]), full_on)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # (not an object)
        return None


def chain_end(db: Database) -> tuple[int, str] | None:
    row = db.execute("SELECT id, hash FROM audit_chain ORDER BY id DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else None


def save(archive: Path, db: Database, *, full_on: date | None,
         forget_full: bool = False) -> Mark | None:
    """The chain verified up to its end now (`full_on`: by a full check that day;
    None keeps the day of the last one, unless `forget_full`)."""
    end = chain_end(db)
    if end is None:
        return None
    before = None if forget_full else load(archive)
    mark = Mark(end[0], end[1], full_on or (before.full_on if before else None))
    write_private(mark_path(archive), json.dumps(
        {"link": mark.link, "hash": mark.hash,
         "full_on": mark.full_on.isoformat() if mark.full_on else None}).encode("utf-8"))
    return mark


def full_check_due(archive: Path, today: date) -> bool:
    mark = load(archive)
    return mark is None or mark.full_on is None or mark.full_on < today
