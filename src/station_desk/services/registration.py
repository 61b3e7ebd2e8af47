"""Registering cases: one intake (or a batch, all or nothing) checked, given its
type, status and legal dates, and written with its first timeline entries."""

from __future__ import annotations

from datetime import datetime

from ..db import cases_repo
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..domain.cases import Case, Department, MaterialCheck, ProxyStep, Status, initial_status
from ..domain.catalogue import CaseType
from ..domain.deadlines import Promise
from ..domain.errors import UserError
from ..domain.legal_clock import NOTICE_DAYS, CaseClock, ClockFacts, compute
from ..domain.station import Role
from .after_hours import AfterHoursDesk
from .calendar import Calendar
from .case_row import new_case_row
from .catalogue import CatalogueDesk
from .intake import (
    CaseInput,
    InvalidCase,
    InvalidCaseAt,
    Registered,
    rare_character_warning,
    validate_intake,
)
from .session import Session
from .station import StationDesk
from .store import Store

SUPPLEMENT_NOTICE_DAYS = NOTICE_DAYS  # 行政许可法第三十二条: 5 日内一次告知, 逾期即视为受理


def _required(material_originals: int, material_copies: int) -> bool:
    return material_originals + material_copies > 0


class Registration:
    """Behind `desk.cases.register` / `register_all`."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 catalogue: CatalogueDesk, calendar: Calendar,
                 after_hours: AfterHoursDesk) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._catalogue = catalogue
        self._calendar = calendar
        self._after_hours = after_hours

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def _reread(self, case_id: str) -> Case:
        case = cases_repo.get(self.db, case_id)
        assert case is not None
        return case

    def register(self, data: CaseInput) -> Registered:
        if data.request_id:
            earlier = self._earlier_request(data)
            if earlier is not None:
                return earlier
        item, applicant, v = validate_intake(self._catalogue, self._session, self._station, data)
        station = self._station.station_or_refuse()
        case_type: CaseType = v["case_type"]
        received_at: datetime = v["received_at"]
        materials = [MaterialCheck(m.name, m.originals, m.copies,
                                   m.name in data.received or not _required(m.originals,
                                                                            m.copies))
                     for m in item.materials]
        missing = [m.name for m in materials if not m.received]
        status = initial_status(case_type, missing, data.done_on_spot)
        warnings: list[str] = []
        deadline: Promise | None = None
        supplement_due: Promise | None = None
        day = received_at.date()
        promised_days = 0 if case_type == CaseType.IMMEDIATE else item.time_limit_days
        clock: CaseClock | None = None
        if status in (Status.ACCEPTED, Status.COMPLETED):
            clock = compute(self._calendar.current(), ClockFacts(
                received=day, promised_days=promised_days, statutory_days=item.statutory_days,
                licence=bool(item.licence), joint=case_type == CaseType.JOINT), day)
            deadline = self._calendar.promised(day, promised_days)
        elif status == Status.SUPPLEMENT:
            supplement_due = self._calendar.promised(day, SUPPLEMENT_NOTICE_DAYS)
            warnings.append(f"材料不齐，缺：{'、'.join(missing)}。请一次性出具补正材料通知书；"
                            f"须在 {supplement_due.deadline:%Y-%m-%d} 前告知，逾期视为受理。")
        for p in (deadline, supplement_due):
            if p is not None and p.provisional:
                warnings.append(p.warning())
        rare = rare_character_warning(applicant.name, applicant.address)
        if rare:
            warnings.append(rare)
        if data.proxy and item.in_person:
            warnings.append(f"“{item.name}”须本人到场，不能全程代办：请告知申请人需本人到场的环节。")
        departments = [Department(d) for d in (data.departments or
                       ((item.department,) if case_type == CaseType.JOINT else ()))]
        first_ask, agent = v["first_ask"], v["agent"]
        if data.proxy and agent is not None and agent.role not in (Role.AGENT, Role.HEAD):
            warnings.append(f"{agent.name}不是帮办代办员，已按其记为代办人。")
        with storage_errors(), self.db.atomic():
            seq = cases_repo.next_seq(self.db, station.code, received_at.year)
            row = new_case_row(data, v, station_code=station.code, seq=seq, item=item,
                               applicant=applicant, status=status, materials=materials,
                               departments=departments, deadline=deadline,
                               supplement_due=supplement_due, clock=clock,
                               promised_days=promised_days)
            cases_repo.insert_case(self.db, row, self._session.actor)
            if data.request_id:
                cases_repo.remember_request(self.db, data.request_id, row["id"],
                                            data.fingerprint())
            text = (f"{v['channel'].value}登记，首问责任人 {first_ask.name}，"
                    f"{case_type.value}，状态：{status.value}")
            if missing:
                text += f"；缺材料：{'、'.join(missing)}"
            if data.reason.strip():
                text += f"；理由：{data.reason.strip()}"
            if clock is not None and status == Status.ACCEPTED:
                text += "。" + clock.summary()
            cases_repo.add_event(self.db, row["id"], "登记", text, self._session.actor,
                                 at=row["received_at"])
            if data.proxy:
                cases_repo.add_event(self.db, row["id"], "代办",
                                     f"{ProxyStep.ENTRUSTED.value}：代办员 {agent.name}"
                                     + ("，上门服务" if data.door_to_door else ""),
                                     self._session.actor)
            case = cases_repo.get(self.db, row["id"])
            assert case is not None
            session = self._after_hours.link_if_after_hours(case)
            if session is not None:
                warnings.append(f"下班后登记，已计入今天 {session.closing:%H:%M} 开始的延时服务。")
        return Registered(self._reread(row["id"]), warnings)

    def _earlier_request(self, data: CaseInput) -> Registered | None:
        assert data.request_id
        found = cases_repo.case_for_request(self.db, data.request_id)
        if found is None:
            return None
        case_id, fingerprint = found
        if fingerprint != data.fingerprint():
            raise UserError(f"请求号 {data.request_id} 已经用于登记另一件办件，"
                            "请换一个请求号（或不填）", field="request_id")
        case = cases_repo.get(self.db, case_id)
        assert case is not None
        return Registered(case, [f"这件在 {case.received_at:%Y-%m-%d %H:%M} 已经登记过"
                                 f"（{case.case_no}），没有重复登记"], already=True)

    def register_all(self, inputs: list[CaseInput]) -> list[Registered]:
        results = []
        with storage_errors(), self.db.atomic():
            for i, data in enumerate(inputs):
                try:
                    results.append(self.register(data))
                except InvalidCase as exc:
                    raise InvalidCaseAt(i, exc) from None
        return results
