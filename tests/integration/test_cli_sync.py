"""The USB sync through the command line: a village and its town in two data
directories, a folder standing in for the stick.

The town's archive is compared table by table (a dump of every row) before and
after each refused or interrupted import: nothing may change.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import cli
import pytest
from cli import PENSION_CLAIM_MATERIALS
from stdnum.cn import ric
from tests.keyed import raw

VILLAGE, TOWN = "610922101201", "610922101000"
KILL_ENV = "STATION_DESK_TEST_KILL_IMPORT_AFTER"


def id_number(n: int) -> str:
    base = f"61092219480312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


def entry(name: str, n: int) -> dict[str, Any]:
    return {"item": "08-02", "channel": "来访",
            "applicant": {"name": name, "id_number": id_number(n), "phone": "13909151001"},
            "proxy": True, "first_ask": "李明", "received": PENSION_CLAIM_MATERIALS,
            "received_at": "2026-11-02T09:30:00"}


class Station(cli.Station):
    """One of the pair; never killed unless a test asks, and its archive can be dumped."""

    def __init__(self, root: Path, name: str) -> None:
        super().__init__(root, name, head="赵红" if name == "town" else cli.HEAD)
        self.env.pop(KILL_ENV, None)

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        conn = raw(self.data / 'archive.db', read_only=True)
        try:
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'")]
            return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM [{t}]")), key=repr)
                    for t in tables}
        finally:
            conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sync-template")
    village, town = Station(root, "village"), Station(root, "town")
    village.ok("init", "--kind", "village", "--code", VILLAGE, "--name", "西沟村",
               "--town-code", TOWN, "--town-name", "城关镇便民服务中心",
               "--head", "王建国")
    village.ok("staff", "add", "--name", "李明", "--role", "agent",
         env={"STATION_DESK_NEW_PIN": "111111"})
    town.ok("init", "--kind", "town1", "--code", TOWN, "--name", "城关镇",
            "--head", "赵红")
    ids = root / "ids"
    v_id = village.json("keys", "export", "--out", str(ids))
    t_id = town.json("keys", "export", "--out", str(ids))
    trusted = town.json("keys", "trust", v_id["path"], "--fingerprint", v_id["fingerprint"])
    assert trusted["name"] == "西沟村便民服务站" and trusted["fingerprint"] == v_id["fingerprint"]
    village.ok("keys", "trust", t_id["path"])
    return root


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> tuple[Station, Station, Path]:
    for name in ("village", "town"):
        shutil.copytree(template / name, tmp_path / name)
    stick = tmp_path / "stick"
    stick.mkdir()
    return Station(tmp_path, "village"), Station(tmp_path, "town"), stick


def test_replacing_a_trusted_key_needs_the_phone_checked_fingerprint(
        pair: tuple[Station, Station, Path]) -> None:
    village, town, stick = pair
    exported = village.json("keys", "export", "--out", str(stick))
    refused = town.run("keys", "trust", exported["path"], "--replace")
    assert refused.returncode == 1 and "--fingerprint" in refused.stderr
    town.ok("keys", "trust", exported["path"], "--replace", "--fingerprint",
            exported["fingerprint"])


def test_keys_live_outside_the_archive(pair: tuple[Station, Station, Path]) -> None:
    village, _, _ = pair
    key = village.data / "keys" / "station.key"
    assert key.exists() and key.stat().st_mode & 0o777 == 0o600
    shown = village.json("keys", "show")
    assert shown["trusted"][0]["code"] == TOWN and len(shown["fingerprint"].split()) == 6


def test_round_trip_through_the_command_line(pair: tuple[Station, Station, Path]) -> None:
    village, town, stick = pair
    [case] = village.new(entry("王秀英", 1))
    out = village.json("export", "--to", str(stick))
    assert {"path", "station", "seq_from", "seq_to", "counts"} <= set(out)
    assert out["station"] == VILLAGE and out["seq_from"] == 1
    assert out["counts"] == {"cases": 1, "case_events": 2}
    path = Path(out["path"])
    assert path.parent == stick and not set(path.name) & set(':*?"<>|')
    raw = path.read_bytes()
    for secret in ("王秀英".encode(), id_number(1).encode(), b"13909151001"):
        assert secret not in raw

    info = town.json("verify", str(path))
    assert info["ok"] and info["station"] == VILLAGE and info["records"] == 3

    report = town.json("import", str(path))
    assert {"station", "seq_from", "seq_to", "new", "updated", "unchanged", "quarantined",
            "missing"} <= set(report)
    assert (report["new"], report["updated"], report["unchanged"]) == (3, 0, 0)
    assert report["quarantined"] == [] and report["missing"] == []
    assert "新增 3 条" in report["report"]
    before = town.dump()
    again = town.json("import", str(path))
    assert again["already_imported"] and town.dump() == before

    # not handed over yet: the town may read the village's case, not act on it
    refusal = town.refused("case", "advance", case["case_no"], "--to", "办理中")
    assert "尚未移交本中心办理" in refusal
    assert town.json("case", "show", case["case_no"])["read_only"]
    village.ok("case", "advance", case["case_no"], "--to", "办理中")  # sent up to the town
    town.json("import", village.json("export", "--to", str(stick))["path"])
    town.ok("case", "advance", case["case_no"], "--to", "已办结")
    back = town.json("export", "--to", str(stick), "--for", VILLAGE)
    assert back["counts"]["cases"] == 1
    got = village.json("import", back["path"])
    assert got["updated"] == 1
    [shown] = village.json("case", "list")
    assert shown["status"] == "已办结"
    status = village.json("sync", "status")
    assert status["exports"][0]["confirmed"] is True

    villages = town.json("sync", "status")["villages"]
    assert villages[0]["code"] == VILLAGE and villages[0]["cases_by_status"] == {"已办结": 1}


def test_refused_bundle_changes_nothing(pair: tuple[Station, Station, Path]) -> None:
    village, town, stick = pair
    village.new(entry("王秀英", 1))
    path = Path(village.json("export", "--to", str(stick))["path"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad = stick / ("flipped" + path.suffix)
    bad.write_bytes(bytes(data))
    cut = stick / ("cut" + path.suffix)
    cut.write_bytes(path.read_bytes()[:-10])
    before = town.dump()
    for target, word in ((bad, "损坏"), (cut, "不完整")):
        for command in ("verify", "import"):
            result = town.run(command, str(target))
            assert result.returncode == 1 and word in result.stderr, result.stderr
            assert result.stdout == ""
    assert town.dump() == before


def test_one_bad_bundle_does_not_stop_the_others(pair: tuple[Station, Station, Path]) -> None:
    village, town, stick = pair
    village.new(entry("王秀英", 1))
    first = village.json("export", "--to", str(stick))["path"]
    village.new(entry("陈德福", 2))
    second = village.json("export", "--to", str(stick))["path"]
    junk = stick / "junk.sdsync"
    junk.write_bytes(b"SDBUNDLE")
    result = town.run("import", second, str(junk), first, "--json")
    assert result.returncode == 1 and "junk.sdsync" in result.stderr
    reports = json.loads(result.stdout)
    imported = [r for r in reports if not r.get("refused")]
    assert [r["seq_from"] for r in imported] == [1, imported[1]["seq_from"]]  # oldest first
    assert imported[-1]["missing"] == []
    assert len(town.json("case", "list")) == 2


def test_missing_bundle_is_reported(pair: tuple[Station, Station, Path]) -> None:
    village, town, stick = pair
    village.new(entry("王秀英", 1))
    first = village.json("export", "--to", str(stick))
    village.new(entry("陈德福", 2))
    lost = village.json("export", "--to", str(stick))
    village.new(entry("刘桂兰", 3))
    third = village.json("export", "--to", str(stick))
    town.json("import", first["path"])
    report = town.json("import", third["path"])
    [gap] = report["missing"]
    assert gap["message"] == (f"西沟村便民服务站 的第 {lost['seq_from']}–{lost['seq_to']} 号"
                              "变更尚未收到")
    assert gap["message"] in report["report"]
    text = town.ok("sync", "status").stdout
    assert f"缺：第 {lost['seq_from']}–{lost['seq_to']} 号" in text


@pytest.mark.end_to_end
def test_killed_import_leaves_the_archive_as_before(pair: tuple[Station, Station, Path]
                                                    ) -> None:
    village, town, stick = pair
    village.new(entry("王秀英", 1), entry("陈德福", 2))
    path = village.json("export", "--to", str(stick))["path"]
    # the program's first sign-in brings the test's cheap PIN hash up to today's cost
    town.ok("staff", "list", process=True)
    before = town.dump()
    killed = town.run("import", path, env={KILL_ENV: "3"}, process=True)
    assert killed.returncode == 9, killed.stderr  # os._exit(9) mid-transaction
    assert town.dump() == before
    report = town.json("import", path)  # and the next try imports it whole
    assert report["new"] == 6 and report["missing"] == []


def test_dry_run_and_usage_errors(pair: tuple[Station, Station, Path]) -> None:
    village, town, stick = pair
    village.new(entry("王秀英", 1))
    path = village.json("export", "--to", str(stick))["path"]
    before = town.dump()
    report = town.json("import", path, "--dry-run")
    assert report["dry_run"] and report["new"] == 3
    assert town.dump() == before
    result = town.run("export", "--to", str(stick))
    assert result.returncode == 1 and "--for" in result.stderr
    result = village.run("import", path)
    assert result.returncode == 1 and "不是本站" in result.stderr
