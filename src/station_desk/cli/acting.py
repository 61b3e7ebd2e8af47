"""Who acts on the command line: `--as NAME`, with the PIN from $STATION_DESK_PIN or
typed on the terminal, never as an argument (the process list and the shell history
would show it). The same sign-in as the window's: throttled, audited, and a PIN
from before the 6-digit rule must be replaced before anything else is done."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from ..domain.errors import UserError
from ..domain.pin import RULE_TEXT
from ..services.desk import Desk

PIN_VARIABLE = "STATION_DESK_PIN"
NEW_PIN_VARIABLE = "STATION_DESK_NEW_PIN"
AS_HELP = "操作人（工作人员姓名）；密码取自环境变量 STATION_DESK_PIN，否则在终端输入"

# They only show or compute: no sign-in (../CLI.md "Who acts"). Every other command
# changes records or takes personal data away, so a command added later needs a
# sign-in until it is listed here.
READS_ONLY = frozenset({
    "staff list", "station show", "catalogue list", "catalogue find",
    "case show", "case list", "case history", "notice list", "keys show", "keys export",
    "verify", "sync status", "town villages", "town duplicates", "town board",
    "town ledger", "rules", "appt list", "after-hours list", "complaint list", "report",
    "idcard read", "deadline", "retention list",
})
# they make the station and its first staff: nobody exists yet to sign in
BEFORE_ANY_STAFF = frozenset({"init", "demo"})

# the PINs given in the environment, taken out of it when the command starts
_taken: dict[str, str] = {}


def take_secrets_from_environment() -> None:
    """First thing main() does: $STATION_DESK_PIN and $STATION_DESK_NEW_PIN leave the
    process environment, so no child process (a printer driver, a PDF viewer, a
    shell) inherits them; the command reads them from here."""
    _taken.clear()
    for variable in (PIN_VARIABLE, NEW_PIN_VARIABLE):
        value = os.environ.pop(variable, None)
        if value:
            _taken[variable] = value


def given_pin() -> str | None:
    """$STATION_DESK_PIN as the command was started with it."""
    return _taken.get(PIN_VARIABLE)


def add_as_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """`--as` before the command or after it; after it must not hide the one before."""
    parser.add_argument("--as", dest="acting", metavar="NAME", help=AS_HELP,
                        default=None if top else argparse.SUPPRESS)


def command_name(args: argparse.Namespace) -> str:
    name: str = getattr(args, "command_name", None) or args.command or ""
    if name == "notice" and getattr(args, "case_no", None) == "list":
        return "notice list"
    return name


def needs_sign_in(args: argparse.Namespace) -> bool:
    name = command_name(args)
    if name in READS_ONLY or name in BEFORE_ANY_STAFF:
        return False
    if name == "case notify" and getattr(args, "wording", False):
        return False  # only prints the words to say
    return not (name == "import" and getattr(args, "dry_run", False))


def typed_secret(prompt: str, refusal: str, *, twice: bool = False) -> str:
    """Asked on the terminal without echo; with no terminal, `refusal`."""
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise UserError(refusal)
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("再输一遍：") != first:
        raise UserError("两次输入的密码不一样，什么也没有改")
    return first


def pin_of(name: str) -> str:
    return given_pin() or typed_secret(
        f"{name} 的密码：",
        f"没有终端可以输入密码：请在环境变量 {PIN_VARIABLE} 中给出 {name} 的密码"
        f"（密码不能写在命令行上）")


def new_pin(whose: str, *, required: bool) -> str | None:
    """A PIN being set for someone: $STATION_DESK_NEW_PIN, else typed twice; None when
    not `required` and there is no terminal (set at the first sign-in then)."""
    given = _taken.get(NEW_PIN_VARIABLE)
    if given:
        return given
    if not required and not (sys.stdin is not None and sys.stdin.isatty()):
        return None
    return typed_secret(f"{whose} 的新密码（{RULE_TEXT}）：",
                        f"请在环境变量 {NEW_PIN_VARIABLE} 中给出新密码（{RULE_TEXT}）",
                        twice=True)


def changes_own_pin(args: argparse.Namespace, name: str) -> bool:
    """`staff set --name SELF --reset-pin` and nothing else: the way out of a short PIN."""
    return (command_name(args) == "staff set" and args.name.strip() == name.strip()
            and args.reset_pin and not args.retire
            and (args.role, args.window, args.training_date, args.phone) == (None,) * 4)


def sign_in(args: argparse.Namespace, desk: Desk) -> None:
    """Before the command runs: the acting person signed in, or a refusal."""
    desk.session.sign_in_required = True
    if not desk.station.is_set_up:
        return  # no staff yet: init or demo, or the command's own "set up first" refusal
    name: str | None = getattr(args, "acting", None)
    if name is None:
        if needs_sign_in(args):
            raise UserError(f"“{command_name(args)}”会修改台账，须写明是谁在操作："
                            f"请加 --as 您的姓名（密码取自环境变量 {PIN_VARIABLE}，"
                            "或在终端输入）")
        return
    if command_name(args) in BEFORE_ANY_STAFF:
        return  # demo refuses a set-up folder itself
    desk.session.sign_in(name, pin_of(name), where="命令行")
    if desk.session.pin_change_due and not changes_own_pin(args, name):
        raise UserError(
            f"{name} 的密码不足 6 位，须先换一个新的密码（{RULE_TEXT}），这次什么也没有改。"
            f"请运行：station-desk --as {name} staff set --name {name} --reset-pin"
            f"（新密码取自环境变量 {NEW_PIN_VARIABLE}，或在终端输入两遍），"
            "或在窗口登录时按提示修改")
