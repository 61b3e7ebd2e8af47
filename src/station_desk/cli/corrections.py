"""`station-desk case edit|receive|history`, `notice list`: correcting a case."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from ..domain.cases import Channel
from ..domain.catalogue import CaseType
from ..domain.errors import UserError
from ..domain.idnumber import mask_id_numbers_in
from ..schemas.inputs import CaseEditIn
from ..schemas.inputs import read_input as read_schema
from ..services.corrections import CaseCorrection
from ..services.desk import Desk
from ..services.intake import InvalidCase
from .full_numbers import record_numbers_given_out
from .inputs import read_input
from .output import print_json as _print_json

ID_NUMBER_FIELD = "applicant.id_number"  # a correction's before/after: full numbers


def _enum(kind: type[Channel] | type[CaseType], text: str | None, what: str) -> Any:
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError:
        raise UserError(f"{what}“{text}”不认识：可用 " + "、".join(k.value for k in kind),
                        field=what) from None


def cmd_case_edit(args: argparse.Namespace, desk: Desk) -> int:
    data: CaseEditIn = read_schema(read_input(args.file), CaseEditIn, "更正")
    fields = {k: v for k, v in data.applicant.model_dump().items() if v is not None}
    correction = CaseCorrection(
        reason=data.reason, applicant=fields, item=data.item,
        case_type=_enum(CaseType, data.case_type, "办件类型"),
        channel=_enum(Channel, data.channel, "来源渠道"))
    try:
        changes = desk.corrections.edit(args.case_no, correction)
    except InvalidCase as exc:
        raise UserError(exc.message) from None
    rows = [{"field": c.field, "before": c.before, "after": c.after} for c in changes]
    if args.json:
        if any(r["field"] == ID_NUMBER_FIELD for r in rows):
            record_numbers_given_out(args, desk, [args.case_no])
        _print_json({"case_no": args.case_no, "changes": rows})
    elif rows:
        for c in changes:  # text for a person: ID numbers masked
            print(f"已更正{c.label}：{mask_id_numbers_in(c.before)} → "
                  f"{mask_id_numbers_in(c.after)}")
    else:
        print("内容与原来相同，没有更正")
    return 0


def cmd_case_receive(args: argparse.Namespace, desk: Desk) -> int:
    try:
        at = datetime.fromisoformat(args.at) if args.at else None
    except ValueError:
        raise UserError(f"收到时间“{args.at}”格式不对：应为 2026-11-30T09:30",
                        field="at") from None
    case = desk.corrections.receive(args.case_no, args.material, at)
    out = {"case_no": case.case_no, "status": case.status.value, "missing": case.missing}
    if args.json:
        _print_json(out)
    else:
        print(f"已收材料。状态：{case.status.value}"
              + (f"；还缺：{'、'.join(case.missing)}" if case.missing else ""))
    return 0


def cmd_case_history(args: argparse.Namespace, desk: Desk) -> int:
    rows = desk.corrections.history(args.case_no)
    if args.json:
        if any(r["field"] == ID_NUMBER_FIELD for r in rows):
            record_numbers_given_out(args, desk, [args.case_no])
        _print_json(rows)
    else:
        for r in rows:
            # text for a person: ID numbers masked (--json keeps them, CLI.md)
            print(f"{r['at'][:16]}\t{r['who']}\t{r['field']}\t"
                  f"{mask_id_numbers_in(r['before'])} → {mask_id_numbers_in(r['after'])}"
                  f"\t{r['reason']}")
    return 0


def notice_list(case_no: str, desk: Desk, as_json: bool) -> int:
    rows = [{"notice_no": n.notice_no, "kind": n.kind, "version": v, "at": n.issued_at,
             "who": n.issued_by, "sha256": n.sha256}
            for n, v in desk.notices.versions(case_no)]
    if as_json:
        _print_json(rows)
    else:
        for n, v in desk.notices.versions(case_no):
            print(f"{n.notice_no}\t{n.kind}\t第 {v} 版\t{n.issued_at[:16]}\t{n.issued_by}")
    return 0


def add_correction_commands(case: Any, add: Any, need_station: Any) -> None:
    sp = add("edit", need_station(cmd_case_edit), "更正办件登记内容（须写原因）", case)
    sp.add_argument("case_no")
    sp.add_argument("file", nargs="?", default="-", help="JSON 文件，- 为标准输入")
    sp = add("receive", need_station(cmd_case_receive), "收到补正材料（可只收一部分）", case)
    sp.add_argument("case_no")
    sp.add_argument("--material", action="append", required=True, help="收到的材料名称")
    sp.add_argument("--at", help="收到时间（默认现在）")
    sp = add("history", need_station(cmd_case_history), "更正记录", case)
    sp.add_argument("case_no")
