"""The notice page's geometry, type styles and text helpers (markup, numbered
headings, Chinese dates, the visible gap for a missing guide element)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ..fonts import BODY, BOLD, CJKParagraph, bold_font_for

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


def markup(text: str) -> str:
    return escape(text).replace(_IDEOGRAPHIC_SPACE, _KEPT_SPACE)


def para(text: str, style: ParagraphStyle) -> CJKParagraph:
    return CJKParagraph(markup(text), style)


def bold_para(text: str, style: ParagraphStyle) -> CJKParagraph:
    """A bold line whose text is (partly) variable: falls back to the regular weight
    when the subset bold font lacks a character."""
    font = bold_font_for(text)
    if font != style.fontName:
        style = ParagraphStyle(style.name + "-regular", parent=style, fontName=font)
    return CJKParagraph(markup(text), style)


def label_value(label: str, value: str, style: ParagraphStyle = S_HEAD) -> CJKParagraph:
    """"label：value" with the label bold (labels are fixed text)."""
    return CJKParagraph(f'<font name="{BOLD}">{markup(label)}：</font>{markup(value)}', style)


def cn_date(d: date | datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


_NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    return _NUMERALS[n - 1] if n <= 10 else "十" + _NUMERALS[n - 11]


def numbered_heading(n: int, text: str, value: str | None = None) -> CJKParagraph:
    """"一、设定依据" (bold), or "一、设定依据：value" when the value is given."""
    label = f"{numeral(n)}、{text}"
    if value is None:
        return CJKParagraph(f'<font name="{BOLD}">{markup(label)}</font>', S_HEAD)
    return label_value(label, value)


GAP = "（要素不全，请向窗口工作人员询问）"


def or_gap(text: str) -> str:
    return text.strip() or GAP


def copies_text(n: int) -> str:
    return f"{n} 份" if n > 0 else "—"
