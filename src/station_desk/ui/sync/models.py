"""The sync page's tables: the village's exported bundles, and the town's
villages and overdue proxied cases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...services.sync import ExportStatus, OverdueCase, VillageStatus, range_label
from ..widgets.table_models import RecordsModel
from .widgets import status_text, when


class ExportsModel(RecordsModel[ExportStatus]):
    """The village's bundles and whether the town confirmed them (unconfirmed marked)."""

    HEADERS = ("导出时间", "变更范围", "记录", "镇中心确认", "文件")

    def cells(self, record: ExportStatus) -> Sequence[str]:
        s = record
        confirmed = (self.tr("已收到 ") + when(s.confirmed_at) if s.confirmed_at
                     else self.tr("已收到") if s.confirmed else self.tr("尚未确认"))
        return (when(s.record.created_at), range_label(s.record.seq_from, s.record.seq_to),
                str(s.record.records), confirmed, s.record.file_name)

    def marked(self, record: ExportStatus) -> Iterable[int]:
        return () if record.confirmed else (3,)


class VillagesModel(RecordsModel[VillageStatus]):
    """Each trusted village: imports, gaps, cases by status, overdue, held back."""

    HEADERS = ("站点", "最近导入", "已收到", "缺号", "办件（按状态）", "代办逾期",
               "未导入（有问题）", "最近回传")
    COL_MISSING, COL_OVERDUE, COL_HELD = 3, 5, 6

    def cells(self, record: VillageStatus) -> Sequence[str]:
        v = record
        return (v.name, when(v.last_import_at),
                v.received_text(),
                v.missing_text() or "", status_text(v.by_status), str(v.overdue_proxied),
                str(v.held), when(v.last_return.created_at) if v.last_return else "—")

    def marked(self, record: VillageStatus) -> Iterable[int]:
        return [c for c, bad in ((self.COL_MISSING, bool(record.missing)),
                                 (self.COL_OVERDUE, record.overdue_proxied > 0),
                                 (self.COL_HELD, record.held > 0)) if bad]


class OverdueModel(RecordsModel[OverdueCase]):
    """The proxied cases past their promised date (days over marked)."""

    HEADERS = ("办件编号", "村（社区）", "申请人", "事项", "状态", "承诺办结", "逾期（工作日）",
               "代办员", "代办进度")

    def cells(self, record: OverdueCase) -> Sequence[str]:
        c = record
        return (c.case_no, c.station_name, c.applicant, c.item, c.status, c.deadline,
                str(c.days_over), c.agent, c.proxy_step)

    def marked(self, record: OverdueCase) -> Iterable[int]:
        return (6,)
