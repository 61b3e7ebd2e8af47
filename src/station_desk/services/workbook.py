"""The report as an .xlsx that opens cleanly in WPS and Excel (openpyxl): Chinese
headers, real numbers, percentages and dates, one sheet per view."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.report_rows import (
    SERVICE_HEADERS,
    SUMMARY_HEADERS,
    Cell,
    breakdown,
    service_rows,
    summary_row,
    targets,
)
from ..domain.station import Station
from ..domain.stats import Figures

HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
PERCENT_COLUMNS = {"当场办结率", "按期办结率", "满意率", "占比"}


def title_and_headers(ws: Worksheet, title: str, headers: Sequence[str], *,
                      wrap: bool = False) -> None:
    """Row 1 the sheet's title, row 2 the column headers (bold, shaded, centred)."""
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(headers))
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", wrap_text=wrap or None)


def _sheet(ws: Worksheet, title: str, headers: tuple[str, ...] | list[str],
           rows: list[list[Cell]]) -> None:
    title_and_headers(ws, title, headers)
    for row in rows:
        ws.append(list(row))  # not measured: an empty cell, never a "—" text in a number column
    for col, header in enumerate(headers, start=1):
        letter = get_column_letter(col)
        if header in PERCENT_COLUMNS:
            for cell in ws[letter][2:]:
                if isinstance(cell.value, float):
                    cell.number_format = "0.0%"
        width = max([len(str(header))] + [len(str(r[col - 1])) for r in rows if col <= len(r)])
        ws.column_dimensions[letter].width = min(60, 4 + width * 2)
    ws.freeze_panes = "A3"


def report_workbook(station: Station, title: str, rows: list[Figures]) -> bytes:
    wb = Workbook()
    main = rows[-1]
    summary = wb.active
    assert summary is not None
    summary.title = "概况"
    _sheet(summary, f"{station.name} {title}（{main.period_label}）", SUMMARY_HEADERS,
           [summary_row(f) for f in rows])
    summary.append(["空白表示本期无可统计的数据（不是 0%）；"
                    "“未报送”的村（社区）站没有交来同步包。"])
    summary.append([])
    summary.append(["目标", "值"])
    for name, value in targets():
        summary.append([name, value])
        summary.cell(summary.max_row, 2).number_format = "0%"
    summary.append(["统计期间", main.first, main.last])
    for cell in summary[summary.max_row][1:]:
        cell.number_format = "yyyy-mm-dd"
    for sheet_title, counts in (("按类别", main.by_category), ("按办件类型", main.by_type),
                                ("按状态", main.by_status)):
        _sheet(wb.create_sheet(sheet_title), f"{sheet_title}（{main.period_label}）",
               [sheet_title[1:], "件数", "占比"], breakdown(counts))
    _sheet(wb.create_sheet("服务"), f"预约、延时服务、投诉与满意度（{main.period_label}）",
           SERVICE_HEADERS, service_rows(main))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
