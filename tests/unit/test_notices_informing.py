"""The notices before a case: the 一次性告知书 (every guide element) and the 预约确认单."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from notice_pdfs import (
    APPOINTMENT,
    context,
    item,
    needs_poppler,
    shipped_items,
    squeeze,
    station,
    text_of,
)

from station_desk.domain.catalogue import CatalogueItem
from station_desk.domain.errors import UserError
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station
from station_desk.print import render_notice
from station_desk.print.notices import ONE_TIME_CLOSING

__all__ = ["item", "station"]  # fixtures, used by name


@needs_poppler
def test_one_time_notice_lists_every_element(station: Station, item: CatalogueItem,
                                             tmp_path: Path) -> None:
    text = text_of(render_notice(context(NoticeKind.ONE_TIME, station, item)), tmp_path)
    for m in item.materials:
        assert squeeze(m.name) in text, f"material “{m.name}” missing"
        if m.note:
            assert squeeze(m.note) in text
    for reason in item.non_acceptance:
        assert squeeze(reason) in text
    for step in item.procedure:
        assert squeeze(step) in text
    for element in (item.legal_basis, item.fee, item.result, item.window, item.department,
                    station.address, station.phone, station.office_hours.text(),
                    f"{item.time_limit_days}个工作日", "自受理之日的次日起计算",
                    ONE_TIME_CLOSING):
        assert squeeze(element) in text, element
    assert f"申请材料（共{len(item.materials)}项）" in text


@needs_poppler
def test_one_time_notice_without_a_case_carries_the_notice_number(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.ONE_TIME, station, item, case=False)
    assert ctx.qr_value == ctx.notice_no
    text = text_of(render_notice(ctx), tmp_path)
    assert ctx.notice_no in text and "王秀兰" in text and "尚未登记" in text


@needs_poppler
def test_immediate_item_says_done_on_the_spot(station: Station, tmp_path: Path) -> None:
    immediate = next(i for i in shipped_items() if i.case_type.value == "即办件"
                     and not i.missing_elements())
    text = text_of(render_notice(context(NoticeKind.ONE_TIME, station, immediate,
                                         case=False)), tmp_path)
    assert "当场办结" in text


@needs_poppler
def test_incomplete_item_refuses_one_time_unless_allowed(station: Station,
                                                         item: CatalogueItem,
                                                         tmp_path: Path) -> None:
    gappy = dataclasses.replace(item, legal_basis="", non_acceptance=())
    assert gappy.missing_elements() == ["设定依据", "不予受理情形"]
    ctx = context(NoticeKind.ONE_TIME, station, gappy)
    with pytest.raises(UserError) as err:
        render_notice(ctx)
    assert "设定依据" in err.value.message and "不予受理情形" in err.value.message
    text = text_of(render_notice(ctx, allow_incomplete=True), tmp_path)
    assert "（要素不全：设定依据、不予受理情形）" in text
    # other kinds do not depend on the guide elements being complete
    render_notice(context(NoticeKind.ACCEPTANCE, station, gappy))


@needs_poppler
def test_appointment_lists_time_kind_staff_and_all_materials(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.APPOINTMENT, station, item, case=False)
    text = text_of(render_notice(ctx), tmp_path)
    for expected in (squeeze(APPOINTMENT["at"]), "上门", "李明",
                     squeeze(APPOINTMENT["materials_told"]), station.phone):
        assert expected in text, expected
    for m in item.materials:
        assert squeeze(m.name) in text


def test_appointment_needs_a_time(station: Station, item: CatalogueItem) -> None:
    with pytest.raises(UserError, match="预约时间"):
        render_notice(context(NoticeKind.APPOINTMENT, station, item, appointment={}))
