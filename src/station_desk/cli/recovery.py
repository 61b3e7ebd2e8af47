"""`recovery print`: the station's recovery sheet (head only)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..domain.errors import UserError, os_message
from ..services.desk import Desk
from . import acting


def cmd_recovery_print(args: argparse.Namespace, desk: Desk) -> int:
    code = desk.backups.recovery_code()
    try:
        desk.recovery.write_sheet(Path(args.out))
    except OSError as exc:
        raise UserError(f"无法写入 {args.out}：{os_message(exc)}") from None
    if args.json:
        print(json.dumps({"code": code, "out": args.out}, ensure_ascii=False))
    else:
        print(f"恢复单已写入：{args.out}。打印一份存档案柜后，请删除这个 PDF 文件。")
    return 0


def add_recovery_commands(sub: Any, add: Any) -> None:
    group = sub.add_parser("recovery", help="数据恢复单（站长）")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    sp = actions.add_parser("print", help="写出本站的恢复单 PDF（打印一份存档案柜）")
    sp.set_defaults(handler=cmd_recovery_print, command_name="recovery print")
    acting.add_as_option(sp)
    sp.add_argument("--out", required=True, help="写出的 PDF 文件")
    sp.add_argument("--json", action="store_true",
                    help="同时输出 {\"code\": ...}（给县里的维护人员）")
