"""Notices refused, the field named: characters the font lacks, a notice unfit for its case."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from notice_pdfs import ID_NUMBER, RARE, all_received, context, item, make_case, station

from station_desk.domain.cases import Applicant, Status
from station_desk.domain.catalogue import CatalogueItem, Material
from station_desk.domain.errors import UserError
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station
from station_desk.print import UnprintableText, check_printable, missing_glyphs, render_notice

__all__ = ["item", "station"]  # fixtures, used by name


def test_font_lacks_the_rare_character() -> None:
    assert missing_glyphs(RARE) == [RARE]
    assert missing_glyphs("王秀兰 \t\n张丽（0915）") == []
    assert missing_glyphs(f"{RARE}王{RARE}") == [RARE]  # once each


def test_rare_character_in_a_name_is_refused(station: Station, item: CatalogueItem) -> None:
    case = make_case(item, applicant=Applicant(f"{RARE}王", ID_NUMBER))
    ctx = context(NoticeKind.ACCEPTANCE, station, item,
                  case=dataclasses.replace(case, materials=all_received(item)))
    with pytest.raises(UnprintableText) as err:
        render_notice(ctx)
    assert err.value.characters == (RARE,)
    assert f"申请人姓名“{RARE}王”中的“{RARE}”字体中没有" in err.value.message
    assert "手写" in err.value.message
    assert isinstance(err.value, UserError)


@pytest.mark.parametrize(("field", "change"), [
    ("申请人姓名", {"applicant_name": f"李{RARE}"}),
    ("经办人姓名", {"staff_name": f"张{RARE}"}),
])
def test_rare_characters_in_other_printed_fields_are_refused(
        field: str, change: dict[str, str], station: Station, item: CatalogueItem) -> None:
    ctx = context(NoticeKind.ONE_TIME, station, item, case=False, **change)
    with pytest.raises(UnprintableText, match=field):
        render_notice(ctx)


def test_rare_characters_in_station_or_reason_are_refused(station: Station,
                                                          item: CatalogueItem) -> None:
    odd_station = dataclasses.replace(station, name=f"{RARE}村便民服务站")
    with pytest.raises(UnprintableText, match="便民服务站名称"):
        render_notice(context(NoticeKind.ONE_TIME, odd_station, item))
    odd_address = dataclasses.replace(station, address=f"石泉县{RARE}村")
    with pytest.raises(UnprintableText, match="便民服务站地址"):
        render_notice(context(NoticeKind.ONE_TIME, odd_address, item))
    case = make_case(item, status=Status.NOT_ACCEPTED, reason=f"户籍不在{RARE}村")
    with pytest.raises(UnprintableText, match="理由"):
        render_notice(context(NoticeKind.REJECTION, station, item, case=case))


def test_rare_character_in_the_item_is_refused_naming_the_material(
        station: Station, item: CatalogueItem) -> None:
    odd = dataclasses.replace(item, materials=(Material(f"{RARE}证明"), *item.materials[1:]))
    with pytest.raises(UnprintableText, match="申请材料（第 1 项）"):
        render_notice(context(NoticeKind.ONE_TIME, station, odd, case=False))


def test_check_printable_names_the_field() -> None:
    check_printable({"申请人姓名": "王秀兰", "住址": ""})
    with pytest.raises(UnprintableText) as err:
        check_printable({"申请人姓名": "王秀兰", "住址": f"西沟村{RARE}组"})
    assert err.value.field == "住址"


@pytest.mark.parametrize(("kind", "case_changes", "match"), [
    (NoticeKind.SUPPLEMENT, {"materials": "all"}, "已齐全"),
    (NoticeKind.REJECTION, {"status": Status.ACCEPTED, "reason": "x"}, "不予受理"),
    (NoticeKind.REJECTION, {"status": Status.NOT_ACCEPTED, "reason": " "}, "理由"),
    (NoticeKind.RECEIPT, {"status": Status.IN_PROGRESS}, "办结后"),
    (NoticeKind.ACCEPTANCE, {"status": Status.SUPPLEMENT}, "尚未受理"),
])
def test_notices_that_do_not_fit_the_case_are_refused(
        kind: NoticeKind, case_changes: dict[str, Any], match: str, station: Station,
        item: CatalogueItem) -> None:
    if case_changes.get("materials") == "all":
        case_changes = {**case_changes, "materials": all_received(item)}
    case = make_case(item, **case_changes)
    with pytest.raises(UserError, match=match):
        render_notice(context(kind, station, item, case=case))


@pytest.mark.parametrize("kind", sorted(k for k in NoticeKind if k not in (
    NoticeKind.ONE_TIME, NoticeKind.APPOINTMENT)))
def test_case_notices_need_a_case(kind: NoticeKind, station: Station,
                                  item: CatalogueItem) -> None:
    with pytest.raises(UserError, match="先登记办件"):
        render_notice(context(kind, station, item, case=False))
