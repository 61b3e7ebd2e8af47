"""`desk.retention`: which finished cases have outlived their retention period, and
the head's decision on each (继续保存 or 同意销毁, domain/retention.py).

The period is the one given when the case was filed (its archive number says
D10/D30/Y); a case never filed counts by the station's setting for its case
type. A decision is recorded (who, when, why: the register DA/T 22 asks for)
and audited; nothing here deletes or changes the case itself (the archive never
hard-deletes, R-ARCHIVE)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ..db import retention_repo
from ..db.errors import storage_errors
from ..db.journal import now_iso
from ..domain.archive import Retention, default_retention, retention_ends, retention_of_years
from ..domain.catalogue import CaseType
from ..domain.errors import UserError
from ..domain.ids import new_id
from ..domain.retention import (
    RetentionDecision,
    Review,
    Verdict,
    checked_reason,
    kept_through,
    review_of,
)
from .session import Session
from .station import StationDesk
from .store import Store

HEAD_ONLY = "保管期限审核"


@dataclass(frozen=True)
class RetentionEnded:
    case_id: str
    case_no: str
    applicant: str
    item: str
    status: str
    ended_on: date          # when the case ended
    year: int               # the file's year (archive year, else the year it ended)
    retention: Retention
    ends_on: date           # first day past the period
    archive_no: str | None  # None: never filed (归档)
    review: Review = Review.PENDING
    decision: RetentionDecision | None = None  # the latest, if any

    def as_json(self) -> dict[str, object]:
        d = self.decision
        return {"case_no": self.case_no, "applicant": self.applicant, "item": self.item,
                "status": self.status, "ended_on": self.ended_on.isoformat(),
                "year": self.year, "retention": self.retention.label,
                "retention_ended_on": self.ends_on.isoformat(),
                "archive_no": self.archive_no, "review": self.review.value,
                "decision": None if d is None else {
                    "verdict": d.verdict.value, "kept_through": d.kept_through,
                    "next_review": d.next_review.isoformat() if d.next_review else None,
                    "reason": d.reason, "by": d.decided_by,
                    "at": d.decided_at.isoformat(timespec="seconds")}}


def configured_retention(station: StationDesk, case_type: CaseType) -> Retention:
    """The period a case of this type is filed under by default, as set at this station."""
    return default_retention(
        case_type,
        retention_of_years(station.setting("retention_immediate_years")),
        retention_of_years(station.setting("retention_other_years")))


class RetentionDesk:
    def __init__(self, store: Store, session: Session, station: StationDesk) -> None:
        self._store = store
        self._session = session
        self._station = station

    def ended(self, today: date | None = None) -> list[RetentionEnded]:
        """This station's own cases whose period has ended by `today`, oldest first,
        each with where the head's review stands."""
        today = today or date.today()
        station = self._station.current
        if station is None:
            return []
        db = self._store.db
        shortest = min(r.years for r in Retention if r != Retention.PERMANENT)
        decisions = retention_repo.latest_decisions(db)
        out: list[RetentionEnded] = []
        for row in retention_repo.ended_cases(db, station.code, today.year - 1 - shortest):
            ended_on = datetime.fromisoformat(row.ended_at).date()
            if row.retention is not None and row.archive_year is not None:
                retention, year = Retention(row.retention), row.archive_year
            else:
                retention = configured_retention(self._station, CaseType(row.case_type))
                year = ended_on.year
            ends = retention_ends(year, retention)
            if ends is not None and ends <= today:
                decision = decisions.get(row.case_id)
                out.append(RetentionEnded(row.case_id, row.case_no, row.applicant_name,
                                          row.item_name, row.status, ended_on, year,
                                          retention, ends, row.archive_no,
                                          review_of(decision, today), decision))
        return out

    def decide(self, case_nos: Sequence[str], verdict: Verdict, reason: str, *,
               keep_years: int | None = None, keep_until: int | None = None,
               today: date | None = None) -> list[RetentionEnded]:
        """The head's decision on one case or a selection, all or none: each must be
        past its period and waiting for review. Returns them as listed now."""
        self._session.require_head(HEAD_ONLY)
        today = today or date.today()
        text = checked_reason(reason)
        if verdict == Verdict.KEEP:
            through: int | None = kept_through(today, years=keep_years, until=keep_until)
        elif keep_years is not None or keep_until is not None:
            raise UserError("同意销毁时不写保存年限", field="keep")
        else:
            through = None
        wanted = list(dict.fromkeys(n.strip() for n in case_nos if n.strip()))
        if not wanted:
            raise UserError("请选择要审核的办件", field="case_no")
        listed = {r.case_no: r for r in self.ended(today)}
        chosen = [self._waiting(listed, n) for n in wanted]
        actor = self._session.actor
        at = now_iso()
        with storage_errors(), self._store.db.atomic():
            for r in chosen:
                retention_repo.add_decision(self._store.db, {
                    "id": new_id(), "case_id": r.case_id, "case_no": r.case_no,
                    "verdict": verdict.value, "kept_through": through, "reason": text,
                    "retention": r.retention.value, "period_ended_on": r.ends_on.isoformat(),
                    "decided_by_id": actor.id, "decided_by_name": actor.name,
                    "decided_at": at}, actor)
        now = {r.case_no: r for r in self.ended(today)}
        return [now[n] for n in wanted]

    @staticmethod
    def _waiting(listed: dict[str, RetentionEnded], case_no: str) -> RetentionEnded:
        found = listed.get(case_no)
        if found is None:
            raise UserError(f"办件 {case_no} 不在保管期限已满的名单里（未办结、保管期限未满、"
                            "永久保存，或不是本站的办件），不需要审核", field="case_no")
        if found.review == Review.KEPT and found.decision is not None:
            raise UserError(f"办件 {case_no} 已决定{found.decision.text()}，"
                            f"{found.decision.next_review:%Y-%m-%d} 起再审核", field="case_no")
        if found.review == Review.DESTROY and found.decision is not None:
            raise UserError(f"办件 {case_no} 已由{found.decision.decided_by}于"
                            f"{found.decision.decided_at:%Y-%m-%d}同意销毁，不再另行决定",
                            field="case_no")
        return found
