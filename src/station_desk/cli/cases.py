"""`station-desk case …`, `deadline` and `holidays import`: the case commands."""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..domain.cases import Applicant, Case, Status, parse_status
from ..domain.errors import UserError, os_message
from ..domain.idnumber import mask_id_numbers_in
from ..domain.notifications import NotifyChannel, NotifyResult, Purpose
from ..domain.periods import parse_day
from ..domain.workdays import HolidayCalendar
from ..schemas.inputs import CaseIn, read_cases
from ..services.cases import CaseInput, InvalidCaseAt
from ..services.desk import Desk
from .corrections import add_correction_commands, notice_list
from .full_numbers import record_numbers_given_out, with_numbers
from .inputs import read_input
from .output import print_json as _print_json
from .output import print_list


def case_json(desk: Desk, case: Case, *, timeline: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "case_no": case.case_no, "id": case.id, "status": case.status.value,
        "station": case.station_code, "read_only": desk.cases.read_only_reason(case),
        "case_type": case.case_type.value, "channel": case.channel.value,
        "item": case.item_name, "item_code": case.item_code, "category": case.category,
        "applicant": {"name": case.applicant.name, "id_number": case.applicant.id_number,
                      "phone": case.applicant.phone, "address": case.applicant.address,
                      "groups": list(case.applicant.groups)},
        "first_ask": case.first_ask_name, "window": case.window,
        "received_at": case.received_at.isoformat(),
        "accepted_at": case.accepted_at.isoformat() if case.accepted_at else None,
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "deadline_provisional": case.extra.get("deadline_provisional", False),
        "days_left": desk.cases.days_left(case),
        "materials": [{"name": m.name, "originals": m.originals, "copies": m.copies,
                       "received": m.received} for m in case.materials],
        "missing": case.missing,
        "proxy": case.proxy, "proxy_agent": case.proxy_agent_name,
        "proxy_step": case.proxy_step.value if case.proxy_step else None,
        "door_to_door": case.door_to_door, "fee": case.fee, "reason": case.reason,
        "supplement_due": case.supplement_due.isoformat() if case.supplement_due else None,
        "departments": [d.__dict__ for d in case.departments],
    }
    if timeline:
        clock = desk.cases.clock(case)
        data["clock"] = [{"label": d.label, "date": d.day.isoformat(), "rule": d.rule,
                          "provisional": d.provisional} for d in clock.dates()]
        data["deemed_accepted"] = clock.deemed
        data["extensions"] = [{"days": e.days, "kind": e.kind.value, "reason": e.reason,
                               "approved_by": e.approved_by, "on": e.on.isoformat()}
                              for e in clock.extensions]
        data["suspensions"] = [{"start": s.start.isoformat(),
                                "end": s.end.isoformat() if s.end else None, "reason": s.reason}
                               for s in clock.suspensions]
        data["told"] = [{"purpose": t.purpose.value, "told": t.told, "text": t.text()}
                        for t in desk.notifications.states(case.case_no)]
        data["timeline"] = [{"at": e.at.isoformat(), "who": e.actor_name, "kind": e.kind,
                             "text": e.text} for e in desk.cases.timeline(case)]
    return data


def _case_input(entry: CaseIn) -> CaseInput:
    a = entry.applicant
    return CaseInput(
        item=entry.item, applicant=Applicant(a.name, a.id_number, a.phone, a.address,
                                             tuple(a.groups)),
        channel=entry.channel, case_type=entry.case_type, first_ask=entry.first_ask,
        received=tuple(entry.received), proxy=entry.proxy, proxy_agent=entry.proxy_agent,
        door_to_door=entry.door_to_door, fee=entry.fee, reason=entry.reason,
        done_on_spot=entry.done, departments=tuple(entry.departments), note=entry.note,
        received_at=datetime.fromisoformat(entry.received_at) if entry.received_at else None,
        request_id=entry.request_id)


def _batch_request_id(args: argparse.Namespace, in_file: str | None, is_batch: bool,
                      raw: bytes | str) -> str | None:
    """A batch always carries a request id: given, in the file, or the file's hash,
    so running the same batch again after a crash registers nothing twice."""
    if args.request_id:
        return str(args.request_id)
    if in_file:
        return in_file
    if is_batch:
        data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
        return "batch-" + hashlib.sha256(data).hexdigest()[:32]
    return None


def cmd_case_new(args: argparse.Namespace, desk: Desk) -> int:
    raw = read_input(args.file)
    entries, in_file, is_batch = read_cases(raw)
    request_id = _batch_request_id(args, in_file, is_batch, raw)
    inputs = [_case_input(e) for e in entries]
    if request_id:
        inputs = [replace(e, request_id=e.request_id or
                          (f"{request_id}#{i}" if is_batch else request_id))
                  for i, e in enumerate(inputs)]
    # an array is written all or nothing; a refusal names the entry at fault
    try:
        results = desk.cases.register_all(inputs)
    except InvalidCaseAt as exc:
        where = f"第 {exc.index + 1} 件：" if is_batch else ""
        raise UserError(where + exc.message) from None
    already = sum(1 for r in results if r.already)
    if already:
        sys.stderr.write(f"请求号 {request_id} 的办件已经登记过 {already} 件，没有重复登记。\n")
    out: list[dict[str, Any]] = [{"case_no": r.case.case_no, "id": r.case.id,
            "deadline": r.case.deadline.isoformat() if r.case.deadline else None,
            "status": r.case.status.value, "warnings": r.warnings,
            "already_registered": r.already, "request_id": request_id} for r in results]
    if args.json:
        _print_json(out if is_batch else out[0])
    else:
        for r in out:
            print(f"{r['case_no']}\t{r['status']}\t承诺办结：{r['deadline'] or '—'}")
    for r in out:
        for w in r["warnings"]:
            sys.stderr.write(f"注意（{r['case_no']}）：{w}\n")
    return 0


def cmd_case_show(args: argparse.Namespace, desk: Desk) -> int:
    case = desk.cases.get(args.case_no)
    data = case_json(desk, case, timeline=True)
    if args.json:
        record_numbers_given_out(args, desk, with_numbers([case]))
        _print_json(data)
    else:
        print(f"{case.case_no}  {case.applicant.name}  {case.item_name}  {case.case_type.value}"
              f"  {case.status.value}  承诺办结：{data['deadline'] or '—'}")
        for e in data["timeline"]:
            print(f"  {e['at'][:16]}  {e['who']}  {e['kind']}  {mask_id_numbers_in(e['text'])}")
    return 0


def cmd_case_list(args: argparse.Namespace, desk: Desk) -> int:
    f = desk.cases.make_filter(search=args.search or "",
                               status=parse_status(args.status) if args.status else None,
                               overdue=args.overdue, due_soon=args.due_soon,
                               proxy=True if args.proxy else None,
                               station=args.station)
    limit = args.limit if args.limit is not None else desk.cases.count(f)
    cases: list[Case] = []
    while len(cases) < limit:
        batch = desk.cases.page(f, limit=min(1000, limit - len(cases)),
                                after=cases[-1] if cases else None)
        if not batch:
            break
        cases += batch
    if args.json:
        record_numbers_given_out(args, desk, with_numbers(cases))
    print_list(args, cases, lambda c: case_json(desk, c),
               lambda c: f"{c.case_no}\t{c.applicant.name}\t{c.item_name}\t"
                         f"{c.status.value}\t{c.deadline or '—'}")
    return 0


def cmd_case_advance(args: argparse.Namespace, desk: Desk) -> int:
    target: Status = parse_status(args.to)
    case = desk.cases.advance(args.case_no, target, args.note or "")
    if args.json:
        record_numbers_given_out(args, desk, with_numbers([case]))
        _print_json(case_json(desk, case))
    else:
        print(f"{case.case_no}：{case.status.value}")
    return 0


def cmd_case_extend(args: argparse.Namespace, desk: Desk) -> int:
    """§42 extension (or with the applicant's consent), approved, with its written notice."""
    issued = desk.extensions.extend(args.case_no, args.days, args.reason or "",
                                    consent=args.consent or "")
    case = desk.cases.get(args.case_no)
    if args.out:
        Path(args.out).write_bytes(issued.pdf)
    if args.json:
        record_numbers_given_out(args, desk, with_numbers([case]))
        _print_json({**case_json(desk, case, timeline=True),
                     "notice_no": issued.notice.notice_no})
    else:
        print(f"{case.case_no}：承诺办结日期延至 {case.deadline}；已出具延期告知书 "
              f"{issued.notice.notice_no}")
    return 0


def cmd_case_notify(args: argparse.Namespace, desk: Desk) -> int:
    """Record telling the applicant; `--wording` only prints the ready words."""
    purpose = Purpose(args.purpose)
    if args.wording:
        print(desk.notifications.wording(args.case_no, purpose))
        return 0
    try:
        channel, result = NotifyChannel(args.channel), NotifyResult(args.result)
    except ValueError:
        raise UserError("告知方式应为 " + "、".join(c.value for c in NotifyChannel)
                        + "；结果应为 " + "、".join(r.value for r in NotifyResult),
                        field="channel") from None
    n = desk.notifications.record(args.case_no, purpose, channel, person=args.person or "",
                                  result=result, note=args.note or "")
    if args.json:
        _print_json({"purpose": n.purpose.value, "channel": n.channel.value, "person": n.person,
                     "told_by": n.told_by, "told_at": n.told_at.isoformat(),
                     "result": n.result.value})
    else:
        print(f"已记录：{n.purpose.value}，{n.channel.value}告知{n.person}，{n.result.value}")
    return 0


def cmd_deadline(args: argparse.Namespace, desk: Desk | None) -> int:
    start = parse_day(args.start, "起算日期")
    if args.days < 0:
        raise UserError("工作日数不能为负")
    if desk is not None:
        p = desk.calendar.promised(start, args.days)
    else:
        from ..domain.deadlines import promise

        p = promise(HolidayCalendar(), start, args.days)
    if args.json:
        _print_json({"from": start.isoformat(), "days": args.days,
                     "deadline": p.deadline.isoformat(), "provisional": p.provisional,
                     "missing_years": list(p.missing_years), "warning": p.warning()})
    else:
        print(p.deadline.isoformat() + ("（暂定）" if p.provisional else ""))
    if p.provisional:
        sys.stderr.write(p.warning() + "\n")
    return 0


def cmd_holidays_import(args: argparse.Namespace, desk: Desk) -> int:
    year, fixed = desk.holidays.import_holidays_file(Path(args.file))
    if args.json:
        _print_json({"year": year, "cases_redated": fixed})
    else:
        print(f"已导入 {year} 年法定节假日安排；更正了 {fixed} 件暂定的承诺办结日期")
    return 0


def add_commands(sub: Any, add: Any, need_station: Any) -> None:
    case = sub.add_parser("case", help="办件").add_subparsers(dest="case_cmd", required=True)
    sp = add("new", need_station(cmd_case_new), "登记办件（从标准输入或文件读 JSON）", case)
    sp.add_argument("file", nargs="?", default="-", help="JSON 文件，- 为标准输入")
    sp.add_argument("--request-id", help="请求号：同一请求号重试不会重复登记"
                    "（一批办件不填时按文件内容自动生成）")
    sp = add("show", need_station(cmd_case_show), "查看办件及其时间线", case)
    sp.add_argument("case_no")
    sp = add("list", need_station(cmd_case_list), "列出办件（需关注的在前）", case)
    sp.add_argument("--status")
    sp.add_argument("--overdue", action="store_true")
    sp.add_argument("--due-soon", action="store_true", help="2 个工作日内到期")
    sp.add_argument("--proxy", action="store_true", help="只看帮办代办件")
    sp.add_argument("--search")
    sp.add_argument("--station", help="镇中心：只看某站的办件（站点编码），own 为本中心自己的")
    sp.add_argument("--limit", type=int)
    sp = add("advance", need_station(cmd_case_advance), "改变办件状态", case)
    sp.add_argument("case_no")
    sp.add_argument("--to", required=True, help="目标状态，如 已受理、办理中、已办结、已退回")
    sp.add_argument("--note", help="说明；退回、不予受理、撤回时必填")
    sp = add("extend", need_station(cmd_case_extend), "延期（站长批准，出具延期告知书）", case)
    sp.add_argument("case_no")
    sp.add_argument("--days", type=int, required=True, help="延长的工作日数（最多 10，联办 15）")
    sp.add_argument("--reason", required=True, help="延期理由（写入延期告知书）")
    sp.add_argument("--consent", help="非行政许可事项：申请人何时、以何种方式同意")
    sp.add_argument("--out", help="延期告知书 PDF 另存到此文件")
    sp = add("notify", need_station(cmd_case_notify), "记录告知申请人（补正、交费、办结）", case)
    sp.add_argument("case_no")
    sp.add_argument("--purpose", required=True, choices=[p.value for p in Purpose])
    sp.add_argument("--channel", default=NotifyChannel.PHONE.value, help="书面、电话、短信、上门")
    sp.add_argument("--result", default=NotifyResult.TOLD.value, help="已告知、未接通、无法联系")
    sp.add_argument("--person", help="被告知人（默认申请人本人）")
    sp.add_argument("--note")
    sp.add_argument("--wording", action="store_true", help="只打印短信/电话用语")
    add_correction_commands(case, add, need_station)
    hol = sub.add_parser("holidays", help="法定节假日安排").add_subparsers(dest="hol_cmd",
                                                                         required=True)
    sp = add("import", need_station(cmd_holidays_import), "导入某年放假安排（JSON）", hol)
    sp.add_argument("file")


def cmd_notice(args: argparse.Namespace, desk: Desk) -> int:
    """Issue (or reprint from the archive) a notice; write it and/or print it."""
    from ..domain.notices import NoticeKind
    from ..services.notices import parse_kind

    if args.case_no == "list":  # `notice list CASE_NO`
        if not args.listed:
            raise UserError("请给出办件编号：station-desk notice list 办件编号")
        return notice_list(args.listed, desk, args.json)
    if not args.kind:
        raise UserError("请用 --kind 指明告知书种类")
    kind = parse_kind(args.kind)
    if not args.out and args.print is None:
        raise UserError("请用 --out 文件.pdf 保存，或用 --print [打印机] 打印")
    if kind == NoticeKind.APPOINTMENT:  # the number given is an appointment's
        issued = desk.notices.issue_for_appointment(args.case_no)
    else:
        for question in desk.notices.check(args.case_no, kind):
            if not args.allow_incomplete:
                raise UserError(question + "确认要打印请加 --allow-incomplete")
        issue = desk.notices.reissue if args.reissue else desk.notices.issue
        issued = issue(args.case_no, kind, allow_incomplete=args.allow_incomplete)
    pdf = desk.notices.pdf(issued.notice)
    if args.out:
        out = Path(args.out)
        tmp = out.with_name(out.name + ".partial")
        try:
            tmp.write_bytes(pdf)
            tmp.replace(out)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UserError(f"无法写入 {out}：{os_message(exc)}") from None
    if args.print is not None:
        from ..ui.notices.printing import print_cli

        print_cli(pdf, args.print or None)
    result = {"notice_no": issued.notice.notice_no, "kind": kind.value,
              "sha256": issued.notice.sha256, "bytes": issued.notice.size,
              "reprint": issued.reprint, "issued_at": issued.notice.issued_at,
              "issued_by": issued.notice.issued_by, "out": args.out}
    if args.json:
        _print_json(result)
    else:
        what = "重印存档原件" if issued.reprint else "已出具并存档"
        print(f"{what}：{issued.notice.notice_no}（存档校验码 {issued.notice.sha256[:16]}…）")
    return 0


def add_notice_command(sub: Any, add: Any, need_station: Any) -> None:
    sp = add("notice", need_station(cmd_notice), "出具或重印告知书（存档原件）")
    sp.add_argument("case_no", help="办件编号（预约确认单用预约编号）；list：列出出具过的各版")
    sp.add_argument("listed", nargs="?", help=argparse.SUPPRESS)
    sp.add_argument("--reissue", action="store_true", help="更正后重新出具（存为新的一版）")
    sp.add_argument("--kind",
                    help="one-time|acceptance|supplement|rejection|entrust|receipt|appointment")
    sp.add_argument("--out", help="写出存档的 PDF")
    sp.add_argument("--print", nargs="?", const="", metavar="PRINTER",
                    help="送打印机（不写名称则用默认打印机）")
    sp.add_argument("--allow-incomplete", action="store_true",
                    help="事项要素不全时仍打印（空项印“要素不全”）")


def cmd_rules(args: argparse.Namespace, desk: Desk) -> int:
    pdf = desk.notices.rules_board(args.size)
    try:
        Path(args.out).write_bytes(pdf)
    except OSError as exc:
        raise UserError(f"无法写入 {args.out}：{os_message(exc)}") from None
    print(f"制度牌已写入：{args.out}")
    return 0


def add_rules_command(sub: Any, add: Any, need_station: Any) -> None:
    sp = add("rules", need_station(cmd_rules), "打印本站制度牌（村 3 个、镇 5 个）")
    sp.add_argument("--size", default="A4", help="A4 或 A3")
    sp.add_argument("--out", required=True)
