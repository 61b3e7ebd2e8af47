"""Archive rules (manual §五.2; DA/T 22 归档文件整理规则 style numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .catalogue import CaseType
from .errors import UserError

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024  # a phone photo or a scanned PDF; not a video

def check_size(size: int) -> None:
    if size == 0:
        raise UserError("文件是空的", field="file")
    if size > MAX_ATTACHMENT_BYTES:
        raise UserError(f"文件太大（{size / 2**20:.1f} MB），单个附件不超过 "
                        f"{MAX_ATTACHMENT_BYTES // 2**20} MB。请降低高拍仪分辨率或分页扫描。",
                        field="file")


class Retention(StrEnum):
    """保管期限 codes as DA/T 22 writes them."""

    PERMANENT = "Y"
    YEARS_30 = "D30"
    YEARS_10 = "D10"

    @property
    def label(self) -> str:
        return {"Y": "永久", "D30": "30年", "D10": "10年"}[self.value]

    @property
    def years(self) -> int:
        """How many years the file is kept; 0 for 永久 (the settings store it so)."""
        return {"Y": 0, "D30": 30, "D10": 10}[self.value]


def retention_of_years(years: int) -> Retention:
    """The period a retention setting names (10, 30, or 0 for 永久)."""
    for r in Retention:
        if r.years == years:
            return r
    raise UserError(f"保管期限只能是 10 年、30 年或永久，不能是 {years}", field="retention")


def default_retention(case_type: CaseType, immediate: Retention = Retention.YEARS_10,
                      other: Retention = Retention.YEARS_30) -> Retention:
    """Simple queries and immediate matters 10 years; decisions 30 years (the station's
    settings may say otherwise)."""
    return immediate if case_type == CaseType.IMMEDIATE else other


def retention_ends(year: int, retention: Retention) -> date | None:
    """The first day the file is past its period, or None for 永久.

    Counted from 1 January of the year after the file's year (国家档案局令第8号
    《机关文件材料归档范围和文书档案保管期限规定》): a 2026 file kept 10 years is
    kept through 2036 and due for review on 2037-01-01.
    """
    if retention == Retention.PERMANENT:
        return None
    return date(year + 1 + retention.years, 1, 1)


def archive_number(station_code: str, year: int, retention: Retention, seq: int) -> str:
    """全宗(station)-门类·年度-保管期限-件号, e.g. 610922101201-WS·2026-D30-0007."""
    return f"{station_code}-WS·{year}-{retention.value}-{seq:04d}"


class BorrowKind(StrEnum):
    READ = "查阅"
    COPY = "复印"


@dataclass(frozen=True)
class ArchiveFile:
    id: str
    case_no: str
    archive_no: str
    year: int
    retention: Retention
    location: str
    applicant: str
    item: str


@dataclass(frozen=True)
class Borrowing:
    id: str
    archive_no: str
    borrower: str
    purpose: str
    kind: BorrowKind
    requested_at: str
    approved_by: str | None
    approved_at: str | None
    refused_reason: str
    returned_at: str | None

    @property
    def is_pending(self) -> bool:
        """Waiting for the head's answer."""
        return not self.refused_reason and self.approved_at is None

    @property
    def state(self) -> str:
        if self.refused_reason:
            return "未批准"
        if self.approved_at is None:
            return "待站长审批"
        if self.kind == BorrowKind.READ and self.returned_at is None:
            return "借阅中"
        return "已归还" if self.returned_at else "已复印"
