"""`station-desk town …`: the town centre's supervision of its villages."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.idnumber import mask_id_number
from ..domain.periods import parse_day
from ..domain.stats import rate_text
from ..domain.supervision import VillageBoardRow
from ..services.desk import Desk
from .full_numbers import record_numbers_given_out
from .output import print_json as _print_json

Handler = Callable[[argparse.Namespace, Desk], int]


def _day(text: str | None) -> date | None:
    return parse_day(text) if text else None


def village_json(r: VillageBoardRow, town_holds: dict[str, Any]) -> dict[str, Any]:
    return {"code": r.code, "name": r.name, "kind": r.kind,
            "last_export_at": r.last_export_at, "last_import_at": r.last_import_at,
            "days_silent": r.days_silent, "silence": r.silence.value, "reported": r.reported,
            "received": [list(x) for x in r.received], "missing": [list(x) for x in r.missing],
            "open": r.open, "overdue": r.overdue, "due_soon": r.due_soon,
            "overdue_proxied": r.overdue_proxied, "complaints_open": r.complaints_open,
            "bad_ratings_open": r.bad_ratings_open, "bad_ratings_overdue": r.bad_ratings_overdue,
            "satisfaction": r.satisfaction,
            "ratings": r.ratings, "quarantined": r.quarantined,
            "catalogue": r.holds.get("catalogue"),
            "catalogue_current": bool(r.holds.get("catalogue"))
            and r.holds.get("catalogue") == town_holds.get("catalogue"),
            "holiday_years": r.holds.get("holiday_years")}


def cmd_villages(args: argparse.Namespace, desk: Desk) -> int:
    rows = desk.supervision.villages(_day(args.today))
    holds = desk.supervision.catalogue_holds()
    if args.json:
        _print_json([village_json(r, holds) for r in rows])
        return 0
    for r in rows:
        silent = "从未报送" if r.days_silent is None else f"{r.days_silent} 天未报送"
        missing = "、".join(f"第 {a}–{b} 号" if a != b else f"第 {a} 号" for a, b in r.missing)
        print(f"{r.name}（{r.code}）\t{r.silence.value}，{silent}\t在办 {r.open}\t逾期 {r.overdue}"
              f"\t即将到期 {r.due_soon}\t代办逾期 {r.overdue_proxied}\t投诉在办 {r.complaints_open}"
              f"\t差评待整改 {r.bad_ratings_open}（逾期 {r.bad_ratings_overdue}）"
              f"\t满意率 {rate_text(r.satisfaction)}"
              + (f"\t缺 {missing}" if missing else ""))
    return 0


def cmd_duplicates(args: argparse.Namespace, desk: Desk) -> int:
    pairs = desk.supervision.duplicates()
    names = {**desk.supervision.village_names(), desk.station.station_or_refuse().code: "本中心"}
    people = desk.supervision.people_across_stations()
    if args.json:
        record_numbers_given_out(args, desk, [
            *(c.case_no for p in pairs for c in (p.first, p.second)),
            *(c.case_no for cases in people.values() for c in cases)])
        _print_json({"same_item_open": [p.to_json(names) for p in pairs],
                     "people": [{"id_number": n, "cases": [
                         {"case_no": c.case_no, "station": c.station_code, "item": c.item_name,
                          "status": c.status} for c in cases]}
                         for n, cases in people.items()]})
        return 0
    if not pairs:
        print("没有发现同一身份证号在两处同时在办同一事项。")
    for p in pairs:
        print(f"{p.name}（{mask_id_number(p.id_number)}）{p.item}："
              f"{p.first.case_no}（{names.get(p.first.station_code)}）"
              f" 与 {p.second.case_no}（{names.get(p.second.station_code)}）同时在办")
    return 0


def cmd_not_duplicate(args: argparse.Namespace, desk: Desk) -> int:
    desk.supervision.dismiss_duplicate(args.case_a, args.case_b, args.note or "")
    print(f"已记录：{args.case_a} 与 {args.case_b} 不是重复登记")
    return 0


def cmd_board(args: argparse.Namespace, desk: Desk) -> int:
    path = desk.supervision.write_board(Path(args.out), _day(args.today))
    print(f"督导看板已写入：{path}")
    return 0


def cmd_ledger(args: argparse.Namespace, desk: Desk) -> int:
    path = desk.ledger.write(Path(args.out), args.month, _day(args.today))
    print(f"台账已写入：{path}")
    return 0


def add_town_commands(sub: Any, add: Callable[..., argparse.ArgumentParser],
                      need_station: Callable[[Handler], Handler]) -> None:
    town = sub.add_parser("town", help="镇中心：督导各村（社区）站").add_subparsers(
        dest="town_cmd", required=True)
    sp = add("villages", need_station(cmd_villages),
             "各村（社区）站情况（未报送的也列出，需关注的在前）", town)
    sp.add_argument("--today", help="按哪一天计算（YYYY-MM-DD，默认今天）")
    add("duplicates", need_station(cmd_duplicates), "同一身份证号在两处同时在办同一事项", town)
    sp = add("not-duplicate", need_station(cmd_not_duplicate), "核实后标记两件不是重复登记",
             town)
    sp.add_argument("case_a")
    sp.add_argument("case_b")
    sp.add_argument("--note", help="核实情况")
    sp = add("board", need_station(cmd_board), "导出督导看板（.pdf 或 .xlsx，报县）", town)
    sp.add_argument("--out", required=True)
    sp.add_argument("--today", help="按哪一天计算（YYYY-MM-DD，默认今天）")
    sp = add("ledger", need_station(cmd_ledger), "导出月度办件台账（.pdf 或 .xlsx，报县）", town)
    sp.add_argument("--month", required=True, help="YYYY-MM")
    sp.add_argument("--out", required=True)
    sp.add_argument("--today", help="按哪一天判断逾期（YYYY-MM-DD，默认今天）")
