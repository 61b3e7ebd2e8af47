"""The composition root: opens one archive and builds the services on it, each
given what it uses. The window and the command line reach the services as
`desk.cases`, `desk.station`, … ; no service knows this class."""

from __future__ import annotations

from pathlib import Path

from ..db.connection import ArchiveDb
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
from .session import Session
from .station import StaffInput, StationDesk
from .store import Store
from .supervision import SupervisionDesk
from .sync import SyncDesk
from .today import TodayDesk
from .viewing import ViewingDesk

__all__ = ["Desk", "StaffInput"]


class Desk:
    """Open with `Desk.open(data_dir)`; close when done."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.session = Session(store)
        self.audit = AuditDesk(store)
        self.calendar = Calendar(store)
        self.catalogue = CatalogueDesk(store, self.session)
        self.station = StationDesk(store, self.session, self.catalogue)
        self.backups = BackupDesk(store, self.session, self.station, self.calendar)
        self.recovery = RecoveryDesk(store, self.session, self.station, self.calendar)
        self.today = TodayDesk(store, self.station, self.catalogue, self.backups)
        self.after_hours = AfterHoursDesk(store, self.session, self.station)
        self.cases = CaseDesk(store, self.session, self.station, self.catalogue, self.calendar,
                              self.after_hours)
        self.holidays = HolidayDesk(store, self.session, self.station, self.calendar,
                                    self.cases)
        self.appointments = ApptDesk(store, self.session, self.station, self.catalogue,
                                     self.calendar, self.cases)
        self.corrections = CorrectionDesk(store, self.session, self.catalogue, self.cases)
        self.notices = NoticeDesk(store, self.session, self.station, self.catalogue,
                                  self.cases, self.appointments)
        self.extensions = ExtensionDesk(store, self.session, self.cases, self.notices)
        self.notifications = NotificationDesk(store, self.session, self.station, self.cases)
        self.complaints = ComplaintDesk(store, self.session, self.station, self.calendar,
                                        self.cases)
        self.archive = ArchiveDesk(store, self.session, self.station, self.cases)
        self.viewing = ViewingDesk(store, self.session, self.cases, self.archive)
        self.retention = RetentionDesk(store, self.session, self.station)
        self.supervision = SupervisionDesk(store, self.session, self.station, self.cases)
        self.sync = SyncDesk(store, self.session, self.station, self.calendar,
                             self.holidays, self.supervision)
        self.duties = DutyDesk(self.station, self.sync, self.backups)
        self.reports = ReportDesk(store, self.station, self.supervision)
        self.ledger = LedgerDesk(store, self.station, self.cases, self.supervision)

    @classmethod
    def open(cls, data_dir: Path, *, program: str | None = None,
             full_check: bool = False) -> Desk:
        """`program` names this instance to others who find the archive busy;
        `full_check` recomputes the whole audit chain now (the window does it in
        the background instead: `audit.full_check`)."""
        return cls(Store.open(data_dir, program=program, full_check=full_check))

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
