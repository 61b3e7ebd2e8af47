"""`desk.calendar`: the working-day calendar of this archive (built-in years plus
the schedules the head imported or the town sent), read once and cached."""

from __future__ import annotations

from datetime import date

from ..db import holidays_repo
from ..db.connection import ArchiveDb
from ..domain.deadlines import Promise, promise, working_days_left
from ..domain.workdays import HolidayCalendar
from .store import Store


class Calendar:
    """Call `invalidate()` whenever the stored schedules may have changed (an
    import, a bundle from the town, a restore): the next use reads them again."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cached: HolidayCalendar | None = None

    def current(self) -> HolidayCalendar:
        if self._cached is None:
            self._cached = self.read(self._store.db)
        return self._cached

    @staticmethod
    def read(db: ArchiveDb) -> HolidayCalendar:
        """The calendar as `db` sees it now (a job's transaction included), uncached."""
        return HolidayCalendar(holidays_repo.imported(db))

    def invalidate(self) -> None:
        self._cached = None

    def promised(self, start: date, days: int) -> Promise:
        """The `days`-th working day after `start`, provisional where a year is unknown."""
        return promise(self.current(), start, days)

    def is_open_day(self, day: date) -> bool | None:
        """Whether the station works that day; None when the year's schedule is missing."""
        calendar = self.current()
        return calendar.is_workday(day) if calendar.knows(day.year) else None

    def next_open_day(self, after: date) -> date:
        """The first working day after `after` (Monday to Friday where a year's
        schedule is missing), e.g. the default day of a phone booking."""
        return self.promised(after, 1).deadline

    def days_left(self, today: date, due: date) -> int:
        """Working days from `today` to `due`, negative once past it."""
        return working_days_left(self.current(), today, due)
