"""The notice as a document: the page frame (footer with "第 n 页 共 m 页", the
PDF's date), the heading block and the body of its kind, built into A4 bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from station_desk.domain.notices import NoticeKind

from ..fonts import BODY, register_fonts
from . import decisions, delivery, informing
from .blocks import meta_table
from .checks import check_context
from .context import NoticeContext
from .styles import (
    GREY,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE,
    S_NUMBER,
    S_STATION,
    S_TITLE,
    S_WARN,
    WIDTH,
    bold_para,
    para,
)

# what the paper is called in "本…一式两份"
_NOUNS = {
    NoticeKind.ONE_TIME: "告知书",
    NoticeKind.ACCEPTANCE: "通知书",
    NoticeKind.SUPPLEMENT: "通知书",
    NoticeKind.REJECTION: "告知书",
    NoticeKind.ENTRUST: "委托书",
    NoticeKind.RECEIPT: "回执",
    NoticeKind.APPOINTMENT: "确认单",
    NoticeKind.EXTENSION: "告知书",
}


UNVERIFIED_NOTE = "本事项办事指南要素待县级核实"


_BODIES: dict[NoticeKind, Callable[[NoticeContext], list[Flowable]]] = {
    NoticeKind.ONE_TIME: informing.one_time_body,
    NoticeKind.ACCEPTANCE: decisions.acceptance_body,
    NoticeKind.SUPPLEMENT: decisions.supplement_body,
    NoticeKind.REJECTION: decisions.rejection_body,
    NoticeKind.ENTRUST: delivery.entrust_body,
    NoticeKind.RECEIPT: delivery.receipt_body,
    NoticeKind.APPOINTMENT: informing.appointment_body,
    NoticeKind.EXTENSION: decisions.extension_body,
}


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
        bold_para(ctx.station.name, S_STATION),
        para(ctx.title, S_TITLE),
        para(f"编号：{ctx.notice_no}", S_NUMBER),
        Spacer(1, 2 * mm),
    ]
    missing = ctx.item.missing_elements()
    if missing and ctx.kind in (NoticeKind.ONE_TIME, NoticeKind.APPOINTMENT):
        story.insert(2, para(f"（要素不全：{'、'.join(missing)}）", S_WARN))
    story.append(meta_table(ctx))
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
