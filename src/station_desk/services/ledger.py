"""`desk.ledger`: the town's monthly 台账 for the county (every case of the
centre and of each trusted village), as PDF and xlsx."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..db import cases_repo, sync_log
from ..db.connection import ArchiveDb
from ..domain.cases import Status
from ..domain.errors import UserError
from ..domain.ledger import LedgerRow, judge, ledger_order, mask_name
from ..domain.periods import month_bounds
from .cases import CaseDesk
from .files import write_atomically
from .station import StationDesk
from .store import Store
from .supervision import SupervisionDesk


class LedgerDesk:
    """`desk.ledger`."""

    def __init__(self, store: Store, station: StationDesk, cases: CaseDesk,
                 supervision: SupervisionDesk) -> None:
        self._store = store
        self._station = station
        self._cases = cases
        self._supervision = supervision

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def stations(self) -> list[tuple[str, str, bool]]:
        """(code, name, reported) of the centre itself and each trusted village."""
        own = self._station.station_or_refuse()
        out = [(own.code, own.name, True)]
        if own.kind.is_town:
            for code, name in sorted(self._supervision.village_names().items()):
                out.append((code, name, bool(sync_log.list_imports(self.db, code, limit=1))))
        return out

    def rows(self, month: str, today: date | None = None) -> list[LedgerRow]:
        first, last = month_bounds(month)
        today = min(today or date.today(), last + timedelta(days=1))
        names = {code: name for code, name, _ in self.stations()}
        cases = self._cases
        out = []
        for case in cases_repo.in_period(self.db, first.isoformat(),
                                         (last + timedelta(days=1)).isoformat()):
            due = cases.due_date(case)
            finished = case.completed_at.date() if case.completed_at else None
            verdict = judge(case.status.is_open, case.status == Status.COMPLETED, due,
                            finished, today)
            over = None
            if verdict.late and due is not None:
                until = finished if finished is not None else today
                over = -cases.days_left_until(due, until)
            out.append(LedgerRow(
                case.case_no, case.station_code, names.get(case.station_code, case.station_code),
                mask_name(case.applicant.name), case.item_name, case.case_type.value,
                case.received_at.date(), due, finished, case.status.value, verdict, over))
        return ledger_order(out)

    def write(self, path: Path, month: str, today: date | None = None) -> Path:
        own = self._station.station_or_refuse()
        first, _ = month_bounds(month)
        rows = self.rows(month, today)
        title = f"{own.name} {first:%Y年%m月}办件台账"
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from ..print.ledger import render_ledger

            data = render_ledger(own, title, rows, self.stations())
        elif suffix == ".xlsx":
            from .town_workbook import ledger_workbook

            data = ledger_workbook(title, rows, self.stations())
        else:
            raise UserError("台账文件名应以 .pdf 或 .xlsx 结尾")
        return write_atomically(path, data)
