"""`desk.viewing`: showing personal data on purpose, and recording that it was shown.

Screens, lists and exports show ID numbers masked (domain/idnumber.py). A full
number is shown only when someone asks for it in the case detail, and a scan
only at full size when someone opens it; both are written to the audit trail
(who, when, which case, which attachment) and appear in the case's 办理经过.
Thumbnails are not recorded: at 128 pixels an ID card cannot be read.

The command line's `--json` keeps full numbers (CLI.md); each command that gives
some out writes one row naming every case whose number it carried."""

from __future__ import annotations

from datetime import datetime

from ..db import viewing_repo
from ..db.archive_repo import AttachmentInfo
from ..db.errors import storage_errors
from ..domain.actor import Actor
from ..domain.cases import Case, CaseEvent
from ..domain.errors import UserError
from ..domain.idnumber import mask_id_numbers_in
from .archive import ArchiveDesk
from .cases import CaseDesk
from .session import Session
from .store import Store

VIEWING = "查看"


class ViewingDesk:
    def __init__(self, store: Store, session: Session, cases: CaseDesk,
                 archive: ArchiveDesk) -> None:
        self._store = store
        self._session = session
        self._cases = cases
        self._archive = archive

    def reveal_id_number(self, case_no: str) -> str:
        """The applicant's full ID number, after writing who asked for it."""
        case = self._cases.get(case_no)
        if not case.applicant.id_number:
            raise UserError(f"办件 {case.case_no} 没有登记身份证号", field="id_number")
        self._record(case, viewing_repo.ID_NUMBER_SHOWN, {})
        return case.applicant.id_number

    def open_scan(self, case_no: str, attachment: AttachmentInfo) -> bytes:
        """A scan's bytes for the full-size view; the opening is recorded once the
        bytes are read and checked (a damaged scan shows nothing and records nothing)."""
        case = self._cases.get(case_no)
        data = self._archive.attachment_data(attachment)
        self._record(case, viewing_repo.SCAN_OPENED,
                     {"attachment": attachment.name, "attachment_id": attachment.id})
        return data

    def numbers_given_out(self, command: str, case_nos: list[str], os_account: str) -> None:
        """A command is about to print the full ID numbers of `case_nos`: one audit
        row first. Read-only commands need no sign-in, so with nobody signed in the
        row names the operating-system account that ran the command instead."""
        listed = sorted(set(filter(None, case_nos)))
        if not listed:
            return
        signed_in = self._session.signed_in is not None
        actor = (self._session.actor if signed_in
                 else Actor(None, f"命令行未登录（系统账户 {os_account}）"))
        with storage_errors():
            viewing_repo.record(self._store.db, command, viewing_repo.GIVEN_OUT, actor,
                                {"command": command, "cases": listed, "count": len(listed),
                                 "signed_in": signed_in, "os_account": os_account})

    def records(self, case_no: str) -> list[viewing_repo.ViewingRow]:
        return viewing_repo.of_case(self._store.db, self._cases.get(case_no).id)

    def timeline(self, case: Case) -> list[CaseEvent]:
        """The case's 办理经过 with the viewing records among it, ID numbers in
        the text masked (a correction of the number wrote both numbers there)."""
        events = [CaseEvent(e.at, e.actor_name, e.kind, mask_id_numbers_in(e.text))
                  for e in self._cases.timeline(case)]
        for r in viewing_repo.of_case(self._store.db, case.id):
            text = ("显示完整身份证号" if r.action == viewing_repo.ID_NUMBER_SHOWN
                    else f"查看原图：{r.attachment}")
            events.append(CaseEvent(datetime.fromisoformat(r.at), r.actor_name, VIEWING, text))
        return sorted(events, key=lambda e: e.at.timestamp())

    def _record(self, case: Case, action: str, details: dict[str, object]) -> None:
        with storage_errors():
            viewing_repo.record(self._store.db, case.id, action, self._session.actor,
                                {"case_no": case.case_no, **details})
