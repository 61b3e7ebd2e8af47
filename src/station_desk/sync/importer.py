"""Reading a bundle in: refuse it whole unless it is intact, addressed to us,
from a station we trust and signed by it; then write it in one transaction,
record by record, holding back (quarantining) any record that fails
validation instead of aborting the rest.

Two passes over the file: the first decrypts and checks the signature without
writing anything; the second writes, and checks again that it read exactly
what was signed (else the transaction is rolled back).

The pieces: `checks` (the first pass: every check, nothing written), `writer`
(applying records, quarantining the bad ones), `merge` (which side owns which
field), `report` (what the import did).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..db import audit_chain, sync_log, sync_repo
from ..db.sync_log import ImportRecord
from ..db.sync_peers import Peer
from ..domain.actor import Actor
from ..domain.errors import UserError
from ..domain.progress import Progress
from ..domain.station import Station
from . import bundle, epochs, ranges
from .bundle import BundleRefused, Header
from .checks import Verified, verify
from .keys import StationKeys
from .merge import Row
from .read_ahead import Chunk, ReadAhead
from .report import FIELD_LABELS, TABLE_LABELS, ImportReport
from .writer import KILL_ENV, RecordWriter

__all__ = ["FIELD_LABELS", "KILL_ENV", "TABLE_LABELS", "ImportReport", "Progress", "Row",
           "Verified", "import_actor", "import_bundle", "list_bundles", "missing_after",
           "verify"]

log = logging.getLogger("station_desk.sync")


class _Rollback(Exception):
    """Raised at the end of a dry run to undo everything."""


def import_actor(peer: Peer, header: Header) -> Actor:
    return sync_repo.import_actor(peer.name, ranges.label(header.seq_from, header.seq_to))


def missing_after(db: Database, peer: Peer, extra: tuple[int, int] | None = None
                  ) -> list[dict[str, Any]]:
    got = sync_log.imported_ranges(db, peer.code) + ([extra] if extra else [])
    return [{"station": peer.code, "from": a, "to": b,
             "message": ranges.missing_message(peer.name, a, b)}
            for a, b in ranges.gaps(got)]


def import_bundle(db: Database, path: Path, *, me: Station, keys: StationKeys,
                  dry_run: bool = False, actor_name: str = "",
                  progress: Progress | None = None) -> ImportReport:
    """Verify, then write the whole bundle in one transaction (a dry run is
    rolled back at the end). Raises `BundleRefused` with nothing written."""
    v = verify(db, path, me=me, keys=keys)
    h, m = v.header, v.manifest
    report = ImportReport(path, v.bundle_id, h.kind, h.sender, v.peer.name, h.seq_from,
                          h.seq_to, str(m.get("created_at", "")), dry_run=dry_run,
                          receipt=m.get("receipt") if isinstance(m.get("receipt"), dict)
                          else None)
    before = sync_log.find_import(db, v.bundle_id)
    if before is not None:
        report.already = before.imported_at
        report.missing = missing_after(db, v.peer)
        return report
    actor = import_actor(v.peer, h)
    total = int(m["records"])
    standing = epochs.standing(db, h.sender, epochs.parse(m.get("epoch")))
    heads = m.get("chain") if standing.compare_heads else None
    if isinstance(heads, dict):
        changed = audit_chain.compare_heads(db, h.sender, heads, ignore=standing.ignores_head)
        if changed:
            log.error("history of %s rewritten at %s", h.sender, changed)
            report.notes.append(
                f"⚠ {v.peer.name}的历史记录与之前收到的同步包不一致（第 {changed[0]} 号变更的"
                "校验值变了）：那边的数据可能被本程序以外的方式改写过，请核查。")
    try:
        with sync_repo.large_cache(db), db.atomic():
            epochs.take_new(db, h.sender, standing, v.bundle_id)
            writer = RecordWriter(db, v, me, report, actor, stale_above=standing.stale_above)
            done = _write_records(writer, path, v, total, progress)
            if done != total:
                raise BundleRefused("tampered", f"同步包 {path.name} 的记录数与清单不符")
            writer.retry_held()
            report.notes += epochs.notes(db, v.peer.name, h.sender, standing,
                                         report.superseded)
            sync_log.record_import(db, ImportRecord(
                v.bundle_id, h.sender, v.peer.name, h.kind, h.seq_from, h.seq_to,
                report.created_at, writer.at, report.new, report.updated, report.unchanged,
                len(report.quarantined), report.receipt, path.name, h.sha256.hex(),
                actor_name or actor.name))
            if isinstance(heads, dict):
                audit_chain.remember_heads(db, h.sender, v.bundle_id, heads)
            report.missing = missing_after(db, v.peer)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    log.info("imported %s from %s: %d new, %d updated, %d unchanged, %d held%s", v.bundle_id,
             h.sender, report.new, report.updated, report.unchanged, len(report.quarantined),
             " (dry run)" if dry_run else "")
    return report


def _write_records(writer: RecordWriter, path: Path, v: Verified, total: int,
                   progress: Progress | None) -> int:
    """Every records message written in order, each chunk's content checked on the
    read-ahead thread while the chunk before it is written; the number of records.
    Refuses the bundle if what it read is not what was signed."""
    digest = hashlib.sha256()
    done = 0
    blobs: dict[str, bytes] = {}
    pending: Chunk | None = None

    def write(chunk: Chunk) -> None:
        nonlocal done
        writer.blobs = chunk.blobs
        writer.apply(chunk.records, chunk.checks.result() if chunk.checks else None)
        done += len(chunk.records)
        if progress is not None:
            progress(done, total)

    reader = ReadAhead(path, v.header, v.stream_key)
    try:
        for chunk in reader:
            message = chunk.message
            if message.kind == bundle.MSG_SIGNATURE:
                if pending is not None:
                    write(pending)
                    pending = None
                if digest.digest() != v.transcript:
                    raise BundleRefused("tampered", f"同步包 {path.name} 在导入过程中被改动，"
                                                    "已撤销本次导入。")
                break
            bundle.transcript_update(digest, message)
            blobs.update(chunk.blobs)
            if message.kind == bundle.MSG_RECORDS:
                chunk.blobs, blobs = blobs, {}
                reader.check(chunk, writer.already_held(chunk.records))
                if pending is not None:
                    write(pending)
                pending = chunk
    finally:
        reader.close()
    return done


def list_bundles(folder: Path, me_code: str) -> list[tuple[Path, Header | None, str]]:
    """Bundle files in a folder (e.g. the stick's root): path, header (None if
    unreadable) and a note; ours first."""
    out: list[tuple[Path, Header | None, str]] = []
    try:
        paths = sorted(p for p in folder.iterdir()
                       if p.name.endswith(bundle.SUFFIX) or p.name.endswith(
                           bundle.SUFFIX + bundle.PARTIAL))
    except OSError:
        return out
    for p in paths:
        try:
            h = bundle.read_header(p)
        except UserError as exc:
            out.append((p, None, exc.message))
            continue
        note = "" if h.recipient == me_code else f"发给 {h.recipient}"
        out.append((p, h, note))
    out.sort(key=lambda x: (x[1] is None or x[1].recipient != me_code,
                            x[1].sender if x[1] else "", x[1].seq_from if x[1] else 0))
    return out
