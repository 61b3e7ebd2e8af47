"""`station-desk retention list`: finished cases whose retention period has ended,
for the head to review (read only: nothing is deleted or changed)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ..domain.periods import parse_day
from ..services.desk import Desk
from ..services.retention import RetentionEnded
from .output import print_list

Handler = Callable[[argparse.Namespace, Desk], int]


def _line(r: RetentionEnded) -> str:
    filed = r.archive_no or "未归档"
    return (f"{r.case_no}\t{r.applicant}\t{r.item}\t{r.status}（{r.ended_on:%Y-%m-%d}）"
            f"\t保管期限 {r.retention.label}，{r.ends_on:%Y-%m-%d} 期满\t{filed}")


def cmd_retention_list(args: argparse.Namespace, desk: Desk) -> int:
    today = parse_day(args.today, "--today") if args.today else None
    rows = desk.retention.ended(today)
    if not args.json and not rows:
        print("没有保管期限已满的办件。")
    print_list(args, rows, RetentionEnded.as_json, _line)
    return 0


def add_retention_commands(sub: Any, add: Any,
                           need_station: Callable[[Handler], Handler]) -> None:
    group = sub.add_parser("retention", help="档案保管期限").add_subparsers(
        dest="retention_cmd", required=True)
    sp = add("list", need_station(cmd_retention_list),
             "保管期限已满、待站长审核的办件（只列出，不删除）", group)
    sp.add_argument("--today", help="按哪一天判断（YYYY-MM-DD，默认今天）")
