"""The dates of the legal clock on the notices they belong to: the 受理通知书 keeps
the promise the case was given at intake, the 补正材料通知书 marks a notice date of
a provisional year as 暂定, as the case detail does."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from notice_pdfs import (  # the notice tests' own item, station and readers
    all_received,
    clock_for,
    cn,
    context,
    item,
    make_case,
    needs_poppler,
    station,
    text_of,
)

from station_desk.domain.cases import Status
from station_desk.domain.catalogue import CatalogueItem
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station
from station_desk.domain.workdays import HolidayCalendar
from station_desk.print import render_notice

__all__ = ["item", "station"]  # fixtures, used by name


@needs_poppler
def test_acceptance_prints_the_promise_given_at_intake(station: Station, item: CatalogueItem,
                                                       tmp_path: Path) -> None:
    """The item's limit changed later: the paper keeps the case's own promise."""
    case = make_case(item, materials=all_received(item), extra={"promised_days": 7})
    assert item.time_limit_days != 7
    ctx = context(NoticeKind.ACCEPTANCE, station, item, case=case,
                  clock=clock_for(case, promised_days=7))
    text = text_of(render_notice(ctx), tmp_path)
    kind = item.case_type.value
    assert f"{kind}，7个工作日" in text and f"{kind}，{item.time_limit_days}个工作日" not in text


@needs_poppler
@pytest.mark.skipif(HolidayCalendar().knows(2027),
                    reason="needs a year without the official schedule")
def test_supplement_notice_marks_a_provisional_notice_date(
        station: Station, item: CatalogueItem, tmp_path: Path) -> None:
    case = make_case(item, status=Status.SUPPLEMENT, received_at=datetime(2027, 2, 3, 9, 30),
                     accepted_at=None, deadline=None, supplement_due=date(2027, 2, 10))
    clock = clock_for(case, needs_supplement=True)
    assert clock.notice_due is not None and clock.notice_due.provisional
    ctx = context(NoticeKind.SUPPLEMENT, station, item, case=case, clock=clock)
    text = text_of(render_notice(ctx), tmp_path)
    assert f"即{cn(clock.notice_due.day)}（暂定）前" in text
