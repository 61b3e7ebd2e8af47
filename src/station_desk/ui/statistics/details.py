"""The lower half of 统计: cases by category as a chart, by type and by status, and at
a town the villages' table. Made in the turn after the page's first paint (the page
makes it sooner when asked for it); filled from the page's last count."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.report_rows import SUMMARY_HEADERS, breakdown, summary_row
from ...domain.stats import Figures
from ..widgets.later import in_later_turn
from .charts import CategoryChart
from .table import FiguresTable


class StatisticsDetails(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        detail = QHBoxLayout()
        self.chart_view = CategoryChart(parent.font())
        left = QVBoxLayout()
        left.addWidget(self.chart_view)
        left.addStretch()
        detail.addLayout(left, 3)
        side = QVBoxLayout()
        self.by_type = FiguresTable()
        self.by_status = FiguresTable()
        side.addWidget(QLabel(self.tr("按办件类型")))
        side.addWidget(self.by_type)
        side.addWidget(QLabel(self.tr("按状态")))
        side.addWidget(self.by_status)
        side.addStretch()
        detail.addLayout(side, 2)
        layout.addLayout(detail)
        self.town_title = QLabel(self.tr("各村（社区）便民服务站"))
        self.town_title.setObjectName("pageTitle")
        layout.addWidget(self.town_title)
        self.per_station = FiguresTable()
        layout.addWidget(self.per_station)
        layout.addStretch()
        self._chart_counts: dict[str, int] | None = None  # counted, drawn next turn

    def show_town(self, town: bool) -> None:
        """The per-village table only at a town."""
        self.town_title.setVisible(town)
        self.per_station.setVisible(town)

    def fill(self, f: Figures, rows: list[Figures], town: bool) -> None:
        self.by_type.fill([self.tr("办件类型"), self.tr("件数"), self.tr("占比")],
                          breakdown(f.by_type))
        self.by_status.fill([self.tr("状态"), self.tr("件数"), self.tr("占比")],
                            breakdown(f.by_status))
        if town:
            self.per_station.fill(list(SUMMARY_HEADERS), [summary_row(r) for r in rows],
                                  total_row=True)
        # the chart in the next turn: cards, tables and chart in one took over 100 ms
        # at a million cases; a newer count meanwhile draws its own chart instead
        self._chart_counts = f.by_category
        in_later_turn(self, self._show_chart)

    def _show_chart(self) -> None:
        if self._chart_counts is not None:
            self.chart_view.show_counts(self._chart_counts)
            self._chart_counts = None

    @property
    def chart_pending(self) -> bool:
        return self._chart_counts is not None
