"""Daily sheets and monthly reports: figures from the archive, as PDF and xlsx."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..db import stats_repo, sync_repo
from ..db.errors import storage_errors
from ..domain.errors import UserError
from ..domain.stats import Figures

if TYPE_CHECKING:
    from .desk import Desk


def month_bounds(text: str) -> tuple[date, date]:
    try:
        year, month = (int(x) for x in text.split("-"))
        first = date(year, month, 1)
    except ValueError:
        raise UserError(f"月份“{text}”格式不对，应为 YYYY-MM") from None
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def day_bounds(text: str) -> tuple[date, date]:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"日期“{text}”格式不对，应为 YYYY-MM-DD") from None
    return day, day


class ReportDesk:
    """`desk.reports`."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    @property
    def db(self) -> Any:
        return self.desk.db

    def figures(self, first: date, last: date, station: str | None = None) -> Figures:
        """One station's figures: this station's own by default; at a town,
        `station` picks one village (a village that never reported is marked
        as such, its figures not measured)."""
        if last < first:
            raise UserError("结束日期不能早于开始日期")
        own = self.desk.station_or_refuse()
        code = station or own.code
        reported = code == own.code or bool(sync_repo.list_imports(self.db, code, limit=1))
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

    def per_station(self, first: date, last: date) -> list[Figures]:
        """Town mode: the centre's own figures, each trusted village's (a silent
        one listed as 未报送, never left out), then the total."""
        own = self.desk.station_or_refuse()
        villages = self.desk.supervision.village_names()
        rows = [self.figures(first, last, code) for code in (own.code, *sorted(villages))]
        return [*rows, self.total(first, last)]

    def station_name(self, code: str) -> str:
        own = self.desk.station_or_refuse()
        if code == own.code:
            return own.name
        # villages are known by the identity files the town trusted
        found = {p.code: p.name for p in self.desk.sync.peers()}.get(code)
        return found or code

    def write(self, path: Path, first: date, last: date, title: str) -> Path:
        """A report to `path`: .pdf (printable) or .xlsx (for the town's spreadsheet)."""
        own = self.desk.station_or_refuse()
        rows = self.per_station(first, last) if own.kind.is_town else [
            self.figures(first, last)]
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from ..print.reports import render_report

            data = render_report(own, title, rows)
        elif suffix == ".xlsx":
            from .workbook import report_workbook

            data = report_workbook(own, title, rows)
        else:
            raise UserError("报表文件名应以 .pdf 或 .xlsx 结尾")
        partial = path.with_name(path.name + ".partial")
        with storage_errors():
            try:
                partial.write_bytes(data)
                partial.replace(path)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        return path
