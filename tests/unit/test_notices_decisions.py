"""The decision notices (补正, 受理, 不予受理/退回, 延期): dates, reasons, rights."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from notice_pdfs import (
    all_received,
    clock_for,
    cn,
    context,
    item,
    make_case,
    needs_poppler,
    squeeze,
    station,
    text_of,
)

from station_desk.domain.cases import Status
from station_desk.domain.catalogue import CatalogueItem
from station_desk.domain.errors import UserError
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station
from station_desk.print import render_notice
from station_desk.print.notices import APPEAL_RIGHTS
from station_desk.print.notices.decisions import appeal_rights

__all__ = ["item", "station"]  # fixtures, used by name


@needs_poppler
def test_supplement_lists_everything_missing_at_once(station: Station, item: CatalogueItem,
                                                     tmp_path: Path) -> None:
    ctx = context(NoticeKind.SUPPLEMENT, station, item)
    assert ctx.case is not None
    missing = ctx.case.missing
    assert len(missing) >= 2
    text = text_of(render_notice(ctx), tmp_path)
    for name in missing:
        assert squeeze(name) in text, f"missing material “{name}” not listed"
    assert f"全部材料（共{len(missing)}项）" in text
    assert "5个工作日" in text and "2026年3月12日" in text  # supplement_due
    assert "即予受理" in text


@needs_poppler
def test_acceptance_gives_the_promised_date_marked_provisional(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.ACCEPTANCE, station, item)
    text = text_of(render_notice(ctx), tmp_path)
    assert "2026年4月17日（暂定）" in text
    assert station.phone in text
    for m in item.materials:
        assert squeeze(m.name) in text
    firm = context(NoticeKind.ACCEPTANCE, station, item,
                   case=make_case(item, materials=all_received(item)))
    assert "（暂定）" not in text_of(render_notice(firm), tmp_path)


@needs_poppler
def test_acceptance_prints_each_date_with_its_rule(station: Station, item: CatalogueItem,
                                                   tmp_path: Path) -> None:
    """Deemed acceptance (§32): accepted on the day of receipt, and the paper says why."""
    case = make_case(item, materials=all_received(item), status=Status.ACCEPTED)
    clock = clock_for(case, needs_supplement=True, statutory_days=30)
    ctx = context(NoticeKind.ACCEPTANCE, station, item, case=case, clock=clock)
    text = text_of(render_notice(ctx), tmp_path)
    assert clock.acceptance is not None and clock.deemed
    assert clock.promised_due is not None and clock.statutory_due is not None
    for expected in ("受理日期", "2026年3月5日", "法定办结期限", cn(clock.statutory_due.day),
                     "承诺办结日期", cn(clock.promised_due.day), "期限依据",
                     "视为受理：未在5个工作日内一次性告知补正（行政许可法第三十二条）",
                     "法定时限30个工作日"):
        assert squeeze(expected) in text, expected
    # not "材料齐全": accepted because the 补正 notice came too late
    assert "依法自收到申请材料之日起即为受理" in text and "申请材料齐全" not in text


@needs_poppler
@pytest.mark.parametrize(("status", "title"), [(Status.NOT_ACCEPTED, "不予受理告知书"),
                                                (Status.RETURNED, "退回告知书")])
def test_rejection_states_reason_and_appeal_rights(status: Status, title: str,
                                                   station: Station, item: CatalogueItem,
                                                   tmp_path: Path) -> None:
    case = make_case(item, status=status, reason="不符合认定条件：家庭人均收入超标")
    ctx = context(NoticeKind.REJECTION, station, item, case=case)
    assert ctx.title == title
    text = text_of(render_notice(ctx), tmp_path)
    assert title in text
    assert "不符合认定条件：家庭人均收入超标" in text
    # who decided and where to seek review (行政复议法 2023), not the village station
    assert "作出决定的机关" in text and "石泉县卫生健康局决定" in text
    assert squeeze(appeal_rights("石泉县人民政府")) in text
    assert squeeze(APPEAL_RIGHTS) not in text


@pytest.mark.parametrize(("authority", "review_body", "named"), [
    ("", "石泉县人民政府", "决定机关"), ("县残疾人联合会", "", "行政复议机关")])
def test_rejection_refused_while_review_body_unverified(
        authority: str, review_body: str, named: str, station: Station,
        item: CatalogueItem) -> None:
    unknown = dataclasses.replace(item, authority=authority, review_body=review_body)
    case = make_case(unknown, status=Status.NOT_ACCEPTED, reason="不属于本辖区")
    with pytest.raises(UserError, match=named) as exc:
        render_notice(context(NoticeKind.REJECTION, station, unknown, case=case))
    assert "待核实" in exc.value.message


@needs_poppler
def test_extension_notice_gives_reason_approval_and_new_dates(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    ctx = context(NoticeKind.EXTENSION, station, item)
    assert ctx.clock is not None and ctx.clock.promised_due is not None
    text = text_of(render_notice(ctx), tmp_path)
    for expected in ("延期告知书", "需现场核查经营场所", "行政许可法》第四十二条",
                     "王建国（站长）", "延长10个工作日", "延长后承诺办结日期",
                     cn(ctx.clock.promised_due.day), "延长后法定办结期限"):
        assert squeeze(expected) in text, expected
    with pytest.raises(UserError, match="没有延期记录"):
        render_notice(dataclasses.replace(ctx, extension=None))
