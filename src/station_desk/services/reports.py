"""Daily sheets and monthly reports: figures from the archive, as PDF and xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..db import stats_repo, sync_log, sync_peers
from ..db.connection import ArchiveDb
from ..domain.errors import UserError
from ..domain.progress import Progress
from ..domain.stats import Figures
from .files import write_atomically
from .station import StationDesk
from .store import Store
from .supervision import SupervisionDesk


def _no_progress(_done: int, _total: int) -> None:
    pass


class ReportDesk:
    """`desk.reports`."""

    def __init__(self, store: Store, station: StationDesk,
                 supervision: SupervisionDesk) -> None:
        self._store = store
        self._station = station
        self._supervision = supervision

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def figures(self, first: date, last: date, station: str | None = None) -> Figures:
        """One station's figures: this station's own by default; at a town,
        `station` picks one village (a village that never reported is marked
        as such, its figures not measured)."""
        if last < first:
            raise UserError("结束日期不能早于开始日期")
        own = self._station.station_or_refuse()
        code = station or own.code
        reported = code == own.code or bool(sync_log.list_imports(self.db, code, limit=1))
        counts = stats_repo.case_counts(self.db, first, last, code)
        service = stats_repo.service_counts(self.db, first, last, code)
        return Figures(first=first, last=last, station=self.station_name(code),
                       reported=reported, **counts, **service)

    def total(self, first: date, last: date) -> Figures:
        """Every station in the archive together (the town and its villages)."""
        if last < first:
            raise UserError("结束日期不能早于开始日期")
        counts = stats_repo.case_counts(self.db, first, last, None)
        service = stats_repo.service_counts(self.db, first, last, None)
        return Figures(first=first, last=last, station="合计", **counts, **service)

    def per_station(self, first: date, last: date,
                    progress: Progress | None = None) -> list[Figures]:
        """Town mode: the centre's own figures, each trusted village's (a silent
        one listed as 未报送, never left out), then the total. Each count is one
        query grouped by station, however many villages (a query per station took
        3.9 s at 200,000 cases); `progress(done, total)` is called between the two
        families of counts (a job may stop there)."""
        if last < first:
            raise UserError("结束日期不能早于开始日期")
        tell = progress or _no_progress
        own = self._station.station_or_refuse()
        villages = self._supervision.village_names()
        codes = (own.code, *sorted(villages))
        tell(0, 3)
        cases = stats_repo.case_counts_by_station(self.db, first, last)
        tell(1, 3)
        service = stats_repo.service_counts_by_station(self.db, first, last)
        tell(2, 3)
        reported = sync_log.stations_reported(self.db)
        names = {**villages, **{p.code: p.name for p in sync_peers.list_peers(self.db)}}

        def figures(code: str | None, name: str, sent: bool = True) -> Figures:
            return Figures(
                first=first, last=last, station=name, reported=sent,
                **stats_repo.station_counts(cases, code, stats_repo.CASE_ZEROS),
                **stats_repo.station_counts(service, code, stats_repo.SERVICE_ZEROS))

        rows = [figures(code, own.name if code == own.code else names.get(code, code),
                        code == own.code or code in reported) for code in codes]
        tell(3, 3)
        return [*rows, figures(None, "合计")]

    def station_name(self, code: str) -> str:
        own = self._station.station_or_refuse()
        if code == own.code:
            return own.name
        # villages are known by the identity files the town trusted
        found = {p.code: p.name for p in sync_peers.list_peers(self.db)}.get(code)
        return found or code

    def write(self, path: Path, first: date, last: date, title: str,
              progress: Progress | None = None) -> Path:
        """A report to `path`: .pdf (printable) or .xlsx (for the town's spreadsheet).
        Written beside it and renamed once whole: a cancel or a failure leaves
        no half-written file."""
        own = self._station.station_or_refuse()
        suffix = path.suffix.lower()
        if suffix not in (".pdf", ".xlsx"):
            raise UserError("报表文件名应以 .pdf 或 .xlsx 结尾")
        rows = self.per_station(first, last, progress) if own.kind.is_town else [
            self.figures(first, last)]
        (progress or _no_progress)(1, 1)  # the last place to stop before the file
        if suffix == ".pdf":
            from ..print.reports import render_report

            data = render_report(own, title, rows)
        else:
            from .workbook import report_workbook

            data = report_workbook(own, title, rows)
        return write_atomically(path, data)
