"""Moving the scans of an older archive out of `attachments.data` into the store
(db/scan_store.py), in the background and resumable.

Each step can be repeated: write the file (a scan already there is not written
again), read it back and check it, then empty the rows' `data` and advance
`scan_moves.done_rowid` in one small transaction per batch. A kill anywhere
leaves either the blob still in the row (done again next time) or the file
written and checked; never a row pointing at nothing. Only rows up to
`last_rowid` (the table's end when migration 0018 ran) can hold a blob: every
scan since goes to the store directly.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlite_utils import Database

from ..domain.progress import Progress
from .scan_store import ScanStore, digest_of

log = logging.getLogger("station_desk.scans")

BATCH_ROWS = 50
BATCH_BYTES = 64 * 1024 * 1024  # what one batch holds in memory at most, besides one scan


@dataclass(frozen=True)
class MoveResult:
    moved: int       # scans whose bytes left the archive in this run
    unreadable: int  # blobs that do not match their recorded hash: left where they are
    remaining: int   # rows still to look at (a cancel stops between batches)


def _after_file(attachment_id: str) -> None:
    """Between writing a scan's file and emptying its row (tests kill the process here)."""


def pending(db: Database) -> tuple[int, int]:
    """(done_rowid, last_rowid); (0, 0) for an archive without the table yet."""
    if "scan_moves" not in db.table_names():
        return 0, 0
    row = db.execute("SELECT done_rowid, last_rowid FROM scan_moves WHERE id = 1").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def move_out(db: Database, store: ScanStore, *, progress: Progress | None = None,
             batch_rows: int = BATCH_ROWS, budget_seconds: float | None = None) -> MoveResult:
    """Move what is left; `progress(done, total)` between batches may raise to stop.
    With `budget_seconds`, stop after the batch that passes it (the rest next time)."""
    deadline = None if budget_seconds is None else time.monotonic() + budget_seconds
    done, last = pending(db)
    start = done
    moved = unreadable = 0
    while done < last:
        rows = db.execute(
            "SELECT rowid, id, sha256, length(data) FROM attachments "
            "WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?",
            [done, last, batch_rows]).fetchall()
        if not rows:
            done = last
            _advance(db, [], done)
            break
        emptied: list[str] = []
        held = 0
        for rowid, attachment_id, sha256, length in rows:
            if held >= BATCH_BYTES:
                break
            done = int(rowid)
            if not length:
                continue
            blob = db.execute("SELECT data FROM attachments WHERE rowid = ?",
                              [rowid]).fetchone()[0]
            held += len(blob)
            if digest_of(bytes(blob)) != sha256:
                log.error("attachment %s does not match its hash; left in the archive",
                          attachment_id)
                unreadable += 1
                continue
            store.put(bytes(blob))  # written, read back and checked
            _after_file(attachment_id)
            emptied.append(attachment_id)
        _advance(db, emptied, done)
        moved += len(emptied)
        if progress is not None:
            progress(done - start, last - start)
        if deadline is not None and time.monotonic() >= deadline:
            break
    log.info("moved %d scans out of the archive (%d unreadable)", moved, unreadable)
    return MoveResult(moved, unreadable, max(0, last - done))


def _advance(db: Database, emptied: list[str], done: int) -> None:
    with db.atomic():
        for attachment_id in emptied:
            # never through the journal: the record is unchanged, only where its bytes live
            db.execute("UPDATE attachments SET data = X'' WHERE id = ?", [attachment_id])
        db.execute("UPDATE scan_moves SET done_rowid = ? WHERE id = 1", [done])
