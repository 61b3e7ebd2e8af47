"""What a notice is drawn from: plain domain objects, no storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from station_desk.domain.cases import Case
from station_desk.domain.catalogue import CatalogueItem
from station_desk.domain.legal_clock import CaseClock, Extension
from station_desk.domain.notices import NoticeKind, notice_title
from station_desk.domain.station import Station


@dataclass(frozen=True)
class NoticeContext:
    kind: NoticeKind
    station: Station
    item: CatalogueItem
    notice_no: str
    staff_name: str
    issued_at: datetime
    case: Case | None = None
    applicant_name: str = ""
    # keys: at (预约时间), kind (窗口/上门/节假日), staff (服务人员), materials_told
    # (anything else told, printed as 其他告知); optional: place (服务地点)
    appointment: dict[str, str] | None = None
    # the case's legal clock (dates with their rules) and, for 延期告知书, the extension
    clock: CaseClock | None = None
    extension: Extension | None = None

    @property
    def name(self) -> str:
        return self.case.applicant.name if self.case is not None else self.applicant_name.strip()

    @property
    def title(self) -> str:
        return notice_title(self.kind, self.case)

    @property
    def station_word(self) -> str:
        return "便民服务中心" if self.station.kind.is_town else "便民服务站"

    @property
    def here(self) -> str:
        """How the paper refers to its issuer: 本站 (village/community), 本中心 (town)."""
        return "本中心" if self.station.kind.is_town else "本站"

    @property
    def qr_value(self) -> str:
        return self.case.case_no if self.case is not None else self.notice_no
