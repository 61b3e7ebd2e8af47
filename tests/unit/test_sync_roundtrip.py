"""The USB sync between two real data directories, a village and its town:
export and import both ways, every refusal leaves the town's archive exactly as
it was, idempotence, gaps, quarantine, field ownership, and a stick pulled out
halfway. Dates of cases are fixed in the past so the day the tests run does not
matter."""

from __future__ import annotations

import base64
import errno
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from tests.town_stations import Place, exchange, id_number, open_station

from station_desk.db import journal, sync_log
from station_desk.domain.cases import Applicant, ProxyStep, Status
from station_desk.domain.errors import StorageError, UserError
from station_desk.domain.station import StationKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.services.sync import Cancelled, SyncDesk
from station_desk.sync import bundle
from station_desk.sync.bundle import BundleRefused
from station_desk.sync.keys import ensure_station_keys

VILLAGE = "610922101201"
VILLAGE_B = "610922101202"
TOWN = "610922101000"
OTHER_TOWN = "610922102000"
CLAIM = "08-02"
CLAIM_MATERIALS = ("居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》", "社会保障卡或银行卡")
NAME, PHONE = "王秀英", "13909151001"


@dataclass
class Station(Place):
    sync: SyncDesk


def _open(root: Path, kind: StationKind, code: str, name: str, town: str = "") -> Station:
    desk = open_station(root, kind, code, name, town).desk
    return Station(desk, desk.sync)


def _exchange(a: Station, b: Station, stick: Path) -> None:
    exchange(a, b, stick)


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    path = tmp_path / "stick"
    path.mkdir()
    return path


@pytest.fixture
def village(tmp_path: Path) -> Iterator[Station]:
    st = _open(tmp_path / "village", StationKind.VILLAGE, VILLAGE, "西沟村便民服务站", TOWN)
    yield st
    st.desk.close()


@pytest.fixture
def town(tmp_path: Path, village: Station, stick: Path) -> Iterator[Station]:
    st = _open(tmp_path / "town", StationKind.TOWN1, TOWN, "城关镇便民服务中心")
    _exchange(village, st, stick)
    yield st
    st.desk.close()


def register(st: Station, n: int = 1, name: str = NAME, phone: str = PHONE,
             proxy: bool = True) -> str:
    case = st.desk.cases.register(CaseInput(
        item=CLAIM, applicant=Applicant(name, id_number(n), phone, "西沟村三组"),
        first_ask="李明", received=CLAIM_MATERIALS, proxy=proxy, proxy_agent="李明",
        received_at=datetime(2026, 11, 2, 9, 30).astimezone())).case
    return case.case_no


def dump(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the archive exactly)."""
    tables = [r[0] for r in desk.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return {t: sorted(map(tuple, desk.db.execute(f"SELECT * FROM [{t}]").fetchall()),
                      key=repr) for t in tables}


def export(st: Station, stick: Path, **kw: Any) -> Path:
    return st.sync.export_to(stick, **kw).path


def refused(town: Station, path: Path) -> BundleRefused:
    before = dump(town.desk)
    with pytest.raises(BundleRefused) as info:
        town.sync.import_bundle(path)
    assert dump(town.desk) == before
    assert info.value.message  # a Chinese sentence naming the reason
    return info.value


# -- the round trip -----------------------------------------------------------------


def test_round_trip_village_to_town_and_back(village: Station, town: Station,
                                             stick: Path) -> None:
    case_no = register(village)
    village.desk.notices.issue(case_no, bundle_kind("acceptance"))
    # the agent takes the case to the town: only then may the town act on it
    village.desk.cases.proxy_step(case_no, ProxyStep.COLLECTED)
    village.desk.cases.proxy_step(case_no, ProxyStep.SUBMITTED)
    out = village.sync.export_to(stick)
    assert out.path.name.endswith(".sdsync") and not set(out.path.name) & set(':*?"<>|')
    assert out.seq_from == 1 and out.seq_to == journal.last_seq(village.desk.db)
    assert out.counts == {"cases": 1, "case_events": 5, "notices": 1}
    assert out.blobs == 1

    report = town.sync.import_bundle(out.path)
    assert (report.new, report.updated, report.unchanged) == (7, 0, 0)
    assert report.quarantined == [] and report.missing == []
    got = town.desk.cases.get(case_no)
    assert got.applicant.name == NAME and got.status == Status.ACCEPTED
    # the archived PDF arrives byte for byte
    [notice] = town.desk.notices.for_case(case_no)
    original = village.desk.notices.for_case(case_no)[0]
    assert town.desk.notices.pdf(notice) == village.desk.notices.pdf(original)
    # audited as an import, not in the town's own outgoing log
    history = town.desk.backups.history("cases", got.id)
    assert history[-1]["actor"].startswith("导入：西沟村便民服务站 第 1–")
    town_log = town.desk.db.execute("SELECT COUNT(*) FROM change_log WHERE record_id = ?",
                                    [got.id]).fetchone()[0]
    assert town_log == 0
    # found by a 2-character name search at the town too
    assert [c.case_no for c in town.desk.cases.page(
        town.desk.cases.make_filter(search="秀英"), limit=10)] == [case_no]

    # the town finishes the proxied case and sends the result back
    town.desk.cases.advance(case_no, Status.IN_PROGRESS)
    town.desk.cases.advance(case_no, Status.COMPLETED)
    back = town.sync.export_to(stick, for_code=VILLAGE)
    assert back.counts["cases"] == 1 and back.counts["case_events"] == 2
    result = village.sync.import_bundle(back.path)
    assert result.quarantined == []
    done = village.desk.cases.get(case_no)
    assert done.status == Status.COMPLETED and done.completed_at is not None
    assert done.applicant.phone == PHONE
    assert any("办理中 → 已办结" in e.text for e in village.desk.cases.timeline(done))
    # the village sees that the town confirmed its bundle
    [status] = village.sync.exports()
    assert status.confirmed and status.confirmed_at
    # the return import does not go back to the town in the next export
    assert village.sync.pending().count == 0


def bundle_kind(value: str) -> Any:
    from station_desk.services.notices import parse_kind

    return parse_kind(value)


def test_lost_stick_reveals_no_personal_data(village: Station, town: Station,
                                             stick: Path) -> None:
    id_no = id_number(7)
    case_no = register(village, 7)
    village.desk.notices.issue(case_no, bundle_kind("acceptance"))
    data = export(village, stick).read_bytes()
    for secret in (NAME.encode("utf-8"), id_no.encode(), PHONE.encode(),
                   NAME.encode("utf-16-le"), "西沟村三组".encode(), case_no.encode()[-10:]):
        assert secret not in data


def test_reimport_and_replay_change_nothing(village: Station, town: Station,
                                            stick: Path) -> None:
    case_no = register(village)
    first = export(village, stick)
    town.sync.import_bundle(first)
    village.desk.cases.proxy_step(case_no, ProxyStep.COLLECTED)
    second = export(village, stick)
    town.sync.import_bundle(second)
    before = dump(town.desk)
    again = town.sync.import_bundle(second)
    assert again.already and again.new == again.updated == 0
    replay = town.sync.import_bundle(first)  # an older bundle, already imported
    assert replay.already
    assert dump(town.desk) == before
    assert town.desk.cases.get(case_no).proxy_step == ProxyStep.COLLECTED


def test_older_state_never_overwrites_newer(village: Station, town: Station,
                                            stick: Path) -> None:
    """Bundles imported out of order: the newer state of a case stays."""
    case_no = register(village)
    first = export(village, stick)
    village.desk.cases.proxy_step(case_no, ProxyStep.COLLECTED)
    second = export(village, stick)
    town.sync.import_bundle(second)
    report = town.sync.import_bundle(first)
    assert report.by_table["cases"]["unchanged"] == 1
    assert town.desk.cases.get(case_no).proxy_step == ProxyStep.COLLECTED
    assert report.missing == []


def test_reexport_of_the_same_range_is_importable(village: Station, town: Station,
                                                  stick: Path) -> None:
    register(village)
    first = village.sync.export_to(stick)
    again = village.sync.export_to(stick, again=True)
    assert (again.seq_from, again.seq_to) == (first.seq_from, first.seq_to)
    assert again.path != first.path and again.bundle_id != first.bundle_id
    report = town.sync.import_bundle(again.path)
    assert report.new == first.records
    assert town.sync.import_bundle(first.path).new == 0
    full = village.sync.export_to(stick, full=True)
    assert full.seq_from == 1
    assert town.sync.import_bundle(full.path).unchanged == full.records


def test_missing_bundle_is_named_and_filled_later(village: Station, town: Station,
                                                  stick: Path) -> None:
    register(village, 1, "王秀英")
    first = village.sync.export_to(stick)
    register(village, 2, "陈德福")
    lost = village.sync.export_to(stick)
    register(village, 3, "刘桂兰")
    third = village.sync.export_to(stick)
    town.sync.import_bundle(first.path)
    report = town.sync.import_bundle(third.path)
    [gap] = report.missing
    assert (gap["from"], gap["to"]) == (lost.seq_from, lost.seq_to)
    assert gap["message"] == (f"西沟村便民服务站 的第 {lost.seq_from}–{lost.seq_to} 号"
                              "变更尚未收到")
    assert gap["message"] in report.text()
    [v] = town.sync.villages()
    assert v.missing == [(lost.seq_from, lost.seq_to)] and v.last_seq == third.seq_to
    filled = town.sync.import_bundle(lost.path)
    assert filled.missing == [] and filled.new > 0
    assert town.sync.villages()[0].missing == []


# -- refusals: nothing written --------------------------------------------------------


@pytest.fixture
def sound(village: Station, town: Station, stick: Path) -> Path:
    case_no = register(village)
    village.desk.notices.issue(case_no, bundle_kind("acceptance"))
    return export(village, stick)


def _copy(path: Path, name: str, data: bytes) -> Path:
    target = path.with_name(name + bundle.SUFFIX)
    target.write_bytes(data)
    return target


@pytest.mark.parametrize("where", ["header", "sealed key", "middle", "last byte"])
def test_flipped_byte_is_refused_as_damaged(town: Station, sound: Path, where: str) -> None:
    data = bytearray(sound.read_bytes())
    at = {"header": 20, "sealed key": bundle.HEADER_SIZE + 5, "middle": len(data) // 2,
          "last byte": len(data) - 1}[where]
    data[at] ^= 0x01
    err = refused(town, _copy(sound, "flipped", bytes(data)))
    assert err.reason == "damaged" and "损坏" in err.message


def test_truncated_bundle_is_refused(town: Station, sound: Path) -> None:
    data = sound.read_bytes()
    err = refused(town, _copy(sound, "cut", data[: len(data) // 2]))
    assert err.reason == "truncated" and "不完整" in err.message
    err = refused(town, _copy(sound, "stub", data[:40]))
    assert err.reason == "truncated"


def test_partial_file_is_refused(town: Station, sound: Path) -> None:
    partial = sound.with_name(sound.name + bundle.PARTIAL)
    partial.write_bytes(sound.read_bytes())
    err = refused(town, partial)
    assert err.reason == "partial" and "没有写完" in err.message


def test_not_a_bundle_and_newer_version(town: Station, sound: Path) -> None:
    assert refused(town, _copy(sound, "notes", b"hello, town")).reason == "not_bundle"
    data = bytearray(sound.read_bytes())
    data[8:10] = (9).to_bytes(2, "big")
    err = refused(town, _copy(sound, "future", bytes(data)))
    assert err.reason == "version" and "升级" in err.message


def _reheader(data: bytes, **changes: Any) -> bytes:
    """A header edited by someone who knows the format (CRC and hash redone)."""
    h = bundle.parse_header(data, Path("x.sdsync"))
    fields = {**h.__dict__, **changes}
    body = data[bundle.HEADER_SIZE:]
    fields["length"] = len(body)
    fields["sha256"] = hashlib.sha256(body).digest()
    return bundle.Header(**fields).pack() + body


def test_edited_header_is_refused(town: Station, sound: Path) -> None:
    data = sound.read_bytes()
    err = refused(town, _copy(sound, "range", _reheader(data, seq_to=9999)))
    assert err.reason == "tampered"


def test_untrusted_station_is_refused(tmp_path: Path, town: Station, stick: Path) -> None:
    stranger = _open(tmp_path / "stranger", StationKind.VILLAGE, VILLAGE_B, "东沟村便民服务站",
                     TOWN)
    try:
        stranger.sync.trust(town.sync.export_identity(stick / "ids"))
        register(stranger)
        err = refused(town, export(stranger, stick))
        assert err.reason == "untrusted" and VILLAGE_B in err.message
    finally:
        stranger.desk.close()


def test_bundle_signed_by_another_village_is_refused(tmp_path: Path, village: Station,
                                                     town: Station, stick: Path) -> None:
    """East village (trusted too) makes a bundle that claims to be West village's."""
    east = _open(tmp_path / "east", StationKind.VILLAGE, VILLAGE_B, "东沟村便民服务站", TOWN)
    try:
        _exchange(east, town, stick)
        register(east)
        genuine = export(east, stick)
        # 1. only the header is changed to name West village
        err = refused(town, _copy(genuine, "swapped", _reheader(genuine.read_bytes(),
                                                                sender=VILLAGE)))
        assert err.reason == "tampered"
        # 2. a whole bundle naming West village, signed with East village's key
        forged = craft(east, town, stick, sender=VILLAGE, records=[])
        err = refused(town, forged)
        assert err.reason == "bad_signature" and "西沟村便民服务站" in err.message
    finally:
        east.desk.close()


def test_bundle_for_another_town_is_refused(tmp_path: Path, village: Station,
                                            town: Station, stick: Path) -> None:
    other = _open(tmp_path / "other", StationKind.TOWN1, OTHER_TOWN, "池河镇便民服务中心")
    try:
        register(village)
        wrong = craft(village, other, stick, records=[])
        err = refused(town, wrong)
        assert err.reason == "wrong_recipient" and OTHER_TOWN in err.message
    finally:
        other.desk.close()


def test_return_bundle_cannot_be_imported_by_the_town(village: Station, town: Station,
                                                      stick: Path) -> None:
    back = export(town, stick, for_code=VILLAGE)
    with pytest.raises(BundleRefused):
        town.sync.import_bundle(back)


# -- record by record ------------------------------------------------------------------


def craft(signer: Station, to: Station, stick: Path, *, records: list[dict[str, Any]],
          sender: str | None = None, seq: tuple[int, int] = (1, 1),
          blobs: tuple[bytes, ...] = ()) -> Path:
    """A bundle built by hand with the format's own writer (signed by `signer`)."""
    code = sender or signer.code
    town = to.desk.station.current
    assert town is not None
    keys = ensure_station_keys(signer.desk.data_dir)
    kind = bundle.KIND_CHANGES if town.kind.is_town else bundle.KIND_RETURN
    path = stick / f"{code}-crafted-{seq[0]}-{seq[1]}-{len(records)}{bundle.SUFFIX}"
    with open(path, "wb") as out:
        w = bundle.BundleWriter(out, kind=kind, sender=code, recipient=town.code,
                                seq_from=seq[0], seq_to=seq[1], keys=keys,
                                recipient_box=ensure_station_keys(to.desk.data_dir).box_public)
        counts: dict[str, int] = {}
        for r in records:
            counts[r["table"]] = counts.get(r["table"], 0) + 1
        w.manifest({"format": "station-desk-bundle", "format_version": 1,
                    "bundle_id": f"crafted-{code}-{seq}-{len(records)}",
                    "kind": bundle.KIND_NAMES[kind],
                    "station": {"code": code, "name": "?", "kind": "village"},
                    "town": {"code": town.code, "name": town.name},
                    "to": {"code": town.code, "name": town.name},
                    "seq_from": seq[0], "seq_to": seq[1], "records": len(records),
                    "counts": counts, "created_at": "2026-11-20T10:00:00+08:00",
                    "app_version": "test"})
        for b in blobs:
            w.blob(b)
        if records:
            w.records([json.dumps(r, ensure_ascii=False).encode() for r in records])
        w.finish()
    return path


def change(desk: Desk, table: str, record_id: str) -> dict[str, Any]:
    """The latest change-log entry of a record, as a bundle line."""
    row = desk.db.execute("SELECT seq, at, action, data FROM change_log WHERE table_name = ? "
                          "AND record_id = ? ORDER BY seq DESC LIMIT 1",
                          [table, record_id]).fetchone()
    return {"seq": row[0], "at": row[1], "table": table, "id": record_id, "action": row[2],
            "data": json.loads(row[3])}


def test_bad_records_are_quarantined_and_the_rest_imported(village: Station, town: Station,
                                                            stick: Path) -> None:
    good_no = register(village, 1)
    good = village.desk.cases.get(good_no)
    other_no = register(village, 2, "陈德福")
    other = change(village.desk, "cases", village.desk.cases.get(other_no).id)
    # a case claiming to belong to another village, and one with a status nobody knows
    foreign = {**other, "id": "01FOREIGNCASE0000000000000",
               "data": {**other["data"], "id": "01FOREIGNCASE0000000000000",
                        "station_code": VILLAGE_B, "case_no": f"{VILLAGE_B}-2026-00001"}}
    odd = {**other, "data": {**other["data"], "status": "办好了"}}
    # an event of a case the town has never received
    orphan = {"seq": 60, "at": "2026-11-20T10:00:00+08:00", "table": "case_events",
              "id": "01ORPHANEVENT0000000000000", "action": "insert",
              "data": {"id": "01ORPHANEVENT0000000000000", "case_id": "01NOSUCHCASE00000000000000",
                       "at": "2026-11-20T10:00:00+08:00", "actor_id": None,
                       "actor_name": "李明", "kind": "代办", "text": "已委托", "data": "{}",
                       "created_at": "2026-11-20T10:00:00+08:00",
                       "updated_at": "2026-11-20T10:00:00+08:00"}}
    records = [change(village.desk, "cases", good.id), foreign, odd, orphan]
    path = craft(village, town, stick, records=records, seq=(1, 60))
    report = town.sync.import_bundle(path)
    assert report.new == 1
    held = {q["id"]: q["reason"] for q in report.quarantined}
    assert set(held) == {foreign["id"], odd["id"], orphan["id"]}
    assert VILLAGE_B in held[foreign["id"]]
    assert "办好了" in held[odd["id"]]
    assert "尚未收到" in held[orphan["id"]]
    assert "未导入（有问题）" in report.text() and "隔离" not in report.text()
    assert len(town.sync.held()) == 3
    assert town.desk.cases.get(good_no).applicant.name == NAME
    with pytest.raises(UserError):
        town.desk.cases.get(f"{VILLAGE_B}-2026-00001")


def test_held_record_is_released_when_its_case_arrives(village: Station, town: Station,
                                                       stick: Path) -> None:
    case_no = register(village)
    case = village.desk.cases.get(case_no)
    events = [change(village.desk, "case_events", r[0]) for r in village.desk.db.execute(
        "SELECT id FROM case_events WHERE case_id = ?", [case.id])]
    first = craft(village, town, stick, records=events, seq=(2, 3))
    report = town.sync.import_bundle(first)
    assert len(report.quarantined) == len(events)
    later = craft(village, town, stick, records=[change(village.desk, "cases", case.id)],
                  seq=(1, 1))
    report = town.sync.import_bundle(later)
    assert report.new == 1 and len(report.released) == len(events)
    assert town.sync.held() == []
    assert len(town.desk.cases.timeline(town.desk.cases.get(case_no))) == len(events)


def test_town_keeps_its_result_village_keeps_its_intake(village: Station, town: Station,
                                                        stick: Path) -> None:
    case_no = register(village)
    village.desk.cases.proxy_step(case_no, ProxyStep.COLLECTED)
    village.desk.cases.proxy_step(case_no, ProxyStep.SUBMITTED)  # handed to the town
    town.sync.import_bundle(export(village, stick))
    town.desk.cases.advance(case_no, Status.IN_PROGRESS)
    town.desk.cases.proxy_step(case_no, ProxyStep.RESULT_BACK)
    # meanwhile the village corrects the phone and (wrongly) marks the case withdrawn
    case = village.desk.cases.get(case_no)
    from station_desk.db import cases_repo

    cases_repo.update_case(village.desk.db, case.id, {"phone": "13909159999"},
                           village.desk.session.actor)
    village.desk.cases.advance(case_no, Status.WITHDRAWN, "申请人撤回")
    report = town.sync.import_bundle(export(village, stick))
    at_town = town.desk.cases.get(case_no)
    assert at_town.applicant.phone == "13909159999"  # the village's intake field
    assert at_town.status == Status.IN_PROGRESS  # the town's, once it took the case over
    assert at_town.proxy_step == ProxyStep.RESULT_BACK
    assert any(k["field"] == "status" and k["theirs"] == "已撤回" for k in report.kept)
    assert "以本中心为准" in report.text()
    # and back at the village: status from the town, phone stays the village's
    village.sync.import_bundle(export(town, stick, for_code=VILLAGE))
    back = village.desk.cases.get(case_no)
    assert back.status == Status.IN_PROGRESS and back.applicant.phone == "13909159999"
    assert back.proxy_step == ProxyStep.RESULT_BACK


def test_catalogue_and_holidays_travel_back(village: Station, town: Station,
                                            stick: Path) -> None:
    from dataclasses import replace

    item = town.desk.catalogue.item(CLAIM)
    town.desk.catalogue.save_item(replace(item, fee="不收费（镇中心核实）"))
    schedule = {"year": 2099, "source": "测试用虚构安排",
                "holidays": [{"name": "国庆节", "dates": [f"2099-10-0{d}" for d in range(1, 8)]}],
                "workdays": ["2099-09-26", "2099-10-10"]}
    town.desk.holidays.import_holidays(json.dumps(schedule, ensure_ascii=False))
    seq = journal.last_seq(village.desk.db)
    report = village.sync.import_bundle(export(town, stick, for_code=VILLAGE))
    assert village.desk.catalogue.item(CLAIM).fee == "不收费（镇中心核实）"
    assert village.desk.calendar.current().knows(2099)
    assert report.holiday_years == [2099]
    assert report.by_table["catalogue_items"]["updated"] == 1
    # imported at the village without entering its outgoing log
    assert journal.last_seq(village.desk.db) == seq


def test_a_stick_pulled_out_halfway_leaves_no_complete_file(
        village: Station, town: Station, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    register(village)
    real_emit = bundle.BundleWriter._emit
    written = {"n": 0}

    def failing(self: bundle.BundleWriter, data: bytes) -> None:
        written["n"] += len(data)
        if written["n"] > 300:
            raise OSError(errno.EIO, "Input/output error")
        real_emit(self, data)

    monkeypatch.setattr(bundle.BundleWriter, "_emit", failing)
    monkeypatch.setattr(Path, "unlink", lambda self, missing_ok=False: None)  # stick is gone
    with pytest.raises(StorageError) as info:
        village.sync.export_to(stick)
    assert "U盘" in info.value.message
    names = [p.name for p in stick.iterdir() if p.is_file()]
    assert names and all(n.endswith(bundle.PARTIAL) for n in names)
    assert sync_log.list_exports(village.desk.db) == []
    monkeypatch.undo()
    out = village.sync.export_to(stick)  # the next try starts from the same place
    assert out.seq_from == 1
    assert town.sync.import_bundle(out.path).new == out.records


def test_dry_run_writes_nothing(village: Station, town: Station, stick: Path) -> None:
    register(village)
    path = export(village, stick)
    before = dump(town.desk)
    report = town.sync.import_bundle(path, dry_run=True)
    assert report.dry_run and report.new > 0 and "试导入" in report.text()
    assert dump(town.desk) == before


def test_verify_reports_origin_without_importing(village: Station, town: Station,
                                                 stick: Path) -> None:
    register(village)
    path = export(village, stick)
    before = dump(town.desk)
    info = town.sync.verify(path)
    assert info["ok"] and info["station"] == VILLAGE and info["station_name"] == "西沟村便民服务站"
    assert info["already_imported"] is None
    assert dump(town.desk) == before
    own = village.sync.verify(path)
    assert own["ok"] and own["decrypted"] is False


def test_town_views(village: Station, town: Station, stick: Path) -> None:
    late = register(village, 1)
    register(village, 2, "陈德福", proxy=False)
    town.sync.import_bundle(export(village, stick))
    [v] = town.sync.villages()
    assert v.name == "西沟村便民服务站" and v.by_status == {"已受理": 2}
    assert v.last_import_at and v.last_seq == journal.last_seq(village.desk.db)
    overdue = town.sync.overdue_proxied(datetime(2027, 1, 20).date())
    assert [c.case_no for c in overdue] == [late]
    assert overdue[0].station_name == "西沟村便民服务站" and overdue[0].days_over > 0
    assert town.sync.overdue_proxied(datetime(2026, 11, 3).date()) == []


def test_bundles_on_the_stick_are_listed(village: Station, town: Station, stick: Path) -> None:
    register(village)
    path = export(village, stick)
    (stick / ("junk" + bundle.SUFFIX)).write_bytes(b"nothing")
    found = town.sync.bundles_in(stick)
    assert found[0][0] == path and found[0][1] is not None
    assert any(h is None for _, h, _ in found)


def test_key_file_is_private_and_not_in_the_archive(village: Station, town: Station) -> None:
    keys = ensure_station_keys(village.desk.data_dir)
    assert keys.path.parent == village.desk.data_dir / "keys"
    assert keys.path.stat().st_mode & 0o777 == 0o600
    secrets = [bytes(keys.signing), bytes(keys.box)]
    secrets += [base64.b64encode(s) for s in secrets]
    village.desk.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    (village.desk.data_dir.parent / "bk").mkdir()
    backup = village.desk.backups.backup_to(village.desk.data_dir.parent / "bk")
    for blob in (village.desk.store.path.read_bytes(), backup.read_bytes()):
        assert not any(s in blob for s in secrets)
    assert ensure_station_keys(village.desk.data_dir).fingerprint == keys.fingerprint


def test_cancelled_export_and_import_leave_nothing(village: Station, town: Station,
                                                   stick: Path) -> None:
    register(village)

    def cancel(done: int, total: int) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        village.sync.export_to(stick, progress=cancel)
    assert [p for p in stick.iterdir() if p.is_file()] == []
    assert sync_log.list_exports(village.desk.db) == []
    path = export(village, stick)
    before = dump(town.desk)
    with pytest.raises(Cancelled):
        town.sync.import_bundle(path, progress=cancel)
    assert dump(town.desk) == before


def test_a_case_keeps_its_after_hours_session_at_the_town(
        village: Station, town: Station, stick: Path) -> None:
    """After-hours sessions travel (with their station), so the case's link holds."""
    from station_desk.db import cases_repo

    case_no = register(village)
    case = village.desk.cases.get(case_no)
    journal.insert(village.desk.db, "after_hours", {
        "id": "01AFTERHOURS00000000000000", "day": "2026-11-02", "closing": "17:30",
        "end_time": "18:10", "staff": "李明", "served": 1, "note": ""}, village.desk.session.actor)
    cases_repo.update_case(village.desk.db, case.id,
                           {"after_hours_id": "01AFTERHOURS00000000000000"},
                           village.desk.session.actor)
    out = village.sync.export_to(stick)
    assert out.counts["after_hours"] == 1
    report = town.sync.import_bundle(out.path)
    assert report.quarantined == [] and report.skipped == {}
    row = town.desk.db.execute("SELECT after_hours_id FROM cases WHERE id = ?",
                               [case.id]).fetchone()
    assert row[0] == "01AFTERHOURS00000000000000"
    # the session is the village's (filled in: it was written without a station)
    assert town.desk.db.execute("SELECT station_code FROM after_hours").fetchall() == [
        (VILLAGE,)]
    assert town.sync.import_bundle(village.sync.export_to(stick, again=True).path).updated == 0


def test_a_withdrawn_session_travels_with_cancelled_at_and_old_rows_still_import(
        village: Station, town: Station, stick: Path) -> None:
    """The bundle carries cancelled_at and its reason; a row in the older shape
    (journal.insert writes the row as given: no such column, a withdrawal told by
    its note) imports, and its withdrawal is read from the note as migration 0020 does."""
    actor = village.desk.session.actor
    db = village.desk.db

    def session(session_id: str, served: int, note: str) -> None:
        journal.insert(db, "after_hours", {
            "id": session_id, "day": "2026-11-02", "closing": "17:30",
            "end_time": "18:10" if served else "17:30", "staff": "[\"李明\"]",
            "served": served, "note": note}, actor)

    session("01NEWWITHDRAWN000000000000", 0, "")
    journal.update(db, "after_hours", "01NEWWITHDRAWN000000000000",
                   {"cancelled_at": "2026-11-02T17:33:00+08:00", "cancel_reason": "误点了开始"},
                   actor)
    session("01OLDWITHDRAWN000000000000", 0, "已撤销：点错了")
    session("01HELD00000000000000000000", 2, "")
    report = town.sync.import_bundle(village.sync.export_to(stick).path)
    assert report.quarantined == [] and report.skipped == {}
    rows = {r[0]: r[1:] for r in town.desk.db.execute(
        "SELECT id, cancelled_at, cancel_reason, note FROM after_hours").fetchall()}
    assert rows["01NEWWITHDRAWN000000000000"] == ("2026-11-02T17:33:00+08:00", "误点了开始", "")
    old_at, old_reason, old_note = rows["01OLDWITHDRAWN000000000000"]
    assert old_at and (old_reason, old_note) == ("点错了", "")
    assert rows["01HELD00000000000000000000"] == (None, "", "")
    from station_desk.db import stats_repo
    counts = stats_repo.service_counts(town.desk.db, datetime(2026, 11, 2).date(),
                                       datetime(2026, 11, 2).date(), VILLAGE)
    assert (counts["after_hours_sessions"], counts["after_hours_served"]) == (1, 2)


def test_town_has_a_proxied_case_once_it_is_handed_over(village: Station, town: Station,
                                                        stick: Path) -> None:
    handed = register(village, 1)
    village.desk.cases.proxy_step(handed, ProxyStep.COLLECTED)
    village.desk.cases.proxy_step(handed, ProxyStep.SUBMITTED)
    own = register(village, 2, "陈德福", proxy=False)
    town.sync.import_bundle(export(village, stick))
    # the town only re-dates one of them (not a status change: no take-over)
    from station_desk.db import cases_repo

    cases_repo.update_case(town.desk.db, town.desk.cases.get(own).id,
                           {"deadline": "2026-11-20"}, town.desk.session.actor)
    village.desk.cases.advance(handed, Status.WITHDRAWN, "申请人撤回")
    village.desk.cases.advance(own, Status.COMPLETED)
    report = town.sync.import_bundle(export(village, stick))
    assert town.desk.cases.get(handed).status == Status.ACCEPTED  # the town's now
    assert town.desk.cases.get(own).status == Status.COMPLETED  # still the village's
    assert [k["case_no"] for k in report.kept if k["field"] == "status"] == [handed]
