"""`desk.audit`: the full check of the audit chain, once a day in the background.

Opening the archive verifies only what was added since the last check
(`db/audit_mark.py`); this recomputes the whole chain — catching a rewrite of
older rows too — on a job's own connection, and moves the mark to the end.
"""

from __future__ import annotations

from datetime import date

from ..db import audit_chain, audit_mark
from ..db.audit_chain import TamperReport
from ..domain.progress import Progress
from .store import Store

__all__ = ["AuditDesk", "TamperReport"]



class AuditDesk:
    def __init__(self, store: Store) -> None:
        self._store = store

    def full_check_due(self, today: date | None = None) -> bool:
        """Not yet fully checked today (or never)."""
        return audit_mark.full_check_due(self._store.path, today or date.today())

    def full_check(self, progress: Progress | None = None) -> TamperReport:
        """The whole chain, the guards and the watched tables; a clean result is
        remembered for the day. Meant for a job (its own connection)."""
        db = self._store.db
        report = audit_chain.check(db, full=True, progress=progress)
        if report.tampered:
            return report
        audit_mark.save(self._store.path, db, full_on=date.today())
        return report
