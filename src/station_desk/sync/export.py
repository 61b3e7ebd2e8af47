"""Writing a bundle onto the stick: what changed since the last trip (or all
of it, or the last range again), under a `.partial` name until it is flushed,
renamed and read back whole."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from json.encoder import encode_basestring as _quote
from json.encoder import encode_basestring_ascii as _quote_ascii
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .. import __version__
from ..db import (
    archive_repo,
    audit_chain,
    epochs,
    files,
    journal,
    supervision_repo,
    sync_log,
    sync_repo,
)
from ..db.errors import translate
from ..db.scan_store import ScanStore, ScanUnreadable
from ..db.sync_log import ExportRecord
from ..db.sync_peers import Peer
from ..domain.errors import StorageError, UserError, os_message
from ..domain.ids import new_id
from ..domain.progress import Progress
from ..domain.station import Station
from . import bundle, ranges
from .keys import StationKeys, unb64, verify_signature
from .tables import (
    CASE_CHILDREN,
    PROXIED_ONLY,
    RETURN_CASE_FIELDS,
    RETURN_TABLES,
    UP_TABLES,
    rank,
)

log = logging.getLogger("station_desk.sync")


CHUNK_RECORDS = 2000
CHUNK_BLOB_BYTES = 8 * 1024 * 1024
FORMAT_NAME = "station-desk-bundle"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    station: str
    to: str
    to_name: str
    kind: str
    seq_from: int
    seq_to: int
    full: bool
    records: int
    counts: dict[str, int]
    blobs: int
    size: int
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "station": self.station, "to": self.to,
                "kind": bundle.KIND_NAMES[self.kind], "bundle_id": self.bundle_id,
                "seq_from": self.seq_from, "seq_to": self.seq_to, "full": self.full,
                "records": self.records, "counts": self.counts, "blobs": self.blobs,
                "size": self.size, "notes": self.notes}


def receipt_for(db: Database, peer: Peer) -> dict[str, Any]:
    """What we have imported from `peer`: it learns which bundles arrived."""
    raw = sync_log.imported_ranges(db, peer.code)
    return {"station": peer.code, "ranges": [list(r) for r in ranges.merge(raw)],
            "missing": [list(r) for r in ranges.gaps(raw)],
            "holds": supervision_repo.holdings(db),
            "bundles": [{"id": i.id, "seq_from": i.seq_from, "seq_to": i.seq_to,
                         "imported_at": i.imported_at}
                        for i in sync_log.list_imports(db, peer.code, limit=100)]}


def plan_range(db: Database, peer: Peer, *, full: bool, again: bool) -> tuple[int, int]:
    last = journal.last_seq(db)
    if again:
        previous = sync_log.last_export(db, peer.code)
        if previous is None:
            raise UserError(f"还没有给{peer.name}导出过同步包，无法“重新导出上一次”；请直接导出")
        return previous.seq_from, previous.seq_to
    if full:
        return 1, last
    return sync_log.exported_up_to(db, peer.code) + 1, last


def _restored_since_last_export(db: Database, peer: Peer) -> bool:
    """The peer restored a backup and lost what we sent after it: send it all again."""
    seen = epochs.seen(db, peer.code)
    if not seen:
        return False
    previous = sync_log.last_export(db, peer.code)
    return previous is None or previous.id < seen[-1].mark


def _line(seq: int, at: str, table: str, record_id: str, action: str, data: str) -> bytes:
    # json's own C string quoting (what json.dumps does for a str, without its
    # per-call set-up): a fifth of the export's time at 100,000 records
    return (f'{{"seq":{int(seq)},"at":{_quote_ascii(at)},"table":{_quote_ascii(table)},'
            f'"id":{_quote(record_id)},"action":{_quote_ascii(action)},'
            f'"data":{data}}}').encode()


class _Body:
    """Collects record lines and the blobs they name; flushes in chunks."""

    def __init__(self, writer: bundle.BundleWriter) -> None:
        self.writer = writer
        self.lines: list[bytes] = []
        self.blobs: list[bytes] = []
        self.blob_bytes = 0
        self.blob_count = 0

    def add(self, line: bytes, blobs: list[bytes]) -> None:
        self.lines.append(line)
        self.blobs += blobs
        self.blob_bytes += sum(len(b) for b in blobs)
        if len(self.lines) >= CHUNK_RECORDS or self.blob_bytes >= CHUNK_BLOB_BYTES:
            self.flush()

    def flush(self) -> None:
        for b in self.blobs:  # before the chunk that names them
            self.writer.blob(b)
        self.blob_count += len(self.blobs)
        if self.lines:
            self.writer.records(self.lines)
        self.lines, self.blobs, self.blob_bytes = [], [], 0


def _attach_blobs(db: Database, table: str, record_id: str, data: dict[str, Any],
                  columns: list[str]) -> list[bytes]:
    out = []
    for column in columns:
        ref = data.get(column)
        if not isinstance(ref, dict):
            continue
        value = sync_repo.blob(db, table, record_id, column)
        if value is not None and hashlib.sha256(value).hexdigest() == ref.get("sha256"):
            out.append(value)
        else:
            log.warning("blob %s/%s.%s changed since the logged state", table, record_id,
                        column)
    return out


def _with_scan(db: Database, record_id: str, text: str) -> tuple[str, list[bytes]]:
    """An attachment's line names its scan as any blob is named; the bytes come
    from the store beside the archive (or from the row, not moved yet). A scan
    lost here travels without its bytes: the town holds the record back."""
    data = json.loads(text)
    data["data"] = {"sha256": data.get("sha256"), "bytes": data.get("size")}
    try:
        scan = archive_repo.scan_bytes(db, ScanStore.of_db(db), record_id,
                                       str(data.get("name", "")))
    except (KeyError, ScanUnreadable) as exc:
        log.warning("scan of attachment %s not sent: %s", record_id, exc)
        scan = None
    return json.dumps(data, ensure_ascii=False, sort_keys=True), [] if scan is None else [scan]


def _write_body(db: Database, writer: bundle.BundleWriter, picks: list[tuple[int, int, str]],
                kind: str, progress: Progress | None) -> int:
    body = _Body(writer)
    blob_cols = {t: sync_repo.blob_columns(db, t) for t in {p[2] for p in picks}}
    seqs = [p[0] for p in picks]
    total = len(seqs)
    for start in range(0, total, CHUNK_RECORDS):
        for seq, at, table, record_id, action, text in sync_repo.change_entries(
                db, seqs[start:start + CHUNK_RECORDS]):
            blobs: list[bytes] = []
            if kind == bundle.KIND_RETURN and table == "cases":
                data = json.loads(text)
                text = json.dumps({k: data[k] for k in RETURN_CASE_FIELDS if k in data},
                                  ensure_ascii=False, sort_keys=True)
            elif table in PROXIED_ONLY:
                text, blobs = _with_scan(db, record_id, text)
            elif blob_cols.get(table):
                blobs = _attach_blobs(db, table, record_id, json.loads(text), blob_cols[table])
            body.add(_line(seq, at, table, record_id, action, text), blobs)
        if progress is not None:
            progress(min(start + CHUNK_RECORDS, total), total)
    body.flush()
    return body.blob_count


def _unique_path(folder: Path, name: str) -> Path:
    path = folder / name
    n = 2
    while path.exists() or path.with_name(path.name + bundle.PARTIAL).exists():
        path = folder / name.replace(bundle.SUFFIX, f"-{n}{bundle.SUFFIX}")
        n += 1
    return path


def _storage(exc: OSError, where: Path) -> StorageError:
    known = translate(exc)
    if isinstance(known, StorageError):
        return known
    return StorageError(f"写入 {where} 失败：{os_message(exc)}。"
                        "U盘可能已拔出或已满，同步包没有写完，请重新导出。")


def read_back(path: Path, expected: bundle.Header, stream_key: bytes, keys: StationKeys,
              transcript: bytes) -> None:
    """Read the file from the stick (cache dropped) and check it whole: hash,
    every encrypted chunk, our own signature."""
    with open(path, "rb") as f:
        files.drop_cache(f)
    header = bundle.check_integrity(path)
    if header != expected:
        raise bundle.BundleRefused("damaged", "读回的文件头与写入的不一致")
    digest = hashlib.sha256()
    signature = b""
    for message in bundle.iter_messages(path, header, stream_key):
        if message.kind == bundle.MSG_SIGNATURE:
            signature = message.body
        else:
            bundle.transcript_update(digest, message)
    if digest.digest() != transcript or not verify_signature(
            keys.verify_key, bundle.signing_message(header, transcript), signature):
        raise bundle.BundleRefused("damaged", "读回的内容与写入的不一致")


def export_bundle(db: Database, *, me: Station, keys: StationKeys, peer: Peer, folder: Path,
                  full: bool = False, again: bool = False, actor_name: str,
                  progress: Progress | None = None) -> ExportResult:
    """Write, flush, rename, read back, then record the export."""
    kind = bundle.KIND_RETURN if me.kind.is_town else bundle.KIND_CHANGES
    tables = RETURN_TABLES if kind == bundle.KIND_RETURN else UP_TABLES
    resend = not full and not again and _restored_since_last_export(db, peer)
    full = full or resend
    seq_from, seq_to = plan_range(db, peer, full=full, again=again)
    village = peer.code if kind == bundle.KIND_RETURN else None
    picks = sync_repo.pick_changes(db, seq_from, seq_to, tables, village, CASE_CHILDREN,
                                   PROXIED_ONLY)
    picks.sort(key=lambda p: (rank(tables, p[2]), p[1]))
    counts: dict[str, int] = {}
    for _, _, table in picks:
        counts[table] = counts.get(table, 0) + 1
    bundle_id = new_id()
    now = datetime.now().astimezone()
    town = (me.code, me.name) if me.kind.is_town else (peer.code, peer.name)
    manifest = {
        "format": FORMAT_NAME, "format_version": bundle.FORMAT_VERSION,
        "bundle_id": bundle_id, "kind": bundle.KIND_NAMES[kind],
        "station": {"code": me.code, "name": me.name, "kind": me.kind.value},
        "town": {"code": town[0], "name": town[1]},
        "to": {"code": peer.code, "name": peer.name},
        "seq_from": seq_from, "seq_to": seq_to, "full": full, "again": again,
        "records": len(picks), "counts": counts,
        "created_at": now.isoformat(timespec="seconds"), "app_version": __version__,
        "receipt": receipt_for(db, peer),
        "chain": audit_chain.bundle_heads(db, seq_from, seq_to),
    }
    epoch = epochs.current(db)
    if epoch is not None:
        manifest["epoch"] = epoch.to_json()
    header0 = bundle.Header(bundle.FORMAT_VERSION, kind, me.code, peer.code, seq_from,
                            seq_to, 0, bytes(32))
    final = _unique_path(folder, bundle.bundle_name(header0, now.strftime("%Y%m%d-%H%M%S")))
    partial = final.with_name(final.name + bundle.PARTIAL)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as out:
            writer = bundle.BundleWriter(out, kind=kind, sender=me.code, recipient=peer.code,
                                         seq_from=seq_from, seq_to=seq_to, keys=keys,
                                         recipient_box=unb64(peer.box_key, "对方加密公钥"))
            writer.manifest(manifest)
            blobs = _write_body(db, writer, picks, kind, progress)
            header = writer.finish()
            transcript = writer.transcript()
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, final)
        files.sync_dir(folder)
    except OSError as exc:
        _discard(partial)
        raise _storage(exc, folder) from exc
    except BaseException:
        _discard(partial)
        raise
    try:
        read_back(final, header, writer.stream_key, keys, transcript)
    except (OSError, UserError) as exc:
        _discard(final)
        raise StorageError(f"同步包写入 {folder} 后读回校验失败（{getattr(exc, 'message', exc)}）。"
                           "U盘可能有坏块或已拔出，请换一个U盘重新导出。") from exc
    size = final.stat().st_size
    sync_log.record_export(db, ExportRecord(
        bundle_id, peer.code, kind, seq_from, seq_to, full, len(picks), counts, final.name,
        size, header.sha256.hex(), actor_name, now.isoformat(timespec="seconds")))
    log.info("exported %s (%s..%s, %d records) to %s", bundle_id, seq_from, seq_to,
             len(picks), final)
    notes = ([f"{peer.name}从备份恢复过数据，丢了之后收到的内容：这次导出了全部记录"]
             if resend else [])
    return ExportResult(final, bundle_id, me.code, peer.code, peer.name, kind, seq_from,
                        seq_to, full, len(picks), counts, blobs, size, notes)


def _discard(path: Path) -> None:
    """Best effort: a pulled stick cannot be cleaned, but the name says `.partial`."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
