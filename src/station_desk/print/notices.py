"""The written notices the county rules demand (一次性告知制, manual §二.3.1, §四.3–四.4).

`render_notice(ctx)` turns a `NoticeContext` (plain domain objects, no storage)
into an A4 PDF: station heading, title, notice and case numbers, applicant (ID
masked), item, the body of the kind, signature lines, the seal place, a footer
and a QR code carrying the case number so the town can find the case from the
paper. The same context always gives the same bytes.

Refusals (UserError, shown to the clerk before anything is printed):
- a one-time notice from an item whose guide elements are incomplete, unless
  `allow_incomplete` (then the gaps are printed visibly as "要素不全");
- any text with a character the font lacks (UnprintableText);
- a kind that needs a case (or a case in another state) without one.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from station_desk.domain.cases import Case, MaterialCheck, Status
from station_desk.domain.catalogue import CaseType, CatalogueItem, Material
from station_desk.domain.errors import UserError
from station_desk.domain.idnumber import mask_id_number
from station_desk.domain.station import Station

from .fonts import BODY, BOLD, CJKParagraph, bold_font_for, check_printable, register_fonts


class NoticeKind(StrEnum):
    ONE_TIME = "one-time"
    ACCEPTANCE = "acceptance"
    SUPPLEMENT = "supplement"
    REJECTION = "rejection"
    ENTRUST = "entrust"
    RECEIPT = "receipt"
    APPOINTMENT = "appointment"

    @property
    def title(self) -> str:  # type: ignore[override]  # shadows str.title() on purpose
        """The printed title; for REJECTION see `notice_title` (depends on the case)."""
        return _TITLES[self]

    @property
    def code(self) -> str:
        """Two letters a caller may use as the notice number's suffix."""
        return _CODES[self]


_TITLES = {
    NoticeKind.ONE_TIME: "一次性告知书",
    NoticeKind.ACCEPTANCE: "受理通知书",
    NoticeKind.SUPPLEMENT: "补正材料通知书",
    NoticeKind.REJECTION: "不予受理/退回告知书",
    NoticeKind.ENTRUST: "帮办代办委托书",
    NoticeKind.RECEIPT: "办结（送达）回执",
    NoticeKind.APPOINTMENT: "预约确认单",
}

_CODES = {
    NoticeKind.ONE_TIME: "GZ",
    NoticeKind.ACCEPTANCE: "SL",
    NoticeKind.SUPPLEMENT: "BZ",
    NoticeKind.REJECTION: "BY",
    NoticeKind.ENTRUST: "WT",
    NoticeKind.RECEIPT: "HZ",
    NoticeKind.APPOINTMENT: "YY",
}

# what the paper is called in "本…一式两份"
_NOUNS = {
    NoticeKind.ONE_TIME: "告知书",
    NoticeKind.ACCEPTANCE: "通知书",
    NoticeKind.SUPPLEMENT: "通知书",
    NoticeKind.REJECTION: "告知书",
    NoticeKind.ENTRUST: "委托书",
    NoticeKind.RECEIPT: "回执",
    NoticeKind.APPOINTMENT: "确认单",
}

NEEDS_CASE = frozenset({NoticeKind.ACCEPTANCE, NoticeKind.SUPPLEMENT, NoticeKind.REJECTION,
                        NoticeKind.ENTRUST, NoticeKind.RECEIPT})

APPEAL_RIGHTS = ("如对本决定不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
                 "或者在六个月内依法向人民法院提起行政诉讼。")
ONE_TIME_CLOSING = "以上内容一次性告知，请妥善保管。"
UNVERIFIED_NOTE = "本事项办事指南要素待县级核实"
SUPPLEMENT_NOTICE_DAYS = 5


def notice_title(kind: NoticeKind, case: Case | None) -> str:
    if kind == NoticeKind.REJECTION and case is not None:
        if case.status == Status.NOT_ACCEPTED:
            return "不予受理告知书"
        if case.status == Status.RETURNED:
            return "退回告知书"
    return kind.title


@dataclass(frozen=True)
class NoticeContext:
    kind: NoticeKind
    station: Station
    item: CatalogueItem
    notice_no: str
    staff_name: str
    issued_at: datetime
    case: Case | None = None
    applicant_name: str = ""
    # keys: at (预约时间), kind (窗口/上门/节假日), staff (服务人员), materials_told
    # (anything else told, printed as 其他告知); optional: place (服务地点)
    appointment: dict[str, str] | None = None

    @property
    def name(self) -> str:
        return self.case.applicant.name if self.case is not None else self.applicant_name.strip()

    @property
    def title(self) -> str:
        return notice_title(self.kind, self.case)

    @property
    def station_word(self) -> str:
        return "便民服务中心" if self.station.kind.is_town else "便民服务站"

    @property
    def here(self) -> str:
        """How the paper refers to its issuer: 本站 (village/community), 本中心 (town)."""
        return "本中心" if self.station.kind.is_town else "本站"

    @property
    def qr_value(self) -> str:
        return self.case.case_no if self.case is not None else self.notice_no


# -- checks before drawing ---------------------------------------------------------

def check_context(ctx: NoticeContext, *, allow_incomplete: bool = False) -> None:
    """Every refusal, before anything is drawn (also usable to grey out a print button)."""
    kind, case, item = ctx.kind, ctx.case, ctx.item
    title = ctx.title
    if kind in NEEDS_CASE and case is None:
        raise UserError(f"出具{title}需要先登记办件")
    if kind == NoticeKind.ONE_TIME and not allow_incomplete:
        missing = item.missing_elements()
        if missing:
            raise UserError(
                f"事项“{item.name}”的办事指南要素不全（缺：{'、'.join(missing)}），"
                "一次性告知书会有空项。请先补全事项要素；确需先打印的，请确认后打印"
                "（空项会印上“要素不全”）。", field="item")
    if case is not None:
        if kind == NoticeKind.SUPPLEMENT and not case.missing:
            raise UserError("该办件材料已齐全，不需要出具补正材料通知书", field="materials")
        if kind == NoticeKind.REJECTION:
            if case.status not in (Status.NOT_ACCEPTED, Status.RETURNED):
                raise UserError(f"办件状态为“{case.status.value}”，只有“不予受理”或“已退回”"
                                "的办件才能出具不予受理/退回告知书", field="status")
            if not case.reason.strip():
                raise UserError(f"{title}必须写明理由：请先在办件中填写理由", field="reason")
        if kind == NoticeKind.RECEIPT and case.status != Status.COMPLETED:
            raise UserError(f"办件状态为“{case.status.value}”，办结后才能出具办结（送达）回执",
                            field="status")
        if kind == NoticeKind.ACCEPTANCE and case.status not in (
                Status.ACCEPTED, Status.IN_PROGRESS, Status.COMPLETED):
            raise UserError(f"办件状态为“{case.status.value}”，尚未受理，不能出具受理通知书",
                            field="status")
    if kind == NoticeKind.APPOINTMENT and not (ctx.appointment or {}).get("at", "").strip():
        raise UserError("预约确认单需要预约时间", field="appointment")
    check_printable(_printed_fields(ctx))


def _printed_fields(ctx: NoticeContext) -> dict[str, str]:
    """Every variable text the notice may print, by the label a clerk knows it by."""
    st, item, case = ctx.station, ctx.item, ctx.case
    fields = {
        "申请人姓名": ctx.name,
        "经办人姓名": ctx.staff_name,
        f"{ctx.station_word}名称": st.name,
        f"{ctx.station_word}地址": st.address,
        f"{ctx.station_word}电话": st.phone,
        "告知书编号": ctx.notice_no,
        "事项名称": item.name,
        "设定依据": item.legal_basis,
        "实施部门": item.department,
        "受理窗口": item.window,
        "收费标准": item.fee,
        "办理结果": item.result,
    }
    for what, texts in (("办理流程", item.procedure), ("不予受理情形", item.non_acceptance),
                        ("申请材料", [m.name for m in item.materials]),
                        ("材料备注", [m.note for m in item.materials])):
        fields.update({f"{what}（第 {i} 项）": t for i, t in enumerate(texts, 1)})
    if case is not None:
        fields.update({
            "申请人住址": case.applicant.address,
            "申请人电话": case.applicant.phone,
            "不予受理/退回理由": case.reason,
            "帮办代办员姓名": case.proxy_agent_name,
            "首问责任人姓名": case.first_ask_name,
            "收费情况": case.fee,
        })
        fields.update({f"办件材料（第 {i} 项）": m.name
                       for i, m in enumerate(case.materials, 1)})
    for key, label in (("at", "预约时间"), ("kind", "预约方式"), ("staff", "预约服务人员"),
                       ("materials_told", "预约告知内容"), ("place", "预约服务地点")):
        if ctx.appointment and ctx.appointment.get(key):
            fields[label] = ctx.appointment[key]
    return fields


# -- styles ------------------------------------------------------------------------

PAGE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 21 * mm
WIDTH = PAGE[0] - 2 * MARGIN_X
GREY = colors.HexColor("#555555")
LINE = colors.HexColor("#333333")
SHADE = colors.HexColor("#EFEFEF")


def _style(name: str, size: float, *, leading: float | None = None, font: str = BODY,
           align: int = TA_LEFT, before: float = 0, after: float = 0,
           color: Any = colors.black, indent: float = 0, first: float = 0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size,
                          leading=leading or size * 1.5, alignment=align,
                          spaceBefore=before, spaceAfter=after, textColor=color,
                          leftIndent=indent, firstLineIndent=first, wordWrap="CJK")


S_STATION = _style("station", 13, leading=18, align=TA_CENTER, font=BOLD)
S_TITLE = _style("title", 21, leading=26, align=TA_CENTER, font=BOLD)
S_NUMBER = _style("number", 9, leading=12, align=TA_RIGHT, color=GREY, after=2)
S_WARN = _style("warn", 11, leading=16, align=TA_CENTER, font=BOLD)
S_BODY = _style("body", 10.5, leading=16)
S_PROSE = _style("prose", 11, leading=17.5, first=22)
S_SALUTE = _style("salute", 11, leading=17.5, before=7)
S_HEAD = _style("head", 11, leading=16, before=2.5)
S_ITEM = _style("item", 10.5, leading=15.5, indent=22)
S_CELL = _style("cell", 10, leading=13.5)
S_CELL_C = _style("cellc", 10, leading=13.5, align=TA_CENTER)
S_CELL_H = _style("cellh", 10, leading=13.5, align=TA_CENTER, font=BOLD)
S_LABEL = _style("label", 10, leading=13.5, font=BOLD)
S_STRONG = _style("strong", 11, leading=18, font=BOLD, before=5)
S_NOTE = _style("note", 9, leading=13, color=GREY, before=2)
S_SIGN = _style("sign", 10.5, leading=15)
S_SEAL = _style("seal", 11, leading=17, align=TA_CENTER)
S_SMALL = _style("small", 7.5, leading=9, align=TA_CENTER, color=GREY)

# Paragraph folds every run of whitespace, U+3000 included, into one space; four
# no-break spaces (which it keeps) are about as wide as one ideographic space.
_IDEOGRAPHIC_SPACE = "\u3000"
_KEPT_SPACE = "\u00a0" * 4


def _markup(text: str) -> str:
    return escape(text).replace(_IDEOGRAPHIC_SPACE, _KEPT_SPACE)


def _p(text: str, style: ParagraphStyle) -> CJKParagraph:
    return CJKParagraph(_markup(text), style)


def _bold_p(text: str, style: ParagraphStyle) -> CJKParagraph:
    """A bold line whose text is (partly) variable: falls back to the regular weight
    when the subset bold font lacks a character."""
    font = bold_font_for(text)
    if font != style.fontName:
        style = ParagraphStyle(style.name + "-regular", parent=style, fontName=font)
    return CJKParagraph(_markup(text), style)


def _kv(label: str, value: str, style: ParagraphStyle = S_HEAD) -> CJKParagraph:
    """"label：value" with the label bold (labels are fixed text)."""
    return CJKParagraph(f'<font name="{BOLD}">{_markup(label)}：</font>{_markup(value)}', style)


def cn_date(d: date | datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]


def _heading(n: int, text: str, value: str | None = None) -> CJKParagraph:
    """"一、设定依据" (bold), or "一、设定依据：value" when the value is given."""
    label = f"{_numeral(n)}、{text}"
    if value is None:
        return CJKParagraph(f'<font name="{BOLD}">{_markup(label)}</font>', S_HEAD)
    return _kv(label, value)


GAP = "（要素不全，请向窗口工作人员询问）"


def _or_gap(text: str) -> str:
    return text.strip() or GAP


def _copies(n: int) -> str:
    return f"{n} 份" if n > 0 else "—"


# -- building blocks ---------------------------------------------------------------

def _qr(value: str, size: float) -> Flowable:
    return QrCode(value, width=size, height=size, qrBorder=2, qrLevel="M")


# a Table draws its (even empty) string cells in the cell font: Helvetica by default
_CELL_FONT = ("FONT", (0, 0), (-1, -1), BODY, 10)


def _grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = False,
          label_col: bool = False) -> Table:
    table = Table(rows, colWidths=list(widths), hAlign="LEFT", repeatRows=1 if header else 0)
    cmds: list[tuple[Any, ...]] = [
        _CELL_FONT,
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


def _material_table(rows: Sequence[tuple[str, int, int, str]]) -> Table:
    """序号 | 材料名称 | 原件 | 复印件 | 备注, one row per material."""
    head = [_p(t, S_CELL_H) for t in ("序号", "材料名称", "原件", "复印件", "备注")]
    body = [[_p(str(i), S_CELL_C), _p(name, S_CELL), _p(_copies(orig), S_CELL_C),
             _p(_copies(cop), S_CELL_C), _p(note, S_CELL)]
            for i, (name, orig, cop, note) in enumerate(rows, 1)]
    return _grid([head, *body], [12 * mm, 78 * mm, 17 * mm, 17 * mm, WIDTH - 124 * mm],
                 header=True)


def _item_materials(item: CatalogueItem) -> list[tuple[str, int, int, str]]:
    return [(m.name, m.originals, m.copies, m.note) for m in item.materials]


def _case_materials(ctx: NoticeContext, checks: Sequence[MaterialCheck]
                    ) -> list[tuple[str, int, int, str]]:
    notes: dict[str, Material] = {m.name: m for m in ctx.item.materials}
    return [(m.name, m.originals, m.copies, notes[m.name].note if m.name in notes else "")
            for m in checks]


def _meta(ctx: NoticeContext) -> Table:
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
        [_p(r[0], S_LABEL), _p(r[1], S_CELL), _p(r[2], S_LABEL) if r[2] else "",
         _p(r[3], S_CELL) if r[3] else "", ""]
        for r in rows]
    cells[0][4] = [_qr(ctx.qr_value, qr_size - 3 * mm),
                   _p("办件查询码" if case else "告知书查询码", S_SMALL)]
    table = Table(cells, colWidths=[label_w, value_w, label_w, value_w, qr_w], hAlign="LEFT")
    table.setStyle(TableStyle([
        _CELL_FONT,
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
        [_p(left[0], S_SIGN), "", "", _p(right[0], S_SIGN), ""],
        [_p(f"日期：{left[1] or BLANK_DATE}", S_SIGN), "", "",
         _p(f"日期：{right[1] or BLANK_DATE}", S_SIGN), ""],
        ["", "", "", [_p(f"{ctx.station.name}（盖章）", S_SEAL),
                      _p(cn_date(ctx.issued_at), S_SEAL)], ""],
    ]
    table = Table(rows, colWidths=[lw[0], col_w - lw[0], gap, lw[1], col_w - lw[1]],
                  rowHeights=[10 * mm, None, None], hAlign="LEFT")
    table.setStyle(TableStyle([
        _CELL_FONT,
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


def _closing(ctx: NoticeContext, left: tuple[str, str], right: tuple[str, str]) -> Flowable:
    return KeepTogether([Spacer(1, 2 * mm), _signatures(ctx, left, right)])


def _salutation(ctx: NoticeContext) -> list[Flowable]:
    return [_p(f"{ctx.name}：", S_SALUTE)] if ctx.name else [Spacer(1, 8)]


def _applied_on(case: Case) -> str:
    return cn_date(case.received_at)


def _time_limit_text(case_type: CaseType, days: int) -> str:
    if case_type == CaseType.IMMEDIATE:
        return "即办件：申请材料齐全、符合法定形式的，当场办结。"
    if days <= 0:
        return GAP
    return (f"{case_type.value}，{days} 个工作日（自受理之日的次日起计算，法定节假日不计入）。")


# -- bodies ------------------------------------------------------------------------

def _body_one_time(ctx: NoticeContext) -> list[Flowable]:
    item, st = ctx.item, ctx.station
    story: list[Flowable] = _salutation(ctx)
    story.append(_p(f"您咨询（申请）办理的“{item.name}”事项，现将办理依据、时限、程序、"
                    "所需的全部材料和不予受理情形等一次性告知如下：", S_PROSE))
    n = 0

    def head(text: str, value: str | None = None) -> None:
        nonlocal n
        n += 1
        story.append(_heading(n, text, value))

    head("设定依据", _or_gap(item.legal_basis))
    head("办理时限", _time_limit_text(item.case_type, item.time_limit_days))
    head("办理流程", " → ".join(item.procedure) if item.procedure else GAP)
    head(f"申请材料（共 {len(item.materials)} 项）", None if item.materials else GAP)
    if item.materials:
        story.append(_material_table(_item_materials(item)))
    head("收费标准", _or_gap(item.fee))
    head("办理地点和时间")
    story.append(_p(f"{st.name}（{_or_gap(st.address)}），{_or_gap(item.window)}；"
                    f"实施部门：{_or_gap(item.department)}。", S_ITEM))
    story.append(_p(f"办公时间：{st.office_hours.text()}。"
                    + (f"咨询电话：{st.phone}。" if st.phone else ""), S_ITEM))
    head("办理结果", _or_gap(item.result))
    head("是否须本人到场", "须申请人本人到场办理。" if item.in_person
         else f"不须本人到场，可委托他人或{ctx.here}帮办代办员代为办理（帮办代办免费）。")
    head("不予受理情形", None if item.non_acceptance else GAP)
    story += [_p(f"{i}. {t}", S_ITEM) for i, t in enumerate(item.non_acceptance, 1)]
    story.append(_p(ONE_TIME_CLOSING, S_STRONG))
    story.append(_closing(ctx, ("经办人（签字）：", cn_date(ctx.issued_at)),
                          ("申请人（签字）：", "")))
    return story


def _case(ctx: NoticeContext) -> Case:
    assert ctx.case is not None  # check_context refused it otherwise
    return ctx.case


def _rows(rows: list[tuple[str, str]]) -> Table:
    return _grid([[_p(k, S_LABEL), _p(v, S_CELL)] for k, v in rows],
                 [32 * mm, WIDTH - 32 * mm], label_col=True)


def _body_acceptance(ctx: NoticeContext) -> list[Flowable]:
    case, item, st = _case(ctx), ctx.item, ctx.station
    accepted = case.accepted_at or case.received_at
    story = _salutation(ctx)
    story.append(_p(f"您于{_applied_on(case)}申请办理的“{item.name}”事项，申请材料齐全，"
                    f"符合法定形式，{ctx.here}已予受理。现将有关事项告知如下：", S_PROSE))
    if case.case_type == CaseType.IMMEDIATE:
        due = "当场办结（即办件）"
    elif case.deadline is not None:
        due = cn_date(case.deadline)
        if case.extra.get("deadline_provisional"):
            due += "（暂定）"
    else:
        due = "　"
    rows = [
        ("受理日期", cn_date(accepted)),
        ("承诺时限", _time_limit_text(case.case_type, item.time_limit_days)),
        ("承诺办结日期", due),
        ("办理结果", _or_gap(item.result)),
        ("结果领取", f"由帮办代办员{case.proxy_agent_name}送达" if case.proxy
         and case.proxy_agent_name else f"办结后电话通知您到{st.name}领取"),
        ("首问责任人", case.first_ask_name),
        ("联系电话", st.phone or "　"),
    ]
    story.append(Spacer(1, 3))
    story.append(_rows(rows))
    if case.extra.get("deadline_provisional"):
        story.append(_p("注：“暂定”是因本年度法定节假日安排尚未公布（录入），承诺办结日期可能"
                        "顺延，确定后另行告知。", S_NOTE))
    received = [m for m in case.materials if m.received]
    story.append(_heading(1, f"已收材料（共 {len(received)} 项）",
                          None if received else "无"))
    if received:
        story.append(_material_table(_case_materials(ctx, received)))
    story.append(_p("请保管好本通知书，凭此查询办理进度或领取办理结果。", S_STRONG))
    story.append(_closing(ctx, ("经办人（签字）：", cn_date(ctx.issued_at)),
                          ("申请人（签字）：", "")))
    return story


def _body_supplement(ctx: NoticeContext) -> list[Flowable]:
    case, item = _case(ctx), ctx.item
    missing = [m for m in case.materials if not m.received]
    story = _salutation(ctx)
    story.append(_p(f"您于{_applied_on(case)}申请办理的“{item.name}”事项，经审查，申请材料"
                    "不齐全或者不符合法定形式。现一次性告知您需要补正的全部材料"
                    f"（共 {len(missing)} 项）如下：", S_PROSE))
    story.append(Spacer(1, 3))
    story.append(_material_table(_case_materials(ctx, missing)))
    story.append(Spacer(1, 4))
    story.append(_p(f"请按上述要求一次补齐全部材料后，送交{ctx.here}"
                    f"（{_or_gap(item.window)}），也可交{ctx.here}帮办代办员代为递交。"
                    f"材料补齐后，{ctx.here}即予受理，并按承诺时限办理。", S_PROSE))
    when = cn_date(case.received_at)
    due = f"（即 {cn_date(case.supplement_due)} 前）" if case.supplement_due else ""
    story.append(_p(f"说明：{ctx.here}收到您的申请材料之日为{when}。按照规定，需要补正的全部内容应当在"
                    f"收到申请材料之日起 {SUPPLEMENT_NOTICE_DAYS} 个工作日内{due}一次性告知；"
                    "逾期不告知的，自收到申请材料之日起即为受理。", S_PROSE))
    if ctx.station.phone:
        story.append(_p(f"如有疑问，请致电 {ctx.station.phone}。", S_PROSE))
    story.append(_closing(ctx, ("经办人（签字）：", cn_date(ctx.issued_at)),
                          ("申请人（签字）：", "")))
    return story


def _body_rejection(ctx: NoticeContext) -> list[Flowable]:
    case, item = _case(ctx), ctx.item
    story = _salutation(ctx)
    if case.status == Status.RETURNED:
        decision = "经审查，该申请依据国家法律、法规和政策不能批准，作退回处理。"
    else:
        decision = "经审查，决定不予受理。"
    story.append(_p(f"您于{_applied_on(case)}申请办理的“{item.name}”事项，{decision}"
                    "理由如下：", S_PROSE))
    story.append(Spacer(1, 2))
    story.append(_grid([[_p(case.reason.strip(), S_BODY)]], [WIDTH]))
    story.append(Spacer(1, 4))
    story.append(_p(APPEAL_RIGHTS, S_PROSE))
    if ctx.station.phone:
        story.append(_p(f"如有疑问，请致电 {ctx.station.phone}。", S_PROSE))
    story.append(_closing(ctx, ("经办人（签字）：", cn_date(ctx.issued_at)),
                          ("申请人（签收）：", "")))
    return story


def _body_entrust(ctx: NoticeContext) -> list[Flowable]:
    case, item, st = _case(ctx), ctx.item, ctx.station
    a = case.applicant
    agent = case.proxy_agent_name.strip()
    agent_text = agent or "＿＿＿＿＿＿"
    rows = [
        ("委托人", f"{a.name}（身份证号 {mask_id_number(a.id_number)}）"),
        ("委托人电话", a.phone or "　"),
        ("委托人住址", a.address or "　"),
        ("受托人", f"{agent_text}（{st.name}帮办代办员）"),
        ("委托事项", f"{item.name}（{case.case_type.value}）"),
    ]
    story: list[Flowable] = [Spacer(1, 4 * mm), _rows(rows)]
    story.append(Spacer(1, 6))
    story.append(_p(f"本人自愿委托{st.name}帮办代办员{agent_text}代为办理“{item.name}”事项，"
                    "委托权限如下：", S_PROSE))
    items = [
        "代为收取、核对并递交申请材料；",
        "代为跟踪办理进度，向本人及时反馈；",
        "代为领取办理结果，并送达本人。",
    ]
    story += [_p(f"{i}. {t}", S_ITEM) for i, t in enumerate(items, 1)]
    fee = case.fee.strip() or "免费"
    story.append(_p("除法律、法规明确规定缴纳的费用外，帮办代办服务一律免费。"
                    f"本事项收费：{fee}。", S_PROSE))
    if item.in_person:
        story.append(_p("本事项须申请人本人到场办理的环节，仍须本人到场，帮办代办员负责陪同、"
                        "协助。", S_PROSE))
    story.append(_p("委托期限：自签字之日起至办理结果送达之日止。", S_PROSE))
    story.append(_closing(ctx, ("委托人（签字/按指印）：", ""),
                          ("受托人（帮办代办员）：", "")))
    return story


def _body_receipt(ctx: NoticeContext) -> list[Flowable]:
    case, item = _case(ctx), ctx.item
    done = case.completed_at or ctx.issued_at
    if case.proxy:
        how = "帮办代办员送达"
    elif case.door_to_door:
        how = "上门送达"
    else:
        how = "窗口领取"
    deliverer = (case.proxy_agent_name if case.proxy and case.proxy_agent_name
                 else ctx.staff_name)
    story = _salutation(ctx)
    story.append(_p(f"您于{_applied_on(case)}申请办理的“{item.name}”事项已办结，"
                    "办理结果如下，请核对后签收。", S_PROSE))
    rows = [
        ("办理事项", item.name),
        ("办理结果", _or_gap(item.result)),
        ("办结日期", cn_date(done)),
        ("送达方式", how),
        ("送达人", deliverer),
        ("收费情况", case.fee.strip() or "免费"),
        ("满意度评价", "□ 满意　　□ 基本满意　　□ 不满意"),
    ]
    story += [Spacer(1, 3), _rows(rows)]
    story.append(Spacer(1, 6))
    story.append(_p(f"如对办理结果有异议，可向{ctx.here}反映，或拨打 12345 便民服务热线。",
                    S_PROSE))
    story.append(_closing(ctx, ("送达人（签字）：", ""), ("申请人签收（签字/按指印）：", "")))
    return story


def _body_appointment(ctx: NoticeContext) -> list[Flowable]:
    item, st = ctx.item, ctx.station
    appt = ctx.appointment or {}
    kind = appt.get("kind", "").strip()
    place = appt.get("place", "").strip()
    if not place and "上门" in kind:
        address = ctx.case.applicant.address if ctx.case is not None else ""
        place = f"上门服务：{address or '＿＿＿＿＿＿＿＿＿＿＿＿'}"
    if not place:
        place = f"{st.name}（{st.address}）" if st.address else st.name
    story = _salutation(ctx)
    story.append(_p(f"您预约办理的“{item.name}”事项已登记，预约情况如下：", S_PROSE))
    rows = [
        ("预约时间", appt.get("at", "").strip()),
        ("预约方式", kind or "窗口"),
        ("服务人员", appt.get("staff", "").strip() or ctx.staff_name),
        ("服务地点", place),
        ("联系电话", st.phone or "　"),
        ("办公时间", st.office_hours.text()),
    ]
    story += [Spacer(1, 3), _rows(rows)]
    story.append(_heading(1, f"请携带以下材料（共 {len(item.materials)} 项）",
                          None if item.materials else GAP))
    if item.materials:
        story.append(_material_table(_item_materials(item)))
    told = appt.get("materials_told", "").strip()
    if told:
        story.append(_kv("其他告知", told))
    if item.in_person:
        story.append(_p("本事项须申请人本人到场办理。", S_STRONG))
    story.append(_p("如需改约或取消，请提前致电告知。", S_HEAD))
    story.append(_closing(ctx, ("经办人（签字）：", cn_date(ctx.issued_at)),
                          ("申请人（签字）：", "")))
    return story


_BODIES: dict[NoticeKind, Callable[[NoticeContext], list[Flowable]]] = {
    NoticeKind.ONE_TIME: _body_one_time,
    NoticeKind.ACCEPTANCE: _body_acceptance,
    NoticeKind.SUPPLEMENT: _body_supplement,
    NoticeKind.REJECTION: _body_rejection,
    NoticeKind.ENTRUST: _body_entrust,
    NoticeKind.RECEIPT: _body_receipt,
    NoticeKind.APPOINTMENT: _body_appointment,
}


# -- page furniture and the document --------------------------------------------------

def _footer_lines(ctx: NoticeContext) -> tuple[str, str]:
    holder = "委托人" if ctx.kind == NoticeKind.ENTRUST else "申请人"
    left = f"本{_NOUNS[ctx.kind]}一式两份，{holder}、{ctx.station_word}各执一份"
    note = "" if ctx.item.verified else UNVERIFIED_NOTE
    return left, note


def _canvas_class(ctx: NoticeContext) -> type[Canvas]:
    """A canvas that draws the footer (with "第 n 页 共 m 页") once all pages are
    known, and dates the PDF by the notice's issue time."""
    left, note = _footer_lines(ctx)
    stamp = ctx.issued_at.strftime("D:%Y%m%d%H%M%S") + _utc_offset(ctx.issued_at)

    class NoticeCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            y = MARGIN_BOTTOM - 7.5 * mm
            self.saveState()
            self.setStrokeColor(LINE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, y + 4.2 * mm, PAGE[0] - MARGIN_X, y + 4.2 * mm)
            self.setFont(BODY, 9)
            self.setFillColor(GREY)
            self.drawString(MARGIN_X, y, left)
            self.drawRightString(PAGE[0] - MARGIN_X, y,
                                 f"{ctx.notice_no}　第 {self._pageNumber} 页 共 {total} 页")
            if note:
                self.setFont(BODY, 8)
                self.drawString(MARGIN_X, y - 4.2 * mm, note)
            self.restoreState()

    return NoticeCanvas


def _utc_offset(at: datetime) -> str:
    off = at.utcoffset()
    if off is None:
        return "+08'00'"  # naive times are the station's local time (Beijing time)
    minutes = int(off.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}'{minutes % 60:02d}'"


def _heading_block(ctx: NoticeContext) -> list[Flowable]:
    story: list[Flowable] = [
        _bold_p(ctx.station.name, S_STATION),
        _p(ctx.title, S_TITLE),
        _p(f"编号：{ctx.notice_no}", S_NUMBER),
        Spacer(1, 2 * mm),
    ]
    missing = ctx.item.missing_elements()
    if missing and ctx.kind in (NoticeKind.ONE_TIME, NoticeKind.APPOINTMENT):
        story.insert(2, _p(f"（要素不全：{'、'.join(missing)}）", S_WARN))
    story.append(_meta(ctx))
    return story


def render_notice(ctx: NoticeContext, *, allow_incomplete: bool = False) -> bytes:
    """The notice as an A4 PDF (bytes); UserError/UnprintableText before drawing."""
    check_context(ctx, allow_incomplete=allow_incomplete)
    register_fonts()
    story = _heading_block(ctx) + _BODIES[ctx.kind](ctx)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=f"{ctx.title} {ctx.notice_no}", author=ctx.station.name,
        subject=ctx.qr_value, creator="Station Desk", invariant=1, lang="zh-CN",
        initialFontName=BODY, initialFontSize=10.5)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, WIDTH, PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="notice", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_class(ctx))
    return buf.getvalue()
