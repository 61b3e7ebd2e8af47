"""The building blocks every notice shares: tables (grid, materials, label rows),
the header block with the QR code, the salutation and the signature lines with
the seal place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from station_desk.domain.cases import Case, MaterialCheck
from station_desk.domain.catalogue import CaseType, CatalogueItem, Material
from station_desk.domain.idnumber import mask_id_number

from ..fonts import BODY
from .context import NoticeContext
from .styles import (
    GAP,
    LINE,
    S_CELL,
    S_CELL_C,
    S_CELL_H,
    S_LABEL,
    S_PROSE,
    S_SALUTE,
    S_SEAL,
    S_SIGN,
    S_SMALL,
    SHADE,
    WIDTH,
    cn_date,
    copies_text,
    para,
)


def _qr(value: str, size: float) -> Flowable:
    return QrCode(value, width=size, height=size, qrBorder=2, qrLevel="M")


# a Table draws its (even empty) string cells in the cell font: Helvetica by default
CELL_FONT = ("FONT", (0, 0), (-1, -1), BODY, 10)


def grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = False,
          label_col: bool = False) -> Table:
    table = Table(rows, colWidths=list(widths), hAlign="LEFT", repeatRows=1 if header else 0)
    cmds: list[tuple[Any, ...]] = [
        CELL_FONT,
        ("GRID", (0, 0), (-1, -1), 0.6, LINE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    if label_col:
        cmds.append(("BACKGROUND", (0, 0), (0, -1), SHADE))
    table.setStyle(TableStyle(cmds))
    return table


def material_table(rows: Sequence[tuple[str, int, int, str]]) -> Table:
    """序号 | 材料名称 | 原件 | 复印件 | 备注, one row per material."""
    head = [para(t, S_CELL_H) for t in ("序号", "材料名称", "原件", "复印件", "备注")]
    body = [[para(str(i), S_CELL_C), para(name, S_CELL), para(copies_text(orig), S_CELL_C),
             para(copies_text(cop), S_CELL_C), para(note, S_CELL)]
            for i, (name, orig, cop, note) in enumerate(rows, 1)]
    return grid([head, *body], [12 * mm, 78 * mm, 17 * mm, 17 * mm, WIDTH - 124 * mm],
                 header=True)


def item_materials(item: CatalogueItem) -> list[tuple[str, int, int, str]]:
    return [(m.name, m.originals, m.copies, m.note) for m in item.materials]


def case_materials(ctx: NoticeContext, checks: Sequence[MaterialCheck]
                    ) -> list[tuple[str, int, int, str]]:
    notes: dict[str, Material] = {m.name: m for m in ctx.item.materials}
    return [(m.name, m.originals, m.copies, notes[m.name].note if m.name in notes else "")
            for m in checks]


def meta_table(ctx: NoticeContext) -> Table:
    """The header block: numbers, applicant, item, date, staff; QR code on the right."""
    case = ctx.case
    case_type = case.case_type if case else ctx.item.case_type
    qr_size = 27 * mm
    label_w = 19 * mm
    qr_w = qr_size + 5 * mm
    value_w = (WIDTH - qr_w - 2 * label_w) / 2
    rows = [
        ["办件编号", case.case_no if case else "（咨询，尚未登记）", "出具日期",
         cn_date(ctx.issued_at)],
        ["申请人", ctx.name or "　", "身份证号",
         mask_id_number(case.applicant.id_number) if case else "—"],
        ["办理事项", ctx.item.name, "", ""],
        ["办件类型", case_type.value, "经办人", ctx.staff_name],
    ]
    cells: list[list[Any]] = [
        [para(r[0], S_LABEL), para(r[1], S_CELL), para(r[2], S_LABEL) if r[2] else "",
         para(r[3], S_CELL) if r[3] else "", ""]
        for r in rows]
    cells[0][4] = [_qr(ctx.qr_value, qr_size - 3 * mm),
                   para("办件查询码" if case else "告知书查询码", S_SMALL)]
    table = Table(cells, colWidths=[label_w, value_w, label_w, value_w, qr_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        CELL_FONT,
        ("GRID", (0, 0), (3, -1), 0.6, LINE),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("BACKGROUND", (2, 0), (2, 1), SHADE),
        ("BACKGROUND", (2, 3), (2, 3), SHADE),
        ("SPAN", (1, 2), (3, 2)),
        ("SPAN", (4, 0), (4, -1)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (4, 0), (4, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (3, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (3, -1), 3.5),
        ("LEFTPADDING", (0, 0), (3, -1), 4),
        ("RIGHTPADDING", (0, 0), (3, -1), 3),
        ("LEFTPADDING", (4, 0), (4, -1), 0),
        ("RIGHTPADDING", (4, 0), (4, -1), 0),
        ("TOPPADDING", (4, 0), (4, -1), 0),
        ("BOTTOMPADDING", (4, 0), (4, -1), 0),
    ]))
    return table


BLANK_DATE = "　　　　年　　月　　日"


def _signatures(ctx: NoticeContext, left: tuple[str, str], right: tuple[str, str]) -> Table:
    """Two signature columns ("label：____" and the date, printed or blank), and
    under the right one the station's name with the seal place."""
    gap = 10 * mm
    col_w = (WIDTH - gap) / 2
    lw = [stringWidth(label, BODY, S_SIGN.fontSize) + 2 for label, _ in (left, right)]
    rows = [
        [para(left[0], S_SIGN), "", "", para(right[0], S_SIGN), ""],
        [para(f"日期：{left[1] or BLANK_DATE}", S_SIGN), "", "",
         para(f"日期：{right[1] or BLANK_DATE}", S_SIGN), ""],
        ["", "", "", [para(f"{ctx.station.name}（盖章）", S_SEAL),
                      para(cn_date(ctx.issued_at), S_SEAL)], ""],
    ]
    table = Table(rows, colWidths=[lw[0], col_w - lw[0], gap, lw[1], col_w - lw[1]],
                  rowHeights=[10 * mm, None, None], hAlign="LEFT")
    table.setStyle(TableStyle([
        CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, LINE),
        ("LINEBELOW", (4, 0), (4, 0), 0.6, LINE),
        ("SPAN", (0, 1), (1, 1)),
        ("SPAN", (3, 1), (4, 1)),
        ("SPAN", (3, 2), (4, 2)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 1), (-1, 1), 5),
        ("TOPPADDING", (3, 2), (3, 2), 5 * mm),  # room for the seal
    ]))
    return table


def closing(ctx: NoticeContext, left: tuple[str, str], right: tuple[str, str]) -> Flowable:
    return KeepTogether([Spacer(1, 2 * mm), _signatures(ctx, left, right)])


def salutation(ctx: NoticeContext) -> list[Flowable]:
    return [para(f"{ctx.name}：", S_SALUTE)] if ctx.name else [Spacer(1, 8)]


def applied_on(case: Case) -> str:
    return cn_date(case.received_at)


def time_limit_text(case_type: CaseType, days: int) -> str:
    if case_type == CaseType.IMMEDIATE:
        return "即办件：申请材料齐全、符合法定形式的，当场办结。"
    if days <= 0:
        return GAP
    return (f"{case_type.value}，{days} 个工作日（自受理之日的次日起计算，法定节假日不计入）。")


def case_of(ctx: NoticeContext) -> Case:
    assert ctx.case is not None  # check_context refused it otherwise
    return ctx.case


def label_rows(rows: list[tuple[str, str]]) -> Table:
    return grid([[para(k, S_LABEL), para(v, S_CELL)] for k, v in rows],
                 [32 * mm, WIDTH - 32 * mm], label_col=True)


def staff_closing(ctx: NoticeContext, applicant_label: str = "申请人（签字）：") -> Flowable:
    """The usual signatures: the clerk, dated the day of issue, and the applicant."""
    return closing(ctx, ("经办人（签字）：", cn_date(ctx.issued_at)), (applicant_label, ""))


def enquiries(ctx: NoticeContext) -> list[Flowable]:
    """"如有疑问，请致电 …" when the station has a phone."""
    phone = ctx.station.phone
    return [para(f"如有疑问，请致电 {phone}。", S_PROSE)] if phone else []
