"""One case's history (办理经过) as a table."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.actor import shown_name
from ...domain.cases import CaseEvent
from ..widgets.table_models import RecordsModel


class TimelineModel(RecordsModel[CaseEvent]):
    """One case's history (办理经过), oldest first; each cell's full text as tooltip."""

    HEADERS = ("时间", "经办人", "类别", "内容")
    COL_TEXT = 3
    TOOLTIPS = True

    def cells(self, record: CaseEvent) -> Sequence[str]:
        e = record
        return (f"{e.at:%Y-%m-%d %H:%M}", shown_name(e.actor_name), e.kind, e.text)
