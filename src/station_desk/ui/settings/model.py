"""The settings page's staff table: who works here, at which window, trained when."""

from __future__ import annotations

from collections.abc import Sequence

from ...domain.station import Staff
from ..widgets.table_models import RecordsModel

# a staff member and the name of their window
StaffRow = tuple[Staff, str]


class StaffModel(RecordsModel[StaffRow]):
    HEADERS = ("姓名", "岗位", "窗口", "上岗培训")

    def cells(self, record: StaffRow) -> Sequence[str]:
        s, window = record
        return (s.name, s.role.label, window or "—", s.training_date or "—")
