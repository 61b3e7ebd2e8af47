"""What an import leaves in the town's archive, row for row: a mixed bundle
(new cases and events, damaged rows, a case number clash, an orphan event),
then a second bundle with unchanged, updated, repaired and new records. The
rows (ids, clock times and file hashes replaced by placeholders) must equal
`data/import_content.json`, recorded from the record-by-record importer
before it was made faster, and the audit chain must verify: same rows in the
same order give the same chain hashes.

Set STATION_DESK_RECORD_IMPORT_CONTENT=1 to write the file anew (only when a
change of the stored content is intended)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from test_sync_roundtrip import (  # the round trip's own stations and bundle crafting
    Station,
    change,
    craft,
    register,
    stick,
    town,
    village,
)

from station_desk.db import audit_chain
from station_desk.sync import record_problems

__all__ = ["stick", "town", "village"]  # fixtures, used by name

GOLDEN = Path(__file__).parent / "data" / "import_content.json"
RECORD_ENV = "STATION_DESK_RECORD_IMPORT_CONTENT"
TABLES = ("cases", "case_events", "case_name_grams", "sync_versions", "sync_quarantine",
          "audit_log")
ULID = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{26}\b")
WHEN = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?")
ORDER = {"case_name_grams": "gram, case_id", "sync_versions": "table_name, record_id"}
HEX = re.compile(r"\b[0-9a-f]{64}\b")
NAMES = ["王秀英", "陈德福", "李桂兰", "张建国", "刘秀芳", "杨明", "赵春梅", "黄海涛", "周丽",
         "吴志平", "徐红霞", "孙德华"]


def _records(village: Station) -> list[dict[str, Any]]:
    """Every record of the village's change log, latest state, in log order."""
    latest = village.desk.db.execute(
        "SELECT table_name, record_id, MAX(seq) FROM change_log GROUP BY table_name, "
        "record_id ORDER BY MAX(seq)").fetchall()
    return [change(village.desk, t, r) for t, r, _ in latest
            if t in ("cases", "case_events")]


def _normalised(town: Station, names: dict[str, str], audit_from: int
                ) -> dict[str, list[list[Any]]]:
    """The town's rows (the audit trail from `audit_from` on), ids numbered by first
    appearance, times and hashes hidden."""
    raw = {t: [list(r) for r in town.desk.db.execute(
        f"SELECT * FROM [{t}] {'WHERE id >= ?' if t == 'audit_log' else ''} "
        f"ORDER BY {ORDER.get(t, 'id')}", [audit_from] if t == "audit_log" else []
    ).fetchall()] for t in TABLES}
    for row in raw["audit_log"]:
        row[0] -= audit_from

    # ids numbered in the order the audit trail first names them
    return {t: [[_clean(v, names) for v in row] for row in raw[t]]
            for t in ("audit_log", *[t for t in TABLES if t != "audit_log"])}


def _clean(value: Any, names: dict[str, str]) -> Any:
    if not isinstance(value, str):
        return value
    value = ULID.sub(lambda m: names.setdefault(m.group(), f"<id{len(names)}>"), value)
    return HEX.sub("<sha256>", WHEN.sub("<time>", value))


def test_an_import_stores_exactly_what_it_stored_before(village: Station, town: Station,
                                                        stick: Path) -> None:
    for n, name in enumerate(NAMES, start=1):
        register(village, n, name, proxy=n % 3 != 0)
    records = _records(village)
    cases = [r for r in records if r["table"] == "cases"]
    damaged, clash, bidi = cases[4], cases[7], cases[9]
    damaged["data"] = {**damaged["data"], "channel": "飞鸽传书"}
    clash["data"] = {**clash["data"], "case_no": cases[2]["data"]["case_no"]}
    bidi["data"] = {**bidi["data"], "applicant_name": "王\u202e英"}
    orphan = {"seq": 900, "at": "2026-11-20T10:00:00+08:00", "table": "case_events",
              "id": "01ORPHANEVENT0000000000000", "action": "insert",
              "data": {"id": "01ORPHANEVENT0000000000000",
                       "case_id": "01NOSUCHCASE00000000000000",
                       "at": "2026-11-20T10:00:00+08:00", "actor_id": None,
                       "actor_name": "李明", "kind": "代办", "text": "已委托", "data": "{}",
                       "created_at": "2026-11-20T10:00:00+08:00",
                       "updated_at": "2026-11-20T10:00:00+08:00"}}
    audit_from = int(town.desk.db.execute("SELECT MAX(id) + 1 FROM audit_log").fetchone()[0])
    first = town.sync.import_bundle(craft(village, town, stick, records=[*records, orphan],
                                          seq=(1, 900)))
    # the three bad cases, their two events each (their case is held) and the orphan
    assert len(first.quarantined) == 10
    # again: most unchanged, one updated, the damaged one repaired, the clash still there
    again = [dict(r) for r in _records(village)]
    by_id = {r["id"]: r for r in again}
    updated = by_id[cases[1]["id"]]
    updated["seq"] = 950
    updated["data"] = {**updated["data"], "phone": "13800000000", "applicant_name": "陈德富"}
    by_id[damaged["id"]]["seq"] = 951
    by_id[clash["id"]]["data"] = clash["data"]
    second = town.sync.import_bundle(craft(village, town, stick, records=again, seq=(1, 951)))
    # the repaired case and the one without its bidi mark, with their events
    assert (second.new, second.updated) == (6, 1)
    assert not audit_chain.check(town.desk.db).problems
    names: dict[str, str] = {}
    content = _normalised(town, names, audit_from)
    content["reports"] = [[r.new, r.updated, r.unchanged, sorted(
        (q["table"], _clean(q["reason"], names)) for q in r.quarantined)]
        for r in (first, second)]
    if os.environ.get(RECORD_ENV):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(content, ensure_ascii=False, indent=0) + "\n", "utf-8")
    assert json.loads(json.dumps(content)) == json.loads(GOLDEN.read_text("utf-8"))


def test_unchanged_records_are_neither_checked_nor_written_again(
        village: Station, town: Station, stick: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for n, name in enumerate(NAMES[:3], start=1):
        register(village, n, name)
    town.sync.import_bundle(village.sync.export_to(stick).path)
    again = village.sync.export_to(stick, again=True)
    written = "SELECT COUNT(*) FROM audit_log WHERE table_name != 'sync_imports'"
    before = town.desk.db.execute(written).fetchone()[0]
    checked: list[str] = []
    monkeypatch.setattr(record_problems, "row_problem",
                        lambda table, row, **_: checked.append(str(row["id"])) or "")
    report = town.sync.import_bundle(again.path)
    assert report.unchanged == again.records > 3
    assert checked == []  # the stored version says it is the same state: no validation
    assert town.desk.db.execute(written).fetchone()[0] == before
