"""Telling the applicant (一次性告知制): the notification log of a case — 补正, 交费
and 办结 told in writing, by phone, by SMS or at the door, by whom, when, with
what result — and the ready words for an SMS or a call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from ..db import notifications_repo
from ..db.errors import storage_errors
from ..domain.notifications import (
    Notification,
    NotifyChannel,
    NotifyResult,
    Purpose,
    check_notification,
    purposes_due,
    told,
    told_in_writing,
    wording,
)
from .case_work import CaseWorkDesk


@dataclass(frozen=True)
class TellingState:
    """Whether the applicant has been told what they must be told."""

    purpose: Purpose
    told: bool
    last: Notification | None
    written_at: datetime | None = None  # the written notice that told it (补正材料通知书)

    def text(self) -> str:
        if self.written_at is not None and not (self.last and self.told):
            return (f"{self.purpose.value}：已于 {self.written_at.astimezone():%Y-%m-%d %H:%M} "
                    "书面告知（补正材料通知书）")
        if self.told and self.last is not None:
            return (f"{self.purpose.value}：已于 {self.last.told_at:%Y-%m-%d %H:%M} "
                    f"{self.last.channel.value}告知{self.last.person}（{self.last.told_by}）")
        if self.last is not None:
            return (f"{self.purpose.value}：尚未告知到（{self.last.told_at:%m-%d %H:%M} "
                    f"{self.last.channel.value}{self.last.result.value}）")
        return f"{self.purpose.value}：尚未告知申请人"


class NotificationDesk(CaseWorkDesk):
    """`desk.notifications`."""

    def record(self, case_no: str, purpose: Purpose, channel: NotifyChannel, *,
               person: str = "", result: NotifyResult = NotifyResult.TOLD,
               told_at: datetime | None = None, told_by: str = "",
               note: str = "") -> Notification:
        case = self._cases.for_action(case_no)
        when = (told_at or datetime.now()).astimezone().replace(microsecond=0)
        who = told_by.strip() or self._session.name_or("")
        person = person.strip() or case.applicant.name
        check_notification(case, purpose, channel, person, who, when, date.today())
        n = Notification("", case.id, purpose, channel, person, who, when, result,
                         note.strip())
        with storage_errors(), self.db.atomic():
            notifications_repo.add(self.db, n, self._session.actor)
            self._cases.note_event(case.id, "告知", f"{purpose.value}：{channel.value}告知{person}"
                                                   f"，{result.value}"
                                   + (f"（{note.strip()}）" if note.strip() else ""))
        return self.for_case(case_no)[-1]

    def for_case(self, case_no: str) -> list[Notification]:
        return notifications_repo.for_case(self.db, self._cases.get(case_no).id)

    def states(self, case_no: str) -> list[TellingState]:
        """For each thing the applicant must be told now: told or not, and the last try."""
        case = self._cases.get(case_no)
        records = notifications_repo.for_case(self.db, case.id)
        out = []
        for purpose in purposes_due(case):
            tries = [r for r in records if r.purpose == purpose]
            written = told_in_writing(case, purpose)
            out.append(TellingState(purpose, told(records, purpose) or written is not None,
                                    tries[-1] if tries else None, written))
        return out

    def wording(self, case_no: str, purpose: Purpose) -> str:
        station = self._station.station_or_refuse()
        return wording(self._cases.get(case_no), purpose, station.name, station.phone)
