"""What every notice kind prints: required elements, a subset font, the same bytes, pages."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest
from notice_pdfs import (
    CASE_NO,
    ID_NUMBER,
    RARE,
    context,
    fonts_of,
    item,
    needs_poppler,
    pages_of,
    squeeze,
    station,
    text_of,
)

from station_desk.domain.catalogue import CatalogueItem
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station, StationKind
from station_desk.print import UnprintableText, render_notice
from station_desk.print.notices import UNVERIFIED_NOTE

__all__ = ["item", "station"]  # fixtures, used by name


@needs_poppler
@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_kind_prints_what_the_rules_require(kind: NoticeKind, station: Station,
                                                  item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(kind, station, item)
    pdf = render_notice(ctx)
    assert pdf.startswith(b"%PDF-")
    text = text_of(pdf, tmp_path)
    for expected in (CASE_NO, ctx.notice_no, "王秀兰", squeeze(item.name), ctx.title,
                     station.name, "610***********002X", "（盖章）", "经办人"
                     if kind not in (NoticeKind.ENTRUST, NoticeKind.RECEIPT) else "申请人",
                     "一式两份"):
        assert squeeze(expected) in text, f"{kind}: “{expected}” not printed"
    assert ID_NUMBER not in text, "the full ID number must never be printed"
    assert UNVERIFIED_NOTE in text  # the shipped items are all unverified


@needs_poppler
@pytest.mark.parametrize("kind", list(NoticeKind))
def test_the_font_is_embedded_as_a_subset(kind: NoticeKind, station: Station,
                                          item: CatalogueItem, tmp_path: Path) -> None:
    fonts = fonts_of(render_notice(context(kind, station, item)), tmp_path)
    assert fonts, "no fonts listed"
    assert any("NotoSansSC" in f[0] for f in fonts)
    for row in fonts:
        # name type encoding emb sub uni object ID
        assert row[-5:-3] == ["yes", "yes"], f"font not embedded+subset: {row}"
        assert row[1] == "TrueType", row


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_rendering_is_deterministic(kind: NoticeKind, station: Station,
                                    item: CatalogueItem) -> None:
    ctx = context(kind, station, item)
    assert render_notice(ctx) == render_notice(ctx)


def test_the_date_inside_the_pdf_is_the_issue_time(station: Station,
                                                   item: CatalogueItem) -> None:
    pdf = render_notice(context(NoticeKind.ONE_TIME, station, item))
    assert b"D:20260305101500+08'00'" in pdf
    later = render_notice(context(NoticeKind.ONE_TIME, station, item,
                                  issued_at=datetime(2026, 3, 6, 8, 0)))
    assert b"D:20260306080000+08'00'" in later


@needs_poppler
def test_a_town_centre_calls_itself_so(station: Station, item: CatalogueItem,
                                       tmp_path: Path) -> None:
    town = dataclasses.replace(station, name="城关镇便民服务中心", kind=StationKind.TOWN1)
    text = text_of(render_notice(context(NoticeKind.SUPPLEMENT, town, item)), tmp_path)
    assert "城关镇便民服务中心" in text and "便民服务中心各执一份" in text
    assert "本中心" in text and "本站" not in text
    with pytest.raises(UnprintableText, match="便民服务中心名称"):
        render_notice(context(NoticeKind.ONE_TIME,
                              dataclasses.replace(town, name=f"{RARE}镇便民服务中心"), item))


@needs_poppler
def test_verified_item_has_no_pending_note(station: Station, item: CatalogueItem,
                                           tmp_path: Path) -> None:
    verified = dataclasses.replace(item, verified=True)
    text = text_of(render_notice(context(NoticeKind.ONE_TIME, station, verified)), tmp_path)
    assert UNVERIFIED_NOTE not in text


@needs_poppler
def test_one_page_for_the_largest_shipped_item(station: Station, item: CatalogueItem,
                                               tmp_path: Path) -> None:
    for kind in NoticeKind:
        assert pages_of(render_notice(context(kind, station, item)), tmp_path) == 1, kind


@needs_poppler
def test_a_long_notice_flows_onto_more_pages_with_numbers(station: Station,
                                                          item: CatalogueItem,
                                                          tmp_path: Path) -> None:
    many = dataclasses.replace(item, materials=item.materials * 6)
    pdf = render_notice(context(NoticeKind.ONE_TIME, station, many, case=False))
    pages = pages_of(pdf, tmp_path)
    assert pages >= 2
    assert f"第{pages}页共{pages}页" in text_of(pdf, tmp_path)


def test_titles() -> None:
    assert [k.title for k in NoticeKind] == [
        "一次性告知书", "受理通知书", "补正材料通知书", "不予受理/退回告知书",
        "帮办代办委托书", "办结（送达）回执", "预约确认单", "延期告知书"]
    assert [k.value for k in NoticeKind] == [
        "one-time", "acceptance", "supplement", "rejection", "entrust", "receipt",
        "appointment", "extension"]
