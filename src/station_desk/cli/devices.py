"""`station-desk idcard read`: one card from the reader, for scripts and checks."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..devices import config
from ..devices.readers import open_reader
from ..domain.idnumber import mask_id_number
from ..services.desk import Desk


def cmd_idcard_read(args: argparse.Namespace, desk: Desk) -> int:
    url = args.reader or config.load(desk.data_dir).reader
    card = open_reader(url).read()
    if args.json:
        sys.stdout.write(json.dumps(card.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        print(f"{card.name}　{card.sex}　{card.nation}族　出生 {card.birth:%Y-%m-%d}\n"
              f"公民身份号码 {mask_id_number(card.id_number)}（--json 给出完整号码）\n"
              f"住址 {card.address}\n"
              f"签发机关 {card.issuer}　有效期限 {card.validity_text()}")
    return 0


def add_device_commands(sub: Any, add: Any) -> None:
    idcard = sub.add_parser("idcard", help="身份证读卡器").add_subparsers(
        dest="idcard_cmd", required=True)
    sp = add("read", cmd_idcard_read, "读一张身份证（不需要先设置站点）", idcard)
    sp.add_argument("--reader", help="读卡器地址：http://127.0.0.1:端口（读卡服务）或 "
                                     "serial:COM3 / socket://…（串口）；默认用设置里的")
