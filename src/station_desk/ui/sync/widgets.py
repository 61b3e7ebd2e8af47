"""Small pieces the sync page's tables share: a read-only table of a model, and
how times and case counts are shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTableView

from ...domain.cases import Status
from ..widgets.forms import rows_view


def make_table(model: QAbstractItemModel) -> QTableView:
    table = rows_view(model, fit=True)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def when(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ") or "—"


def status_text(by_status: dict[str, int]) -> str:
    order = [s.value for s in Status]
    parts = [f"{s} {by_status[s]}" for s in order if by_status.get(s)]
    return " · ".join(parts) or "—"
