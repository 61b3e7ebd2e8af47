"""办理经过 in the case detail: the history table, rows as tall as their wrapped text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

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
        """Each row as tall as its 内容 wraps to. Only that column wraps, and only a
        text wider than it needs measuring (resizeRowsToContents asked all four
        columns of every row: ~1,000 cell reads, 20-30 ms for a case with 20 scans)."""
        self._measure.stop()
        view, column = self.view, TimelineModel.COL_TEXT
        width = view.columnWidth(column)
        room = width - 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        metrics = view.fontMetrics()
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)  # with WrapText, as the view's own measuring
        grid = 1 if view.showGrid() else 0
        delegate = view.itemDelegateForColumn(column) or view.itemDelegate()
        if not self.model.rowCount():
            return

        def tall(row: int, col: int) -> int:
            # a zero-height rect reads as "not wrapped" to the delegate (as in Qt's own)
            option.rect = QRect(0, 0, view.columnWidth(col) - grid, max(1, view.rowHeight(row)))
            return delegate.sizeHint(option, self.model.index(row, col)).height() + grid

        # a row of one line: as the first row's other cells, which never wrap (digits
        # and Chinese differ by a pixel)
        one_line = max(tall(0, col) for col in range(self.model.columnCount())
                       if col != column)
        for row in range(self.model.rowCount()):
            text = self.model.text(row, column)
            height = one_line
            if metrics.horizontalAdvance(text) > room or "\n" in text:
                height = max(one_line, tall(row, column))
            if view.rowHeight(row) != height:
                view.setRowHeight(row, height)
        view.scrollToBottom()

    def texts(self) -> list[str]:
        return [row[TimelineModel.COL_TEXT] for row in self.model.texts()]

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == TimelineModel.COL_TEXT:
            self._measure.start()
