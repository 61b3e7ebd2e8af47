"""Written notices: issued from a case, archived exactly as printed (存档备查),
reprinted from the archive — never regenerated."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ..db import notices_repo
from ..db.connection import ArchiveDb
from ..db.errors import storage_errors
from ..db.notices_repo import ArchivedNotice
from ..domain.cases import Status
from ..domain.errors import UserError
from ..domain.ids import new_id
from ..domain.notices import NoticeKind
from ..domain.service import ApptKind
from .appointments import ApptDesk
from .cases import CaseDesk
from .catalogue import CatalogueDesk
from .session import Session
from .station import StationDesk
from .store import Store

# the printing modules load reportlab (0.3 s): imported where a notice is made
if TYPE_CHECKING:
    from ..print.notices import NoticeContext


@dataclass(frozen=True)
class IssuedNotice:
    notice: ArchivedNotice
    pdf: bytes
    reprint: bool  # True: the archived copy of an earlier issue


def prepare_printing(_progress: object = None) -> None:
    """Load reportlab and read the print fonts ahead (about 1 s, once per process):
    the window does it in the background after start, so the first case opened —
    whose notice menu checks each name against the font — does not wait for it."""
    from ..print.fonts import register_fonts

    register_fonts()


def parse_kind(text: str) -> NoticeKind:
    for kind in NoticeKind:
        if text in (kind.value, kind.title):
            return kind
    raise UserError(f"告知书种类“{text}”不认识：可用 " + "、".join(
        f"{k.value}（{k.title}）" for k in NoticeKind), field="kind")


class NoticeDesk:
    """`desk.notices`."""

    def __init__(self, store: Store, session: Session, station: StationDesk,
                 catalogue: CatalogueDesk, cases: CaseDesk,
                 appointments: ApptDesk) -> None:
        self._store = store
        self._session = session
        self._station = station
        self._catalogue = catalogue
        self._cases = cases
        self._appointments = appointments

    @property
    def db(self) -> ArchiveDb:
        return self._store.db

    def _context(self, case_no: str, kind: NoticeKind) -> NoticeContext:
        from ..print.notices import NoticeContext
        if kind == NoticeKind.APPOINTMENT:
            raise UserError("预约确认单从预约出具；预约服务功能尚未开放")
        station = self._station.station_or_refuse()
        case = self._cases.get(case_no)
        staff = self._session.name_or(case.first_ask_name)
        serial = notices_repo.count_like(self.db, f"{case.case_no}-{kind.code}") + 1
        number = f"{case.case_no}-{kind.code}" + (f"-{serial}" if serial > 1 else "")
        clock = self._cases.clock(case)
        return NoticeContext(kind=kind, station=station, item=self._catalogue.item(case.item_code),
                             notice_no=number, staff_name=staff,
                             issued_at=datetime.now().astimezone().replace(microsecond=0),
                             case=case, clock=clock,
                             extension=clock.extensions[-1] if clock.extensions else None)

    def check(self, case_no: str, kind: NoticeKind) -> list[str]:
        """What the clerk must see before printing (empty: nothing to confirm).

        Refusals raise; an incomplete catalogue item is returned as a question so
        the window can ask before printing with visible gaps.
        """
        from ..print.notices import check_context
        from ..print.notices.handwriting import with_handwriting_blanks
        ctx, _blanked = with_handwriting_blanks(self._context(case_no, kind))
        if kind == NoticeKind.ONE_TIME and ctx.item.missing_elements():
            check_context(ctx, allow_incomplete=True)
            return [f"事项“{ctx.item.name}”的办事指南要素不全（缺："
                    + "、".join(ctx.item.missing_elements()) + "），打印出来会标明“要素不全”。"]
        check_context(ctx)
        return []

    def issue(self, case_no: str, kind: NoticeKind, *, allow_incomplete: bool = False,
              again: bool = False) -> IssuedNotice:
        """The archived copy if this kind was issued for the case before (a reprint),
        else a new notice, archived first and then handed out. `again`: issue anew
        (e.g. a second supplement round)."""
        from ..print.notices import render_notice
        from ..print.notices.handwriting import with_handwriting_blanks
        case = self._cases.for_action(case_no)
        earlier = notices_repo.latest(self.db, case.id, kind.value)
        if earlier is not None and not again:
            return IssuedNotice(earlier, notices_repo.pdf(self.db, earlier.id), reprint=True)
        ctx, blanked = with_handwriting_blanks(self._context(case_no, kind))
        pdf = render_notice(ctx, allow_incomplete=allow_incomplete)
        digest = hashlib.sha256(pdf).hexdigest()
        actor = self._session.actor
        row = {"id": new_id(), "notice_no": ctx.notice_no, "case_id": case.id,
               "kind": kind.value, "issued_at": ctx.issued_at.isoformat(),
               "issued_by_id": actor.id, "issued_by_name": ctx.staff_name, "sha256": digest,
               "size": len(pdf), "pdf": pdf}
        with storage_errors(), self.db.atomic():
            notices_repo.add(self.db, row, actor)
            self._cases.note_event(case.id, "告知书", f"出具{ctx.title}（{ctx.notice_no}）")
            for blank in blanked:
                self._cases.note_event(case.id, "生僻字", f"{ctx.notice_no}：{blank.text()}")
            if kind == NoticeKind.SUPPLEMENT and case.status == Status.SUPPLEMENT \
                    and case.supplement_notice_at is None:
                self._cases.record_supplement_notice(case.case_no)
        archived = notices_repo.latest(self.db, case.id, kind.value)
        assert archived is not None
        return IssuedNotice(archived, pdf, reprint=False)

    def issue_for_appointment(self, appt_no: str, *, again: bool = False) -> IssuedNotice:
        """预约确认单: the archived copy if issued before, else a new one."""
        from ..print.notices import NoticeContext, render_notice
        from ..print.notices.handwriting import with_handwriting_blanks
        appt = self._appointments.get(appt_no)
        number = f"{appt.appt_no}-{NoticeKind.APPOINTMENT.code}"
        earlier = notices_repo.by_number(self.db, number)
        if earlier is not None and not again:
            return IssuedNotice(earlier, notices_repo.pdf(self.db, earlier.id), reprint=True)
        if earlier is not None:
            number += f"-{notices_repo.count_like(self.db, number) + 1}"
        place = (f"上门服务：{appt.address}" if appt.kind == ApptKind.HOME else "")
        ctx = NoticeContext(
            kind=NoticeKind.APPOINTMENT, station=self._station.station_or_refuse(),
            item=self._catalogue.item(appt.item_code), notice_no=number,
            staff_name=self._session.name_or(appt.staff_name),
            issued_at=datetime.now().astimezone().replace(microsecond=0),
            applicant_name=appt.applicant_name,
            appointment={"at": appt.at.astimezone().strftime("%Y年%m月%d日 %H:%M"),
                         "kind": appt.kind.value, "staff": appt.staff_name, "place": place})
        ctx, _blanked = with_handwriting_blanks(ctx)
        pdf = render_notice(ctx)
        digest = hashlib.sha256(pdf).hexdigest()
        row = {"id": new_id(), "notice_no": number, "case_id": None,
               "kind": NoticeKind.APPOINTMENT.value, "issued_at": ctx.issued_at.isoformat(),
               "issued_by_id": self._session.actor.id, "issued_by_name": ctx.staff_name,
               "sha256": digest, "size": len(pdf), "pdf": pdf}
        with storage_errors(), self.db.atomic():
            notices_repo.add(self.db, row, self._session.actor)
        archived = notices_repo.by_number(self.db, number)
        assert archived is not None
        return IssuedNotice(archived, pdf, reprint=False)

    def rules_board(self, size: str = "A4") -> bytes:
        """制度牌 for the wall: the town's 5 rules or the village's 3 (manual §五.3)."""
        from ..print.boards import render_rules_board
        if size not in ("A4", "A3"):
            raise UserError("制度牌纸张应为 A4 或 A3", field="size")
        station = self._station.station_or_refuse()
        return render_rules_board("town" if station.kind.is_town else "village",
                                  "A3" if size == "A3" else "A4", station.name)

    def needed_now(self, case_no: str) -> list[NoticeKind]:
        """What a case just registered should take home, not yet issued: the 一次性告知书
        for a case that is not finished on the spot, the 补正 notice when papers are
        missing, the 委托书 for a proxy request."""
        case = self._cases.get(case_no)
        issued = {n.kind for n in self.for_case(case_no)}
        wanted = []
        if case.status != Status.COMPLETED:
            wanted.append(NoticeKind.ONE_TIME)
        if case.missing:
            wanted.append(NoticeKind.SUPPLEMENT)
        if case.proxy:
            wanted.append(NoticeKind.ENTRUST)
        return [k for k in wanted if k.value not in issued]

    def issue_together(self, case_no: str, kinds: list[NoticeKind]) -> bytes:
        """Issue (or reprint) each notice and hand them back as one PDF to print at once;
        each is archived on its own. Incomplete catalogue items print with their gaps
        marked, as the clerk was told when choosing."""
        from pypdf import PdfReader, PdfWriter  # heavy: only when notices are joined

        writer = PdfWriter()
        for kind in kinds:
            issued = self.issue(case_no, kind, allow_incomplete=True)
            writer.append(PdfReader(io.BytesIO(issued.pdf)))
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def reissue(self, case_no: str, kind: NoticeKind, *,
                allow_incomplete: bool = False) -> IssuedNotice:
        """After a correction: a new archived version beside the earlier ones."""
        case = self._cases.for_action(case_no)
        if notices_repo.latest(self.db, case.id, kind.value) is None:
            raise UserError(f"办件 {case.case_no} 还没有出具过{kind.title}，请直接出具")
        return self.issue(case_no, kind, allow_incomplete=allow_incomplete, again=True)

    def versions(self, case_no: str) -> list[tuple[ArchivedNotice, int]]:
        """Every notice issued for the case, oldest first, with its version per kind."""
        seen: dict[str, int] = {}
        out = []
        for notice in self.for_case(case_no):
            seen[notice.kind] = seen.get(notice.kind, 0) + 1
            out.append((notice, seen[notice.kind]))
        return out

    def for_case(self, case_no: str) -> list[ArchivedNotice]:
        return notices_repo.for_case(self.db, self._cases.get(case_no).id)

    def pdf(self, notice: ArchivedNotice) -> bytes:
        data = notices_repo.pdf(self.db, notice.id)
        if hashlib.sha256(data).hexdigest() != notice.sha256:
            raise UserError(f"存档的{notice.notice_no}与当初的校验值不一致，文件可能已损坏。"
                            "请从备份恢复。")
        return data
