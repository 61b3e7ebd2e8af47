"""The town's papers for the county as PDF: the monthly 台账 (overdue cases
first, then the per-station summary) and the supervision board. Landscape A4,
the header row repeated on every page, the embedded font only."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.ledger import LEDGER_HEADERS, SUMMARY_HEADERS, LedgerRow, summary
from ..domain.station import Station
from ..domain.stats import rate_text
from ..domain.supervision import BOARD_HEADERS, Silence, VillageBoardRow, board_cells
from .fonts import BODY, bold_font_for, check_printable, register_fonts
from .reports import CELL, SUB, TITLE, H

LATE = colors.HexColor("#fde2e2")
WARN = colors.HexColor("#fef3c7")
SMALL = ParagraphStyle("small", parent=CELL, fontSize=7.5, leading=9.5)
SMALL_NUM = ParagraphStyle("small_num", parent=SMALL, alignment=2)


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return rate_text(value)
    if isinstance(value, datetime | date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, str) and "T" in value[:11]:
        return value[:16].replace("T", " ")
    return str(value)


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: list[float],
           tints: dict[int, Any] | None = None) -> Table:
    data = [[Paragraph(h, SMALL) for h in headers]]
    data += [[Paragraph(_text(v), SMALL_NUM if isinstance(v, int | float) else SMALL)
              for v in row] for row in rows]
    style = [("FONTNAME", (0, 0), (-1, -1), BODY), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f3")),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    for n, tint in (tints or {}).items():
        style.append(("BACKGROUND", (0, n + 1), (-1, n + 1), tint))
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle(style))
    return t


def _document(station: Station, title: str, story: list[Any]) -> bytes:
    check_printable({"站点名称": station.name})
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=10 * mm,
                            rightMargin=10 * mm, topMargin=10 * mm, bottomMargin=10 * mm,
                            title=title, author=station.name, creator="Station Desk",
                            invariant=1, initialFontName=BODY)
    head = [Paragraph(title, ParagraphStyle("t", parent=TITLE,
                                            fontName=bold_font_for(title))),
            Paragraph(f"制表时间：{datetime.now():%Y-%m-%d %H:%M}", SUB), Spacer(1, 6)]
    doc.build(head + story + [
        Spacer(1, 10), Paragraph("制表人：＿＿＿＿＿＿　　审核（中心主任）：＿＿＿＿＿＿", CELL)])
    return buf.getvalue()


LEDGER_WIDTHS = [38, 30, 14, 52, 16, 19, 19, 19, 16, 22, 16]


def render_ledger(station: Station, title: str, rows: list[LedgerRow],
                  stations: list[tuple[str, str, bool]]) -> bytes:
    register_fonts()  # before the first Paragraph
    late = sum(r.on_time.late for r in rows)
    story: list[Any] = [
        Paragraph(f"一、办件明细（共 {len(rows)} 件，其中逾期 {late} 件，逾期在前）", H),
        _table(LEDGER_HEADERS, [r.cells() for r in rows], [w * mm for w in LEDGER_WIDTHS],
               {i: LATE for i, r in enumerate(rows) if r.on_time.late}),
        Paragraph("二、各站汇总", H),
        _table(SUMMARY_HEADERS, summary(rows, stations), [60 * mm] + [25 * mm] * 7),
        Paragraph("申请人姓名已作遮挡；“—”表示无此项或无可统计的数据（不是 0%）；"
                  "“未报送”的村（社区）站没有交来同步包，其办件不在本台账中。", SMALL),
    ]
    return _document(station, title, story)


BOARD_WIDTHS = [30, 16, 22, 22, 13, 20, 20, 11, 11, 11, 11, 11, 12, 12, 15, 22, 17]


def render_board(station: Station, title: str, rows: list[VillageBoardRow],
                 town_holds: dict[str, Any]) -> bytes:
    register_fonts()  # before the first Paragraph
    tints = {i: LATE if r.silence in (Silence.NEVER, Silence.SILENT) or r.overdue or r.missing
             else WARN if r.silence == Silence.LATE or r.due_soon else None
             for i, r in enumerate(rows)}
    story: list[Any] = [
        _table(BOARD_HEADERS, [board_cells(r, town_holds) for r in rows],
               [w * mm for w in BOARD_WIDTHS], {i: t for i, t in tints.items() if t}),
        Paragraph("按需关注程度排序（从未报送、长期未报、逾期多的在前）；逾期、即将到期按工作日计算，"
                  "与办件列表一致；“—”表示无数据（不是 0%）。", SMALL),
    ]
    return _document(station, title, story)
