"""`desk.backups`: the daily backup, backups to a stick, restoring one, and the
change history every record keeps."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..db import archive_key, connection, journal, scan_moves
from ..db import backup as backup_files
from ..db import restore as restoring
from ..db.backup import BackupFile
from ..db.backup_scans import ScanIssue, bring_scans
from ..db.errors import storage_errors
from ..db.files import write_private
from ..db.scan_store import ScanStore
from ..domain import recovery_code
from ..domain.backups import BackupAge, backup_age
from ..domain.errors import UserError
from ..domain.progress import Progress
from ..sync import keys as station_keys
from .calendar import Calendar
from .session import Session
from .station import StationDesk
from .store import Store, archive_file

MANUAL_LOG = "manual-backups.txt"
MOVE_SECONDS_A_DAY = 180.0  # ~10,000 scans at this PC's 56 a second

__all__ = ["BackupDesk", "BackupFile", "Restored", "restore_closed_archive"]


@dataclass(frozen=True)
class Restored:
    """Where the replaced file was kept, and the scans the backup names that
    neither its folder nor this PC has whole (by case)."""

    aside: Path
    scan_issues: tuple[ScanIssue, ...] = ()

    def scan_message(self) -> str:
        """Chinese, for the person who restored; empty when every scan came back."""
        if not self.scan_issues:
            return ""
        lines = [i.describe() for i in self.scan_issues]
        shown = "\n".join(lines[:20]) + (f"\n……等共 {len(lines)} 个" if len(lines) > 20 else "")
        return (f"备份里有 {len(lines)} 个附件缺失或已损坏，这些办件的扫描件需要找出原件重新扫描"
                f"（或从另一份备份恢复）：\n{shown}")


class _ScanBringer:
    """Runs between a restore's checked copy and its swap: adding checked files to
    the store never harms the current archive, so a failure leaves nothing
    half-done. Keeps what could not come back."""

    def __init__(self, backup: Path) -> None:
        self.backup = backup
        self.issues: tuple[ScanIssue, ...] = ()

    def __call__(self, staged: Path, key: bytes) -> None:
        live = ScanStore.beside(staged, key)  # the staged copy lies beside the archive
        self.issues = tuple(bring_scans(self.backup, staged, key, live))


def restore_closed_archive(data_dir: Path, backup: Path, *, other_station: bool = False,
                           code: str | None = None) -> Restored:
    """Restore while no program has the archive open (the command line's `restore`);
    returns where the current file was kept aside. With the recovery `code`, a data
    folder without keys gets the archive key and (from beside the backup) the
    station's sync keys back."""
    key = recovery_code.decode(code) if code else None
    scans = _ScanBringer(backup)
    aside = restoring.restore(archive_file(data_dir), backup, other_station=other_station,
                              key=key, before_swap=scans)
    if key is not None:
        with storage_errors():
            if archive_key.load(data_dir) is None:
                archive_key.store(data_dir, key)
            sealed = _sealed_keys_of(backup)
            if sealed.is_file():
                station_keys.unseal_station_keys(data_dir, sealed.read_bytes(), key)
    return Restored(aside, scans.issues)


def _sealed_keys_of(backup: Path) -> Path:
    return backup.with_name(backup.name + station_keys.SEALED_SUFFIX)


def _off_this_disk(copy: Path, data_dir: Path) -> bool:
    """A different device than the archive's: a pulled stick or a dead disk spares it."""
    try:
        return copy.stat().st_dev != data_dir.stat().st_dev
    except OSError:
        return True


class BackupDesk:
    def __init__(self, store: Store, session: Session, station: StationDesk,
                 calendar: Calendar) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._calendar = calendar

    def history(self, table: str, record_id: str) -> list[dict[str, Any]]:
        return journal.history(self._store.db, table, record_id)

    @contextmanager
    def _reader(self) -> Iterator[connection.ArchiveDb]:
        """A connection of its own for copying: it reads one committed snapshot (WAL),
        so what the window saves meanwhile never half-appears in the copy, and the
        copy may run on another thread."""
        with storage_errors():
            reader = connection.connect(self._store.path)
        try:
            yield reader
        finally:
            reader.close()

    def startup_backup(self, progress: Progress | None = None) -> Path | None:
        """Once a day at start-up (in the background); a failure is shown, never fatal."""
        keep = self._station.setting("backup_keep_days")
        with self._reader() as reader:
            # an older archive's scans leave it a few minutes a day (resumable), so the
            # copies shrink; today's backup never waits for all of them
            self._store.scans.sweep_leftovers()
            scan_moves.move_out(reader, self._store.scans, progress=progress,
                                budget_seconds=MOVE_SECONDS_A_DAY)
            return backup_files.daily_backup(reader, self._store.backups_dir, keep=keep,
                                             progress=progress, scans=self._store.scans)

    def backup_to(self, folder: Path, progress: Progress | None = None) -> Path:
        """On demand, e.g. to the USB stick; remembered so the window knows the
        last good backup even when it is not on this PC. The folder must exist: an
        unplugged stick or a mistyped drive must not become a folder on this disk."""
        if not folder.is_dir():
            raise UserError(f"备份位置 {folder} 不存在。请检查U盘是否插好、盘符和路径是否写对"
                            "（程序不会替你新建这个文件夹）")
        with self._reader() as reader:
            # quick_check, as the daily copy: every page of the copy is read and its
            # SQLCipher HMAC checked; the full integrity_check (index contents,
            # 56 s at 1,000,000 cases, 20x the copy) runs weekly in the background
            made = backup_files.make_backup(reader, folder, label="manual", progress=progress,
                                            scans=self._store.scans, full_check=False)
        backups_dir = self._store.backups_dir
        with storage_errors():
            if station_keys.key_path(self._store.data_dir).is_file():
                write_private(_sealed_keys_of(made), station_keys.seal_station_keys(
                    self._store.data_dir, self._store.db.archive_key))
            backups_dir.mkdir(parents=True, exist_ok=True)
            where = "off" if _off_this_disk(made, self._store.data_dir) else "same"
            with open(backups_dir / MANUAL_LOG, "a", encoding="utf-8") as log_file:
                log_file.write(f"{datetime.now().isoformat(timespec='seconds')}\t{made}"
                               f"\t{where}\n")
        return made

    def automatic(self) -> list[BackupFile]:
        """This PC's automatic backups, newest first."""
        return backup_files.list_backups(self._store.backups_dir)

    def restore_from(self, backup: Path, *, other_station: bool = False) -> Restored:
        """Put a backup in place of the archive (head only); the current file is kept
        aside first. Returns where it was kept and the scans that could not come
        back. Refused while another program has the archive open;
        `OtherStationBackup` until `other_station` confirms."""
        self._session.require_head("从备份恢复")
        # a bad file is refused before this window lets go
        backup_files.verify(backup, self._store.db.archive_key)
        scans = _ScanBringer(backup)
        try:
            aside = self._store.replace_file(lambda archive: restoring.restore(
                archive, backup, other_station=other_station, before_swap=scans))
            return Restored(aside, scans.issues)
        finally:
            # whatever file is open now, its schedules and staff are the ones that count
            self._calendar.invalidate()
            self._session.reload()

    def recovery_code(self) -> str:
        """The recovery code of this archive (head only; for the printed sheet)."""
        self._session.require_head("打印恢复单")
        return recovery_code.encode(self._store.db.archive_key)

    def last_backup(self) -> datetime | None:
        """Newest verified copy made off this disk (a USB stick, another drive): the
        automatic copies beside the archive die with the disk, so they do not count."""
        times: list[datetime] = []
        try:
            lines = (self._store.backups_dir / MANUAL_LOG).read_text("utf-8").splitlines()
            times += [datetime.fromisoformat(line.split("\t")[0]) for line in lines
                      if line and not line.endswith("\tsame")]
        except (OSError, ValueError):
            pass
        return max(times, default=None)

    def age(self, now: datetime | None = None) -> BackupAge:
        """How old the newest backup is, and whether the window should warn."""
        return backup_age(self.last_backup(), now or datetime.now(),
                          self._station.setting("backup_warn_days"))
