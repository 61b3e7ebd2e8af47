"""延时服务: serving on after closing time, recorded per session."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from ..db import service_repo
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..db.journal import now_iso
from ..domain.errors import UserError
from ..domain.ids import new_id
from ..domain.periods import month_span
from ..domain.service import AfterHours
from .session import Session
from .station import StationDesk
from .store import Store

if TYPE_CHECKING:
    from ..domain.cases import Case


def _hhmm(text: str, what: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise UserError(f"{what}“{text}”格式不对，应为 HH:MM，如 18:40") from None


class AfterHoursDesk:
    """`desk.after_hours`."""

    def __init__(self, store: Store, session: Session, station: StationDesk) -> None:
        self._store = store
        self._session = session
        self._station = station

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def can_start(self, now: datetime | None = None) -> bool:
        """Closing time has come (the station's office hours)."""
        now = now or datetime.now()
        station = self._station.current
        return station is None or station.office_hours.has_closed(now.time())

    def start(self, staff: list[str] | None = None, now: datetime | None = None,
              closing: str | None = None) -> AfterHours:
        """At closing time with people still waiting: open today's session."""
        station = self._station.station_or_refuse()
        now = now or datetime.now()
        day = now.date()
        if not station.office_hours.has_closed(now.time()):
            raise UserError(f"还没到下班时间（{station.office_hours.closing:%H:%M}）："
                            "延时服务在下班以后才能开始")
        if service_repo.open_session(self.db, day) is not None:
            raise UserError("今天已有进行中的延时服务，请先结束它")
        names = staff or ([self._session.signed_in.name] if self._session.signed_in else [])
        return self._write(day, closing or station.office_hours.closing.strftime("%H:%M"),
                           None, names, 0, "")

    def finish(self, served: int, note: str = "", end: str | None = None,
               day: date | None = None) -> AfterHours:
        day = day or date.today()
        session = service_repo.open_session(self.db, day)
        if session is None:
            raise UserError("今天没有进行中的延时服务")
        end_time = _hhmm(end, "结束时间") if end else datetime.now().time().replace(
            second=0, microsecond=0)
        if end_time <= session.closing:
            raise UserError("结束时间应晚于下班时间", field="end")
        if served < 1:
            raise UserError("延时服务的人数至少为 1", field="served")
        with storage_errors():
            service_repo.update(self.db, "after_hours", session.id,
                                {"end_time": end_time.strftime("%H:%M"), "served": served,
                                 "note": note.strip()}, self._session.actor)
        return self.sessions(day, day)[-1]

    def cancel(self, reason: str, day: date | None = None) -> AfterHours:
        """Withdraw today's session started by mistake: closed with nobody served, the
        reason kept (audited like every change); its cases no longer count in it."""
        day = day or date.today()
        session = service_repo.open_session(self.db, day)
        if session is None:
            raise UserError("今天没有进行中的延时服务")
        if not reason.strip():
            raise UserError("请写明撤销的原因（如：误点了开始）", field="reason")
        with storage_errors(), self.db.atomic():
            service_repo.update(self.db, "after_hours", session.id,
                                {"end_time": session.closing.strftime("%H:%M"), "served": 0,
                                 "cancelled_at": now_iso(), "cancel_reason": reason.strip()},
                                self._session.actor)
            for case_id in service_repo.case_ids_in_session(self.db, session.id):
                service_repo.unlink_case(self.db, case_id, self._session.actor)
        return next(s for s in self.sessions(day, day) if s.id == session.id)

    def record(self, day: date, closing: str, end: str, staff: list[str], served: int,
               note: str = "") -> AfterHours:
        """A finished session entered afterwards (CLI `after-hours new`)."""
        if day > date.today():
            raise UserError("日期不能晚于今天", field="day")
        if _hhmm(end, "结束时间") <= _hhmm(closing, "下班时间"):
            raise UserError("结束时间应晚于下班时间", field="end")
        if served < 1:
            raise UserError("延时服务的人数至少为 1", field="served")
        return self._write(day, closing, end, staff, served, note)

    def _write(self, day: date, closing: str, end: str | None, staff: list[str], served: int,
               note: str) -> AfterHours:
        _hhmm(closing, "下班时间")
        known = {s.name for s in self._station.staff()}
        strangers = [s for s in staff if s not in known]
        if not staff or strangers:
            raise UserError("延时服务须写明在岗工作人员" + (
                "：" + "、".join(strangers) + " 不是本站在岗工作人员" if strangers else ""),
                field="staff")
        row = {"id": new_id(), "day": day.isoformat(), "closing": closing, "end_time": end,
               "staff": json.dumps(staff, ensure_ascii=False), "served": served,
               "note": note.strip()}
        with storage_errors(), self.db.atomic():
            service_repo.insert(self.db, "after_hours", row, self._session.actor)
            session = next(s for s in service_repo.sessions_between(self.db, day, day)
                           if s.id == row["id"])
            self._link_cases(session)
        return session

    def _link_cases(self, session: AfterHours) -> None:
        """Cases registered that day after closing time belong to the session."""
        start = datetime.combine(session.day, session.closing).astimezone()
        end = datetime.combine(session.day, session.end or time(23, 59, 59)).astimezone()
        for case_id in service_repo.cases_received_between(
                self.db, start.isoformat(timespec="seconds"), end.isoformat(timespec="seconds")):
            service_repo.link_case(self.db, case_id, session.id, self._session.actor)

    def link_if_after_hours(self, case: Case) -> AfterHours | None:
        """Called for each new case: registered after closing time → linked."""
        local = case.received_at.astimezone()
        session = service_repo.session_for(self.db, local.date(), local.time())
        if session is not None:
            service_repo.link_case(self.db, case.id, session.id, self._session.actor)
        return session

    def open_now(self) -> AfterHours | None:
        return service_repo.open_session(self.db, date.today())

    def sessions(self, first: date, last: date) -> list[AfterHours]:
        return service_repo.sessions_between(self.db, first, last)

    def cases_of(self, session: AfterHours) -> list[str]:
        return service_repo.cases_in_session(self.db, session.id)

    def sessions_in_month(self, year: int, month: int) -> list[AfterHours]:
        return self.sessions(*month_span(year, month))

    def month(self, year: int, month: int) -> dict[str, int]:
        found = [s for s in self.sessions_in_month(year, month) if not s.cancelled]
        return {"sessions": len(found), "minutes": sum(s.minutes for s in found),
                "served": sum(s.served for s in found)}
