"""Time the printed notices: font registration, each kind of notice, the boards.

    .venv/bin/python benchmarks/notice_speed.py [--repeat N]

Run in a fresh process, so the first line is the one-off cost of loading the
embedded fonts (paid once per process, on the first print). Per notice: the
first render, then the median of N more, and the PDF's size. The item is the
shipped one with the most materials.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from station_desk.domain.cases import Applicant, Case, Channel, MaterialCheck, ProxyStep, Status
from station_desk.domain.catalogue import CatalogueItem, item_from_dict
from station_desk.domain.legal_clock import ClockFacts, Extension, ExtensionKind, compute
from station_desk.domain.notices import NoticeKind
from station_desk.domain.station import Station, StationKind
from station_desk.domain.workdays import HolidayCalendar
from station_desk.paths import resource
from station_desk.print import NoticeContext, render_notice, render_rules_board
from station_desk.print.fonts import register_fonts


def _item() -> CatalogueItem:
    data = json.loads(resource("catalogue", "catalogue.json").read_text("utf-8"))
    items = [item_from_dict(d) for d in data["items"]]
    return max((i for i in items if not i.missing_elements()), key=lambda i: len(i.materials))


def _case(item: CatalogueItem, kind: NoticeKind) -> Case:
    received = kind != NoticeKind.SUPPLEMENT
    status = {NoticeKind.SUPPLEMENT: Status.SUPPLEMENT, NoticeKind.REJECTION: Status.RETURNED,
              NoticeKind.RECEIPT: Status.COMPLETED}.get(kind, Status.ACCEPTED)
    return Case(
        id="c1", case_no="610922101201-2026-00001", channel=Channel.VISIT,
        applicant=Applicant("王秀兰", "61092219580312002X", "13900001234", "西沟村三组"),
        item_code=item.code, item_name=item.name, category=item.category,
        case_type=item.case_type, status=status, window=item.window, first_ask_name="张丽",
        received_at=datetime(2026, 3, 5, 9, 30), accepted_at=datetime(2026, 3, 5, 9, 40),
        deadline=date(2026, 4, 17),
        materials=tuple(MaterialCheck(m.name, m.originals, m.copies, received or i % 2 == 0)
                        for i, m in enumerate(item.materials)),
        proxy=True, proxy_agent_name="李明", proxy_step=ProxyStep.ENTRUSTED,
        door_to_door=False, fee="免费", reason="依据现行政策不能批准（示例理由）",
        supplement_notice_at=None, supplement_due=date(2026, 3, 12), departments=(),
        completed_at=datetime(2026, 4, 10, 15, 0), note="")


def _time(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    ms, _ = _time(register_fonts)
    print(f"{'register fonts (once per process)':40s} {ms:8.1f} ms")

    item = _item()
    station = Station(id="s1", code="610922101201", name="西沟村便民服务站",
                      kind=StationKind.VILLAGE, town_code="610922101000",
                      town_name="城关镇", address="石泉县城关镇西沟村村委会一楼",
                      phone="0915-6321234")
    print(f"item: {item.code} {item.name} ({len(item.materials)} materials)")
    print(f"{'notice':16s} {'first':>9s} {'median':>9s} {'size':>9s}")
    for kind in NoticeKind:
        case = _case(item, kind)
        # 延期告知书 is printed when an extension is approved: its record and the clock
        extension = (Extension(10, ExtensionKind.LICENCE, "需现场核查经营场所", "王建国（站长）",
                               date(2026, 4, 10)) if kind == NoticeKind.EXTENSION else None)
        clock = (compute(HolidayCalendar(), ClockFacts(
            received=case.received_at.date(), promised_days=20, statutory_days=20,
            licence=True, extensions=(extension,)), today=case.received_at.date()
            + timedelta(days=30)) if extension else None)
        ctx = NoticeContext(
            kind=kind, station=station, item=item,
            notice_no=f"610922101201-2026-00001-{kind.code}", staff_name="张丽",
            issued_at=datetime(2026, 3, 5, 10, 15), case=case, clock=clock,
            extension=extension,
            applicant_name="王秀兰",
            appointment={"at": "2026年3月7日 上午 9:00", "kind": "上门", "staff": "李明",
                         "materials_told": "携带全部材料原件"})
        first, pdf = _time(lambda ctx=ctx: render_notice(ctx))
        runs = [_time(lambda ctx=ctx: render_notice(ctx))[0] for _ in range(args.repeat)]
        print(f"{kind.value:16s} {first:6.1f} ms {statistics.median(runs):6.1f} ms"
              f" {len(pdf) / 1024:6.1f} KB  {ctx.title}")
    for kind, size in (("village", "A4"), ("town", "A4"), ("town", "A3")):
        ms, pdf = _time(lambda k=kind, s=size: render_rules_board(k, s, "西沟村便民服务站"))
        print(f"{'board ' + kind + ' ' + size:16s} {ms:6.1f} ms {'':9s} {len(pdf) / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
