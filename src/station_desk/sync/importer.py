"""Reading a bundle in: refuse it whole unless it is intact, addressed to us,
from a station we trust and signed by it; then write it in one transaction,
record by record, holding back (quarantining) any record that fails
validation instead of aborting the rest.

Two passes over the file: the first decrypts and checks the signature without
writing anything; the second writes, and checks again that it read exactly
what was signed (else the transaction is rolled back).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..db import journal, sync_repo
from ..db.cases_repo import name_grams
from ..db.sync_repo import ImportRecord, Peer
from ..domain.actor import Actor
from ..domain.cases import parse_case_no
from ..domain.errors import UserError
from ..domain.station import Station
from . import bundle, ranges
from .bundle import BundleRefused, Header
from .keys import StationKeys, unb64
from .tables import (
    CASE_CHILDREN,
    MATCH_KEYS,
    RETURN_TABLES,
    SHARED_FIELDS,
    STAMPS,
    TOWN_FIELDS,
    UP_TABLES,
    case_sort_key,
    check_case,
    furthest_step,
    rank,
    town_has_it,
)

log = logging.getLogger("station_desk.sync")

Progress = Callable[[int, int], None]
Row = dict[str, Any]

# Test hook: the import process ends itself (os._exit) once this many rows are
# written, mid-transaction, to prove an interrupted import leaves nothing.
KILL_ENV = "STATION_DESK_TEST_KILL_IMPORT_AFTER"

_QUOTE = "“{}”"


@dataclass(frozen=True)
class Verified:
    """A bundle that passed every check before import."""

    path: Path
    header: Header
    manifest: dict[str, Any]
    peer: Peer
    stream_key: bytes
    transcript: bytes

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    def to_json(self) -> dict[str, Any]:
        m = self.manifest
        return {"path": str(self.path), "ok": True, "bundle_id": self.bundle_id,
                "kind": m["kind"], "station": self.header.sender, "station_name": self.peer.name,
                "to": self.header.recipient, "seq_from": self.header.seq_from,
                "seq_to": self.header.seq_to, "full": bool(m.get("full")),
                "records": m["records"], "counts": m["counts"],
                "created_at": m["created_at"], "app_version": m["app_version"],
                "signed_by": self.peer.fingerprint}


@dataclass
class ImportReport:
    path: Path
    bundle_id: str
    kind: str
    station: str
    station_name: str
    seq_from: int
    seq_to: int
    created_at: str
    dry_run: bool = False
    already: str | None = None  # when this very bundle was imported before
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    released: list[dict[str, Any]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    receipt: dict[str, Any] | None = None
    holiday_years: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, table: str, outcome: str) -> None:
        per = self.by_table.setdefault(table, {"new": 0, "updated": 0, "unchanged": 0,
                                               "quarantined": 0})
        per[outcome] += 1
        if outcome in ("new", "updated", "unchanged"):
            setattr(self, outcome, getattr(self, outcome) + 1)

    def to_json(self) -> dict[str, Any]:
        return {"station": self.station, "station_name": self.station_name,
                "bundle_id": self.bundle_id, "kind": bundle.KIND_NAMES[self.kind],
                "seq_from": self.seq_from, "seq_to": self.seq_to, "new": self.new,
                "updated": self.updated, "unchanged": self.unchanged,
                "quarantined": self.quarantined, "missing": self.missing,
                "released": self.released, "kept": self.kept, "by_table": self.by_table,
                "skipped": self.skipped, "already_imported": self.already,
                "notes": self.notes,
                "dry_run": self.dry_run, "report": self.text()}

    def text(self) -> str:
        """The import report in Chinese, for the clerk and the printer."""
        head = f"{self.station_name}（{self.station}）{ranges.label(self.seq_from, self.seq_to)}"
        lines = [("【试导入，未写入】" if self.dry_run else "") + f"导入报告：{head}"]
        if self.already:
            lines.append(f"这个同步包已于 {self.already[:16].replace('T', ' ')} 导入过，"
                         "本次没有任何改动。")
        else:
            lines.append(f"新增 {self.new} 条，更新 {self.updated} 条，未变 {self.unchanged} 条，"
                         f"隔离 {len(self.quarantined)} 条。")
            for table, per in sorted(self.by_table.items()):
                lines.append(f"  {TABLE_LABELS.get(table, table)}：新增 {per['new']}，"
                             f"更新 {per['updated']}，未变 {per['unchanged']}，"
                             f"隔离 {per['quarantined']}")
        for q in self.quarantined:
            lines.append(f"隔离：{TABLE_LABELS.get(q['table'], q['table'])} {q['label']}"
                         f"（第 {q['seq']} 号）——{q['reason']}")
        for r in self.released:
            lines.append(f"此前隔离的 {TABLE_LABELS.get(r['table'], r['table'])} {r['label']} "
                         "本次已导入")
        for k in self.kept[:20]:
            lines.append(f"办件 {k['case_no']} 已由本中心接手：{k['field_label']}以本中心为准"
                         f"（村站为“{k['theirs']}”，本中心为“{k['ours']}”）")
        if len(self.kept) > 20:
            lines.append(f"……另有 {len(self.kept) - 20} 件同样以本中心为准")
        for table, n in sorted(self.skipped.items()):
            lines.append(f"本程序不导入“{table}”的记录，已跳过 {n} 条（可能对方程序版本较新）")
        for m in self.missing:
            lines.append("⚠ " + m["message"])
        lines += ["注意：" + n for n in self.notes]
        if not self.missing and not self.already:
            lines.append("之前的同步包都已收到，没有缺号。")
        return "\n".join(lines)


TABLE_LABELS = {"cases": "办件", "case_events": "办理记录", "notices": "告知书",
                "after_hours": "延时服务", "ratings": "满意度评价",
                "catalogue_items": "服务事项", "holiday_schedules": "节假日安排"}
FIELD_LABELS = {"status": "办件状态", "completed_at": "办结时间", "reason": "理由",
                "deadline": "承诺办结日期", "departments": "联办进度", "materials": "材料",
                "accepted_at": "受理时间", "supplement_notice_at": "补正告知",
                "supplement_due": "补正期限", "extended_days": "延期天数"}


# -- checks before anything is written ----------------------------------------


def _check_address(db: Database, header: Header, me: Station, path: Path) -> Peer:
    if header.recipient != me.code:
        other = sync_repo.get_peer(db, header.recipient)
        who = f"{other.name}（{header.recipient}）" if other else header.recipient
        raise BundleRefused("wrong_recipient",
                            f"同步包 {path.name} 是发给 {who} 的，"
                            f"不是本站（{me.name}，{me.code}）。没有导入任何内容。"
                            "请把它交给收件的站点。")
    if header.kind == bundle.KIND_CHANGES and not me.kind.is_town:
        raise BundleRefused("wrong_recipient", f"{path.name} 是村（社区）站交给镇中心的同步包，"
                                               "本站不是镇便民服务中心，不能导入。")
    if header.kind == bundle.KIND_RETURN and me.kind.is_town:
        raise BundleRefused("wrong_recipient", f"{path.name} 是镇中心发回村站的回传包，"
                                               "不能在镇中心导入。")
    peer = sync_repo.get_peer(db, header.sender)
    if peer is None or not peer.active:
        raise BundleRefused(
            "untrusted", f"同步包 {path.name} 来自站点 {header.sender}，该站不在本站的信任名单中，"
                         "没有导入任何内容。如确属本镇站点，请先导入它的身份文件（信任身份文件），"
                         "并电话核对指纹。")
    if header.kind == bundle.KIND_RETURN and peer.code != me.town_code:
        raise BundleRefused("untrusted", f"同步包 {path.name} 来自 {peer.name}，不是本站所属的"
                                         "镇中心，不能导入。")
    if header.kind == bundle.KIND_CHANGES and peer.town_code != me.code:
        raise BundleRefused("untrusted", f"{peer.name}不属于本中心，不能导入它的同步包。")
    return peer


def _check_manifest(path: Path, header: Header, manifest: dict[str, Any], me: Station) -> None:
    try:
        ok = (manifest["format"] == "station-desk-bundle"
              and manifest["station"]["code"] == header.sender
              and manifest["to"]["code"] == header.recipient
              and manifest["seq_from"] == header.seq_from
              and manifest["seq_to"] == header.seq_to
              and manifest["kind"] == bundle.KIND_NAMES[header.kind]
              and isinstance(manifest["bundle_id"], str)
              and isinstance(manifest["records"], int)
              and isinstance(manifest["counts"], dict))
        if header.kind == bundle.KIND_CHANGES:
            ok = ok and manifest["town"]["code"] == me.code
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise BundleRefused("tampered",
                            f"同步包 {path.name} 的清单与文件头不符，没有导入任何内容。")


def verify(db: Database, path: Path, *, me: Station, keys: StationKeys,
           progress: Progress | None = None) -> Verified:
    """Every check, nothing written: integrity, address, trust, decryption,
    signature, manifest."""
    header = bundle.check_integrity(path, progress)
    peer = _check_address(db, header, me, path)
    stream_key = bundle.open_stream_key(path, keys.box)
    digest = hashlib.sha256()
    manifest: dict[str, Any] | None = None
    signature = b""
    for n, message in enumerate(bundle.iter_messages(path, header, stream_key)):
        if message.kind == bundle.MSG_SIGNATURE:
            signature = message.body
            break
        if n == 0:
            if message.kind != bundle.MSG_MANIFEST:
                raise BundleRefused("tampered", f"同步包 {path.name} 缺少清单")
            try:
                manifest = json.loads(message.body)
            except ValueError:
                raise BundleRefused("tampered", f"同步包 {path.name} 的清单无法解读") from None
        bundle.transcript_update(digest, message)
    transcript = digest.digest()
    bundle.check_signature(path, header, unb64(peer.verify_key, "签名公钥"), transcript,
                           signature, peer.name)
    if not isinstance(manifest, dict):
        raise BundleRefused("tampered", f"同步包 {path.name} 缺少清单")
    _check_manifest(path, header, manifest, me)
    return Verified(path, header, manifest, peer, stream_key, transcript)


# -- writing ------------------------------------------------------------------


class _Rollback(Exception):
    """Raised at the end of a dry run to undo everything."""


@dataclass
class _Outcome:
    result: str  # new | updated | unchanged | quarantined | skipped
    reason: str = ""


class _Writer:
    """Applies the records of one verified bundle inside the caller's transaction."""

    def __init__(self, db: Database, v: Verified, me: Station, report: ImportReport,
                 actor: Actor) -> None:
        self.db = db
        self.v = v
        self.me = me
        self.report = report
        self.actor = actor
        self.sender = v.header.sender
        self.up = v.header.kind == bundle.KIND_CHANGES
        self.tables = UP_TABLES if self.up else RETURN_TABLES
        self.at = journal.now_iso()
        self.blobs: dict[str, bytes] = {}
        self.written = 0
        self.retrying = False
        self._mine: set[str] = set()  # cases whose status the town changed itself
        self._columns: dict[str, dict[str, bool]] = {}
        self._fks: dict[str, dict[str, str]] = {}
        self._blob_cols: dict[str, list[str]] = {}
        limit = os.environ.get(KILL_ENV)
        self._kill_after = int(limit) if limit and limit.isdigit() else None

    # schema facts, read once per table
    def columns(self, table: str) -> dict[str, bool]:
        if table not in self._columns:
            self._columns[table] = sync_repo.columns(self.db, table)
            self._fks[table] = sync_repo.foreign_keys(self.db, table)
            self._blob_cols[table] = sync_repo.blob_columns(self.db, table)
        return self._columns[table]

    def _wrote(self, n: int) -> None:
        self.written += n
        if self._kill_after is not None and self.written >= self._kill_after:
            os._exit(9)

    # -- one chunk of records -------------------------------------------------
    def apply(self, records: list[Row]) -> None:
        for table, run in groupby(records, key=lambda r: str(r.get("table"))):
            self._apply_run(table, list(run))
        self.blobs.clear()  # a chunk's blobs come right before it

    def _apply_run(self, table: str, recs: list[Row]) -> list[_Outcome]:
        if table not in self.tables or not sync_repo.table_exists(self.db, table):
            self.report.skipped[table] = self.report.skipped.get(table, 0) + len(recs)
            return [_Outcome("skipped")] * len(recs)
        cols = self.columns(table)
        key = MATCH_KEYS.get(table, "id") if not self.up else "id"
        outcomes: list[_Outcome | None] = [None] * len(recs)
        rows: list[Row | None] = [None] * len(recs)
        for i, rec in enumerate(recs):
            data = rec.get("data")
            if not isinstance(data, dict) or not isinstance(rec.get("id"), str) \
                    or not isinstance(rec.get("seq"), int):
                outcomes[i] = self._hold(rec, table, "记录格式不对")
                continue
            row, reason = self._materialize(table, data, cols)
            if reason:
                outcomes[i] = self._hold(rec, table, reason)
                continue
            rows[i] = row
        ids = [str(r.get("id")) for r in recs]
        vers = sync_repo.versions(self.db, table, ids)
        olds = sync_repo.existing(self.db, table,
                                  [r[key] for r in rows if r is not None and key in r], key)
        context = self._context(table, [r for r in rows if r is not None])
        self._mine = context.get("mine", set())
        inserts: list[tuple[int, Row]] = []
        for i, rec in enumerate(recs):
            incoming = rows[i]
            if incoming is None:
                continue
            version = vers.get(rec["id"])
            if version is not None and version[0] == self.sender and rec["seq"] <= version[1]:
                outcomes[i] = _Outcome("unchanged")  # we hold this state or a newer one
                continue
            old = olds.get(incoming.get(key))
            reason = self._check(table, rec, incoming, old, version, context)
            if reason:
                outcomes[i] = self._hold(rec, table, reason)
                continue
            if old is None:
                inserts.append((i, self._for_insert(table, incoming, cols)))
                continue
            outcomes[i] = self._update(table, rec, incoming, old)
        for n, inserted in self._insert(table, [r for _, r in inserts],
                                        [recs[i] for i, _ in inserts]):
            outcomes[inserts[n][0]] = inserted
        done: list[_Outcome] = []
        stamp: list[tuple[str, str, str, int]] = []
        for rec, result in zip(recs, outcomes, strict=True):
            assert result is not None
            done.append(result)
            if result.result in ("new", "updated", "unchanged"):
                version = vers.get(rec["id"])
                if version is None or version[1] < rec["seq"] or version[0] != self.sender:
                    stamp.append((table, rec["id"], self.sender, rec["seq"]))
            if not self.retrying:
                self.report.count(table, result.result)
        if stamp:
            sync_repo.set_versions(self.db, stamp)
        return done

    # -- per record -----------------------------------------------------------
    def _materialize(self, table: str, data: Row, cols: dict[str, bool]
                     ) -> tuple[Row, str]:
        """Local columns only; blob references replaced by the blobs."""
        row = dict(data) if cols.keys() >= data.keys() else {
            k: v for k, v in data.items() if k in cols}
        for column, target in self._fks.get(table, {}).items():
            if target not in self.tables and row.get(column) is not None:
                row[column] = None  # a link to a record that stays at the sender
        for column in self._blob_cols.get(table, []):
            ref = row.get(column)
            if isinstance(ref, dict):
                blob = self.blobs.get(str(ref.get("sha256")))
                if blob is None or len(blob) != ref.get("bytes"):
                    return row, "附件（PDF 等）不在同步包里或已损坏"
                row[column] = blob
        if "id" not in row:
            return row, "记录缺少编号"
        return row, ""

    def _context(self, table: str, rows: list[Row]) -> dict[str, Any]:
        """Facts of a whole run, read in a few queries."""
        ctx: dict[str, Any] = {}
        if table == "cases":
            ctx["mine"] = sync_repo.status_changed_here(self.db, [r["id"] for r in rows])
        if table in CASE_CHILDREN:
            ctx["case_station"] = sync_repo.case_stations(
                self.db, [str(r.get("case_id")) for r in rows if r.get("case_id")])
        return ctx

    def _check(self, table: str, rec: Row, row: Row, old: Row | None,
               version: tuple[str, int] | None, ctx: dict[str, Any]) -> str:
        owner = self.sender if self.up else self.me.code
        if table == "cases":
            station = (old or row).get("station_code")
            if station != owner or (self.up and row.get("station_code") != owner):
                where = station or row.get("station_code")
                return f"办件属于站点 {where}，不是{self._whose()}的办件"
            if self.up:
                parsed = parse_case_no(str(row.get("case_no", "")))
                if parsed is None or parsed[0] != owner:
                    return f"办件编号“{row.get('case_no')}”与站点编码不符"
                problem = check_case({**(old or {}), **row})
                if problem:
                    return problem
            elif old is None:
                return "本站没有这件办件（可能本站数据曾从备份恢复）"
        if table in CASE_CHILDREN:
            case_id = row.get("case_id")
            if case_id:
                station = ctx["case_station"].get(case_id)
                if station is None:
                    return f"所属办件 {case_id} 尚未收到（可能缺少之前的同步包）"
                if station != owner:
                    return "所属办件不是" + self._whose() + "的办件"
        if self.up and old is not None and (version is None or version[0] != self.sender):
            return "本中心已有同一编号的记录，且不是从该站导入的，不能被覆盖"
        return ""

    def _whose(self) -> str:
        return "发件站" if self.up else "本站"

    def _for_insert(self, table: str, row: Row, cols: dict[str, bool]) -> Row:
        row = dict(row)
        for stamp in STAMPS:
            if stamp in cols and not row.get(stamp):
                row[stamp] = self.at
        if table == "cases":
            row["sort_key"] = case_sort_key(row)
        return row

    def _merged(self, table: str, rec: Row, row: Row, old: Row) -> Row:
        """The incoming row after field ownership; only the fields to change."""
        if table == "cases" and self.up:
            new = dict(row)
            if old["id"] in self._mine or town_has_it(old):
                for f in TOWN_FIELDS:
                    if f in new and new[f] != old[f]:
                        if f in FIELD_LABELS and not self.retrying:
                            self.report.kept.append({
                                "case_no": old["case_no"], "field": f,
                                "field_label": FIELD_LABELS[f], "theirs": new[f],
                                "ours": old[f]})
                        new[f] = old[f]
            new["proxy_step"] = furthest_step(old.get("proxy_step"), row.get("proxy_step"))
            new["sort_key"] = case_sort_key({**old, **new})
        elif table == "cases":
            new = {f: row[f] for f in TOWN_FIELDS if f in row}
            for f in SHARED_FIELDS:
                if f in row:
                    new[f] = furthest_step(old.get(f), row.get(f))
            new["sort_key"] = case_sort_key({**old, **new})
        else:
            new = {k: v for k, v in row.items() if k != "id"}
        return {k: v for k, v in new.items()
                if k not in STAMPS and k != "id" and old.get(k) != v}

    def _update(self, table: str, rec: Row, row: Row, old: Row) -> _Outcome:
        changes = self._merged(table, rec, row, old)
        if not changes:
            return _Outcome("unchanged")
        if table == "notices":
            return self._hold(rec, table, "已存档的告知书不能被改写")
        try:
            with self.db.atomic():
                sync_repo.update_row(self.db, table, old["id"], changes, self.actor)
                if table == "cases" and "applicant_name" in changes:
                    sync_repo.add_name_grams(self.db, [
                        (g, old["id"]) for g in name_grams(str(changes["applicant_name"]))])
        except sqlite3.IntegrityError as exc:
            return self._hold(rec, table, _integrity_reason(exc, row))
        if table == "holiday_schedules":
            self.report.holiday_years.append(int(old["year"]))
        self._wrote(1)
        return _Outcome("updated")

    def _insert(self, table: str, rows: list[Row], recs: list[Row]
                ) -> list[tuple[int, _Outcome]]:
        """Bulk insert; rows whose parent is missing or that the database
        refuses are held back one by one."""
        out: list[tuple[int, _Outcome]] = []
        if not rows:
            return out
        cols = self.columns(table)
        keep: list[int] = []
        missing: dict[int, str] = {}
        for column, target in self._fks.get(table, {}).items():
            wanted = {r[column] for r in rows if r.get(column) is not None}
            there = sync_repo.present(self.db, target, wanted) if wanted else set()
            for i, r in enumerate(rows):
                value = r.get(column)
                if value is not None and value not in there and i not in missing:
                    what = TABLE_LABELS.get(target, target)
                    missing[i] = f"所指的{what}记录 {value} 尚未收到（可能缺少之前的同步包）"
        required = [c for c, needed in cols.items() if needed]
        for i, r in enumerate(rows):
            absent = [c for c in required if r.get(c) is None]
            if i in missing:
                out.append((i, self._hold(recs[i], table, missing[i])))
            elif absent:
                out.append((i, self._hold(recs[i], table, "缺少必填字段：" + "、".join(absent))))
            else:
                keep.append(i)
        # rows from another program version may carry other columns: one batch each
        shapes: dict[tuple[str, ...], list[int]] = {}
        for i in keep:
            shapes.setdefault(tuple(rows[i]), []).append(i)
        for names, members in shapes.items():
            out += self._insert_batch(table, names, members, rows, recs)
        return out

    def _insert_batch(self, table: str, names: tuple[str, ...], members: list[int],
                      rows: list[Row], recs: list[Row]) -> list[tuple[int, _Outcome]]:
        good = [rows[i] for i in members]
        try:
            with self.db.atomic():
                sync_repo.insert_rows(self.db, table, names, good, self.actor, self.at,
                                      plain=self._plain(table, names))
                self._after_insert(table, good)
            self._wrote(len(good))
            return [(i, _Outcome("new")) for i in members]
        except sqlite3.IntegrityError:
            pass
        out: list[tuple[int, _Outcome]] = []
        for i in members:  # one by one, to find the rows at fault
            try:
                with self.db.atomic():
                    sync_repo.insert_rows(self.db, table, names, [rows[i]], self.actor,
                                          self.at, plain=self._plain(table, names))
                    self._after_insert(table, [rows[i]])
                out.append((i, _Outcome("new")))
                self._wrote(1)
            except sqlite3.IntegrityError as exc:
                out.append((i, self._hold(recs[i], table, _integrity_reason(exc, rows[i]))))
        return out

    def _plain(self, table: str, names: tuple[str, ...]) -> bool:
        """No blob and no secret among the columns: audit copies need no masking."""
        return not (set(self._blob_cols.get(table, [])) | sync_repo.secret_columns()
                    ) & set(names)

    def _after_insert(self, table: str, rows: list[Row]) -> None:
        if table == "cases":
            sync_repo.add_name_grams(self.db, [(g, r["id"]) for r in rows
                                               for g in name_grams(str(r["applicant_name"]))])
        if table == "holiday_schedules":
            self.report.holiday_years += [int(r["year"]) for r in rows]

    def _hold(self, rec: Row, table: str, reason: str) -> _Outcome:
        if not self.retrying:
            data = rec.get("data") if isinstance(rec.get("data"), dict) else {}
            assert isinstance(data, dict)
            blobs = {}
            for value in data.values():
                if isinstance(value, dict) and str(value.get("sha256")) in self.blobs:
                    sha = str(value["sha256"])
                    blobs[sha] = base64.b64encode(self.blobs[sha]).decode("ascii")
            sync_repo.quarantine(
                self.db, bundle_id=self.v.bundle_id, from_code=self.sender,
                seq=int(rec.get("seq") or 0), table=table, record_id=str(rec.get("id")),
                reason=reason, data={"record": rec, "blobs": blobs}, at=self.at)
            self.report.quarantined.append({
                "table": table, "id": str(rec.get("id")), "seq": rec.get("seq"),
                "label": _record_label(table, data), "reason": reason})
        return _Outcome("quarantined", reason)

    # -- records held back earlier ----------------------------------------------
    def retry_held(self) -> None:
        """Records of this sender held back before: a later bundle (e.g. a missing
        one) may have brought what they lacked."""
        held = sync_repo.held(self.db, self.sender)
        held.sort(key=lambda q: (rank(self.tables, q.table), q.seq))
        ours = {(q["table"], q["id"]) for q in self.report.quarantined}
        self.retrying = True
        try:
            for q in held:
                rec = q.data.get("record", {})
                self.blobs = {sha: base64.b64decode(b)
                              for sha, b in q.data.get("blobs", {}).items()}
                [outcome] = self._apply_run(q.table, [rec])
                if outcome.result in ("new", "updated", "unchanged"):
                    sync_repo.release(self.db, q.id, self.at)
                    item = {"table": q.table, "id": q.record_id, "seq": q.seq,
                            "label": _record_label(q.table, rec.get("data") or {})}
                    if (q.table, q.record_id) in ours:
                        # held and released within this import: not held after all
                        self.report.quarantined = [
                            x for x in self.report.quarantined
                            if (x["table"], x["id"]) != (q.table, q.record_id)]
                        per = self.report.by_table[q.table]
                        per["quarantined"] -= 1
                        self.report.count(q.table, outcome.result)
                    else:
                        self.report.released.append(item)
        finally:
            self.retrying = False
            self.blobs = {}


def _record_label(table: str, data: Row) -> str:
    for key in ("case_no", "notice_no", "code", "year", "case_id", "id"):
        if data.get(key):
            return str(data[key])
    return ""


def _integrity_reason(exc: sqlite3.IntegrityError, row: Row) -> str:
    text = str(exc)
    if "cases.case_no" in text:
        return f"办件编号“{row.get('case_no')}”已被本中心另一件办件使用"
    if "UNIQUE" in text:
        return f"与已有记录重复（{text.split(':')[-1].strip()}）"
    if "FOREIGN KEY" in text:
        return "所指的记录尚未收到（可能缺少之前的同步包）"
    if "NOT NULL" in text:
        return f"缺少必填字段（{text.split(':')[-1].strip()}）"
    return f"数据库拒绝写入：{text}"


def import_actor(peer: Peer, header: Header) -> Actor:
    return sync_repo.import_actor(peer.name, ranges.label(header.seq_from, header.seq_to))


def missing_after(db: Database, peer: Peer, extra: tuple[int, int] | None = None
                  ) -> list[dict[str, Any]]:
    got = sync_repo.imported_ranges(db, peer.code) + ([extra] if extra else [])
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
    before = sync_repo.find_import(db, v.bundle_id)
    if before is not None:
        report.already = before.imported_at
        report.missing = missing_after(db, v.peer)
        return report
    actor = import_actor(v.peer, h)
    total = int(m["records"])
    try:
        with sync_repo.large_cache(db), db.atomic():
            writer = _Writer(db, v, me, report, actor)
            digest = hashlib.sha256()
            done = 0
            for message in bundle.iter_messages(path, h, v.stream_key):
                if message.kind == bundle.MSG_SIGNATURE:
                    if digest.digest() != v.transcript:
                        raise BundleRefused("tampered", f"同步包 {path.name} 在导入过程中被改动，"
                                                        "已撤销本次导入。")
                    break
                bundle.transcript_update(digest, message)
                if message.kind == bundle.MSG_BLOB:
                    sha, data = bundle.decode_blob(message.body)
                    writer.blobs[sha] = data
                elif message.kind == bundle.MSG_RECORDS:
                    records = bundle.decode_records(message.body)
                    writer.apply(records)
                    done += len(records)
                    if progress is not None:
                        progress(done, total)
            if done != total:
                raise BundleRefused("tampered", f"同步包 {path.name} 的记录数与清单不符")
            writer.retry_held()
            sync_repo.record_import(db, ImportRecord(
                v.bundle_id, h.sender, v.peer.name, h.kind, h.seq_from, h.seq_to,
                report.created_at, writer.at, report.new, report.updated, report.unchanged,
                len(report.quarantined), report.receipt, path.name, h.sha256.hex(),
                actor_name or actor.name))
            report.missing = missing_after(db, v.peer)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    log.info("imported %s from %s: %d new, %d updated, %d unchanged, %d held%s", v.bundle_id,
             h.sender, report.new, report.updated, report.unchanged, len(report.quarantined),
             " (dry run)" if dry_run else "")
    return report


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
