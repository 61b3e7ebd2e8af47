"""`station-desk init / staff / catalogue / demo / backup / restore`: exit status
0 done, 1 refused (Chinese on stderr), 2 wrong usage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli import VILLAGE_INIT as INIT
from cli import Station
from tests.keyed import raw

from station_desk.paths import resource

ITEM_KEYS = {"code", "category", "name", "case_type", "time_limit_days", "materials"}
MATERIAL_KEYS = {"name", "originals", "copies", "note"}


def shipped_items() -> int:
    return len(json.loads(resource("catalogue", "catalogue.json").read_text("utf-8"))["items"])


def station_rows(cli: Station) -> int:
    conn = raw(cli.data / "archive.db")
    try:
        return int(conn.execute("SELECT COUNT(*) FROM station").fetchone()[0])
    finally:
        conn.close()


# -- init -------------------------------------------------------------------------

def test_init_sets_up_a_village(initialised: tuple[Station, dict[str, Any]]) -> None:
    _, result = initialised
    assert result["station"] == "西沟村便民服务站"
    assert result["code"] == "610922101201"
    assert result["kind"] == "village"
    assert result["windows"] == ["综合窗口", "帮办代办窗口"]
    assert result["catalogue_items"] == shipped_items()
    assert result["catalogue_items"] >= 60


def test_second_init_is_refused(station: Station) -> None:
    err = station.refused(*INIT[:-2], "--head", "李四", "--json")
    assert "已经设置过" in err
    staff = station.json("staff", "list")
    assert [s["name"] for s in staff] == ["王建国"]


def test_init_with_a_bad_code_writes_no_station(tmp_path: Path) -> None:
    cli = Station(tmp_path)
    args = list(INIT)
    args[args.index("610922101201")] = "12345"
    err = cli.refused(*args)
    assert "站点编码" in err and "12345" in err
    if (cli.data / "archive.db").exists():
        assert station_rows(cli) == 0
    err = cli.refused("catalogue", "list")
    assert "还没有设置站点" in err


@pytest.mark.end_to_end
def test_bad_usage_exits_2(tmp_path: Path) -> None:
    cli = Station(tmp_path)
    args = [a for a in INIT if a not in ("--kind", "village")]
    for process in (True, False):
        done = cli.run(*args, process=process)
        assert done.returncode == 2
        assert "--kind" in done.stderr
        assert not (cli.data / "archive.db").exists()
    assert cli.run("staff").returncode == 2          # sub-command missing


def test_unknown_kind_is_refused(tmp_path: Path) -> None:
    cli = Station(tmp_path)
    args = list(INIT)
    args[args.index("village")] = "city"
    assert "站点类型" in cli.refused(*args)


# -- catalogue ---------------------------------------------------------------------

@pytest.mark.end_to_end
def test_catalogue_list_json_is_utf8_with_the_documented_keys(station: Station) -> None:
    done = station.raw("catalogue", "list", "--json")
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert "养老保险".encode() in done.stdout
    assert b"\\u" not in done.stdout
    items = json.loads(done.stdout.decode("utf-8"))
    assert len(items) == shipped_items()
    for item in items:
        assert ITEM_KEYS <= set(item), item
        assert isinstance(item["time_limit_days"], int)
        assert item["materials"], item["code"]
        for m in item["materials"]:
            assert MATERIAL_KEYS <= set(m), m
            assert isinstance(m["originals"], int) and isinstance(m["copies"], int)
    assert len({i["code"] for i in items}) == len(items)


def test_catalogue_find_by_pinyin_initials(station: Station) -> None:
    """`ylbx` = 养老保险, and 医疗保险 shares those initials."""
    found = [i["name"] for i in station.json("catalogue", "find", "ylbx")]
    assert "城乡居民养老保险参保登记" in found
    assert all("养老保险" in n or "医疗保险" in n for n in found), found
    full = [i["name"] for i in station.json("catalogue", "find", "yanglaobaoxian")]
    assert full and all("养老保险" in n for n in full), full
    chinese = [i["name"] for i in station.json("catalogue", "find", "残疾人证")]
    assert chinese and all("残疾人证" in n for n in chinese)


# -- staff -------------------------------------------------------------------------

def test_staff_add_then_list(station: Station) -> None:
    added = station.json("staff", "add", "--name", "赵强", "--role", "agent",
                         "--window", "帮办代办窗口", env={"STATION_DESK_NEW_PIN": "567890"})
    assert (added["name"], added["role"]) == ("赵强", "agent")
    assert len(added["id"]) == 26
    staff = station.json("staff", "list")
    assert [(s["name"], s["role"], s["window"]) for s in staff] == [
        ("王建国", "head", None), ("赵强", "agent", "帮办代办窗口")]
    assert "已经有在岗" in station.refused("staff", "add", "--name", "赵强", "--role", "clerk")
    assert "窗口" in station.refused("staff", "add", "--name", "钱七", "--role", "clerk",
                                     "--window", "不存在的窗口")
    assert len(station.json("staff", "list")) == 2


# -- demo, backup, restore -----------------------------------------------------------

def test_demo_on_a_fresh_directory(tmp_path: Path) -> None:
    cli = Station(tmp_path)
    out = cli.ok("demo").stdout
    assert "西沟村便民服务站" in out and "王建国 / 123456，" in out
    names = [s["name"] for s in cli.json("staff", "list")]
    assert names == ["王建国", "李明", "张丽"]
    assert "已经设置过" in cli.refused("demo")


@pytest.mark.end_to_end
def test_backup_and_restore(station: Station, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    made = station.json("backup", "--to", str(usb))
    saved = Path(made["path"])
    assert saved.exists() and saved.parent == usb

    station.ok("staff", "add", "--name", "赵强", "--role", "agent")
    assert len(station.json("staff", "list")) == 2

    # without --yes and with stdin piped, not a terminal: refused, nothing replaced
    before = (station.data / "archive.db").read_bytes()
    err = station.refused("restore", str(saved), process=True)
    assert "--yes" in err
    assert (station.data / "archive.db").read_bytes() == before

    out = station.ok("restore", str(saved), "--yes", process=True).stdout
    assert "已恢复" in out
    assert [s["name"] for s in station.json("staff", "list")] == ["王建国"]
    asides = list(station.data.glob("archive.before-restore.*.db"))
    assert len(asides) == 1
    conn = raw(asides[0])
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM staff ORDER BY rowid")]
    finally:
        conn.close()
    assert names == ["王建国", "赵强"]


def test_restore_refuses_a_foreign_file(station: Station, tmp_path: Path) -> None:
    foreign = tmp_path / "not-a-backup.db"
    foreign.write_bytes(b"this is not a database" * 100)
    before = (station.data / "archive.db").read_bytes()
    station.refused("restore", str(foreign), "--yes")
    assert (station.data / "archive.db").read_bytes() == before


# -- where the data lives --------------------------------------------------------------

def test_station_desk_home_chooses_the_data_directory(tmp_path: Path) -> None:
    cli = Station(tmp_path)
    home = tmp_path / "家目录"
    env = {**cli.env, "STATION_DESK_HOME": str(home)}
    result = cli.json(*INIT, data_dir=False, env=env)
    assert result["code"] == "610922101201"
    assert (home / "archive.db").exists()
    assert not cli.data.exists()
    # the same archive, reached through --data-dir
    other = Station(tmp_path)
    other.data = home
    assert [s["name"] for s in other.json("staff", "list")] == ["王建国"]


# -- station and staff after setup -------------------------------------------------

def test_station_set_then_show(station: Station) -> None:
    shown = station.json("station", "set", "--town-code", "610922101",
                         "--address", "西沟村村委会", "--hours", "08:00-12:00,14:30-18:00")
    assert shown["town_code"] == "610922101000"
    again = station.json("station", "show")
    assert {"code", "name", "kind", "town_code", "address", "phone", "hours"} <= set(again)
    assert again["address"] == "西沟村村委会"
    assert again["hours"] == "08:00-12:00,14:30-18:00"


def test_station_set_refuses_bad_values(station: Station) -> None:
    assert "镇中心编码" in station.refused("station", "set", "--town-code", "12")
    assert "工作时间" in station.refused("station", "set", "--hours", "早上")
    assert "没有要修改" in station.refused("station", "set")


def test_staff_set_moves_resets_and_retires(station: Station) -> None:
    station.ok("staff", "add", "--name", "张丽", "--role", "clerk",
         env={"STATION_DESK_NEW_PIN": "222222"})
    station.ok("staff", "set", "--name", "张丽", "--window", "帮办代办窗口",
               "--training-date", "2026-11-02")
    row = next(s for s in station.json("staff", "list") if s["name"] == "张丽")
    assert row["window"] == "帮办代办窗口" and row["training_date"] == "2026-11-02"
    done = station.json("staff", "set", "--name", "张丽", "--reset-pin",
                        env={"STATION_DESK_NEW_PIN": "864200"})
    assert done["done"] == ["密码已重置"]
    assert "至少 6 位" in station.refused("staff", "set", "--name", "张丽", "--reset-pin",
                                          env={"STATION_DESK_NEW_PIN": "1"})
    station.ok("staff", "set", "--name", "张丽", "--retire")
    assert "张丽" not in [s["name"] for s in station.json("staff", "list")]
    assert "唯一的站长" in station.refused("staff", "set", "--name", "王建国", "--retire")
