"""The month's after-hours sessions (延时服务记录), one a row, with the cases
registered during each."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.service import AfterHours
from ..widgets.table_models import RecordsModel

# a session and the case numbers registered during it
SessionRow = tuple[AfterHours, Sequence[str]]
WEEKDAYS = "一二三四五六日"


class SessionsModel(RecordsModel[SessionRow]):
    HEADERS = ("日期", "时段", "时长", "工作人员", "服务人数", "计入的办件", "备注")
    CENTRED = frozenset({2, 4})

    def cells(self, record: SessionRow) -> Sequence[str]:
        s, cases = record
        if s.cancelled:
            return (f"{s.day:%Y-%m-%d} " + "周" + WEEKDAYS[s.day.weekday()],
                    self.tr("已撤销"), "—", "、".join(s.staff), "—", "—",
                    self.tr("已撤销：") + s.cancel_reason + (f"（{s.note}）" if s.note else ""))
        span = (f"{s.closing:%H:%M}–{s.end:%H:%M}" if s.end
                else f"{s.closing:%H:%M}–" + self.tr("进行中"))
        minutes = self.tr("%1 分钟").replace("%1", str(s.minutes)) if s.end else "—"
        return (f"{s.day:%Y-%m-%d} " + "周" + WEEKDAYS[s.day.weekday()], span, minutes,
                "、".join(s.staff), str(s.served) if s.end else "—",
                "\n".join(cases) if cases else "—", s.note)
