"""Case handling: lifecycle, proxy tracking, deadlines, finding cases; intake is
in `registration.py`, reached through `CaseDesk.register`."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from ..db import cases_repo, clock_repo, sync_peers
from ..db.cases_repo import CaseFilter
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..domain.cases import (
    Case,
    CaseEvent,
    Department,
    ProxyStep,
    Status,
    attention_key,
    check_proxy_step,
    check_transition,
    still_missing_to,
)
from ..domain.catalogue import CaseType
from ..domain.deadlines import DUE_SOON_DAYS, Urgency, urgency
from ..domain.errors import NotAllowed, UserError
from ..domain.handover import read_only_reason
from ..domain.legal_clock import CaseClock, ClockFacts, compute, facts_of_case
from ..domain.workdays import HolidayCalendar
from .after_hours import AfterHoursDesk
from .calendar import Calendar
from .catalogue import CatalogueDesk
from .intake import CaseInput, InvalidCase, InvalidCaseAt, Registered
from .registration import Registration
from .session import Session
from .station import StationDesk
from .store import Store

__all__ = ["CaseDesk", "CaseInput", "InvalidCase", "InvalidCaseAt", "Registered"]

def _due(case: Case) -> date | None:
    """The date the case is measured against. Waiting for a supplement, the only
    limit is the 5-day notice; once it is given, the case waits on the applicant —
    unless it was given late: then the case counts as accepted and its clock runs."""
    if case.status == Status.SUPPLEMENT and not case.extra.get("deemed_accepted"):
        return None if case.supplement_notice_at else case.supplement_due
    return case.deadline


class CaseDesk:
    """`desk.cases`: the operations on cases."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 catalogue: CatalogueDesk, calendar: Calendar,
                 after_hours: AfterHoursDesk) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._catalogue = catalogue
        self._calendar = calendar
        self._registration = Registration(store, session, station, catalogue, calendar,
                                          after_hours)

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    # -- the legal clock -------------------------------------------------
    def clock_facts(self, case: Case) -> ClockFacts:
        item_days = None
        if case.extra.get("promised_days") is None:  # registered before the clock kept it
            item_days = self._catalogue.item(case.item_code).time_limit_days
        return facts_of_case(case, clock_repo.extensions(self.db, case.id),
                             clock_repo.suspensions(self.db, case.id), item_days=item_days)

    def clock(self, case: Case, today: date | None = None,
              calendar: HolidayCalendar | None = None) -> CaseClock:
        """Every date of the case with the rule that produced it (as of `today`)."""
        return compute(calendar or self._calendar.current(), self.clock_facts(case),
                       today or date.today())

    def apply_clock(self, case: Case, why: str, calendar: HolidayCalendar | None = None,
                    extra: dict[str, Any] | None = None) -> Case:
        """Store the dates the clock gives now and write them, with their rules, to
        the timeline (after an extension, a suspension, a late notice, a schedule)."""
        clock = self.clock(case, calendar=calendar)
        changes: dict[str, Any] = {**cases_repo.clock_columns(clock), **(extra or {})}
        if clock.deemed:  # accepted on the day the materials were received (§32)
            changes["accepted_at"] = case.received_at.isoformat(timespec="seconds")
        due = clock.promised_due.day if clock.promised_due else case.deadline
        changes["sort_key"] = attention_key(case.status, due if clock.acceptance else
                                            _due(case), case.received_at)
        changes["extended_days"] = sum(e.days for e in clock.extensions)
        with storage_errors(), self.db.atomic():
            cases_repo.update_case(self.db, case.id, changes, self._session.actor)
            cases_repo.add_event(self.db, case.id, "期限", why + "。" + clock.summary(),
                                 self._session.actor)
        return self.get(case.case_no)

    # -- intake (services/registration.py) --------------------------------
    def register(self, data: CaseInput) -> Registered:
        return self._registration.register(data)

    def register_all(self, inputs: list[CaseInput]) -> list[Registered]:
        """Several intakes, all or nothing (a batch from the command line)."""
        return self._registration.register_all(inputs)

    # -- reading -----------------------------------------------------------
    def get(self, case_no: str) -> Case:
        found = cases_repo.get(self.db, case_no.strip())
        if found is None:
            raise UserError(f"没有找到办件“{case_no}”", field="case_no")
        return found

    def read_only_reason(self, case: Case) -> str | None:
        """Why this station may not act on `case` (a village case at the town
        not handed over), else None. The window shows no actions then."""
        return read_only_reason(case, self._station.station_or_refuse().code)

    def for_action(self, case_no: str) -> Case:
        """The case, refused when this station may only read it."""
        case = self.get(case_no)
        reason = self.read_only_reason(case)
        if reason is not None:
            raise NotAllowed(reason)
        return case

    def station_code(self, text: str) -> str:
        """`own` or a station code the town knows (itself or a trusted village)."""
        own = self._station.station_or_refuse()
        text = text.strip()
        if text in ("own", own.code, "本站", "本中心"):
            return own.code
        if text not in {p.code for p in sync_peers.list_peers(self.db)}:
            raise UserError(f"站点“{text}”不是本站，也不是已信任的村（社区）站；"
                            "请写站点编码或 own", field="station")
        return text

    def timeline(self, case: Case) -> list[CaseEvent]:
        return cases_repo.events(self.db, case.id)

    def make_filter(self, *, search: str = "", status: Status | None = None,
                    case_type: CaseType | None = None, proxy: bool | None = None,
                    overdue: bool = False, due_soon: bool = False, attention: bool = False,
                    today: date | None = None, station: str | None = None,
                    open_only: bool = False) -> CaseFilter:
        """`attention`: what needs acting on now — overdue or due within 2 working days."""
        today = today or date.today()
        codes: tuple[str, ...] = ()
        if search.strip() and not search.strip().rstrip("xX").isdigit():
            codes = tuple(i.code for i in self._catalogue.find_items(search.strip()))
        due_by = (self._calendar.promised(today, DUE_SOON_DAYS).deadline
                  if due_soon or attention else None)
        return CaseFilter(search=search, status=status, case_type=case_type, proxy=proxy,
                          overdue=overdue, due_soon=due_soon, attention=attention, today=today,
                          due_by=due_by, item_codes=codes,
                          station=self.station_code(station) if station else None,
                          open_only=open_only)

    def count(self, f: CaseFilter, *, at_most: int | None = None) -> int:
        return cases_repo.count(self.db, f, at_most=at_most)

    def page(self, f: CaseFilter, *, limit: int, after: Case | str | None = None,
             offset: int = 0) -> list[Case]:
        """`limit` cases of `f` in attention order, after the case `after` (or its
        `paging_key`) if given, `offset` cases skipped from there."""
        key = cases_repo.paging_key(after) if isinstance(after, Case) else after
        return cases_repo.page(self.db, f, limit=limit, after_key=key, offset=offset)

    @staticmethod
    def paging_key(case: Case) -> str:
        """Where `case` stands in the attention order (for `page(after=...)`)."""
        return cases_repo.paging_key(case)

    def due_date(self, case: Case) -> date | None:
        """The date the case is measured against now (the 补正 notice limit while
        waiting for a supplement), as the case list and every report count it."""
        return _due(case)

    def days_left_until(self, due: date, day: date) -> int:
        """Working days from `day` to `due` (negative once past it)."""
        return self._calendar.days_left(day, due)

    def days_left(self, case: Case, today: date | None = None) -> int | None:
        due = _due(case)
        if due is None or not case.status.is_open:
            return None
        return self._calendar.days_left(today or date.today(), due)

    def supplement_warnings(self, today: date | None = None,
                            at_most: int | None = None) -> list[str]:
        """补正告知 not yet recorded, close to or past the 5-working-day limit (the
        earliest `at_most` of them; `supplement_warning_count` says how many)."""
        today = today or date.today()
        out = []
        for case in cases_repo.supplement_pending(self.db, self._supplement_limit(today),
                                                   self._station.station_or_refuse().code,
                                                   at_most):
            left = self.days_left(case, today)
            if left is not None and urgency(left) != Urgency.IN_TIME:
                when = "已超过" if left < 0 else f"还剩 {left} 个工作日"
                out.append(f"{case.case_no} {case.applicant.name}：补正材料通知书须在 "
                           f"{case.supplement_due:%Y-%m-%d} 前出具（{when}），逾期视为受理")
        return out

    def supplement_warning_count(self, today: date | None = None) -> int:
        return cases_repo.supplement_pending_count(
            self.db, self._supplement_limit(today or date.today()),
            self._station.station_or_refuse().code)

    def _supplement_limit(self, today: date) -> date:
        """A notice due by this day is due soon or late (within DUE_SOON_DAYS)."""
        return self._calendar.promised(today, DUE_SOON_DAYS).deadline

    # -- lifecycle ---------------------------------------------------------
    def advance(self, case_no: str, target: Status, note: str = "",
                at: datetime | None = None) -> Case:
        """`at`: when it happened, if not now (e.g. the last material brought in
        earlier, `case receive --at`): the acceptance is dated then."""
        case = self.for_action(case_no)
        check_transition(case.status, target, note)
        missing = still_missing_to(case, target)
        if missing:
            raise UserError(
                f"办件 {case.case_no} 还缺补正材料：{'、'.join(missing)}，现在不能受理。"
                "收到一件登记一件（窗口：办件详情里的“收到补正材料…”；命令行："
                f"station-desk case receive {case.case_no} --material 材料名称），"
                "最后一件收到时自动受理", field="materials")
        now = (at or datetime.now()).astimezone()
        changes: dict[str, Any] = {"status": target.value, "open": int(target.is_open)}
        clock: CaseClock | None = None
        if target == Status.ACCEPTED and case.status == Status.SUPPLEMENT:
            # everything is in: accepted today, or on receipt when the 补正 notice was
            # not given within 5 working days (deemed acceptance, §32)
            complete = replace(case, extra={**case.extra, "materials_complete_at": now})
            clock = compute(self._calendar.current(), self.clock_facts(complete), now.date())
            accepted = case.received_at if clock.deemed else now
            changes.update({
                "accepted_at": accepted.isoformat(timespec="seconds"),
                "materials_complete_at": now.isoformat(timespec="seconds"),
                **cases_repo.clock_columns(clock)})
        if target == Status.COMPLETED:
            changes["completed_at"] = now.isoformat(timespec="seconds")
        if target in (Status.NOT_ACCEPTED, Status.RETURNED, Status.WITHDRAWN):
            changes["reason"] = note.strip()
        due = clock.promised_due.day if clock and clock.promised_due else case.deadline
        changes["sort_key"] = attention_key(target, due, case.received_at)
        with storage_errors(), self.db.atomic():
            cases_repo.update_case(self.db, case.id, changes, self._session.actor)
            text = f"{case.status.value} → {target.value}"
            if clock is not None:
                text += "。" + clock.summary()
            cases_repo.add_event(self.db, case.id, "状态",
                                 text + (f"：{note.strip()}" if note.strip() else ""),
                                 self._session.actor,
                                 at=now.isoformat(timespec="seconds") if at else None)
        return self.get(case.case_no)

    def record_supplement_notice(self, case_no: str) -> Case:
        case = self.for_action(case_no)
        if case.status != Status.SUPPLEMENT:
            raise UserError("只有“待补正”的办件需要出具补正材料通知书")
        now = datetime.now().astimezone()
        late = case.supplement_due is not None and now.date() > case.supplement_due
        with storage_errors(), self.db.atomic():
            cases_repo.update_case(self.db, case.id, {
                "supplement_notice_at": now.isoformat(timespec="seconds"),
                "sort_key": attention_key(case.status, None, case.received_at)},
                self._session.actor)
            cases_repo.add_event(self.db, case.id, "补正告知",
                                 "已一次性告知需补正的全部材料：" + "、".join(case.missing)
                                 + (f"（已超过 {case.supplement_due:%Y-%m-%d} 的告知期限）"
                                    if late else ""), self._session.actor)
            if late:
                self.apply_clock(self.get(case_no), "补正告知逾期")
        return self.get(case_no)

    def proxy_step(self, case_no: str, step: ProxyStep, note: str = "") -> Case:
        case = self.for_action(case_no)
        if not case.proxy:
            raise UserError("这件不是帮办代办件")
        check_proxy_step(case.proxy_step, step)
        with storage_errors(), self.db.atomic():
            cases_repo.update_case(self.db, case.id, {"proxy_step": step.value},
                                   self._session.actor)
            cases_repo.add_event(self.db, case.id, "代办",
                                 step.value + (f"：{note.strip()}" if note.strip() else ""),
                                 self._session.actor)
        return self.get(case_no)

    def department_step(self, case_no: str, department: str, step: str) -> Case:
        case = self.for_action(case_no)
        if case.case_type != CaseType.JOINT:
            raise UserError("只有联办件需要记录各部门进度")
        if not step.strip():
            raise UserError("请填写该部门的办理进度", field="step")
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        department = department.strip()
        if not department:
            raise UserError("请填写部门名称", field="department")
        departments = [d if d.name != department else Department(department, step.strip(), now)
                       for d in case.departments]
        if department not in [d.name for d in case.departments]:
            departments.append(Department(department, step.strip(), now))
        with storage_errors(), self.db.atomic():
            cases_repo.update_case(self.db, case.id, {"departments": json.dumps(
                [d.__dict__ for d in departments], ensure_ascii=False)}, self._session.actor)
            cases_repo.add_event(self.db, case.id, "联办", f"{department}：{step}",
                                 self._session.actor)
        return self.get(case_no)

    def note_event(self, case_id: str, kind: str, text: str) -> None:
        """A timeline entry written by another service (e.g. a notice issued)."""
        cases_repo.add_event(self.db, case_id, kind, text, self._session.actor)

    def today_counts(self, day: date | None = None) -> dict[str, int]:
        day = day or date.today()
        own = self._station.station_or_refuse().code
        counts = cases_repo.counts_on(self.db, day, own)
        counts["overdue"] = self.count(self.make_filter(overdue=True, today=day, station=own))
        counts["due_soon"] = self.count(self.make_filter(due_soon=True, today=day,
                                                         station=own))
        return counts
