"""办理经过 in the case detail: the history table, rows as tall as their wrapped text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from ...domain.cases import CaseEvent
from ..widgets.forms import rows_view
from .timeline_model import TimelineModel


class TimelineBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("办理经过"), self))
        self.model = TimelineModel(self)
        self.view = rows_view(self.model, self)
        self.view.setWordWrap(True)
        em = self.view.fontMetrics().horizontalAdvance("国")
        digit = self.view.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((digit * 16 + em, em * 5, em * 5)):
            self.view.setColumnWidth(column, width)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TimelineModel.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        # rows as tall as their wrapped text, measured once after a filling or after
        # the text column's width settles (a ResizeToContents header re-measured every
        # row at each layout and scroll: ~6,000 cell reads for a case with 20 scans;
        # measuring at each width step while the dialog was laid out cost 4 passes)
        self._measure = QTimer(self)
        self._measure.setSingleShot(True)
        self._measure.setInterval(0)
        self._measure.timeout.connect(self.measure_rows)
        header.sectionResized.connect(self._column_resized)
        layout.addWidget(self.view)

    def fill(self, events: Sequence[CaseEvent]) -> None:
        self.model.set_records(list(events))
        self._measure.start()

    def measure_rows(self) -> None:
        self._measure.stop()
        self.view.resizeRowsToContents()
        if self.model.rowCount():
            self.view.scrollToBottom()

    def texts(self) -> list[str]:
        return [row[TimelineModel.COL_TEXT] for row in self.model.texts()]

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == TimelineModel.COL_TEXT:
            self._measure.start()
