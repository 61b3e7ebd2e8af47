"""The scans of a backup: each backup folder (the daily `backups/`, a stick) has
one store of its own beside its backup files, shared by all of them, so a
backup after one new scan adds that one file; and a restore takes the scans a
backup names back from its folder, checking each against its hash."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from . import cipher
from .archive_repo import StoredScan, stored_scans
from .scan_store import ScanProblem, ScanStore, ScanUnreadable

log = logging.getLogger("station_desk.backup")


@dataclass(frozen=True)
class ScanIssue:
    case_no: str
    name: str
    problem: ScanProblem

    def describe(self) -> str:
        return f"{self.case_no} {self.name}（{self.problem.label}）"


def scans_named_by(archive: Path, key: bytes) -> list[StoredScan]:
    """The scans an archive or backup file names (those kept in a store)."""
    conn = cipher.connect(archive, key, read_only=True)
    try:
        db = Database(conn, execute_plugins=False)  # as connection.connect
        if "attachments" not in db.table_names():
            return []  # a file from before scans were taken (migration 0007)
        return stored_scans(db)
    finally:
        conn.close()


def copy_scans(backup: Path, source: ScanStore, dest: ScanStore) -> list[ScanIssue]:
    """Give `dest` every scan the backup file names that it lacks. A scan this PC
    has lost or that is damaged cannot be backed up: it is listed (and logged),
    the backup still goes on (the records matter more than one picture)."""
    issues: list[ScanIssue] = []
    for scan in _unique(scans_named_by(backup, source.archive_key)):
        if dest.has(scan.sha256):  # content-addressed: a file there is this scan
            continue
        try:
            dest.copy_from(source, scan.sha256)
        except FileNotFoundError:
            issues.append(ScanIssue(scan.case_no, scan.name, ScanProblem.MISSING))
        except ScanUnreadable as exc:
            issues.append(ScanIssue(scan.case_no, scan.name, exc.problem))
    if issues:
        log.error("backup %s lacks scans: %s", backup.name, [i.describe() for i in issues])
    return issues


def bring_scans(backup: Path, staged: Path, key: bytes, live: ScanStore) -> list[ScanIssue]:
    """Before a restore's swap: every scan the (staged copy of the) backup names,
    checked against its hash in the backup's folder and put into the archive's
    store (a sound copy already there counts too). Returns the scans neither
    place has whole, by case."""
    source = ScanStore.beside(backup, key)
    found: dict[str, ScanProblem | None] = {}
    issues: list[ScanIssue] = []
    for scan in scans_named_by(staged, key):
        if scan.sha256 not in found:
            found[scan.sha256] = _bring(scan.sha256, source, live)
        problem = found[scan.sha256]
        if problem is not None:
            issues.append(ScanIssue(scan.case_no, scan.name, problem))
    return issues


def _bring(sha256: str, source: ScanStore, live: ScanStore) -> ScanProblem | None:
    if live.problem(sha256) is None:
        return None  # this PC still has it whole (the usual restore on the same PC)
    problem = source.problem(sha256)
    if problem is None:
        live.copy_from(source, sha256)
    return problem


def _unique(scans: list[StoredScan]) -> list[StoredScan]:
    seen: set[str] = set()
    out = []
    for scan in scans:
        if scan.sha256 not in seen:
            seen.add(scan.sha256)
            out.append(scan)
    return out
