"""The commands of `station-desk` (cli/main.py sends everything but the window here).

Exit status: 0 done; 1 refused (Chinese message on stderr); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import __version__, paths
from ..domain.catalogue import CatalogueItem
from ..domain.errors import OtherStationBackup, UserError
from ..domain.pin import RULE_TEXT
from ..domain.station import default_station_name, parse_kind, parse_role
from ..services.backups import restore_closed_archive
from ..services.data_home import prepare_default_folder
from ..services.demo import DEMO_PINS, make_demo
from ..services.desk import Desk
from ..services.errors import explain_failure
from ..services.station import StaffInput
from ..services.store import archive_file
from . import acting
from .cases import add_commands, add_notice_command, add_rules_command, cmd_deadline
from .devices import add_device_commands
from .output import print_json as _print_json
from .recovery import add_recovery_commands
from .retention import add_retention_commands
from .service import add_report_command, add_service_commands
from .station import add_station_commands
from .sync import add_sync_commands
from .town import add_town_commands

Handler = Callable[[argparse.Namespace, Desk], int]
CREATES_STATION = {"init", "demo"}
WORKS_WITHOUT_STATION = {"deadline", "idcard"}  # their folder may not exist yet


def say_upgrade_once() -> Callable[[int, int], None]:
    """One line on stderr when a new version copies the archive aside before
    migrating it (minutes at a town), so a script's operator knows it is working."""
    said = False

    def say(done: int, total: int) -> None:
        nonlocal said
        if not said:
            sys.stderr.write("新版本程序第一次打开数据文件：正在留一份副本再升级，数据多时需要几分钟…\n")
            said = True
    return say


def _item_json(item: CatalogueItem) -> dict[str, Any]:
    return {**item.to_dict(), "status": item.status_label,
            "missing_elements": item.missing_elements()}


def cmd_init(args: argparse.Namespace, desk: Desk) -> int:
    kind = parse_kind(args.kind)
    station = desk.station.setup(
        kind=kind, code=args.code, name=default_station_name(kind, args.name),
        town_code=args.town_code or "", town_name=args.town_name or "",
        address=args.address or "", phone=args.phone or "",
        staff=[StaffInput(args.head, parse_role("head"), _first_head_pin(args.head))],
    )
    if args.json:
        _print_json({"station": station.name, "code": station.code, "kind": station.kind.value,
                     "windows": [w.name for w in desk.station.windows()],
                     "catalogue_items": len(desk.catalogue.items())})
    else:
        print(f"已设置：{station.name}（{station.kind.label}），窗口："
              + "、".join(w.name for w in desk.station.windows()))
    return 0


def _first_head_pin(head: str) -> str | None:
    """$STATION_DESK_PIN, else typed twice; with neither the head sets it at the
    first sign-in in the window."""
    pin = acting.given_pin()
    if pin:
        return pin
    if not (sys.stdin is not None and sys.stdin.isatty()):
        sys.stderr.write(f"注意：没有给出站长 {head} 的密码（环境变量 {acting.PIN_VARIABLE}），"
                         "请在窗口首次登录时设置。\n")
        return None
    return acting.typed_secret(f"站长 {head} 的密码（{RULE_TEXT}）：", "", twice=True)


def cmd_staff_add(args: argparse.Namespace, desk: Desk) -> int:
    pin = acting.new_pin(args.name, required=False)
    staff = desk.station.add_staff(StaffInput(args.name, parse_role(args.role), pin,
                                              args.window, args.phone or "",
                                              args.training_date))
    if args.json:
        _print_json({"id": staff.id, "name": staff.name, "role": staff.role.value,
                     "has_pin": staff.has_pin})
    else:
        print(f"已添加{staff.role.label}：{staff.name}"
              + ("" if staff.has_pin else "（密码由本人首次在窗口登录时设置）"))
    return 0


def cmd_staff_list(args: argparse.Namespace, desk: Desk) -> int:
    windows = {w.id: w.name for w in desk.station.windows()}
    rows = [{"id": s.id, "name": s.name, "role": s.role.value, "role_label": s.role.label,
             "window": windows.get(s.window_id or ""), "training_date": s.training_date}
            for s in desk.station.staff()]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['name']}\t{r['role_label']}\t{r['window'] or '未分配窗口'}")
    return 0


def cmd_demo(args: argparse.Namespace, desk: Desk) -> int:
    existing = desk.station.current
    if existing is not None:  # never mix made-up cases into a real archive
        raise UserError(f"数据目录 {desk.data_dir} 里的站点（{existing.name}）已经设置过，"
                        "演示数据不会写进去。请用一个新的文件夹："
                        "station-desk --data-dir 新文件夹 demo")
    station = make_demo(desk)
    print(f"已建立演示站点：{station.name}（数据目录 {desk.data_dir}）")
    print("演示账号（姓名 / 密码）：" + "，".join(f"{n} / {p}" for n, p in DEMO_PINS.items()))
    return 0


def cmd_catalogue_list(args: argparse.Namespace, desk: Desk) -> int:
    return _show_items(args, desk.catalogue.items())


def cmd_catalogue_find(args: argparse.Namespace, desk: Desk) -> int:
    return _show_items(args, desk.catalogue.find_items(args.text))


def _show_items(args: argparse.Namespace, items: list[CatalogueItem]) -> int:
    if args.json:
        _print_json([_item_json(i) for i in items])
    else:
        for i in items:
            limit = "当场办结" if i.time_limit_days == 0 else f"{i.time_limit_days}个工作日"
            print(f"{i.code}\t{i.category}\t{i.name}\t{i.case_type.value}\t{limit}\t"
                  f"{i.status_label}")
    return 0


def cmd_backup(args: argparse.Namespace, desk: Desk) -> int:
    path = desk.backups.backup_to(Path(args.to))
    if args.json:
        _print_json({"path": str(path)})
    else:
        print(f"备份已写入并校验：{path}")
    return 0


def cmd_deadline_anywhere(args: argparse.Namespace, desk: Desk) -> int:
    """Works without a station too (built-in calendar only)."""
    return cmd_deadline(args, desk if desk.station.is_set_up else None)


def _need_station(handler: Handler) -> Handler:
    def run(args: argparse.Namespace, desk: Desk) -> int:
        if not desk.station.is_set_up:
            raise UserError(f"数据目录 {desk.data_dir} 里还没有设置站点。"
                            "请先运行 station-desk init（或 station-desk demo）")
        return handler(args, desk)
    return run


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="station-desk",
                                description="便民服务站办件台账（不带命令时打开窗口）")
    p.add_argument("--version", action="version", version=f"station-desk {__version__}")
    p.add_argument("--data-dir", help="数据目录（默认 $STATION_DESK_HOME 或系统用户数据目录）")
    acting.add_as_option(p, top=True)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str,
            parent: Any = sub) -> argparse.ArgumentParser:
        sp: argparse.ArgumentParser = parent.add_parser(name, help=help_text)
        sp.add_argument("--json", action="store_true", help="输出 JSON")
        acting.add_as_option(sp)
        sp.set_defaults(handler=handler, command_name=sp.prog.split(" ", 1)[1])
        return sp

    sp = add("init", cmd_init, "首次设置本站")
    sp.add_argument("--kind", required=True, help="village|community|town1|town2")
    sp.add_argument("--code", required=True, help="12 位站点编码")
    sp.add_argument("--name", required=True, help="站点名称，如 西沟村")
    sp.add_argument("--town-code", help="所属镇中心编码")
    sp.add_argument("--town-name", help="所属镇中心名称")
    sp.add_argument("--address")
    sp.add_argument("--phone")
    sp.add_argument("--head", required=True, help="站长（中心主任）姓名")

    staff = sub.add_parser("staff", help="工作人员").add_subparsers(dest="staff_cmd",
                                                                 required=True)
    sp = add("add", _need_station(cmd_staff_add), "添加工作人员", staff)
    sp.add_argument("--name", required=True)
    sp.add_argument("--role", required=True, help="head|agent|clerk")
    sp.add_argument("--window", help="窗口名称")
    sp.add_argument("--phone")
    sp.add_argument("--training-date", help="培训日期 YYYY-MM-DD")
    add("list", _need_station(cmd_staff_list), "列出工作人员", staff)
    add_station_commands(sub, add, _need_station, staff)

    add("demo", cmd_demo, "建立演示站点")

    cat = sub.add_parser("catalogue", help="事项目录").add_subparsers(dest="cat_cmd",
                                                                  required=True)
    add("list", _need_station(cmd_catalogue_list), "列出全部事项", cat)
    sp = add("find", _need_station(cmd_catalogue_find), "按中文或拼音首字母查找", cat)
    sp.add_argument("text")

    sp = add("backup", _need_station(cmd_backup), "备份到指定文件夹（如U盘）")
    sp.add_argument("--to", required=True)

    add_commands(sub, add, _need_station)
    add_notice_command(sub, add, _need_station)
    add_sync_commands(sub, add, _need_station)
    add_town_commands(sub, add, _need_station)
    add_rules_command(sub, add, _need_station)
    add_service_commands(sub, add, _need_station)
    add_report_command(sub, add, _need_station)
    add_recovery_commands(sub, add)
    add_retention_commands(sub, add, _need_station)
    add_device_commands(sub, add)
    sp = add("deadline", cmd_deadline_anywhere, "按工作日计算承诺办结日期")
    sp.add_argument("--from", dest="start", required=True, help="收件日期 YYYY-MM-DD")
    sp.add_argument("--days", type=int, required=True, help="承诺时限（工作日）")

    sp = sub.add_parser("restore", help="从备份恢复（当前文件先另存；站长）")
    acting.add_as_option(sp)
    sp.add_argument("file")
    sp.add_argument("--yes", action="store_true", help="不再确认")
    sp.add_argument("--other-station", action="store_true",
                    help="确认恢复另一个站点的备份（备份里的站点编码与本站不同）")
    sp.add_argument("--recovery-code", metavar="CODE",
                    help="恢复单上的恢复码：在丢了本站密钥的新电脑（新的数据目录）上打开备份")
    return p


def _confirmed(question: str) -> bool:
    answer = input(question + " 输入 yes 确认：")
    return answer.strip().lower() == "yes"


def check_restorer(args: argparse.Namespace, data_dir: Path) -> None:
    """Replacing a station's archive is the head's: signed in against the archive
    that is there now. A new PC (no archive yet) or one whose archive no longer opens
    has only the recovery code, which is the head's sheet from the cabinet."""
    if not archive_file(data_dir).exists():
        return
    try:
        desk = Desk.open(data_dir, program="命令行 restore")
    except UserError:
        if args.recovery_code:
            return
        raise
    try:
        if desk.station.is_set_up:
            acting.sign_in(args, desk)
            desk.session.require_head("从备份恢复")
    finally:
        desk.close()


def cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    interactive = bool(sys.stdin) and sys.stdin.isatty()
    if not args.yes and not interactive:
        raise UserError("恢复会替换当前数据文件；非交互运行时请加 --yes 确认")
    check_restorer(args, data_dir)
    if not args.yes and not _confirmed(
            f"用 {args.file} 替换 {data_dir} 里的数据文件？当前文件会先另存。"):
        print("已取消")
        return 1
    other = args.other_station
    while True:
        try:
            restored = restore_closed_archive(data_dir, Path(args.file), other_station=other,
                                              code=args.recovery_code)
            break
        except OtherStationBackup as exc:
            if other or not interactive:
                raise UserError(exc.message + "（命令行请加 --other-station 确认）") from None
            if not _confirmed(exc.message):
                print("已取消")
                return 1
            other = True
    aside = restored.aside
    print(f"已恢复。原数据文件另存为：{aside}" if aside.exists() else "已恢复。")
    if restored.scan_issues:
        print(restored.scan_message(), file=sys.stderr)
    return 0


def check_named_folder(args: argparse.Namespace, data_dir: Path) -> None:
    """A mistyped `--data-dir` must not quietly start an empty archive."""
    exempt = CREATES_STATION | WORKS_WITHOUT_STATION
    if args.data_dir and args.command not in exempt and not data_dir.is_dir():
        raise UserError(f"数据目录 {data_dir} 不存在，请检查 --data-dir 的路径。"
                        "新站点请先运行 station-desk init（或 demo）")


def run(argv: Sequence[str]) -> int:
    """One command (or the window, when argv names none after all, e.g. `--as X`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = paths.data_dir(args.data_dir)
    if args.command is None:
        from ..ui.app import run_window

        return run_window(data_dir, lambda: prepare_default_folder(data_dir))
    try:
        notice = prepare_default_folder(data_dir)
        if notice:
            sys.stderr.write(notice + "\n")
        if args.command == "deadline" and not data_dir.is_dir():
            return cmd_deadline(args, None)  # the built-in calendar; no archive made
        if args.command == "restore" and args.recovery_code:
            data_dir.mkdir(parents=True, exist_ok=True)  # a new PC: the folder is made here
        check_named_folder(args, data_dir)
        if args.command == "restore":
            return cmd_restore(args, data_dir)
        desk = Desk.open(data_dir, program=f"命令行 {args.command}",
                         upgrade_progress=say_upgrade_once())
        if desk.tamper_warning:
            sys.stderr.write("警告：" + desk.tamper_warning + "\n")
        try:
            acting.sign_in(args, desk)
            result: int = args.handler(args, desk)
            return result
        finally:
            desk.close()
    except UserError as exc:
        sys.stderr.write(exc.message + "\n")
        return 1
    except Exception as exc:  # a disk full at COMMIT, a pulled stick: said plainly
        known = explain_failure(exc)
        if known is None:
            raise
        sys.stderr.write(known.message + "\n")
        return 1
