"""A figures table of 统计: read-only, one line a row, as tall as its rows,
measured once per filling and after a zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ...domain.report_rows import Cell
from ..widgets.text_size import follow_text_size
from .model import FiguresModel


class FiguresTable(QTableView):
    def __init__(self) -> None:
        super().__init__()
        self.figures = FiguresModel(self)
        self.setModel(self.figures)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        follow_text_size(self, self.fit)  # Ctrl + / Ctrl −

    def fill(self, headers: list[str], rows: list[list[Cell]], *,
             total_row: bool = False) -> None:
        self.figures.set_table(headers, rows, total_row=total_row)
        self.fit()

    def fit(self) -> None:
        """Measured once per filling and after a zoom: sized to contents, every
        layout asked each cell again (a third of the 100 ms delivery at 1M)."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.resizeColumnsToContents()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ensurePolished()  # the style sheet's font size, not the default
        rows = self.verticalHeader()  # one line a row, all the same height
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        height = header.height() + rows.defaultSectionSize() * self.figures.rowCount()
        self.setFixedHeight(height + 2 * self.frameWidth() + 2)
