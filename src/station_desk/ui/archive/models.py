"""The archive page's tables: the register of filed cases (档案登记) and the
查阅/复印 requests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QBrush, QColor

from ...domain.archive import ArchiveFile, Borrowing
from ...domain.retention import Review
from ...services.retention import RetentionEnded
from ..widgets import palette
from ..widgets.table_models import DANGER_BRUSH, RecordsModel

WAITING_BRUSH = QBrush(QColor(palette.WARNING))


def when(iso: str | None) -> str:
    return iso[:16].replace("T", " ") if iso else ""


class ArchiveFilesModel(RecordsModel[ArchiveFile]):
    HEADERS = ("档号", "办件编号", "申请人", "事项", "年度", "保管期限", "存放位置")
    TOOLTIPS = True

    def cells(self, record: ArchiveFile) -> Sequence[str]:
        f = record
        return (f.archive_no, f.case_no, f.applicant, f.item, str(f.year), f.retention.label,
                f.location)


class BorrowingsModel(RecordsModel[Borrowing]):
    """One request a row; its state amber while it waits for the head, red if refused."""

    HEADERS = ("登记时间", "档号", "查阅/复印人", "用途", "方式", "状态", "审批", "归还时间")
    COL_STATE = 5
    TOOLTIPS = True

    def cells(self, record: Borrowing) -> Sequence[str]:
        b = record
        if b.refused_reason:
            decided = self.tr("不同意：") + b.refused_reason
        elif b.approved_at:
            decided = self.tr("%1同意（%2）").replace("%1", b.approved_by or "").replace(
                "%2", b.approved_at[:10])
        else:
            decided = ""
        return (when(b.requested_at), b.archive_no, b.borrower, b.purpose, b.kind.value,
                b.state, decided, when(b.returned_at))

    def marked(self, record: Borrowing) -> Iterable[int]:
        return (self.COL_STATE,) if record.is_pending or record.refused_reason else ()

    def mark_brush(self, record: Borrowing) -> QBrush:
        return WAITING_BRUSH if record.is_pending else DANGER_BRUSH

    def row_of(self, borrow_id: str) -> int:
        return next((r for r, b in enumerate(self._rows) if b.id == borrow_id), -1)


class RetentionEndedModel(RecordsModel[RetentionEnded]):
    """Finished cases past their retention period, oldest first, with the head's
    review: 待审核 in amber until decided."""

    HEADERS = ("办件编号", "申请人", "事项", "结果", "结束日期", "档号", "保管期限", "期满日期",
               "审核", "审核意见")
    COL_ARCHIVE = 5
    COL_REVIEW = 8
    MARK_BRUSH = WAITING_BRUSH
    TOOLTIPS = True

    def cells(self, record: RetentionEnded) -> Sequence[str]:
        r = record
        return (r.case_no, r.applicant, r.item, r.status, f"{r.ended_on:%Y-%m-%d}",
                r.archive_no or self.tr("未归档"), r.retention.label, f"{r.ends_on:%Y-%m-%d}",
                r.review.value, self._decision(r))

    def _decision(self, r: RetentionEnded) -> str:
        d = r.decision
        if d is None:
            return ""
        said = self.tr("%1：%2（%3 %4）").replace("%1", d.text()).replace("%2", d.reason) \
            .replace("%3", d.decided_by).replace("%4", f"{d.decided_at:%Y-%m-%d}")
        return (self.tr("上次") + said) if r.review == Review.PENDING else said

    def marked(self, record: RetentionEnded) -> Iterable[int]:
        return (self.COL_REVIEW,) if record.review == Review.PENDING else ()
