"""Writing the records of one verified bundle, inside the caller's
transaction: insert or update each record, or hold it back (quarantine) with
the reason when it fails validation, instead of aborting the rest; and retry
the sender's records held back by earlier imports."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlite_utils import Database

from ..db import journal, service_repo, sync_repo
from ..db.cases_repo import name_grams
from ..db.cipher import IntegrityError
from ..db.scan_store import ScanStore, digest_of
from ..domain.actor import Actor
from ..domain.station import Station
from . import bundle
from .checks import Verified
from .merge import Row, check_record, for_insert, merged_changes
from .record_problems import content_problem, integrity_reason, safe_seq, shape_problem
from .report import TABLE_LABELS, ImportReport, record_label
from .tables import (
    CASE_CHILDREN,
    MATCH_KEYS,
    PROXIED_ONLY,
    RETURN_TABLES,
    STATION_TABLES,
    UP_TABLES,
    rank,
)

# Test hook: the import process ends itself (os._exit) once this many rows are
# written, mid-transaction, to prove an interrupted import leaves nothing.
KILL_ENV = "STATION_DESK_TEST_KILL_IMPORT_AFTER"


@dataclass
class Outcome:
    result: str  # new | updated | unchanged | superseded | quarantined | skipped
    reason: str = ""


class RecordWriter:
    """Applies the records of one verified bundle inside the caller's transaction."""

    def __init__(self, db: Database, v: Verified, me: Station, report: ImportReport,
                 actor: Actor, *, stale_above: int | None = None) -> None:
        self.db = db
        # a bundle made before the sender's restore: changes numbered above this
        # were undone there (sync/epochs.py)
        self.stale_above = stale_above
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
    def apply(self, records: list[Row], checks: list[str | None] | None = None) -> None:
        """`checks`: each record's content problem found beforehand (`read_ahead`),
        None where not looked at (then it is checked here if it must be)."""
        at = 0
        for table, run in groupby(records, key=lambda r: str(r.get("table"))):
            recs = list(run)
            self._apply_run(table, recs, checks[at:at + len(recs)] if checks else None)
            at += len(recs)
        self.blobs.clear()  # a chunk's blobs come right before it

    def already_held(self, records: list[Row]) -> set[int]:
        """Which of `records` (by position) hold a state we have, as of now: their
        content need not be checked (the writer looks at their versions again)."""
        out: set[int] = set()
        at = 0
        for table, run in groupby(records, key=lambda r: str(r.get("table"))):
            recs = list(run)
            if table in self.tables:
                vers = sync_repo.versions(self.db, table, [str(r.get("id")) for r in recs])
                out.update(at + i for i, rec in enumerate(recs)
                           if not shape_problem(rec)
                           and self._already_held(rec, vers.get(rec["id"])))
            at += len(recs)
        return out

    def _apply_run(self, table: str, recs: list[Row], checks: list[str | None] | None = None
                   ) -> list[Outcome]:
        if table not in self.tables or not sync_repo.table_exists(self.db, table):
            self.report.skipped[table] = self.report.skipped.get(table, 0) + len(recs)
            return [Outcome("skipped")] * len(recs)
        cols = self.columns(table)
        key = MATCH_KEYS.get(table, "id") if not self.up else "id"
        outcomes: list[Outcome | None] = [None] * len(recs)
        rows: list[Row | None] = [None] * len(recs)
        shapes = [shape_problem(rec) for rec in recs]
        vers = sync_repo.versions(self.db, table, [str(r.get("id")) for r in recs])
        for i, rec in enumerate(recs):
            if not shapes[i] and self._already_held(rec, vers.get(rec["id"])):
                # we hold this state or a newer one: not validated, not written again
                # (a held record retried is validated first: a damaged one stays held)
                outcomes[i] = Outcome("unchanged")
                continue
            data = rec["data"] if not shapes[i] else None
            found = checks[i] if checks else None
            reason = shapes[i] or (found if found is not None
                                   else content_problem(table, rec["data"]))
            if reason:
                outcomes[i] = self._hold(rec, table, reason)
                continue
            assert isinstance(data, dict)
            row, reason = self._materialize(table, data, cols)
            if reason:
                outcomes[i] = self._hold(rec, table, reason)
                continue
            rows[i] = row
        olds = sync_repo.existing(self.db, table,
                                  [r[key] for r in rows if r is not None and key in r], key)
        context = self._context(table, [r for r in rows if r is not None])
        self._mine = context.get("mine", set())
        inserts: list[tuple[int, Row]] = []
        for i, rec in enumerate(recs):
            incoming = rows[i]
            if incoming is None:
                continue
            if self.stale_above is not None and rec["seq"] > self.stale_above:
                outcomes[i] = Outcome("superseded")
                continue
            version = vers.get(rec["id"])
            old = olds.get(incoming.get(key))
            reason = check_record(table, incoming, old, version, context, sender=self.sender,
                                  me_code=self.me.code, up=self.up)
            if reason:
                outcomes[i] = self._hold(rec, table, reason)
                continue
            if old is None:
                inserts.append((i, for_insert(table, incoming, cols, self.at)))
                continue
            outcomes[i] = self._update(table, rec, incoming, old)
        for n, inserted in self._insert(table, [r for _, r in inserts],
                                        [recs[i] for i, _ in inserts]):
            outcomes[inserts[n][0]] = inserted
        done: list[Outcome] = []
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
    def _already_held(self, rec: Row, version: tuple[str, int] | None) -> bool:
        """This sender's state of the record, or a newer one, is stored here (a
        record of a stale bundle is superseded instead, after its checks)."""
        if self.retrying or self.stale_above is not None and rec["seq"] > self.stale_above:
            return False
        return version is not None and version[0] == self.sender and rec["seq"] <= version[1]

    def _materialize(self, table: str, data: Row, cols: dict[str, bool]
                     ) -> tuple[Row, str]:
        """Local columns only; blob references replaced by the blobs."""
        row = dict(data) if cols.keys() >= data.keys() else {
            k: v for k, v in data.items() if k in cols}
        if self.up and table in STATION_TABLES and not row.get("station_code"):
            row["station_code"] = self.sender  # recorded before the column existed
        if table == "after_hours":  # an older sender's withdrawal, told by its note
            row = service_repo.upgrade_old_session_row(row)
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
        if table in PROXIED_ONLY:  # a scan: into this archive's store, not the row
            scan = row.get("data")
            if not isinstance(scan, bytes) or digest_of(scan) != row.get("sha256"):
                return row, "扫描件不在同步包里或与记录的校验值不符"
            ScanStore.of_db(self.db).put(scan)
            row["data"] = b""
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

    def _update(self, table: str, rec: Row, row: Row, old: Row) -> Outcome:
        changes = merged_changes(table, row, old, up=self.up, mine=self._mine,
                                 kept=None if self.retrying else self.report.kept)
        if not changes:
            return Outcome("unchanged")
        if table == "notices":
            return self._hold(rec, table, "已存档的告知书不能被改写")
        try:
            with self.db.atomic():
                sync_repo.update_row(self.db, table, old["id"], changes, self.actor)
                if table == "cases" and "applicant_name" in changes:
                    sync_repo.add_name_grams(self.db, [
                        (g, old["id"]) for g in name_grams(str(changes["applicant_name"]))])
        except IntegrityError as exc:
            return self._hold(rec, table, integrity_reason(exc, row))
        if table == "holiday_schedules":
            self.report.holiday_years.append(int(old["year"]))
        self._wrote(1)
        return Outcome("updated")

    def _insert(self, table: str, rows: list[Row], recs: list[Row]
                ) -> list[tuple[int, Outcome]]:
        """Bulk insert; rows whose parent is missing or that the database
        refuses are held back one by one."""
        out: list[tuple[int, Outcome]] = []
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
            if i in missing:
                out.append((i, self._hold(recs[i], table, missing[i])))
            elif None in map(r.get, required):  # (one pass in C for the usual full row)
                absent = [c for c in required if r.get(c) is None]
                out.append((i, self._hold(recs[i], table, "缺少必填字段：" + "、".join(absent))))
            else:
                keep.append(i)
        # rows from another program version may carry other columns: one batch each
        shapes: dict[tuple[str, ...], list[int]] = {}
        for i in keep:
            shapes.setdefault(tuple(rows[i]), []).append(i)
        for names, members in shapes.items():
            size = sync_repo.statement_rows(len(names))
            for start in range(0, len(members), size):
                out += self._insert_batch(table, names, members[start:start + size], rows,
                                          recs)
        return out

    def _insert_batch(self, table: str, names: tuple[str, ...], members: list[int],
                      rows: list[Row], recs: list[Row]) -> list[tuple[int, Outcome]]:
        """One statement for the batch; refused, it wrote nothing, and the rows go
        one by one to find those at fault (no savepoint: see `sync_repo.insert_rows`)."""
        good = [rows[i] for i in members]
        try:
            sync_repo.insert_rows(self.db, table, names, good, self.actor, self.at,
                                  plain=self._plain(table, names))
        except IntegrityError:
            pass
        else:
            self._after_insert(table, good)
            self._wrote(len(good))
            return [(i, Outcome("new")) for i in members]
        out: list[tuple[int, Outcome]] = []
        for i in members:
            try:
                sync_repo.insert_rows(self.db, table, names, [rows[i]], self.actor, self.at,
                                      plain=self._plain(table, names))
            except IntegrityError as exc:
                out.append((i, self._hold(recs[i], table, integrity_reason(exc, rows[i]))))
                continue
            self._after_insert(table, [rows[i]])
            out.append((i, Outcome("new")))
            self._wrote(1)
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

    def _hold(self, rec: Row, table: str, reason: str) -> Outcome:
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
                seq=safe_seq(rec.get("seq")), table=table,
                record_id=str(rec.get("id"))[:100],
                reason=reason, data={"record": rec, "blobs": blobs}, at=self.at)
            self.report.quarantined.append({
                "table": table, "id": str(rec.get("id")), "seq": rec.get("seq"),
                "label": self._label(table, data), "reason": reason})
        return Outcome("quarantined", reason)

    def _label(self, table: str, data: Row) -> str:
        """How the clerk knows the record: a row of a case by the case's number."""
        label = record_label(table, data)
        case_id = data.get("case_id")
        if table in CASE_CHILDREN and isinstance(case_id, str) and label == case_id:
            label = sync_repo.case_numbers(self.db, [case_id]).get(case_id, label)
        return label

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
                            "label": record_label(q.table, rec.get("data") or {})}
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
