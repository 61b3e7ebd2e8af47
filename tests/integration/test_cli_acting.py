"""Who acts on the command line: `--as NAME` with the PIN from $STATION_DESK_PIN, the
same throttle as the window's, the audit naming the person, no PIN as an argument."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from cli import HEAD_PIN, PENSION_CLAIM_MATERIALS, Station, copy_of
from stdnum.cn import ric

from station_desk.cli import acting
from station_desk.cli.commands import build_parser
from station_desk.db import station_repo
from station_desk.domain.actor import Actor
from station_desk.domain.errors import UserError
from station_desk.services.desk import Desk

cli_commands = importlib.import_module("station_desk.cli.commands")  # where the handlers are

CLERK = ("李明", "111111")
ID_NUMBER = "61092219480312001" + ric.calc_check_digit("610922194803120010")


@pytest.fixture(scope="module")
def template(initialised: tuple[Station, dict[str, Any]],
             tmp_path_factory: pytest.TempPathFactory) -> Station:
    st = copy_of(initialised[0], tmp_path_factory.mktemp("acting"))
    st.ok("staff", "add", "--name", CLERK[0], "--role", "agent",
          env={"STATION_DESK_NEW_PIN": CLERK[1]})
    return st


@pytest.fixture
def st(template: Station, tmp_path: Path) -> Station:
    return copy_of(template, tmp_path)


@contextmanager
def archive(st: Station) -> Iterator[Desk]:
    desk = Desk.open(st.data)
    try:
        yield desk
    finally:
        desk.close()


def entry(name: str = "王秀英") -> dict[str, Any]:
    return {"item": "08-02", "channel": "来访", "first_ask": "李明",
            "applicant": {"name": name, "id_number": ID_NUMBER,
                          "phone": "13909151001"},
            "received": PENSION_CLAIM_MATERIALS}


def test_a_change_without_as_is_refused_and_nothing_is_written(st: Station) -> None:
    err = st.refused("case", "new", "-", stdin='{"item": "08-02"}', who=None)
    assert "--as" in err and "STATION_DESK_PIN" in err
    assert st.cases() == []
    for args in (("station", "set", "--phone", "0915-1"), ("complaint", "advance", "X",
                                                             "--text", "t")):
        assert "--as" in st.refused(*args, who=None)


def test_reading_needs_no_sign_in(st: Station) -> None:
    st.new(entry())
    assert len(st.cases(who=None)) == 1
    assert [s["name"] for s in st.json("staff", "list", who=None)] == ["王建国", "李明"]
    assert st.ok("deadline", "--from", "2026-11-02", "--days", "3", who=None)


def test_as_may_come_after_the_command_too(st: Station) -> None:
    made = st.json("case", "new", "-", "--as", CLERK[0], data=entry(), who=None,
                   env={"STATION_DESK_PIN": CLERK[1]})
    assert made["case_no"]


def test_the_audit_names_the_person_never_the_command_line(st: Station) -> None:
    [case] = st.new(entry())
    st.ok("case", "advance", case["case_no"], "--to", "办理中", who=CLERK)
    with archive(st) as desk:
        rows = desk.db.execute("SELECT actor_name, table_name, action FROM audit_log"
                               ).fetchall()
    assert not [r for r in rows if r[0] == "命令行"]
    assert ("王建国", "cases", "insert") in rows
    assert ("李明", "cases", "update") in rows


def test_no_pin_is_accepted_as_an_argument(st: Station, tmp_path: Path) -> None:
    fresh = Station(tmp_path / "fresh")
    wrong_usage = [
        fresh.run("init", "--kind", "village", "--code", "610922101201", "--name", "西沟村",
                  "--head", "王建国", "--head-pin", "123456"),
        st.run("staff", "add", "--name", "赵强", "--role", "clerk", "--pin", "123456"),
        st.run("staff", "set", "--name", "李明", "--reset-pin", "--pin", "123456"),
        st.run("--pin", "123456", "staff", "list"),
        st.run("case", "extend", "X", "--days", "1", "--reason", "r", "--approved-by", "王建国"),
        st.run("case", "notify", "X", "--purpose", "办结", "--by", "李明"),
    ]
    for result in wrong_usage:
        assert result.returncode == 2, result.args  # wrong usage: argparse refuses it
        assert "error:" in result.stderr
    assert not (tmp_path / "fresh" / "station").exists()


def test_no_terminal_and_no_pin_variable_is_refused_plainly(st: Station) -> None:
    err = st.refused("--as", "王建国", "case", "new", "-", stdin="{}", who=None)
    assert "没有终端" in err and "STATION_DESK_PIN" in err and "命令行上" in err


def test_the_heads_actions_need_the_heads_pin(st: Station, tmp_path: Path) -> None:
    assert "只能由站长" in st.refused("station", "set", "--phone", "0915-1", who=CLERK)
    assert "只能由站长" in st.refused("staff", "add", "--name", "赵强", "--role", "clerk",
                                     who=CLERK)
    assert "只能由站长" in st.refused("recovery", "print", "--out", str(tmp_path / "r.pdf"),
                                     who=CLERK)
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = st.json("backup", "--to", str(usb), who=CLERK)["path"]  # any staff member
    assert "只能由站长" in st.refused("restore", saved, "--yes", who=CLERK)
    assert "密码不对" in st.refused("station", "set", "--phone", "0915-1",
                                    who=("王建国", CLERK[1]))
    st.ok("station", "set", "--phone", "0915-6321234")  # the head with the head's PIN
    sheet = tmp_path / "sheet.pdf"
    st.ok("recovery", "print", "--out", str(sheet))
    assert sheet.read_bytes().startswith(b"%PDF")
    if os.name == "posix":  # the sheet holds the archive key: its owner's only
        assert stat.S_IMODE(sheet.stat().st_mode) == 0o600


def _misses(st: Station) -> list[str]:
    with archive(st) as desk:
        return [r[0] for r in desk.db.execute(
            "SELECT after FROM audit_log WHERE table_name = 'sign_in' "
            "AND action = 'pin_failed'").fetchall()]


@pytest.mark.end_to_end
def test_five_wrong_pins_throttle_and_the_pause_survives_a_new_process(st: Station) -> None:
    wrong = ("王建国", "999999")
    for n in range(1, 5):
        err = st.refused("case", "new", "-", stdin="{}", who=wrong)
        assert f"连续输错 {n} 次" in err and "重新输入" in err
    assert "30 秒后再试" in st.refused("case", "new", "-", stdin="{}", who=wrong)
    # a new program, the right PIN: still held up, and nothing done
    err = st.refused("case", "new", "-", stdin="{}", process=True)
    assert "已连续输错 5 次" in err and "秒后再试" in err
    assert st.cases(who=None) == []
    misses = _misses(st)
    assert len(misses) == 5 and all("命令行" in m for m in misses)
    with archive(st) as desk:  # the refused try is in the audit trail, PIN unchecked
        refused = desk.db.execute(
            "SELECT actor_name, after FROM audit_log WHERE table_name = 'sign_in' "
            "AND action = 'refused_in_pause'").fetchall()
    assert [(name, json.loads(after)["where"]) for name, after in refused] == [
        ("王建国", "命令行")]
    st.new(entry(), who=CLERK)  # another person is not held up


def test_a_four_digit_pin_must_be_changed_first(st: Station) -> None:
    with archive(st) as desk:
        person = desk.station.staff_named("李明")
        assert person is not None
        old = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("1111")
        station_repo.update_staff(desk.db, person.id, {"pin_hash": old}, Actor.system())
    short = ("李明", "1111")
    err = st.refused("case", "new", "-", stdin="{}", who=short)
    assert "不足 6 位" in err and "staff set --name 李明 --reset-pin" in err
    assert "至少 6 位" in st.refused("staff", "set", "--name", "李明", "--reset-pin", who=short,
                                    env={"STATION_DESK_NEW_PIN": "2222"})
    done = st.json("staff", "set", "--name", "李明", "--reset-pin", who=short,
                   env={"STATION_DESK_NEW_PIN": "246810"})
    assert done["done"] == ["密码已更换"]
    assert "密码不对" in st.refused("case", "new", "-", stdin="{}", who=short)
    assert st.new(entry(), who=("李明", "246810"))


def test_someone_added_without_a_pin_sets_it_at_the_first_sign_in(st: Station) -> None:
    added = st.json("staff", "add", "--name", "赵强", "--role", "clerk")
    assert added["has_pin"] is False
    err = st.refused("case", "new", "-", stdin="{}", who=("赵强", HEAD_PIN))
    assert "还没有设置密码" in err
    assert _misses(st) == []  # not a wrong PIN


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> Iterator[str]:
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        yield prefix.strip()
    for group in groups:
        for name, sub in group.choices.items():
            yield from _commands(sub, f"{prefix} {name}")


def test_every_read_only_command_exists_and_the_rest_need_a_sign_in() -> None:
    commands = set(_commands(build_parser())) | {"notice list"}  # `notice list CASE_NO`
    assert acting.READS_ONLY <= commands  # a renamed command does not slip out unsigned
    for name in commands - acting.READS_ONLY - acting.BEFORE_ANY_STAFF - {"notice list"}:
        args = argparse.Namespace(command=name.split()[0], command_name=name)
        assert acting.needs_sign_in(args), name


def test_init_without_a_pin_leaves_it_to_the_first_sign_in(tmp_path: Path) -> None:
    fresh = Station(tmp_path)
    made = fresh.run("init", "--kind", "village", "--code", "610922101201", "--name", "西沟村",
                     "--head", "王建国", env={"STATION_DESK_PIN": ""})
    assert made.returncode == 0 and "首次登录时设置" in made.stderr
    assert "还没有设置" in fresh.refused("station", "set", "--phone", "0915-1")


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_pin_is_asked_without_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.delenv(acting.PIN_VARIABLE, raising=False)
    monkeypatch.delenv(acting.NEW_PIN_VARIABLE, raising=False)
    acting.take_secrets_from_environment()  # none left from an earlier call
    monkeypatch.setattr(acting.sys, "stdin", _Terminal())
    monkeypatch.setattr(acting.getpass, "getpass", lambda prompt: asked.append(prompt) or "246810")
    assert acting.pin_of("李明") == "246810" and "李明" in asked[0]
    assert acting.new_pin("赵强", required=False) == "246810"  # asked twice, the same
    assert len(asked) == 3
    answers = iter(["246810", "246811"])
    monkeypatch.setattr(acting.getpass, "getpass", lambda _prompt: next(answers))
    with pytest.raises(UserError, match="不一样"):
        acting.new_pin("赵强", required=True)


_CHILD_SEES = ("import os; print(os.environ.get('STATION_DESK_PIN'), "
               "os.environ.get('STATION_DESK_NEW_PIN'))")


def test_a_child_process_never_inherits_the_pins(
        st: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    original = cli_commands.cmd_staff_add

    def add_then_start_a_child(args: argparse.Namespace, desk: Desk) -> int:
        done = original(args, desk)  # the PINs were read and used by now
        seen.append(subprocess.run([sys.executable, "-c", _CHILD_SEES], capture_output=True,
                                   text=True, check=True).stdout.strip())
        return done

    monkeypatch.setattr(cli_commands, "cmd_staff_add", add_then_start_a_child)
    st.ok("staff", "add", "--name", "赵强", "--role", "clerk",
          env={"STATION_DESK_NEW_PIN": "135790"})  # signed in by $STATION_DESK_PIN too
    assert seen == ["None None"]
    assert st.new(entry(), who=("赵强", "135790"))  # the new PIN was taken and works


def test_a_read_only_command_drops_the_pins_too(
        st: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    original = cli_commands.cmd_staff_list

    def list_and_look(args: argparse.Namespace, desk: Desk) -> int:
        seen.append(any(v in os.environ for v in (acting.PIN_VARIABLE,
                                                  acting.NEW_PIN_VARIABLE)))
        return original(args, desk)

    monkeypatch.setattr(cli_commands, "cmd_staff_list", list_and_look)
    st.ok("staff", "list", who=False,
          env={"STATION_DESK_PIN": HEAD_PIN, "STATION_DESK_NEW_PIN": "135790"})
    assert seen == [False]
