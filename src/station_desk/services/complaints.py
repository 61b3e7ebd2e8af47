"""效能投诉 and 好差评/电话回访: complaints through to their answer, ratings of
ended cases (一事一评 per channel), the rectification a 差评 opens — deadline,
call-back, classification, re-rating — and the satisfaction rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..db import ratings_repo, service_repo
from ..db.errors import storage_errors
from ..domain.errors import UserError
from ..domain.feedback import (
    BAD,
    Classification,
    RatingRecord,
    RectificationState,
    check_callback,
    check_rateable,
    check_rerating,
)
from ..domain.ids import new_id
from ..domain.service import (
    COMPLAINT_FLOW,
    NOT_ACCEPTED_GROUNDS,
    SATISFACTION_TARGET,
    Complaint,
    ComplaintStatus,
    Rating,
    Severity,
    complaint_due,
    satisfaction_rate,
)
from .calendar import Calendar
from .case_work import CaseWorkDesk
from .cases import CaseDesk
from .session import Session
from .station import StationDesk
from .store import Store

COMPLAINT_CHANNELS = ("口头", "电话", "书面", "网络平台")
SPOKEN_CHANNELS = ("口头", "电话")


def must_be_written(severity: Severity, channel: str) -> bool:
    """A complaint on a major matter is taken in writing (效能投诉制度), not by word
    of mouth or phone."""
    return severity == Severity.MAJOR and channel in SPOKEN_CHANNELS


@dataclass(frozen=True)
class Satisfaction:
    first: date
    last: date
    rated: int
    satisfied: int
    rate: float | None
    target: float = SATISFACTION_TARGET

    def text(self) -> str:
        if self.rate is None:
            return "暂无评价"
        mark = "达标" if self.rate >= self.target else "未达标"
        return f"{self.rate:.1%}（{self.satisfied}/{self.rated}，目标 98%，{mark}）"


class ComplaintDesk(CaseWorkDesk):
    """`desk.complaints`: complaints and satisfaction."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 calendar: Calendar, cases: CaseDesk) -> None:
        super().__init__(store, session, station, cases)
        self._calendar = calendar

    # -- complaints --------------------------------------------------------
    def limit_days(self, severity: Severity) -> int:
        """The station's limit for a complaint of this severity (calendar days)."""
        return self._station.setting("complaint_major_days" if severity == Severity.MAJOR
                                     else "complaint_general_days")

    def due_if_received(self, severity: Severity, day: date) -> date:
        """When a complaint received on `day` must be closed (a rest day rolls over)."""
        return complaint_due(self._calendar.current(), day, severity,
                             self._station.setting("complaint_general_days"),
                             self._station.setting("complaint_major_days")).day

    def receive(self, *, complainant: str, phone: str, matter: str, concerning: str = "",
                channel: str = "电话", severity: Severity = Severity.GENERAL,
                not_accepted_reason: str = "") -> Complaint:
        """受理 (or 不予受理 with one of the manual's grounds)."""
        errors = []
        if not complainant.strip():
            errors.append("投诉人姓名不能为空")
        if not phone.strip():
            errors.append("请留投诉人联系电话，以便反馈处理结果")
        if not matter.strip():
            errors.append("请写明投诉事项")
        if channel not in COMPLAINT_CHANNELS:
            errors.append("投诉形式应为 " + "、".join(COMPLAINT_CHANNELS))
        if must_be_written(severity, channel):
            errors.append("涉及重大事项的投诉应采用书面形式（效能投诉制度）")
        if not_accepted_reason and not_accepted_reason not in NOT_ACCEPTED_GROUNDS:
            errors.append("不予受理的理由应为：" + "；".join(NOT_ACCEPTED_GROUNDS))
        if errors:
            raise UserError("；".join(errors))
        station = self._station.station_or_refuse()
        now = datetime.now().astimezone()
        status = ComplaintStatus.NOT_ACCEPTED if not_accepted_reason else \
            ComplaintStatus.ACCEPTED
        due = None if not_accepted_reason else self.due_if_received(severity, now.date())
        with storage_errors(), self.db.atomic():
            number = service_repo.next_number(self.db, "complaints", "complaint_no",
                                              f"{station.code}-TS{now.year}-")
            service_repo.insert(self.db, "complaints", {
                "id": new_id(), "complaint_no": number,
                "received_at": now.isoformat(timespec="seconds"), "channel": channel,
                "complainant": complainant.strip(), "phone": phone.strip(),
                "matter": matter.strip(), "concerning": concerning.strip(),
                "severity": severity.value, "status": status.value,
                "due": due.isoformat() if due else None, "reason": not_accepted_reason,
                "result": "", "closed_at": None}, self._session.actor)
        return self.get(number)

    def get(self, number: str) -> Complaint:
        found = service_repo.get_complaint(self.db, number.strip())
        if found is None:
            raise UserError(f"没有找到投诉“{number}”")
        return found

    def advance(self, number: str, text: str) -> Complaint:
        """受理 → 办理 → 反馈 → 办结; each step says what was done."""
        c = self.get(number)
        target = COMPLAINT_FLOW.get(c.status)
        if target is None:
            raise UserError(f"投诉已是“{c.status.value}”，不能再推进")
        if not text.strip():
            raise UserError(f"请写明{target.value}的情况", field="text")
        changes: dict[str, Any] = {
            "status": target.value,
            "result": "\n".join(x for x in (c.result, f"【{target.value}】{text.strip()}") if x)}
        if target == ComplaintStatus.CLOSED:
            changes["closed_at"] = datetime.now().astimezone().isoformat(timespec="seconds")
        with storage_errors():
            service_repo.update(self.db, "complaints", c.id, changes, self._session.actor)
        return self.get(number)

    def open_complaints(self) -> list[Complaint]:
        return service_repo.complaints(self.db, open_only=True)

    def all_complaints(self) -> list[Complaint]:
        return service_repo.complaints(self.db)

    def overdue(self, today: date | None = None) -> list[Complaint]:
        today = today or date.today()
        return [c for c in self.open_complaints() if c.is_overdue(today)]

    # -- satisfaction ------------------------------------------------------
    def rate(self, case_no: str, level: Rating, source: str = "窗口评价器",
             note: str = "") -> None:
        case = self._cases.for_action(case_no)
        check_rateable(case.status, source,
                       {r["source"] for r in service_repo.ratings_for_case(self.db, case.id)})
        staff = self._session.name_or(case.first_ask_name)
        now = datetime.now().astimezone()
        due = None
        if level in BAD:  # 差评: put right within the configured working days
            due = self._calendar.promised(now.date(),
                                          self._station.setting("rectification_days")).deadline
        with storage_errors(), self.db.atomic():
            service_repo.insert(self.db, "ratings", {
                "id": new_id(), "case_id": case.id, "level": level.value, "source": source,
                "rated_at": now.isoformat(timespec="seconds"),
                "staff_name": staff, "note": note.strip(), "callback_at": None,
                "callback_by": None, "correction": "",
                "rectify_due": due.isoformat() if due else None}, self._session.actor)
            self._cases.note_event(case.id, "评价", f"{source}：{level.value}" + (
                f"，差评须在 {due:%Y-%m-%d} 前回访整改" if due else ""))

    def needing_callback(self) -> list[dict[str, Any]]:
        """Every 不满意/非常不满意 until it has a call-back and a correction record."""
        return service_repo.ratings_needing_callback(self.db)

    def rating(self, rating_id: str) -> RatingRecord:
        found = ratings_repo.get(self.db, rating_id)
        if found is None:
            raise UserError(f"没有找到评价“{rating_id}”", field="rating")
        return found

    def ratings_of(self, case_no: str) -> list[RatingRecord]:
        return ratings_repo.for_case(self.db, self._cases.get(case_no).id)

    def record_callback(self, rating_id: str, correction: str,
                        classification: Classification | None = None) -> None:
        """The call-back and what was put right; the 差评 is classified 有效/误评/恶意."""
        record = self.rating(rating_id)
        check_callback(record, correction, classification)
        assert classification is not None
        who = self._session.actor.name  # the signed-in person (window or --as)
        with storage_errors(), self.db.atomic():
            service_repo.update(self.db, "ratings", rating_id, {
                "callback_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                "callback_by": who, "correction": correction.strip(),
                "classification": classification.value}, self._session.actor)
            self._cases.note_event(record.case_id, "评价", f"差评回访整改（{who}）："
                                   f"{classification.value}；{correction.strip()}")

    def rerate(self, rating_id: str, level: Rating) -> None:
        """After the rectification, the applicant may rate once more (counts instead)."""
        record = self.rating(rating_id)
        check_rerating(record)
        with storage_errors(), self.db.atomic():
            service_repo.update(self.db, "ratings", rating_id, {
                "rerating": level.value,
                "rerated_at": datetime.now().astimezone().isoformat(timespec="seconds")},
                self._session.actor)
            self._cases.note_event(record.case_id, "评价", f"整改后复评：{level.value}")

    def overdue_rectifications(self, today: date | None = None) -> list[RatingRecord]:
        today = today or date.today()
        own = self._station.station_or_refuse().code  # a village's 差评 are the village's
        return [r for r in ratings_repo.open_rectifications(self.db, own)
                if r.state(today) == RectificationState.OVERDUE]

    def satisfaction(self, first: date, last: date) -> Satisfaction:
        ratings: list[Rating] = ratings_repo.effective_between(
            self.db, first.isoformat(), (last + timedelta(days=1)).isoformat())
        return Satisfaction(first, last, len(ratings), sum(1 for r in ratings if r.satisfied),
                            satisfaction_rate(ratings))
