"""The statistics page's own widgets: a rate against its target, and the bar chart
of cases by category."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from ...domain.stats import rate_text
from ..widgets import palette
from ..widgets.card import Card


class RateCard(Card):
    """One rate against its target; red when below it, “—（无数据）” when nothing counted."""

    def __init__(self, title: str, target: float) -> None:
        super().__init__(title)
        self.caption.setText(title + self.tr("（目标 %1）").replace("%1", f"{target:.0%}"))
        self.target = target
        self.below = False

    def show_rate(self, rate: float | None, note: str) -> None:
        self.below = rate is not None and rate < self.target - 1e-9
        self.value.setText(rate_text(rate))
        # a widget's own style sheet wins over the application's #cardValue colour
        self.value.setStyleSheet(f"color: {palette.DANGER};" if self.below else "")
        self.note.setText(note)


class CategoryChart(QChartView):
    """Cases by category as horizontal bars, in `font`: one series and two axes, made
    once; `show_counts` only changes the data."""

    def __init__(self, font: QFont) -> None:
        chart = QChart()
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        title_font = QFont(chart.titleFont())
        title_font.setBold(True)
        title_font.setPointSizeF(max(10.0, title_font.pointSizeF()))
        chart.setTitleFont(title_font)
        super().__init__(chart)
        self.bars = QBarSet(self.tr("件数"))
        self.bars.setColor(QColor(palette.PRIMARY))
        self.bars.setBorderColor(QColor(palette.PRIMARY))
        self.bars.setLabelColor(QColor(palette.INK))
        self.series = QHorizontalBarSeries()
        self.series.append(self.bars)
        self.series.setBarWidth(0.6)
        chart.addSeries(self.series)
        self.categories = QBarCategoryAxis()
        chart.addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.categories)
        self.values = QValueAxis()
        self.values.setTickType(QValueAxis.TickType.TicksDynamic)
        self.values.setTickAnchor(0)
        self.values.setLabelFormat("%d")
        chart.addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.values)
        axis_font = QFont(font)
        if font.pointSizeF() > 0:  # a little under the page's text
            axis_font.setPointSizeF(font.pointSizeF() * 0.95)
        self.categories.setLabelsFont(axis_font)
        self.values.setLabelsFont(axis_font)
        self.bars.setLabelFont(axis_font)
        self.series.setLabelsVisible(True)
        self.series.setLabelsFormat("@value")
        self.series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFixedHeight(200)

    def show_counts(self, counts: dict[str, int]) -> None:
        names = list(counts)[::-1]  # a horizontal bar chart draws the first at the bottom
        self.bars.remove(0, self.bars.count())
        self.categories.clear()
        self.chart().setTitle(self.tr("按事项类别（件）") if counts else
                              self.tr("按事项类别（本期没有收件）"))
        self.series.setVisible(bool(counts))
        self.categories.setVisible(bool(counts))
        self.values.setVisible(bool(counts))
        if not counts:
            self.setFixedHeight(120)
            return
        self.categories.append(names)
        self.bars.append([float(counts[n]) for n in names])
        top = max(counts.values())
        step = max(1, math.ceil(top / 5))
        # room after the longest bar for its number
        high = step * (top // step + 1)
        # the axis lays its ticks out at each change: the new range with the old step
        # (1 case a tick, then a month of 3,000) made thousands of labels (120 ms)
        self.values.setTickInterval(max(high, self.values.max()))
        self.values.setRange(0, high)
        self.values.setTickInterval(step)
        self.setFixedHeight(max(200, 80 + 32 * len(names)))

    def counts(self) -> dict[str, int]:
        """What the chart shows."""
        return {name: int(self.bars.at(i))
                for i, name in enumerate(self.categories.categories())}
