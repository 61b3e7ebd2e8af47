"""`station-desk keys …`, `export`, `verify`, `import`, `sync status`: the USB sync."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..domain.errors import UserError
from ..services.desk import Desk
from ..sync import ranges
from .output import print_json as _print_json

Handler = Callable[[argparse.Namespace, Desk], int]


def cmd_keys_export(args: argparse.Namespace, desk: Desk) -> int:
    path = desk.sync.export_identity(Path(args.out))
    identity = desk.sync.identity()
    if args.json:
        _print_json({"path": str(path), "code": identity.code, "name": identity.name,
                     "kind": identity.kind.value, "fingerprint": identity.fingerprint})
    else:
        print(f"身份文件已写入：{path}")
        print(f"本站指纹（请电话告知对方核对）：{identity.fingerprint}")
    return 0


def cmd_keys_new(args: argparse.Namespace, desk: Desk) -> int:
    keys = desk.sync.new_identity()
    if args.json:
        print(json.dumps({"fingerprint": keys.fingerprint}, ensure_ascii=False))
    else:
        print(f"已建立本站新身份。新指纹：{keys.fingerprint}\n请电话告知镇中心核对，"
              "并把新身份文件（keys export）交给对方，由对方用 "
              "keys trust --replace --fingerprint 新指纹 重新信任本站。")
    return 0


def cmd_keys_trust(args: argparse.Namespace, desk: Desk) -> int:
    if args.replace and not args.fingerprint:
        # a replaced key is how a stolen identity would arrive: only after a phone check
        raise UserError("替换对方密钥（--replace）必须同时给出电话核对过的指纹 --fingerprint，"
                        "例如 --fingerprint \"12345 67890 …\"")
    result = desk.sync.trust(Path(args.file), replace=args.replace, expect=args.fingerprint)
    p = result.peer
    if args.json:
        _print_json({"code": p.code, "name": p.name, "kind": p.kind,
                     "fingerprint": p.fingerprint, "replaced": result.replaced,
                     "already": result.already})
    else:
        what = ("已替换密钥并信任" if result.replaced
                else "早已信任" if result.already else "已信任")
        print(f"{what}：{p.name}（{p.code}）")
        print(f"指纹：{p.fingerprint}（请确认已与对方电话核对一致）")
    return 0


def cmd_keys_show(args: argparse.Namespace, desk: Desk) -> int:
    identity = desk.sync.identity()
    peers = desk.sync.peers()
    if args.json:
        _print_json({"code": identity.code, "name": identity.name,
                     "fingerprint": identity.fingerprint,
                     "trusted": [{"code": p.code, "name": p.name, "kind": p.kind,
                                  "fingerprint": p.fingerprint, "trusted_at": p.trusted_at}
                                 for p in peers]})
    else:
        print(f"{identity.name}（{identity.code}）指纹：{identity.fingerprint}")
        for p in peers:
            print(f"已信任\t{p.code}\t{p.name}\t{p.fingerprint}")
    return 0


def cmd_export(args: argparse.Namespace, desk: Desk) -> int:
    if args.full and args.again:
        raise UserError("--full 与 --again 只能选一个")
    result = desk.sync.export_to(Path(args.to), full=args.full, again=args.again,
                                 for_code=args.for_code)
    if args.json:
        _print_json(result.to_json())
    else:
        print(f"已导出并读回校验：{result.path}")
        print(f"交给 {result.to_name}，{ranges.label(result.seq_from, result.seq_to)}，"
              f"{result.records} 条记录，{result.blobs} 个附件。可以安全拔出U盘。")
        for note in result.notes:
            print("注意：" + note)
    return 0


def cmd_verify(args: argparse.Namespace, desk: Desk) -> int:
    info = desk.sync.verify(Path(args.bundle))
    if args.json:
        _print_json(info)
    elif not info["decrypted"]:
        print(f"{args.bundle}：{info['note']}")
    else:
        print(f"{args.bundle}：完整，签名属于 {info['station_name']}（{info['station']}），"
              f"{ranges.label(info['seq_from'], info['seq_to'])}，{info['records']} 条记录"
              + (f"；已于 {info['already_imported'][:16]} 导入过" if info["already_imported"]
                 else ""))
    return 0


def cmd_import(args: argparse.Namespace, desk: Desk) -> int:
    paths = [Path(p) for p in args.bundles]
    if len(paths) == 1:
        report = desk.sync.import_bundle(paths[0], dry_run=args.dry_run)
        if args.json:
            _print_json(report.to_json())
        else:
            print(report.text())
        return 0
    outcome = desk.sync.import_many(paths, dry_run=args.dry_run)
    if args.json:
        _print_json([r.to_json() for r in outcome.reports]
                    + [r.to_json() for r in outcome.refused])
    else:
        for r in outcome.reports:
            print(r.text())
            print()
    for refused in outcome.refused:
        sys.stderr.write(f"未导入 {refused.path.name}：{refused.message}\n")
    return 1 if outcome.refused else 0


def cmd_status(args: argparse.Namespace, desk: Desk) -> int:
    station = desk.station.current
    assert station is not None
    if station.kind.is_town:
        villages = desk.sync.villages()
        overdue = desk.sync.overdue_proxied()
        if args.json:
            _print_json({"villages": [v.to_json() for v in villages],
                         "overdue_proxied": [c.to_json() for c in overdue]})
            return 0
        for v in villages:
            print(f"{v.name}\t最近导入 {(v.last_import_at or '从未')[:16]}\t"
                  f"已收到 {v.received_text()}\t在办 {v.open_cases}\t"
                  f"代办逾期 {v.overdue_proxied}"
                  + (f"\t缺：{v.missing_text()}" if v.missing else ""))
        for c in overdue:
            print(f"逾期\t{c.case_no}\t{c.station_name}\t{c.applicant}\t{c.item}\t"
                  f"承诺 {c.deadline}\t逾期 {c.days_over} 个工作日")
        return 0
    pending = desk.sync.pending()
    exports = desk.sync.exports()
    if args.json:
        _print_json({
            "town": None if pending.peer is None else {
                "code": pending.peer.code, "name": pending.peer.name,
                "fingerprint": pending.peer.fingerprint},
            "pending": {"seq_from": pending.seq_from, "seq_to": pending.seq_to,
                        "count": pending.count},
            "exports": [{"bundle_id": e.record.id, "file": e.record.file_name,
                         "seq_from": e.record.seq_from, "seq_to": e.record.seq_to,
                         "created_at": e.record.created_at, "confirmed": e.confirmed,
                         "confirmed_at": e.confirmed_at} for e in exports]})
        return 0
    print(f"待导出：{ranges.label(pending.seq_from, pending.seq_to)}")
    for e in exports:
        state = "镇中心已确认收到" if e.confirmed else "尚未确认"
        print(f"{e.record.created_at[:16]}\t{ranges.label(e.record.seq_from, e.record.seq_to)}"
              f"\t{state}\t{e.record.file_name}")
    return 0


def add_sync_commands(sub: Any, add: Callable[..., argparse.ArgumentParser],
                      need_station: Callable[[Handler], Handler]) -> None:
    keys = sub.add_parser("keys", help="本站密钥与身份文件（与镇中心/村站交换一次）"
                          ).add_subparsers(dest="keys_cmd", required=True)
    sp = add("export", need_station(cmd_keys_export), "导出本站身份文件（只含公钥，交给对方）",
             keys)
    sp.add_argument("--out", required=True,
                    help="文件夹（如U盘，写入 identity-<站点编码>.json）或以 .json 结尾的文件名")
    sp = add("trust", need_station(cmd_keys_trust), "信任对方站点的身份文件（站长）", keys)
    sp.add_argument("file")
    sp.add_argument("--fingerprint", help="电话核对过的指纹；与文件不符则拒绝")
    sp.add_argument("--replace", action="store_true", help="对方更换了密钥：替换原有信任")
    add("show", need_station(cmd_keys_show), "显示本站指纹和已信任的站点", keys)
    add("new", need_station(cmd_keys_new), "本站密钥丢失后建立新身份（站长；镇中心须重新信任）",
        keys)

    sp = add("export", need_station(cmd_export), "导出同步包到U盘（加密、签名）")
    sp.add_argument("--to", required=True, help="U盘或文件夹")
    sp.add_argument("--full", action="store_true", help="全部导出（不只是新变更）")
    sp.add_argument("--again", action="store_true", help="重新导出上一次的范围")
    sp.add_argument("--for", dest="for_code", help="镇中心：回传给哪个村（社区）站（站点编码）")

    sp = add("verify", need_station(cmd_verify), "校验同步包的完整性和来源（不导入）")
    sp.add_argument("bundle")

    sp = add("import", need_station(cmd_import), "导入同步包（每个包全部导入或全部不导入）")
    sp.add_argument("bundles", nargs="+", metavar="BUNDLE")
    sp.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")

    sync = sub.add_parser("sync", help="同步状态").add_subparsers(dest="sync_cmd",
                                                                  required=True)
    add("status", need_station(cmd_status), "镇中心：各村导入情况和逾期代办件；村站：导出与确认",
        sync)
