"""The town's papers for the county as .xlsx (openpyxl): the monthly 台账 and
the supervision board. Set up to print: landscape, fit to one page wide, the
header row repeated on every page; numbers and dates are real cells, and what
was not measured is an empty cell (never a "—" text in a number column)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.ledger import LEDGER_HEADERS, SUMMARY_HEADERS, LedgerRow, summary
from ..domain.supervision import BOARD_HEADERS, VillageBoardRow, board_cells
from .workbook import title_and_headers

LATE_FILL = PatternFill("solid", fgColor="FDE2E2")
PERCENT_COLUMNS = {"按期办结率", "本月满意率"}


def _cell_value(value: Any) -> Any:
    if isinstance(value, str) and value[:4].isdigit() and "T" in value[:11]:
        return datetime.fromisoformat(value).replace(tzinfo=None)  # a time stamp
    return value


def _sheet(ws: Worksheet, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
           late: set[int] | None = None) -> None:
    title_and_headers(ws, title, headers, wrap=True)
    widths = [len(h) for h in headers]
    for n, row in enumerate(rows):
        ws.append([_cell_value(v) for v in row])
        for col, value in enumerate(row):
            widths[col] = max(widths[col], len(str(value)) if value is not None else 0)
        if late and n in late:
            for cell in ws[ws.max_row]:
                cell.fill = LATE_FILL
    for col, header in enumerate(headers, start=1):
        letter = get_column_letter(col)
        for cell in ws[letter][2:]:
            if header in PERCENT_COLUMNS and isinstance(cell.value, float):
                cell.number_format = "0.0%"
            elif isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
        ws.column_dimensions[letter].width = min(40, 4 + widths[col - 1] * 1.6)
    ws.freeze_panes = "A3"
    # printed for the county: landscape, one page wide, the header on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"


def ledger_workbook(title: str, rows: list[LedgerRow],
                    stations: list[tuple[str, str, bool]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    _sheet(ws, title + "（逾期在前）", LEDGER_HEADERS, [r.cells() for r in rows],
           late={i for i, r in enumerate(rows) if r.on_time.late})
    _sheet(wb.create_sheet("各站汇总"), title + "：各站汇总", SUMMARY_HEADERS,
           summary(rows, stations))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def board_workbook(title: str, rows: list[VillageBoardRow], town_holds: dict[str, Any]
                   ) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "督导看板"
    _sheet(ws, title, BOARD_HEADERS, [board_cells(r, town_holds) for r in rows])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
