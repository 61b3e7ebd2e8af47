"""预约服务: booking by phone or platform, day/week views, clashes, outcomes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ..db import service_repo
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..domain.cases import Applicant
from ..domain.errors import UserError
from ..domain.idnumber import InvalidIdNumber, parse_id_number
from ..domain.ids import new_id
from ..domain.periods import days_after, week_start
from ..domain.service import (
    APPT_OUTCOMES,
    Appointment,
    ApptChannel,
    ApptKind,
    ApptStatus,
    check_kind_date,
    clashes,
)
from .calendar import Calendar
from .cases import CaseDesk
from .catalogue import CatalogueDesk
from .intake import InvalidCase, staff_named
from .session import Session
from .station import StationDesk
from .store import Store


@dataclass(frozen=True)
class ApptInput:
    applicant: Applicant
    item: str
    at: datetime
    kind: str = ApptKind.WINDOW.value
    channel: str = ApptChannel.PHONE.value
    staff: str | None = None
    minutes: int = 30
    note: str = ""


@dataclass(frozen=True)
class Booked:
    appointment: Appointment
    warnings: list[str]


def _local(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.astimezone()


class ApptDesk:
    """`desk.appointments`."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 catalogue: CatalogueDesk, calendar: Calendar, cases: CaseDesk) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._catalogue = catalogue
        self._calendar = calendar
        self._cases = cases

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def book(self, data: ApptInput) -> Booked:
        errors: dict[str, str] = {}
        item = None
        try:
            item = self._catalogue.item(data.item)
        except UserError as exc:
            errors["item"] = exc.message
        name = data.applicant.name.strip()
        if not name:
            errors["name"] = "预约人姓名不能为空"
        id_number = ""
        if data.applicant.id_number.strip():
            try:
                id_number = parse_id_number(data.applicant.id_number).value
            except InvalidIdNumber as exc:
                errors["id_number"] = exc.message
        phone = data.applicant.phone.strip()
        if not phone:
            errors["phone"] = "预约须留联系电话，以便提前联系或改期"
        try:
            kind = ApptKind(data.kind)
            channel = ApptChannel(data.channel)
        except ValueError:
            errors["kind"] = "预约方式应为 窗口、上门 或 节假日；渠道应为 电话 或 平台"
            kind, channel = ApptKind.WINDOW, ApptChannel.PHONE
        if kind == ApptKind.HOME and not data.applicant.address.strip():
            errors["address"] = "上门服务须填写地址"
        at = _local(data.at)
        if at < datetime.now().astimezone() - timedelta(minutes=5):
            errors["at"] = "预约时间已经过去了，请重新约定"
        if not 10 <= data.minutes <= 480:
            errors["minutes"] = "预计时长应在 10 到 480 分钟之间"
        staff = staff_named(self._session, self._station, data.staff, errors, "staff",
                            "负责的工作人员")
        if errors:
            raise InvalidCase(errors)
        assert item is not None and staff is not None
        calendar = self._calendar.current()
        warnings: list[str] = []
        if calendar.knows(at.year):
            check_kind_date(kind, at.date(), calendar.is_workday(at.date()))
        else:
            warnings.append(f"缺少 {at.year} 年放假安排，无法核对当天是否上班。")
        same_day = self.day(at.date())
        clash = clashes(at, data.minutes, staff.name, same_day)
        if clash:
            warnings.append(f"与{staff.name}的其他预约时间冲突：" + "、".join(
                f"{a.at:%H:%M} {a.applicant_name}" for a in clash))
        hours = self._station.station_or_refuse().office_hours
        t = at.astimezone().time()
        if kind == ApptKind.WINDOW and not (hours.morning_start <= t < hours.morning_end
                                            or hours.afternoon_start <= t < hours.closing):
            warnings.append("预约时间不在工作时间内，届时可能需要延时服务。")
        materials = [m.name for m in item.materials]
        station = self._station.station_or_refuse()
        with storage_errors(), self.db.atomic():
            number = service_repo.next_number(self.db, "appointments", "appt_no",
                                              f"{station.code}-YY{at.year}-")
            row = {"id": new_id(), "appt_no": number, "channel": channel.value,
                   "kind": kind.value, "applicant_name": name, "id_number": id_number,
                   "phone": phone, "address": data.applicant.address.strip(),
                   "item_code": item.code, "item_name": item.name,
                   "at": at.isoformat(timespec="minutes"), "minutes": data.minutes,
                   "staff_id": staff.id, "staff_name": staff.name,
                   # told once, in full, when booking (一次性告知)
                   "materials_told": json.dumps(materials, ensure_ascii=False),
                   "status": ApptStatus.BOOKED.value, "note": data.note.strip(),
                   "case_id": None}
            service_repo.insert(self.db, "appointments", row, self._session.actor)
        booked = service_repo.get_appointment(self.db, number)
        assert booked is not None
        return Booked(booked, warnings)

    def day(self, day: date) -> list[Appointment]:
        start = datetime.combine(day, time()).astimezone()
        return service_repo.appointments_between(self.db, start, start + timedelta(days=1))

    def coming(self, first: date, days: int) -> list[Appointment]:
        """Every appointment on `days` days from `first` on, in time order."""
        return [a for d in days_after(first, days) for a in self.day(d)]

    def next_booked(self, today: date, days: int = 14) -> Appointment | None:
        """The first still-booked appointment after today, looking `days` days ahead."""
        return next((a for a in self.coming(today + timedelta(days=1), days)
                     if a.status == ApptStatus.BOOKED), None)

    def week(self, any_day: date) -> dict[date, list[Appointment]]:
        monday = week_start(any_day)
        start = datetime.combine(monday, time()).astimezone()
        found = service_repo.appointments_between(self.db, start, start + timedelta(days=7))
        week: dict[date, list[Appointment]] = {d: [] for d in days_after(monday, 7)}
        for a in found:
            week.setdefault(a.at.astimezone(start.tzinfo).date(), []).append(a)
        return week

    def missed(self, now: datetime | None = None) -> list[Appointment]:
        now = now or datetime.now().astimezone()
        return [a for a in service_repo.booked_before(self.db, now) if a.is_missed(now)]

    def get(self, appt_no: str) -> Appointment:
        found = service_repo.get_appointment(self.db, appt_no.strip())
        if found is None:
            raise UserError(f"没有找到预约“{appt_no}”")
        return found

    def record_outcome(self, appt_no: str, outcome: ApptStatus, note: str = "",
                       case_no: str = "", new_at: datetime | None = None) -> Appointment:
        """served (optionally linked to the case it became), no-show, cancelled by the
        applicant, or rescheduled (a new booking at `new_at` is made)."""
        appt = self.get(appt_no)
        if appt.status != ApptStatus.BOOKED:
            raise UserError(f"这个预约已是“{appt.status.value}”，不能再改")
        if outcome not in APPT_OUTCOMES:
            raise UserError("结果应为 已服务、未到、已取消 或 已改期")
        changes: dict[str, Any] = {"status": outcome.value,
                                   "note": "；".join(x for x in (appt.note, note.strip()) if x)}
        if case_no:
            changes["case_id"] = self._cases.get(case_no).id
        if outcome == ApptStatus.RESCHEDULED and new_at is None:
            raise UserError("改期须填写新的预约时间", field="at")
        with storage_errors(), self.db.atomic():
            service_repo.update(self.db, "appointments", appt.id, changes, self._session.actor)
            if outcome == ApptStatus.RESCHEDULED and new_at is not None:
                self.book(ApptInput(
                    applicant=Applicant(appt.applicant_name, appt.id_number, appt.phone,
                                        appt.address),
                    item=appt.item_code, at=new_at, kind=appt.kind.value,
                    channel=appt.channel.value, staff=appt.staff_name, minutes=appt.minutes,
                    note=f"由 {appt.appt_no} 改期"))
        return self.get(appt_no)
