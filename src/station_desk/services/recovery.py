"""`desk.recovery`: the recovery sheet (head only) and, on a new PC, restoring a
backup with the recovery code from the window's first-run screen — the same
restore as the command line's `restore FILE --recovery-code`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..db import archive_key, cipher
from ..db import backup as backup_files
from ..db.errors import storage_errors
from ..db.files import write_private
from ..domain import recovery_code
from ..domain.errors import StorageError, UserError
from ..sync.keys import key_path
from .backups import Restored, restore_closed_archive
from .calendar import Calendar
from .session import Session
from .station import StationDesk
from .store import Store

CODE_DOES_NOT_OPEN = (
    "恢复码本身无误，但打不开这份备份：它不是这张恢复单所属站点的备份，或者备份文件已损坏。"
    "请核对恢复单上的站点名称，或换一份备份（如U盘上其他日期的备份）再试。")


@dataclass(frozen=True)
class NewPcRestore:
    station_name: str
    sync_keys_back: bool  # the .keys file beside the backup came too
    scan_message: str     # scans the backup names that did not come back (empty: all did)


class RecoveryDesk:
    def __init__(self, store: Store, session: Session, station: StationDesk,
                 calendar: Calendar) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._calendar = calendar

    def sheet_pdf(self, printed_on: date | None = None) -> bytes:
        """The recovery sheet to print once for the archive cabinet (head only)."""
        from ..print.recovery_sheet import recovery_sheet  # reportlab only when printing

        self._session.require_head("打印恢复单")
        station = self._station.station_or_refuse()
        return recovery_sheet(station_name=station.name, station_code=station.code,
                              code=recovery_code.encode(self._store.db.archive_key),
                              printed_on=printed_on or date.today())

    def write_sheet(self, out: Path) -> None:
        """The sheet as a PDF file (the command line): it holds the archive key, so
        only its owner may read it, and it is written whole or not at all."""
        write_private(out, self.sheet_pdf())

    def restore_new_pc(self, backup: Path, code: str) -> NewPcRestore:
        """Put a backup into this still empty data folder with the recovery code;
        the archive key and (from beside the backup) the sync keys come back with it.
        Nothing changes unless the code opens the backup and the backup is sound."""
        key = recovery_code.decode(code)  # a mistyped code is named first
        try:
            backup_files.verify(backup, key)
        except StorageError as exc:
            if isinstance(exc.__cause__, cipher.WrongKey):
                raise UserError(CODE_DOES_NOT_OPEN, field="recovery_code") from None
            if isinstance(exc, backup_files.BackupDamaged):
                raise StorageError(f"备份文件 {backup.name} 已损坏，读不全（恢复码是对的）。"
                                   "请换一份备份（如U盘上其他日期的备份）再试。") from None
            raise
        if self._station.is_set_up or self._store.db.execute(
                "SELECT COUNT(*) FROM cases").fetchone()[0]:
            raise UserError("本电脑上已经有站点数据：恢复码只用于新电脑（或重装后）第一次打开时。"
                            "要换回备份，请由站长在“档案与备份”页点“从备份恢复…”")

        def replace(archive: Path) -> Restored:
            with storage_errors():
                # the empty archive made on this first start holds nothing: it goes,
                # and the backup's key takes the place of the one made with it
                for suffix in ("", "-wal", "-shm"):
                    archive.with_name(archive.name + suffix).unlink(missing_ok=True)
                archive_key.store(self._store.data_dir, key)
            return restore_closed_archive(self._store.data_dir, backup, code=code)

        try:
            restored = self._store.replace_file(replace)
        finally:
            self._calendar.invalidate()
            self._session.reload()
        station = self._station.current
        return NewPcRestore(station.name if station else "",
                            key_path(self._store.data_dir).is_file(), restored.scan_message())
