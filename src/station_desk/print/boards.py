"""Rules boards (制度牌, manual §五.3): the station's rules for public display.

A town centre shows 5 rules (帮办代办工作制度, 首问责任制, 一次性告知制, 限时办结制,
效能投诉制度), a village or community station 3 (the first three). The texts are
in resources/rules/rules.json (from the county manual, OCR slips corrected).
One rule per page, in the largest type that fits the page.
"""

from __future__ import annotations

import functools
import io
import json
import re
from dataclasses import dataclass
from typing import Literal, get_args
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from station_desk.domain.errors import UserError
from station_desk.paths import resource

from .fonts import BODY, CJKParagraph, bold_font_for, check_printable, register_fonts

BoardKind = Literal["village", "town"]
BoardSize = Literal["A4", "A3"]

_PAGES = {"A4": A4, "A3": A3}
_SERIES = {
    "town": "镇便民服务中心标准化制度",
    "village": "村（社区）便民服务站标准化制度",
}
RED = colors.HexColor("#B22222")
INK = colors.HexColor("#1A1A1A")


@dataclass(frozen=True)
class Rule:
    title: str
    paragraphs: tuple[str, ...]


@functools.cache
def _all_rules() -> dict[str, tuple[Rule, ...]]:
    path = resource("rules", "rules.json")
    try:
        data = json.loads(path.read_text("utf-8"))
        return {kind: tuple(Rule(str(r["title"]), tuple(str(p) for p in r["paragraphs"]))
                            for r in data[kind])
                for kind in get_args(BoardKind)}
    except (OSError, ValueError, KeyError, TypeError):
        raise UserError(f"制度文本文件 {path} 缺失或已损坏，请重新安装本程序") from None


def load_rules(kind: BoardKind) -> tuple[Rule, ...]:
    if kind not in _SERIES:
        raise UserError(f"制度牌类型“{kind}”不认识：应为 village（村/社区）或 town（镇）")
    return _all_rules()[kind]


def _is_subheading(text: str) -> bool:
    """"一、投诉受理", "（一）受理范围": short, no sentence end."""
    return len(text) <= 14 and not text.endswith(("。", "；", "：", "，"))


_NUMBERED = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")


def _blocks(rule: Rule) -> list[tuple[str, str]]:
    """(bold lead, text) per printed paragraph: a subheading directly followed by
    its (unnumbered) text is run in with it ("（一）受理范围　服务对象…") to save lines;
    one followed by numbered items ("三、首问责任人职责") stays on its own."""
    out: list[tuple[str, str]] = []
    paras = list(rule.paragraphs)
    i = 0
    while i < len(paras):
        text = paras[i]
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        if (_is_subheading(text) and nxt is not None and not _is_subheading(nxt)
                and not _NUMBERED.match(nxt)):
            out.append((text, nxt))
            i += 2
        elif _is_subheading(text):
            out.append((text, ""))
            i += 1
        else:
            out.append(("", text))
            i += 1
    return out


def _paragraphs(rule: Rule, size: float) -> list[CJKParagraph]:
    out = []
    for i, (lead, text) in enumerate(_blocks(rule)):
        markup = escape(text)
        if lead:
            sep = "\u00a0" * 5 if text else ""
            markup = f'<font name="{bold_font_for(lead)}">{escape(lead)}</font>{sep}{markup}'
        style = ParagraphStyle(
            f"p{i}", fontName=BODY, fontSize=size, leading=size * 1.6,
            firstLineIndent=2 * size, alignment=TA_LEFT, wordWrap="CJK", textColor=INK,
            spaceBefore=size * 0.35)
        out.append(CJKParagraph(markup, style))
    return out


def _height(rule: Rule, size: float, width: float) -> float:
    return float(sum(p.wrap(width, 1e6)[1] + p.getSpaceBefore()
                     for p in _paragraphs(rule, size)))


def _fit(rule: Rule, width: float, height: float, largest: float, smallest: float) -> float:
    """The largest type size (0.5 pt steps, at most `largest`) at which the rule
    fits its page."""
    size = largest
    while size > smallest and _height(rule, size, width) > height:
        size -= 0.5
    return size


def _frame(c: Canvas, page_w: float, page_h: float, margin: float, k: float) -> None:
    """A double border, the outer one heavier."""
    c.setStrokeColor(RED)
    c.setLineWidth(2.2 * k)
    c.rect(margin, margin, page_w - 2 * margin, page_h - 2 * margin)
    c.setLineWidth(0.6 * k)
    inset = 2.2 * mm * k
    c.rect(margin + inset, margin + inset, page_w - 2 * (margin + inset),
           page_h - 2 * (margin + inset))


def render_rules_board(kind: BoardKind, size: BoardSize = "A4",
                       station_name: str = "") -> bytes:
    """The rules of a `kind` station ("village": 3 pages, "town": 5), one per page.

    `size` is the paper ("A4" or "A3": the same layout, scaled); `station_name`,
    when given, is printed above each rule's title.
    """
    rules = load_rules(kind)
    if size not in _PAGES:
        raise UserError(f"纸张“{size}”不支持：应为 A4 或 A3")
    station_name = station_name.strip()
    if station_name:
        check_printable({"便民服务站名称": station_name})
    register_fonts()
    page_w, page_h = _PAGES[size]
    k = page_w / A4[0]  # A3 is A4 scaled by √2
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(page_w, page_h), invariant=1, lang="zh-CN",
               initialFontName=BODY)
    c.setTitle(f"{station_name}{_SERIES[kind]}")
    c.setAuthor(station_name or "Station Desk")
    c.setCreator("Station Desk")
    c.setSubject(f"制度牌 {size}")
    margin = 16 * mm * k
    inner_x = margin + 11 * mm * k
    text_w = page_w - 2 * inner_x
    heading_h = (20 + (22 if station_name else 8) + 15) * mm * k  # as drawn below
    bottom = margin + 20 * mm * k
    for rule in rules:
        size_pt = _fit(rule, text_w, page_h - margin - heading_h - bottom, 22 * k, 11 * k)
        _frame(c, page_w, page_h, margin, k)
        y = page_h - margin - 20 * mm * k
        if station_name:
            c.setFillColor(INK)
            c.setFont(bold_font_for(station_name), 17 * k)
            c.drawCentredString(page_w / 2, y, station_name)
            y -= 22 * mm * k
        else:
            y -= 8 * mm * k
        title_size = 34 * k
        c.setFillColor(RED)
        c.setFont(bold_font_for(rule.title), title_size)
        c.drawCentredString(page_w / 2, y, rule.title, charSpace=title_size * 0.25)
        y -= 9 * mm * k
        c.setStrokeColor(RED)
        c.setLineWidth(1.2 * k)
        c.line(inner_x, y, page_w - inner_x, y)
        y -= 6 * mm * k
        for p in _paragraphs(rule, size_pt):
            y -= p.getSpaceBefore()
            _w, h = p.wrap(text_w, 1e6)
            p.drawOn(c, inner_x, y - h)
            y -= h
        c.setFillColor(colors.HexColor("#666666"))
        c.setFont(BODY, 10 * k)
        c.drawCentredString(page_w / 2, margin + 9 * mm * k,
                            f"{_SERIES[kind]} · {rule.title}")
        c.showPage()
    c.save()
    return buf.getvalue()

