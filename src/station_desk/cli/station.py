"""`station-desk station show|set`, `staff set`: the station and its staff after setup."""

from __future__ import annotations

import argparse
from typing import Any

from ..domain.errors import UserError
from ..domain.station import OfficeHours, Station, parse_role
from ..services.desk import Desk
from ..services.station import StaffChange, StationChange
from . import acting
from .output import print_json as _print_json


def station_json(desk: Desk, station: Station) -> dict[str, Any]:
    return {"code": station.code, "name": station.name, "kind": station.kind.value,
            "town_code": station.town_code, "town_name": station.town_name,
            "address": station.address, "phone": station.phone,
            "hours": station.office_hours.short(),
            "windows": [w.name for w in desk.station.windows()]}


def cmd_station_show(args: argparse.Namespace, desk: Desk) -> int:
    station = desk.station.station_or_refuse()
    if args.json:
        _print_json(station_json(desk, station))
    else:
        print(f"{station.name}（{station.kind.label}）编码 {station.code}")
        print(f"所属：{station.town_name or '未填'} {station.town_code or ''}")
        print(f"地址：{station.address or '未填'}　电话：{station.phone or '未填'}")
        print(station.office_hours.text())
    return 0


def cmd_station_set(args: argparse.Namespace, desk: Desk) -> int:
    change = StationChange(
        name=args.name, town_code=args.town_code, town_name=args.town_name,
        address=args.address, phone=args.phone,
        hours=OfficeHours.parse(args.hours) if args.hours is not None else None)
    if change == StationChange():
        raise UserError("没有要修改的内容：请至少给出一项，如 --address 或 --hours")
    station = desk.station.edit_station(change)
    if args.json:
        _print_json(station_json(desk, station))
    else:
        print(f"已修改：{station.name}")
    return 0


def cmd_staff_set(args: argparse.Namespace, desk: Desk) -> int:
    done: list[str] = []
    change = StaffChange(role=parse_role(args.role) if args.role else None,
                         window=args.window, training_date=args.training_date,
                         phone=args.phone)
    if change != StaffChange():
        desk.station.edit_staff(args.name, change)
        done.append("资料已修改")
    if args.reset_pin:
        pin = acting.new_pin(args.name, required=True) or ""
        signed = desk.session.signed_in
        if signed is not None and signed.name == args.name.strip():
            desk.station.change_own_pin(pin)  # anyone may change their own
            done.append("密码已更换")
        else:
            desk.station.reset_pin(args.name, pin)
            done.append("密码已重置")
    if args.retire:
        desk.station.retire(args.name)
        done.append("已离岗")
    if not done:
        raise UserError("没有要修改的内容：请给出 --role、--window、--reset-pin 或 --retire")
    if args.json:
        _print_json({"name": args.name, "done": done})
    else:
        print(f"{args.name}：" + "，".join(done))
    return 0


def add_station_commands(sub: Any, add: Any, need_station: Any, staff: Any) -> None:
    station = sub.add_parser("station", help="本站信息").add_subparsers(
        dest="station_cmd", required=True)
    add("show", need_station(cmd_station_show), "显示本站信息", station)
    sp = add("set", need_station(cmd_station_set), "修改本站信息（站长）", station)
    sp.add_argument("--name", help="站点名称")
    sp.add_argument("--town-code", help="所属镇中心编码（9 位或 12 位）")
    sp.add_argument("--town-name", help="所属镇中心名称")
    sp.add_argument("--address")
    sp.add_argument("--phone")
    sp.add_argument("--hours", help='工作时间，如 "08:30-12:00,14:00-17:30"')
    sp = add("set", need_station(cmd_staff_set), "修改工作人员（站长）", staff)
    sp.add_argument("--name", required=True)
    sp.add_argument("--role", help="head|agent|clerk")
    sp.add_argument("--window", help="窗口名称（空字符串：不在任何窗口）")
    sp.add_argument("--training-date", help="培训日期 YYYY-MM-DD")
    sp.add_argument("--phone")
    sp.add_argument("--reset-pin", action="store_true",
                    help=f"重置密码（或本人更换自己的密码）：新密码取自 ${acting.NEW_PIN_VARIABLE}"
                         "（或在终端输入）")
    sp.add_argument("--retire", action="store_true", help="离岗")
