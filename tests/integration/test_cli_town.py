"""The town's supervision through the command line: three villages (one
complete, one whose first bundle was lost, one that never reported), the
board as JSON, the case list by station, the same person at two villages, and
the papers for the county."""

from __future__ import annotations

import json
from typing import Any

import cli
import pytest
from audit_reads import given_out
from cli import PENSION_CLAIM_MATERIALS
from openpyxl import load_workbook
from stdnum.cn import ric

TOWN = "610922101000"
A, B, C = "610922101201", "610922101202", "610922101203"
KEYS = {"code", "name", "last_export_at", "last_import_at", "days_silent", "missing", "open",
        "overdue", "due_soon", "complaints_open", "bad_ratings_open", "bad_ratings_overdue",
        "satisfaction"}


def id_number(n: int) -> str:
    base = f"61092219480312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


def entry(name: str, n: int) -> dict[str, Any]:
    return {"item": "08-02", "applicant": {"name": name, "id_number": id_number(n),
                                           "phone": "13909151001"},
            "proxy": True, "first_ask": "李明", "received": PENSION_CLAIM_MATERIALS,
            "received_at": "2026-11-02T09:30:00"}


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("town")
    stick = root / "stick"
    town = cli.Station(root, "town", head="赵红")
    town.ok("init", "--kind", "town1", "--code", TOWN, "--name", "城关镇",
            "--head", "赵红")
    t_id = town.json("keys", "export", "--out", str(root / "ids"))
    villages = {}
    for code, name in ((A, "西沟村"), (B, "东岭村"), (C, "南坪村")):
        v = cli.Station(root, code)
        v.ok("init", "--kind", "village", "--code", code, "--name", name, "--town-code", TOWN,
             "--head", "王建国")
        v.ok("staff", "add", "--name", "李明", "--role", "agent",
         env={"STATION_DESK_NEW_PIN": "111111"})
        v_id = v.json("keys", "export", "--out", str(root / "ids"))
        town.ok("keys", "trust", v_id["path"])
        v.ok("keys", "trust", t_id["path"])
        villages[code] = v
    a, b = villages[A], villages[B]
    a.new(entry("王秀英", 1), entry("陈德福", 2))
    town.json("import", a.json("export", "--to", str(stick))["path"])
    b.new(entry("赵小红", 3))
    b.json("export", "--to", str(stick))  # lost on the way
    b.new(entry("王秀英", 1))  # the same person and item as at 西沟村
    town.json("import", b.json("export", "--to", str(stick))["path"])
    return {"root": root, "town": town, "stick": stick}


def test_board_lists_every_village_worst_first(county: dict[str, Any]) -> None:
    town = county["town"]
    rows = town.json("town", "villages", "--today", "2027-01-20")
    assert [r["code"] for r in rows][0] == C and len(rows) == 3
    assert all(KEYS <= set(r) for r in rows)
    by = {r["code"]: r for r in rows}
    assert by[C]["days_silent"] is None and by[C]["silence"] == "从未报送"
    assert by[C]["satisfaction"] is None and by[C]["last_export_at"] is None
    assert by[A]["missing"] == [] and by[B]["missing"] and by[B]["missing"][0][0] == 1
    assert by[B]["received"][0][0] == by[B]["missing"][0][1] + 1  # never "1–N" next to a gap
    # the board's figures are the case list's
    for code, row in by.items():
        listed = town.cases("--station", code, "--overdue")
        assert row["overdue"] == len([c for c in listed if c["station"] == code])
    assert by[A]["overdue"] == 2 and by[A]["catalogue_current"]


def test_case_list_by_station(county: dict[str, Any]) -> None:
    town = county["town"]
    assert town.cases("--station", "own") == []
    assert {c["station"] for c in town.cases("--station", A)} == {A}
    assert len(town.cases()) == 3  # 东岭村's first case is in the lost bundle
    assert "不是本站" in town.refused("case", "list", "--station", "610922109999")


def test_same_person_at_two_villages(county: dict[str, Any]) -> None:
    found = county["town"].json("town", "duplicates")
    [pair] = found["same_item_open"]
    assert pair["id_number"] == id_number(1)
    assert {c["station"] for c in pair["cases"]} == {A, B}
    # the full numbers given out are recorded once, naming every case listed
    *_, (who, command, details) = given_out(county["town"])
    assert (who, command) == ("赵红", "town duplicates")
    listed = {c["case_no"] for p in found["people"] for c in p["cases"]}
    assert {c["case_no"] for c in pair["cases"]} <= listed == set(details["cases"])
    # for a person the number is masked (the JSON above keeps it for scripts)
    text = county["town"].ok("town", "duplicates").stdout
    assert id_number(1) not in text
    assert id_number(1)[:3] + "*" * 11 + id_number(1)[-4:] in text


def test_papers_for_the_county(county: dict[str, Any]) -> None:
    town, root = county["town"], county["root"]
    town.ok("town", "ledger", "--month", "2026-11", "--out", str(root / "台账.xlsx"),
            "--today", "2027-01-20")
    ws = load_workbook(root / "台账.xlsx")["台账"]
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$2:$2"
    body = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
    assert len(body) == 3 and all(r[9] == "逾期未办结" for r in body)
    assert all(isinstance(r[10], int) for r in body) and body[0][2] == "王*英"
    town.ok("town", "board", "--out", str(root / "看板.pdf"))
    assert (root / "看板.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads(town.run("town", "villages", "--json").stdout)[0]["code"] == C
