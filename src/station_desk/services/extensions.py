"""Extending and suspending a case's time limit.

行政许可 items follow 行政许可法第四十二条 (at most 10 working days, 15 for joint
handling under §26), approved by the head, the reason told to the applicant in
writing: the 延期告知书 is issued and archived in the same step. Other items
keep the station's rule — the applicant's consent — with the same cap and the
head's approval. A suspension stops the clock (听证、检验检测、鉴定…) until the
case is resumed."""

from __future__ import annotations

from datetime import date

from ..db import clock_repo
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..domain.cases import Case
from ..domain.errors import UserError
from ..domain.legal_clock import Extension, check_extension
from ..domain.notices import NoticeKind
from .cases import CaseDesk
from .notices import IssuedNotice, NoticeDesk
from .session import Session
from .store import Store


class ExtensionDesk:
    """`desk.extensions`."""

    def __init__(self, store: Store, session: Session, cases: CaseDesk,
                 notices: NoticeDesk) -> None:
        self._store = store
        self._session = session
        self._cases = cases
        self._notices = notices

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def extend(self, case_no: str, days: int, reason: str, *, consent: str = "",
               approved_by: str = "") -> IssuedNotice:
        """Record the extension, move the dates and issue the 延期告知书 (all or nothing).

        Signed in, only the head may do it and is the approver; the command line
        (the town's administrator) names the approving head in `approved_by`."""
        self._session.require_head("批准延期")
        case = self._cases.for_action(case_no)
        if not case.status.is_open or case.deadline is None:
            raise UserError("只有在办且已有承诺办结日期的办件可以延期", field="status")
        approver = self._session.name_or(approved_by.strip())
        facts = self._cases.clock_facts(case)
        kind = check_extension(facts, days, reason=reason, approved_by=approver,
                               consent=consent)
        ext = Extension(days, kind, reason.strip(), approver, date.today(), consent.strip())
        signed_in = self._session.signed_in
        with storage_errors(), self.db.atomic():
            ext_id = clock_repo.add_extension(self.db, case.id, ext,
                                              signed_in.id if signed_in else None,
                                              self._session.actor)
            moved = self._cases.apply_clock(case, f"{kind.value} {days} 个工作日"
                                                  f"（{approver}批准）：{ext.reason}")
            issued = self._notices.issue(moved.case_no, NoticeKind.EXTENSION, again=True)
            clock_repo.set_extension_notice(self.db, ext_id, issued.notice.notice_no,
                                            self._session.actor)
        return issued

    def suspend(self, case_no: str, reason: str) -> Case:
        case = self._cases.for_action(case_no)
        if not case.status.is_open or case.deadline is None:
            raise UserError("只有在办且已有承诺办结日期的办件可以中止计时", field="status")
        if not reason.strip():
            raise UserError("请写明中止计时的理由（如听证、检验检测、鉴定、专家评审）",
                            field="reason")
        if clock_repo.open_suspension(self.db, case.id) is not None:
            raise UserError("这件已在中止计时中", field="status")
        with storage_errors(), self.db.atomic():
            clock_repo.add_suspension(self.db, case.id, date.today(), reason.strip(),
                                      self._session.actor)
            self._cases.note_event(case.id, "期限", f"中止计时：{reason.strip()}"
                                                   "（中止期间不计入办理期限）")
        return self._cases.get(case_no)

    def resume(self, case_no: str) -> Case:
        case = self._cases.for_action(case_no)
        open_id = clock_repo.open_suspension(self.db, case.id)
        if open_id is None:
            raise UserError("这件没有中止计时", field="status")
        with storage_errors(), self.db.atomic():
            clock_repo.end_suspension(self.db, open_id, date.today(), self._session.actor)
            self._cases.apply_clock(case, "恢复计时")
        return self._cases.get(case_no)
