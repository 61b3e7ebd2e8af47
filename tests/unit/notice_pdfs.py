"""Real notice contexts (the domain dataclasses and the shipped catalogue) and the
printed PDF read back with poppler (pdftotext, pdffonts, pdfinfo): shared by the
notice and rules-board tests. No Qt, no storage.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from station_desk.domain.cases import Applicant, Case, Channel, MaterialCheck, ProxyStep, Status
from station_desk.domain.catalogue import CatalogueItem, item_from_dict
from station_desk.domain.legal_clock import CaseClock, ClockFacts, Extension, ExtensionKind, compute
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station, StationKind
from station_desk.domain.workdays import HolidayCalendar
from station_desk.paths import resource
from station_desk.print import NoticeContext

POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo"))
needs_poppler = pytest.mark.skipif(
    not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) not installed: "
                        "apt-get install poppler-utils")

RARE = "\U00020BB7"  # 𠮷, CJK Extension B: not in Noto Sans SC
ID_NUMBER = "61092219580312002X"
CASE_NO = "610922101201-2026-00001"
ISSUED = datetime(2026, 3, 5, 10, 15)


# -- building real domain objects -----------------------------------------------------

def shipped_items() -> list[CatalogueItem]:
    data = json.loads(resource("catalogue", "catalogue.json").read_text("utf-8"))
    return [item_from_dict(d) for d in data["items"]]


@pytest.fixture(scope="module")
def item() -> CatalogueItem:
    """The shipped item with the most materials (all of them must print)."""
    items = [i for i in shipped_items() if not i.missing_elements()]
    return max(items, key=lambda i: len(i.materials))


@pytest.fixture(scope="module")
def station() -> Station:
    return Station(id="s1", code="610922101201", name="西沟村便民服务站",
                   kind=StationKind.VILLAGE, town_code="610922101000", town_name="城关镇",
                   address="石泉县城关镇西沟村村委会一楼", phone="0915-6321234")


def make_case(item: CatalogueItem, **changes: Any) -> Case:
    """A case of `item`; every other material received (so some are missing)."""
    materials = tuple(MaterialCheck(m.name, m.originals, m.copies, i % 2 == 1)
                      for i, m in enumerate(item.materials))
    fields: dict[str, Any] = dict(
        id="c1", case_no=CASE_NO, channel=Channel.VISIT,
        applicant=Applicant("王秀兰", ID_NUMBER, "13900001234", "石泉县城关镇西沟村三组"),
        item_code=item.code, item_name=item.name, category=item.category,
        case_type=item.case_type, status=Status.ACCEPTED, window=item.window,
        first_ask_name="张丽", received_at=datetime(2026, 3, 5, 9, 30),
        accepted_at=datetime(2026, 3, 5, 9, 40), deadline=date(2026, 4, 17),
        materials=materials, proxy=True, proxy_agent_name="李明",
        proxy_step=ProxyStep.ENTRUSTED, door_to_door=False, fee="免费", reason="",
        supplement_notice_at=None, supplement_due=date(2026, 3, 12), departments=(),
        completed_at=None, note="")
    fields.update(changes)
    return Case(**fields)


def all_received(item: CatalogueItem) -> tuple[MaterialCheck, ...]:
    return tuple(MaterialCheck(m.name, m.originals, m.copies, True) for m in item.materials)


CASE_FOR: dict[NoticeKind, Callable[[CatalogueItem], Case]] = {
    NoticeKind.ONE_TIME: lambda i: make_case(i),
    NoticeKind.ACCEPTANCE: lambda i: make_case(i, materials=all_received(i),
                                               extra={"deadline_provisional": 1}),
    NoticeKind.SUPPLEMENT: lambda i: make_case(i, status=Status.SUPPLEMENT, accepted_at=None,
                                               deadline=None),
    NoticeKind.REJECTION: lambda i: make_case(
        i, status=Status.NOT_ACCEPTED, reason="家庭人均收入高于本县最低生活保障标准"),
    NoticeKind.ENTRUST: lambda i: make_case(i, materials=all_received(i)),
    NoticeKind.RECEIPT: lambda i: make_case(i, status=Status.COMPLETED,
                                            materials=all_received(i),
                                            completed_at=datetime(2026, 4, 10, 15, 0)),
    NoticeKind.APPOINTMENT: lambda i: make_case(i),
    NoticeKind.EXTENSION: lambda i: make_case(i, materials=all_received(i)),
}

EXTENSION = Extension(10, ExtensionKind.LICENCE, "需现场核查经营场所", "王建国（站长）",
                      date(2026, 4, 10))


def clock_for(case: Case, *, extension: Extension | None = None, **facts: Any) -> CaseClock:
    """The case's clock: 20 working days promised, 20 statutory, a 行政许可."""
    base = ClockFacts(received=case.received_at.date(), promised_days=20, statutory_days=20,
                      licence=True, extensions=(extension,) if extension else ())
    return compute(HolidayCalendar(), dataclasses.replace(base, **facts),
                   today=case.received_at.date() + timedelta(days=30))

APPOINTMENT = {"at": "2026年3月7日（星期六）上午 9:00", "kind": "上门", "staff": "李明",
               "materials_told": "已电话告知需携带全部材料原件"}


def context(kind: NoticeKind, station: Station, item: CatalogueItem, *,
            case: Case | None | bool = True, **changes: Any) -> NoticeContext:
    the_case = CASE_FOR[kind](item) if case is True else (case or None)
    extension = EXTENSION if kind == NoticeKind.EXTENSION else None
    clock = (clock_for(the_case, extension=extension) if the_case is not None
             and kind == NoticeKind.EXTENSION else None)
    ctx = NoticeContext(kind=kind, station=station, item=item,
                        notice_no=f"{CASE_NO}-{kind.code}", staff_name="张丽",
                        issued_at=ISSUED, case=the_case, applicant_name="王秀兰",
                        appointment=APPOINTMENT if kind == NoticeKind.APPOINTMENT else None,
                        clock=clock, extension=extension)
    return dataclasses.replace(ctx, **changes) if changes else ctx


# -- reading the PDF back --------------------------------------------------------------

def run_poppler(tool: str, pdf: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / f"{tool}-{abs(hash(pdf))}.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          capture_output=True, text=True, check=True)
    return done.stdout


def text_of(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text in content order, all whitespace removed (wrapped table cells
    and lines join up again)."""
    return "".join(run_poppler("pdftotext", pdf, tmp_path, "-raw", "-enc", "UTF-8").split())


def cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def squeeze(text: str) -> str:
    return "".join(text.split())


def pages_of(pdf: bytes, tmp_path: Path) -> int:
    m = re.search(r"^Pages:\s+(\d+)", run_poppler("pdfinfo", pdf, tmp_path), re.M)
    assert m, "pdfinfo shows no page count"
    return int(m.group(1))


def fonts_of(pdf: bytes, tmp_path: Path) -> list[list[str]]:
    lines = run_poppler("pdffonts", pdf, tmp_path).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]
