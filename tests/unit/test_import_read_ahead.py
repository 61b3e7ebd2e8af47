"""The import reads and checks a bundle's next chunk on a helper thread while
it writes the one before (sync/read_ahead.py): the checks still decide what is
held back, a damaged chunk after good ones or a cancel between chunks leaves
nothing written, and the helper is gone afterwards."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from test_hostile_bundles import _finish, _hand_made
from test_sync_roundtrip import (  # the round trip's own stations and bundle crafting
    NAME,
    Station,
    change,
    dump,
    register,
    stick,
    town,
    village,
)

from station_desk.domain.errors import Cancelled, UserError
from station_desk.sync import bundle, export, record_problems

__all__ = ["stick", "town", "village"]  # fixtures, used by name

NAMES = ["王秀英", "陈德福", "李桂兰", "张建国", "刘秀芳"]
HELPER = "bundle-read-ahead"


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundles of two records a chunk, so a few cases make several chunks."""
    monkeypatch.setattr(export, "CHUNK_RECORDS", 2)


def _helpers() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith(HELPER)]


def _five_cases(village: Station) -> list[str]:
    return [village.desk.cases.get(register(village, n, name)).id
            for n, name in enumerate(NAMES, start=1)]


@pytest.mark.usefixtures("small_chunks")
def test_records_are_checked_on_the_helper_and_its_findings_hold_them_back(
        village: Station, town: Station, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _five_cases(village)
    path = village.sync.export_to(stick).path
    checked: list[tuple[str, str]] = []
    real = record_problems.row_problem

    def row_problem(table: str, row: dict[str, Any], **_: Any) -> str:
        checked.append((str(row["id"]), threading.current_thread().name))
        return "测试：第四件不收" if row["id"] == ids[3] else real(table, row, **_)

    monkeypatch.setattr(record_problems, "row_problem", row_problem)
    report = town.sync.import_bundle(path)
    on_helper = sorted(i for i, who in checked if who.startswith(HELPER) and i in ids)
    assert on_helper == sorted(ids)  # each once; the one held is retried at the end
    assert [i for i, who in checked if not who.startswith(HELPER) and i in ids] == [ids[3]]
    assert report.by_table["cases"]["new"] == 4
    assert [(q["id"], q["reason"]) for q in report.quarantined
            if q["table"] == "cases"] == [(ids[3], "测试：第四件不收")]
    stored = {r[0] for r in town.desk.db.execute("SELECT id FROM cases")}
    assert stored & set(ids) == set(ids) - {ids[3]}
    assert _helpers() == []


@pytest.mark.usefixtures("small_chunks")
def test_a_cancel_between_chunks_leaves_nothing(village: Station, town: Station,
                                               stick: Path) -> None:
    _five_cases(village)
    path = village.sync.export_to(stick).path
    before = dump(town.desk)
    calls: list[int] = []

    def cancel_after_first(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 2:  # two chunks written, more read ahead
            raise Cancelled()

    with pytest.raises(Cancelled):
        town.sync.import_bundle(path, progress=cancel_after_first)
    assert calls[-1] < sum(1 for _ in village.desk.db.execute("SELECT 1 FROM change_log"))
    assert dump(town.desk) == before
    assert _helpers() == []
    assert town.sync.import_bundle(path).new > 0  # and the bundle imports afterwards


def test_an_unreadable_later_chunk_leaves_nothing_written(village: Station, town: Station,
                                                          stick: Path) -> None:
    ids = _five_cases(village)
    recs = [change(village.desk, "cases", i) for i in ids]
    good = [json.dumps(r, ensure_ascii=False).encode() for r in recs[:4]]
    bad = json.dumps(recs[4], ensure_ascii=False).replace('"note": ""', '"note": ' + "10" * 40)
    path = stick / f"raw-two-chunks{bundle.SUFFIX}"
    w = _hand_made(village, town, path, seq=(1, 50), records=5, counts={"cases": 5})
    w.records(good[:2])
    w.records(good[2:])
    w.records([bad.encode()])
    _finish(w)
    before = dump(town.desk)
    with pytest.raises(UserError):
        town.sync.import_bundle(path)
    assert dump(town.desk) == before
    assert _helpers() == []


def test_a_record_repeated_in_a_later_chunk_is_unchanged_there(
        village: Station, town: Station, stick: Path) -> None:
    """The later chunk is read ahead before the first is written: its versions are
    looked at again when it is written, so the repeat is not written twice."""
    case_id = village.desk.cases.get(register(village, 1, NAME)).id
    line = json.dumps(change(village.desk, "cases", case_id), ensure_ascii=False).encode()
    path = stick / f"raw-repeat{bundle.SUFFIX}"
    w = _hand_made(village, town, path, seq=(1, 50), records=2, counts={"cases": 2})
    w.records([line])
    w.records([line])
    _finish(w)
    report = town.sync.import_bundle(path)
    assert (report.new, report.unchanged, report.quarantined) == (1, 1, [])
    assert town.desk.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'cases' "
                                "AND record_id = ?", [case_id]).fetchone()[0] == 1
