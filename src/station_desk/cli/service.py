"""`station-desk appt …`, `after-hours …`, `complaint …`, `rate`: service commands."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any, TypeVar

from ..domain.cases import Applicant
from ..domain.errors import UserError
from ..domain.periods import parse_day, parse_month
from ..domain.service import AfterHours, Appointment, Complaint, Rating, Severity
from ..schemas.base import Strict
from ..schemas.inputs import AfterHoursIn, ApptIn, ComplaintIn
from ..schemas.inputs import read_input as read_schema
from ..services.appointments import ApptInput
from ..services.cases import InvalidCase
from ..services.desk import Desk
from .inputs import read_input
from .output import print_json as _print_json
from .output import print_list

M = TypeVar("M", bound=Strict)


def _read(args: argparse.Namespace, model: type[M], what: str) -> M:
    found: M = read_schema(read_input(args.file), model, what)
    return found


def appt_json(a: Appointment) -> dict[str, Any]:
    return {"appt_no": a.appt_no, "id": a.id, "at": a.at.isoformat(), "minutes": a.minutes,
            "kind": a.kind.value, "channel": a.channel.value, "status": a.status.value,
            "applicant": {"name": a.applicant_name, "phone": a.phone, "address": a.address},
            "item": a.item_name, "staff": a.staff_name,
            "materials_told": list(a.materials_told), "case_no": a.case_no or None}


def session_json(desk: Desk, s: AfterHours) -> dict[str, Any]:
    return {"id": s.id, "day": s.day.isoformat(), "closing": s.closing.strftime("%H:%M"),
            "end": s.end.strftime("%H:%M") if s.end else None, "minutes": s.minutes,
            "staff": list(s.staff), "served": s.served, "cases": desk.after_hours.cases_of(s),
            "cancelled_at": s.cancelled_at.isoformat() if s.cancelled_at else None,
            "cancel_reason": s.cancel_reason}


def complaint_json(c: Complaint) -> dict[str, Any]:
    return {"complaint_no": c.complaint_no, "status": c.status.value,
            "severity": c.severity.value, "complainant": c.complainant, "phone": c.phone,
            "matter": c.matter, "due": c.due.isoformat() if c.due else None,
            "reason": c.reason, "result": c.result}


def cmd_appt_new(args: argparse.Namespace, desk: Desk) -> int:
    data = _read(args, ApptIn, "预约")
    a = data.applicant
    try:
        booked = desk.appointments.book(ApptInput(
            applicant=Applicant(a.name, a.id_number, a.phone, a.address),
            item=data.item, at=datetime.fromisoformat(data.at), kind=data.kind,
            channel=data.channel, staff=data.staff, minutes=data.minutes, note=data.note))
    except InvalidCase as exc:
        raise UserError(exc.message) from None
    out = {**appt_json(booked.appointment), "warnings": booked.warnings}
    if args.json:
        _print_json(out)
    else:
        print(f"已预约：{out['appt_no']} {out['at']} {out['applicant']['name']}")
    for w in booked.warnings:
        sys.stderr.write(f"注意：{w}\n")
    return 0


def cmd_appt_list(args: argparse.Namespace, desk: Desk) -> int:
    if args.day:
        found = desk.appointments.day(parse_day(args.day))
    else:
        found = desk.appointments.coming(date.today(), days=7)
    print_list(args, found, appt_json,
               lambda a: f"{a.at:%m-%d %H:%M}\t{a.kind.value}\t{a.applicant_name}\t"
                         f"{a.item_name}\t{a.staff_name}\t{a.status.value}")
    return 0


def cmd_after_hours_new(args: argparse.Namespace, desk: Desk) -> int:
    data = _read(args, AfterHoursIn, "延时服务记录")
    station = desk.station.station_or_refuse()
    session = desk.after_hours.record(
        date.fromisoformat(data.day),
        data.closing or station.office_hours.closing.strftime("%H:%M"),
        data.end, list(data.staff), data.served, data.note)
    if args.json:
        _print_json(session_json(desk, session))
    else:
        print(f"已记录延时服务：{session.day} {session.closing:%H:%M}–{session.end:%H:%M}，"
              f"{session.minutes} 分钟，服务 {session.served} 人")
    return 0


def cmd_after_hours_list(args: argparse.Namespace, desk: Desk) -> int:
    first = parse_month(args.month) if args.month else date.today().replace(day=1)
    year, month = first.year, first.month
    sessions = desk.after_hours.sessions_in_month(year, month)
    summary = desk.after_hours.month(year, month)
    if args.json:
        _print_json({"month": f"{year}-{month:02d}", **summary,
                     "list": [session_json(desk, s) for s in sessions]})
    else:
        print(f"{year}年{month}月：延时服务 {summary['sessions']} 次，"
              f"共 {summary['minutes']} 分钟，服务 {summary['served']} 人")
    return 0


def cmd_complaint_new(args: argparse.Namespace, desk: Desk) -> int:
    data = _read(args, ComplaintIn, "投诉")
    try:
        severity = Severity(data.severity)
    except ValueError:
        raise UserError("投诉性质 severity 应为 一般 或 重大", field="severity") from None
    c = desk.complaints.receive(
        complainant=data.complainant, phone=data.phone, matter=data.matter,
        concerning=data.concerning, channel=data.channel, severity=severity,
        not_accepted_reason=data.not_accepted_reason)
    _show_complaint(args, c)
    return 0


def _show_complaint(args: argparse.Namespace, c: Complaint) -> None:
    if args.json:
        _print_json(complaint_json(c))
    else:
        print(c.complaint_no, c.status.value)


def cmd_complaint_advance(args: argparse.Namespace, desk: Desk) -> int:
    _show_complaint(args, desk.complaints.advance(args.number, args.text))
    return 0


def cmd_complaint_list(args: argparse.Namespace, desk: Desk) -> int:
    found = desk.complaints.open_complaints() if args.open else desk.complaints.all_complaints()
    print_list(args, found, complaint_json,
               lambda c: f"{c.complaint_no}\t{c.status.value}\t{c.severity.value}\t"
                         f"{c.due or '—'}\t{c.matter[:30]}")
    return 0


def cmd_rate(args: argparse.Namespace, desk: Desk) -> int:
    try:
        level = Rating(args.level)
    except ValueError:
        raise UserError("评价应为 " + "、".join(r.value for r in Rating)) from None
    desk.complaints.rate(args.case_no, level, args.source, args.note or "")
    print(f"已记录评价：{args.case_no} {level.value}")
    return 0


def add_service_commands(sub: Any, add: Any, need_station: Any) -> None:
    appt = sub.add_parser("appt", help="预约服务").add_subparsers(dest="appt_cmd", required=True)
    sp = add("new", need_station(cmd_appt_new), "登记预约（读 JSON）", appt)
    sp.add_argument("file", nargs="?", default="-")
    sp = add("list", need_station(cmd_appt_list), "列出预约（默认今天起 7 天）", appt)
    sp.add_argument("--day", help="YYYY-MM-DD")
    ah = sub.add_parser("after-hours", help="延时服务").add_subparsers(dest="ah_cmd",
                                                                    required=True)
    sp = add("new", need_station(cmd_after_hours_new), "补记一次延时服务（读 JSON）", ah)
    sp.add_argument("file", nargs="?", default="-")
    sp = add("list", need_station(cmd_after_hours_list), "某月的延时服务", ah)
    sp.add_argument("--month", help="YYYY-MM")
    comp = sub.add_parser("complaint", help="效能投诉").add_subparsers(dest="comp_cmd",
                                                                  required=True)
    sp = add("new", need_station(cmd_complaint_new), "受理投诉（读 JSON）", comp)
    sp.add_argument("file", nargs="?", default="-")
    sp = add("advance", need_station(cmd_complaint_advance), "推进：办理→反馈→办结", comp)
    sp.add_argument("number")
    sp.add_argument("--text", required=True)
    sp = add("list", need_station(cmd_complaint_list), "列出投诉", comp)
    sp.add_argument("--open", action="store_true")
    sp = add("rate", need_station(cmd_rate), "记录办结件的满意度评价")
    sp.add_argument("case_no")
    sp.add_argument("level", help="非常满意|满意|基本满意|不满意|非常不满意")
    sp.add_argument("--source", default="窗口评价器", help="窗口评价器|电话回访")
    sp.add_argument("--note")


def cmd_report(args: argparse.Namespace, desk: Desk) -> int:
    from pathlib import Path

    from ..domain.periods import day_bounds, month_bounds

    if bool(args.day) == bool(args.month):
        raise UserError("请用 --day YYYY-MM-DD 或 --month YYYY-MM 指定一天或一个月")
    first, last = day_bounds(args.day) if args.day else month_bounds(args.month)
    title = "每日办件统计表" if args.day else "月度工作报表"
    path = desk.reports.write(Path(args.out), first, last, title)
    f = desk.reports.figures(first, last)
    if args.json:
        _print_json({"path": str(path), "received": f.received,
                     "on_spot_rate": f.on_spot_rate, "on_time_rate": f.on_time_rate,
                     "satisfaction_rate": f.satisfaction_rate})
    else:
        print(f"已生成：{path}")
    return 0


def add_report_command(sub: Any, add: Any, need_station: Any) -> None:
    sp = add("report", need_station(cmd_report), "日报表或月报表（.pdf 或 .xlsx）")
    sp.add_argument("--day")
    sp.add_argument("--month")
    sp.add_argument("--out", required=True, help="文件名，以 .pdf 或 .xlsx 结尾")
