"""Small pieces the sync page's tables share: a read-only table, filling it
with text, and how times and case counts are shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ...domain.cases import Status


def make_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_table(table: QTableWidget, rows: list[list[str]], *,
               warn: set[tuple[int, int]] | None = None, data: list[Any] | None = None) -> None:
    """Rows of text; cells in `warn` (row, column) in dark red; `data` on column 0."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = QTableWidgetItem(text)
            if data is not None and c == 0:
                cell.setData(Qt.ItemDataRole.UserRole, data[r])
            if warn and (r, c) in warn:
                cell.setForeground(Qt.GlobalColor.darkRed)
            table.setItem(r, c, cell)


def when(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ") or "—"


def status_text(by_status: dict[str, int]) -> str:
    order = [s.value for s in Status]
    parts = [f"{s} {by_status[s]}" for s in order if by_status.get(s)]
    return " · ".join(parts) or "—"
