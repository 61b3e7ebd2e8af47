"""`station-desk retention list|decide`: finished cases whose retention period has
ended, and the head's decision on them (继续保存 or 同意销毁; nothing is deleted)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from ..domain.errors import UserError
from ..domain.periods import parse_day
from ..domain.retention import Review, Verdict
from ..services.desk import Desk
from ..services.retention import RetentionEnded
from .output import print_json, print_list

Handler = Callable[[argparse.Namespace, Desk], int]


def _line(r: RetentionEnded) -> str:
    filed = r.archive_no or "未归档"
    review = r.review.value
    if r.decision is not None and r.review != Review.PENDING:
        review = (f"{r.decision.text()}（{r.decision.decided_by} "
                  f"{r.decision.decided_at:%Y-%m-%d}：{r.decision.reason}）")
    return (f"{r.case_no}\t{r.applicant}\t{r.item}\t{r.status}（{r.ended_on:%Y-%m-%d}）"
            f"\t保管期限 {r.retention.label}，{r.ends_on:%Y-%m-%d} 期满\t{filed}\t{review}")


def cmd_retention_list(args: argparse.Namespace, desk: Desk) -> int:
    today = parse_day(args.today, "--today") if args.today else None
    rows = desk.retention.ended(today)
    if not args.json and not rows:
        print("没有保管期限已满的办件。")
    print_list(args, rows, RetentionEnded.as_json, _line)
    return 0


def cmd_retention_decide(args: argparse.Namespace, desk: Desk) -> int:
    if not (args.destroy or args.keep_years is not None or args.keep_until is not None):
        raise UserError("请写明决定：--keep-years N（再保存 N 年）、--keep-until YYYY"
                        "（保存到某年）或 --destroy（同意销毁）")
    verdict = Verdict.DESTROY if args.destroy else Verdict.KEEP
    done = desk.retention.decide(args.case_no, verdict, args.reason or "",
                                 keep_years=args.keep_years, keep_until=args.keep_until)
    if args.json:
        print_json([r.as_json() for r in done])
        return 0
    for r in done:
        assert r.decision is not None
        print(f"已记录：{r.case_no} {r.decision.text()}（{r.decision.reason}）")
    return 0


def add_retention_commands(sub: Any, add: Any,
                           need_station: Callable[[Handler], Handler]) -> None:
    group = sub.add_parser("retention", help="档案保管期限").add_subparsers(
        dest="retention_cmd", required=True)
    sp = add("list", need_station(cmd_retention_list),
             "保管期限已满的办件及站长审核情况（只列出，不删除）", group)
    sp.add_argument("--today", help="按哪一天判断（YYYY-MM-DD，默认今天）")
    sp = add("decide", need_station(cmd_retention_decide),
             "站长审核保管期限已满的办件：继续保存或同意销毁（不删除任何记录）", group)
    sp.add_argument("case_no", nargs="+", help="办件编号（可写多个）")
    choice = sp.add_mutually_exclusive_group()
    choice.add_argument("--keep-years", type=int, metavar="N", help="继续保存：从今年起再保存 N 年")
    choice.add_argument("--keep-until", type=int, metavar="YYYY", help="继续保存：保存到 YYYY 年底")
    choice.add_argument("--destroy", action="store_true",
                        help="同意销毁（记入销毁登记；纸质档案按规定报批后销毁）")
    sp.add_argument("--reason", help="审核意见（必填）")
