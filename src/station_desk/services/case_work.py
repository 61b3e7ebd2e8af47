"""The shape shared by the desks that work on registered cases for one station:
each reads the archive through the `Store` (a restore swaps the connection
under it) and acts as the signed-in person, at this station, on its cases."""

from __future__ import annotations

from ..db.connection import ArchiveDb
from .cases import CaseDesk
from .session import Session
from .station import StationDesk
from .store import Store

__all__ = ["CaseWorkDesk"]


class CaseWorkDesk:
    def __init__(self, store: Store, session: Session, station: StationDesk,
                 cases: CaseDesk) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._cases = cases

    @property
    def db(self) -> ArchiveDb:
        return self._store.db
