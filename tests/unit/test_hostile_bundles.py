"""Signed bundles from a trusted station are still checked: a zlib bomb, rows of
another village, rows that would break later commands and a bad receipt are
refused or held back, and a hostile identity file is never trusted."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_sync_roundtrip import (  # the round trip's own stations and bundle crafting
    TOWN,
    VILLAGE,
    Station,
    _exchange,
    _open,
    change,
    craft,
    dump,
    register,
    stick,
    town,
    village,
)
from tests.keyed import raw

from station_desk.cli.main import main
from station_desk.domain.errors import UserError
from station_desk.domain.station import StationKind
from station_desk.sync import bundle
from station_desk.sync.keys import Identity, ensure_station_keys, parse_identity

__all__ = ["stick", "town", "village"]  # fixtures, used by name

VILLAGE_2 = "610922101203"


@pytest.fixture
def village_2(tmp_path: Path, town: Station, stick: Path) -> Iterator[Station]:
    st = _open(tmp_path / "village2", StationKind.VILLAGE, VILLAGE_2, "东沟村便民服务站", TOWN)
    _exchange(st, town, stick)
    yield st
    st.desk.close()


def _hand_made(signer: Station, to: Station, path: Path, *, seq: tuple[int, int] = (1, 1),
               records: int = 0, counts: dict[str, int] | None = None,
               **manifest: Any) -> bundle.BundleWriter:
    """A bundle writer with a signed manifest; the caller adds messages and finishes."""
    me = signer.desk.station.current
    assert me is not None
    kind = bundle.KIND_RETURN if me.kind.is_town else bundle.KIND_CHANGES
    town = signer.code if kind == bundle.KIND_RETURN else to.code
    out = open(path, "wb")  # noqa: SIM115 - closed by _finish
    w = bundle.BundleWriter(out, kind=kind, sender=signer.code, recipient=to.code,
                            seq_from=seq[0], seq_to=seq[1],
                            keys=ensure_station_keys(signer.desk.data_dir),
                            recipient_box=ensure_station_keys(to.desk.data_dir).box_public)
    w.manifest({"format": "station-desk-bundle", "format_version": 1,
                "bundle_id": path.stem, "kind": bundle.KIND_NAMES[kind],
                "station": {"code": signer.code, "name": "?"}, "town": {"code": town},
                "to": {"code": to.code}, "seq_from": seq[0], "seq_to": seq[1],
                "records": records, "counts": counts or {},
                "created_at": "2026-11-20T10:00:00+08:00", "app_version": "test", **manifest})
    return w


def _finish(w: bundle.BundleWriter) -> None:
    w.finish()
    w._out.close()


def test_a_signed_zlib_bomb_is_refused_within_the_memory_limit(
        village: Station, town: Station, stick: Path) -> None:
    path = stick / f"{VILLAGE}-bomb{bundle.SUFFIX}"
    squeeze = zlib.compressobj(9)
    bomb = b"".join(squeeze.compress(b"\0" * 2**20) for _ in range(200)) + squeeze.flush()
    assert len(bomb) < 2**20  # 200 MB of zeros in well under 1 MB
    w = _hand_made(village, town, path, records=1, counts={"cases": 1})
    w._push(bundle.MSG_RECORDS + bomb)
    _finish(w)
    before = dump(town.desk)
    with pytest.raises(UserError) as exc:
        town.sync.import_bundle(path)
    assert "解压后超过" in exc.value.message
    assert dump(town.desk) == before


def test_another_village_cannot_overwrite_a_villages_rows_at_the_town(
        village: Station, village_2: Station, town: Station, stick: Path) -> None:
    case_no = register(village)
    case = village.desk.cases.get(case_no)
    town.sync.import_bundle(village.sync.export_to(stick).path)
    event_id = str(village.desk.db.execute(
        "SELECT id FROM case_events WHERE case_id = ?", [case.id]).fetchone()[0])
    original = town.desk.db.execute("SELECT text FROM case_events WHERE id = ?",
                                    [event_id]).fetchone()[0]
    forged = change(village.desk, "case_events", event_id)
    forged["data"] = {**forged["data"], "text": "被东沟村改写"}
    # its own record id with village 1's row inside, and village 1's id outright
    disguised = {**forged, "id": "01DISGUISED000000000000000", "seq": 1}
    outright = {**forged, "seq": 2}
    path = craft(village_2, town, stick, records=[disguised, outright], seq=(1, 2))
    report = town.sync.import_bundle(path)
    reasons = sorted(q["reason"] for q in report.quarantined)
    assert len(reasons) == 2
    assert any("编号" in r and "不符" in r for r in reasons)
    assert any("不能被覆盖" in r or "不是发件站" in r for r in reasons)
    assert town.desk.db.execute("SELECT text FROM case_events WHERE id = ?",
                                [event_id]).fetchone()[0] == original


BREAKERS: list[dict[str, Any]] = [
    {"groups": "不是 JSON"},
    {"materials": json.dumps([{"x": 1}])},
    {"received_at": 12345},
    {"applicant_name": 123},
    {"applicant_name": "王\u202e英"},
    {"departments": json.dumps("联办")},
    {"channel": "飞鸽传书"},
    {"deadline": "0001-01-01"},
    {"extended_days": -5},
    {"note": "x" * 300_000},
]


def test_rows_that_would_break_later_commands_are_held_back(
        village: Station, town: Station, stick: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = []
    for n, breaker in enumerate(BREAKERS, start=1):
        case_no = register(village, n)
        rec = change(village.desk, "cases", village.desk.cases.get(case_no).id)
        rec["data"] = {**rec["data"], **breaker}
        records.append(rec)
    path = craft(village, town, stick, records=records, seq=(1, 200))
    report = town.sync.import_bundle(path)
    assert report.new == 0 and len(report.quarantined) == len(BREAKERS)
    # every later command still works
    assert main(["--data-dir", str(town.desk.data_dir), "case", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert town.sync.held()


def test_one_refused_row_among_many_holds_back_only_that_row(
        village: Station, town: Station, stick: Path) -> None:
    # rows go in one statement per batch (sync_repo.statement_rows); a batch the archive
    # refuses wrote nothing and is retried row by row, so only the row at fault is held back
    records = []
    for n in range(1, 41):
        case_no = register(village, n)
        records.append(change(village.desk, "cases", village.desk.cases.get(case_no).id))
    clash = records[20]
    clash["data"] = {**clash["data"], "case_no": records[3]["data"]["case_no"]}
    path = craft(village, town, stick, records=records, seq=(1, 200))
    report = town.sync.import_bundle(path)
    assert report.new == 39
    assert [q["reason"] for q in report.quarantined] == [
        f"办件编号“{records[3]['data']['case_no']}”已被本中心另一件办件使用"]
    held = {r[0] for r in town.desk.db.execute("SELECT id FROM cases").fetchall()}
    assert clash["data"]["id"] not in held and records[19]["data"]["id"] in held


def test_a_row_without_a_required_column_is_held_back_naming_it(
        village: Station, town: Station, stick: Path) -> None:
    records = [change(village.desk, "cases", village.desk.cases.get(register(village, n)).id)
               for n in (1, 2, 3)]
    records[1]["data"] = {**records[1]["data"], "item_name": None, "window": None}
    report = town.sync.import_bundle(craft(village, town, stick, records=records, seq=(1, 60)))
    assert report.new == 2
    assert [(q["id"], q["reason"]) for q in report.quarantined] == [
        (records[1]["id"], "缺少必填字段：item_name、window")]


@pytest.mark.parametrize("value", ["10" * 40, '"\\ud800"', "1e999"],
                         ids=["huge-int", "lone-surrogate", "infinite"])
def test_records_that_cannot_be_read_safely_refuse_the_whole_bundle(
        village: Station, town: Station, stick: Path, value: str) -> None:
    case_no = register(village)
    rec = change(village.desk, "cases", village.desk.cases.get(case_no).id)
    line = json.dumps(rec, ensure_ascii=True).replace('"note": ""', f'"note": {value}')
    assert value in line
    path = stick / f"{VILLAGE}-raw{bundle.SUFFIX}"
    w = _hand_made(village, town, path, seq=(1, 50), records=1, counts={"cases": 1})
    w.records([line.encode("ascii")])
    _finish(w)
    before = dump(town.desk)
    with pytest.raises(UserError):
        town.sync.import_bundle(path)
    assert dump(town.desk) == before
    assert main(["--data-dir", str(town.desk.data_dir), "case", "list", "--json"]) == 0


def test_a_return_bundle_with_an_oddly_typed_receipt_is_refused(
        village: Station, town: Station, stick: Path) -> None:
    town.sync.import_bundle(village.sync.export_to(stick).path)
    path = stick / f"{TOWN}-odd-receipt{bundle.SUFFIX}"
    _finish(_hand_made(town, village, path, receipt={"station": VILLAGE, "ranges": "1-9",
                                                     "bundles": [5]}))
    with pytest.raises(UserError) as exc:
        village.sync.import_bundle(path)
    assert "清单" in exc.value.message and "receipt" in exc.value.message
    assert village.sync.exports()  # the village's sync status still reads


def _self_signed(st: Station, **changes: Any) -> str:
    keys = ensure_station_keys(st.desk.data_dir)
    fields: dict[str, Any] = {"code": "610922101299", "name": "冒名站",
                              "kind": StationKind.VILLAGE, "town_code": TOWN,
                              "verify_key": keys.verify_key, "box_key": keys.box_public}
    fields.update(changes)
    return Identity(**fields).to_json(keys)


@pytest.mark.parametrize("changes", [
    {"name": "西沟\u202e村"}, {"name": "西沟\x07村"}, {"name": "村" * 200},
    {"code": "61092210129X"}, {"town_code": "town"},
], ids=["bidi", "control", "long", "code", "town-code"])
def test_a_hostile_but_self_signed_identity_file_is_refused(
        village: Station, changes: dict[str, Any]) -> None:
    with pytest.raises(UserError) as exc:
        parse_identity(_self_signed(village, **changes))
    assert "身份文件" in exc.value.message
    assert parse_identity(_self_signed(village)).code == "610922101299"


def test_the_town_notices_a_villages_rewritten_history(village: Station, town: Station,
                                                      stick: Path) -> None:
    register(village, 1)
    first = town.sync.import_bundle(village.sync.export_to(stick).path)
    assert not [n for n in first.notes if "历史记录" in n]
    last_seq = village.desk.db.execute("SELECT MAX(seq) FROM change_log").fetchone()[0]
    # someone rewrites the village's history and recomputes the chain with a shell
    shell = raw(village.desk.data_dir / "archive.db", isolation_level=None)
    try:
        shell.execute("DROP TRIGGER no_update_audit_chain")
        shell.execute("UPDATE audit_chain SET hash = ? WHERE log = 'change_log' AND "
                      "log_id = ?", ["f" * 64, last_seq])
    finally:
        shell.close()
    register(village, 2, "陈德福")
    second = town.sync.import_bundle(village.sync.export_to(stick).path)
    assert any("历史记录" in n and str(last_seq) in n for n in second.notes)
    assert "历史记录" in second.text()
