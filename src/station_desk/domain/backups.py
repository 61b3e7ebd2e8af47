"""When the archive counts as not backed up: the window warns once the newest
backup is `warn_days` days old (a setting), or when there is none at all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class BackupAge:
    last: datetime | None  # the newest verified backup, here or on a stick
    days: int | None       # whole days since then; None: never backed up
    warn_days: int

    @property
    def stale(self) -> bool:
        return self.days is None or self.days >= self.warn_days


def backup_age(last: datetime | None, now: datetime, warn_days: int) -> BackupAge:
    return BackupAge(last, None if last is None else (now - last).days, warn_days)
