"""Daily sheet / monthly report as a printable PDF (same embedded font as the notices)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.report_rows import (
    SUMMARY_HEADERS,
    breakdown,
    service_rows,
    summary_row,
)
from ..domain.station import Station
from ..domain.stats import Figures, rate_text
from .fonts import BODY, BOLD, bold_font_for, check_printable, register_fonts

TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=22, alignment=1)
SUB = ParagraphStyle("sub", fontName=BODY, fontSize=10, leading=14, alignment=1)
H = ParagraphStyle("h", fontName=BOLD, fontSize=11, leading=16, spaceBefore=8, spaceAfter=4,
                   keepWithNext=1)
CELL = ParagraphStyle("cell", fontName=BODY, fontSize=8.5, leading=11)
NUM = ParagraphStyle("num", parent=CELL, alignment=2)
BLUE = colors.HexColor("#1f4e79")


def _fmt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return rate_text(value)
    return str(value)


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]],
           widths: list[float] | None = None) -> Table:
    data = [[Paragraph(h, CELL) for h in headers]]
    data += [[Paragraph(_fmt(v), NUM if isinstance(v, int | float) else CELL) for v in row]
             for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), BODY),  # the cell default would be Helvetica
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f3")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return t


def _bars(counts: dict[str, int]) -> Drawing:
    """Cases by category: a supervisor would rather look than read."""
    # reportlab's graphics start each drawing in Helvetica, which would then sit
    # unembedded in the PDF; the only fonts we draw with are the embedded ones
    STATE_DEFAULTS["fontName"] = BODY
    names = list(reversed(list(counts)))  # reportlab draws the first bar at the bottom
    height = 40 + 16 * max(1, len(names))
    drawing = Drawing(160 * mm, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 70 * mm, 22, 80 * mm, height - 30
    chart.data = [[counts[n] for n in names] or [0]]
    chart.categoryAxis.categoryNames = names or ["（无）"]
    chart.categoryAxis.labels.fontName = BODY
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = BODY
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(counts.values(), default=0)
    chart.valueAxis.valueMax = max(1, top)
    chart.valueAxis.valueStep = max(1, -(-top // 5))  # whole numbers: these are counts
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BODY
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def render_report(station: Station, title: str, rows: list[Figures]) -> bytes:
    """`rows`: one Figures per station (town mode) ending with the total, or just one."""
    register_fonts()
    check_printable({"站点名称": station.name})
    main = rows[-1]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=14 * mm,
                            rightMargin=14 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title=f"{station.name} {title}", author=station.name,
                            creator="Station Desk", invariant=1,
                            # start in the embedded font: no unembedded Helvetica
                            initialFontName=BODY)
    story: list[object] = [
        Paragraph(f"{station.name}　{title}",
                  ParagraphStyle("t", parent=TITLE, fontName=bold_font_for(station.name))),
        Paragraph(f"统计期间：{main.period_label}　　制表时间：{datetime.now():%Y-%m-%d %H:%M}",
                  SUB),
        Spacer(1, 6),
        Paragraph("一、办件概况（即办件当场办结率、承诺件按期办结率目标 100%，满意率目标 98%）", H),
        _table(SUMMARY_HEADERS, [summary_row(f) for f in rows]),
        Paragraph("“—”表示本期无可统计的数据（不是 0%）；“未报送”的村（社区）站没有交来同步包，"
                  "其数字无法统计。", CELL),
        Paragraph("二、按事项类别", H),
        _bars(main.by_category),
        _table(["类别", "件数", "占比"], breakdown(main.by_category), [70 * mm, 25 * mm, 25 * mm]),
        Paragraph("三、按办件类型和状态", H),
        _table(["办件类型", "件数", "占比"], breakdown(main.by_type), [70 * mm, 25 * mm, 25 * mm]),
        Spacer(1, 4),
        _table(["状态", "件数", "占比"], breakdown(main.by_status), [70 * mm, 25 * mm, 25 * mm]),
        Paragraph("四、预约、延时服务、投诉与满意度", H),
        _table(["项目", "数量"], service_rows(main), [90 * mm, 30 * mm]),
        Spacer(1, 10),
        Paragraph("制表人：＿＿＿＿＿＿　　审核（站长）：＿＿＿＿＿＿", CELL),
    ]
    doc.build(story)
    return buf.getvalue()

