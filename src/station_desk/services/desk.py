"""The composition root: opens one archive and builds the services on it, each
given what it uses. The window and the command line reach the services as
`desk.cases`, `desk.station`, … ; no service knows this class.

Each service (and its module, with what that imports) is built on first use:
the window's sign-in needs only the station and the session, so it shows
before sync, the schemas or the reports are loaded (docs/architecture.md)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..db.connection import ArchiveDb
from ..domain.progress import Progress
from .session import Session
from .station import StaffInput, StationDesk
from .store import Store

if TYPE_CHECKING:
    from .after_hours import AfterHoursDesk
    from .appointments import ApptDesk
    from .archive import ArchiveDesk
    from .audit import AuditDesk
    from .backups import BackupDesk
    from .calendar import Calendar
    from .cases import CaseDesk
    from .catalogue import CatalogueDesk
    from .complaints import ComplaintDesk
    from .corrections import CorrectionDesk
    from .duties import DutyDesk
    from .extensions import ExtensionDesk
    from .holidays import HolidayDesk
    from .ledger import LedgerDesk
    from .notices import NoticeDesk
    from .notifications import NotificationDesk
    from .recovery import RecoveryDesk
    from .reports import ReportDesk
    from .retention import RetentionDesk
    from .supervision import SupervisionDesk
    from .sync import SyncDesk
    from .today import TodayDesk
    from .viewing import ViewingDesk

__all__ = ["Desk", "StaffInput"]


class Desk:
    """Open with `Desk.open(data_dir)`; close when done. Each service is built on
    its first use, from any thread: they keep no state but caches of what the
    archive holds, so one built twice by a race would only be a spare."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.session = Session(store)

    @cached_property
    def audit(self) -> AuditDesk:
        from .audit import AuditDesk

        return AuditDesk(self.store)

    @cached_property
    def calendar(self) -> Calendar:
        from .calendar import Calendar

        return Calendar(self.store)

    @cached_property
    def catalogue(self) -> CatalogueDesk:
        from .catalogue import CatalogueDesk

        return CatalogueDesk(self.store, self.session)

    @cached_property
    def station(self) -> StationDesk:

        return StationDesk(self.store, self.session, self.catalogue)

    @cached_property
    def backups(self) -> BackupDesk:
        from .backups import BackupDesk

        return BackupDesk(self.store, self.session, self.station, self.calendar)

    @cached_property
    def recovery(self) -> RecoveryDesk:
        from .recovery import RecoveryDesk

        return RecoveryDesk(self.store, self.session, self.station, self.calendar)

    @cached_property
    def today(self) -> TodayDesk:
        from .today import TodayDesk

        return TodayDesk(self.store, self.station, self.catalogue, self.backups)

    @cached_property
    def after_hours(self) -> AfterHoursDesk:
        from .after_hours import AfterHoursDesk

        return AfterHoursDesk(self.store, self.session, self.station)

    @cached_property
    def cases(self) -> CaseDesk:
        from .cases import CaseDesk

        return CaseDesk(self.store, self.session, self.station, self.catalogue, self.calendar,
                        self.after_hours)

    @cached_property
    def holidays(self) -> HolidayDesk:
        from .holidays import HolidayDesk

        return HolidayDesk(self.store, self.session, self.station, self.calendar, self.cases)

    @cached_property
    def appointments(self) -> ApptDesk:
        from .appointments import ApptDesk

        return ApptDesk(self.store, self.session, self.station, self.catalogue,
                        self.calendar, self.cases)

    @cached_property
    def corrections(self) -> CorrectionDesk:
        from .corrections import CorrectionDesk

        return CorrectionDesk(self.store, self.session, self.catalogue, self.cases)

    @cached_property
    def notices(self) -> NoticeDesk:
        from .notices import NoticeDesk

        return NoticeDesk(self.store, self.session, self.station, self.catalogue,
                          self.cases, self.appointments)

    @cached_property
    def extensions(self) -> ExtensionDesk:
        from .extensions import ExtensionDesk

        return ExtensionDesk(self.store, self.session, self.cases, self.notices)

    @cached_property
    def notifications(self) -> NotificationDesk:
        from .notifications import NotificationDesk

        return NotificationDesk(self.store, self.session, self.station, self.cases)

    @cached_property
    def complaints(self) -> ComplaintDesk:
        from .complaints import ComplaintDesk

        return ComplaintDesk(self.store, self.session, self.station, self.calendar,
                             self.cases)

    @cached_property
    def archive(self) -> ArchiveDesk:
        from .archive import ArchiveDesk

        return ArchiveDesk(self.store, self.session, self.station, self.cases)

    @cached_property
    def viewing(self) -> ViewingDesk:
        from .viewing import ViewingDesk

        return ViewingDesk(self.store, self.session, self.cases, self.archive)

    @cached_property
    def retention(self) -> RetentionDesk:
        from .retention import RetentionDesk

        return RetentionDesk(self.store, self.session, self.station)

    @cached_property
    def supervision(self) -> SupervisionDesk:
        from .supervision import SupervisionDesk

        return SupervisionDesk(self.store, self.session, self.station, self.cases)

    @cached_property
    def sync(self) -> SyncDesk:
        from .sync import SyncDesk

        return SyncDesk(self.store, self.session, self.station, self.calendar,
                       self.holidays, self.supervision)

    @cached_property
    def duties(self) -> DutyDesk:
        from .duties import DutyDesk

        return DutyDesk(self.station, self.sync, self.backups)

    @cached_property
    def reports(self) -> ReportDesk:
        from .reports import ReportDesk

        return ReportDesk(self.store, self.station, self.supervision)

    @cached_property
    def ledger(self) -> LedgerDesk:
        from .ledger import LedgerDesk

        return LedgerDesk(self.store, self.station, self.cases, self.supervision)

    @classmethod
    def open(cls, data_dir: Path, *, program: str | None = None,
             full_check: bool = False, upgrade_progress: Progress | None = None) -> Desk:
        """`program` names this instance to others who find the archive busy;
        `full_check` recomputes the whole audit chain now (the window does it in
        the background instead: `audit.full_check`); `upgrade_progress(done, total)`
        hears the copy made before a new version migrates the archive."""
        return cls(Store.open(data_dir, program=program, full_check=full_check,
                              upgrade_progress=upgrade_progress))

    @property
    def tamper_warning(self) -> str | None:
        """What was changed around the program, found when the archive was opened."""
        report = self.store.db.tamper
        return report.message() if report.tampered else None

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    @property
    def db(self) -> ArchiveDb:
        """The open connection, for tests and benchmarks that look underneath."""
        return self.store.db

    def close(self) -> None:
        self.store.close()
