"""`desk.holidays`: importing the State Council's yearly holiday schedule and
re-dating the open cases whose dates were provisional without it."""

from __future__ import annotations

from pathlib import Path

from ..db import cases_repo, holidays_repo
from ..db.errors import storage_errors
from ..domain.cases import attention_key
from ..domain.deadlines import promise
from ..domain.errors import UserError, os_message
from ..domain.progress import Progress
from ..domain.schedule_file import parse_schedule
from .calendar import Calendar
from .case_work import CaseWorkDesk
from .cases import CaseDesk
from .registration import SUPPLEMENT_NOTICE_DAYS
from .session import Session
from .station import StationDesk
from .store import Store

__all__ = ["HolidayDesk"]



def read_schedule_file(path: Path) -> str:
    """The text of a schedule file, or a UserError naming the file and the problem."""
    try:
        return path.read_text("utf-8")
    except OSError as exc:
        raise UserError(f"读不到文件 {path}：{os_message(exc)}") from None
    except UnicodeDecodeError:
        raise UserError(f"文件 {path} 不是 UTF-8 文本") from None


class HolidayDesk(CaseWorkDesk):
    """`desk.holidays`: the schedules and what they change in open cases."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 calendar: Calendar, cases: CaseDesk) -> None:
        super().__init__(store, session, station, cases)
        self._calendar = calendar

    def import_holidays(self, text: str, progress: Progress | None = None) -> tuple[int, int]:
        """Store a year's schedule (head only); returns (year, cases re-dated). All
        in one transaction: a job stopped between cases (`progress`) keeps nothing."""
        self._session.require_head("导入法定节假日安排")
        schedule = parse_schedule(text)
        try:
            with storage_errors(), self.db.atomic():
                holidays_repo.save(self.db, schedule, self._session.actor)
                fixed = self._redate(schedule.year, progress)
        finally:
            # only now: a calendar another thread cached while this ran lacks the schedule
            self._calendar.invalidate()
        return schedule.year, fixed

    def import_holidays_file(self, path: Path,
                             progress: Progress | None = None) -> tuple[int, int]:
        """`import_holidays` of a file (the window and the command line)."""
        return self.import_holidays(read_schedule_file(path), progress)

    def redate_for_schedules(self, year: int, progress: Progress | None = None) -> int:
        """After a schedule for `year` arrived (imported here, or in the town's return
        bundle): correct the provisional dates of open cases. Returns how many."""
        try:
            with storage_errors(), self.db.atomic():
                return self._redate(year, progress)
        finally:
            self._calendar.invalidate()  # after the commit, as in `import_holidays`

    def _redate(self, year: int, progress: Progress | None) -> int:
        """Inside the caller's transaction, on its connection: the calendar is read
        here (it sees the schedule just saved), never taken from the shared cache."""
        # a station re-dates the cases it works: its own, and at a town those handed over
        own = self._station.station_or_refuse().code
        calendar = self._calendar.read(self.db)
        fixed = 0
        provisional = cases_repo.open_with_provisional_deadline(self.db)
        for done, case in enumerate(provisional):
            if progress is not None:
                progress(done, len(provisional))
            if self._cases.read_only_reason(case) is not None:
                continue  # a village's case the town only supervises: the village's dates
            redated = self._cases.clock(case, calendar=calendar).promised_due
            if redated is None or (redated.day, redated.provisional) == (
                    case.deadline, case.extra["deadline_provisional"]):
                continue
            self._cases.apply_clock(case, f"按 {year} 年放假安排，承诺办结日期更正为"
                                   f" {redated.day:%Y-%m-%d}", calendar)
            fixed += 1
        for case in cases_repo.in_supplement(self.db, own):
            due = promise(calendar, case.received_at.date(), SUPPLEMENT_NOTICE_DAYS)
            if case.supplement_notice_at is None and case.supplement_due is not None \
                    and due.deadline != case.supplement_due:
                cases_repo.update_case(self.db, case.id, {
                    "supplement_due": due.deadline.isoformat(),
                    "sort_key": attention_key(case.status, due.deadline,
                                              case.received_at)}, self._session.actor)
                cases_repo.add_event(self.db, case.id, "期限",
                                     f"按 {year} 年放假安排，补正告知期限更正为"
                                     f" {due.deadline:%Y-%m-%d}", self._session.actor)
                fixed += 1
        return fixed
