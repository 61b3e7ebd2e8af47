"""`desk.today`: the figures the start page shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..db import journal
from ..domain.backups import BackupAge
from .backups import BackupDesk
from .catalogue import CatalogueDesk
from .station import StationDesk
from .store import Store


@dataclass(frozen=True)
class TodaySummary:
    day: date
    changes_today: int
    catalogue_total: int
    catalogue_unverified: int
    staff_count: int
    unstaffed_windows: list[str]
    backup: BackupAge


class TodayDesk:
    def __init__(self, store: Store, station: StationDesk, catalogue: CatalogueDesk,
                 backups: BackupDesk) -> None:
        self._store = store
        self._station = station
        self._catalogue = catalogue
        self._backups = backups

    def summary(self, day: date | None = None) -> TodaySummary:
        day = day or date.today()
        items = self._catalogue.items()
        return TodaySummary(
            day=day, changes_today=journal.count_on(self._store.db, day.isoformat()),
            catalogue_total=len(items),
            catalogue_unverified=sum(1 for i in items if not i.verified),
            staff_count=len(self._station.staff()),
            unstaffed_windows=self._station.unstaffed_windows(),
            backup=self._backups.age())
