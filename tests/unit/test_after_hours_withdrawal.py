"""A withdrawn after-hours session is told by its `cancelled_at` column, not by its
note: migration 0020 moves the old "已撤销：" notes into it, the list and the
statistics read it, and a real session with nobody served still counts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from station_desk.db import service_repo, station_repo, stats_repo
from station_desk.db.connection import open_database
from station_desk.db.service_repo import upgrade_old_session_row
from station_desk.domain.actor import Actor
from station_desk.domain.station import OfficeHours, StationKind

ACTOR = Actor.system("测试")
DAY = date(2026, 11, 20)
MIGRATION = "0020_after_hours_cancelled"


def _session(session_id: str, served: int, note: str) -> dict[str, object]:
    return {"id": session_id, "day": DAY.isoformat(), "closing": "17:30",
            "end_time": "17:30" if not served else "18:10", "staff": json.dumps(["李明"]),
            "served": served, "note": note}


def test_old_withdrawals_are_migrated_and_only_they_stop_counting(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    db = open_database(path, stop_before=MIGRATION)
    try:
        station_repo.create_station(
            db, code="610922101201", name="西沟村便民服务站", kind=StationKind.VILLAGE,
            town_code="", town_name="", address="", phone="", office_hours=OfficeHours(),
            windows=["综合窗口"], actor=ACTOR)
        for row in (_session("withdrawn", 0, "已撤销：误点了开始"),
                    _session("nobody-came", 0, ""),  # held, nobody served: still held
                    _session("held", 3, "已撤销：这三个字只是备注的开头"),
                    _session("usual", 2, "")):
            service_repo.insert(db, "after_hours", row, ACTOR)
    finally:
        db.close()
    db = open_database(path)
    try:
        sessions = {s.id: s for s in service_repo.sessions_between(db, DAY, DAY)}
        counts = stats_repo.service_counts(db, DAY, DAY, None)
    finally:
        db.close()
    withdrawn = sessions.pop("withdrawn")
    assert withdrawn.cancelled and withdrawn.cancel_reason == "误点了开始"
    assert withdrawn.note == "" and withdrawn.cancelled_at is not None
    assert not any(s.cancelled for s in sessions.values())
    assert sessions["held"].note == "已撤销：这三个字只是备注的开头"
    assert counts["after_hours_sessions"] == 3  # nobody-came, held, usual
    assert counts["after_hours_served"] == 5
    assert counts["after_hours_minutes"] == 2 * 40


def test_an_old_bundle_row_is_read_as_the_migration_reads_it() -> None:
    old = {**_session("withdrawn", 0, "已撤销：误点了开始"), "updated_at": "2026-11-20T17:32"}
    upgraded = upgrade_old_session_row(old)
    assert (upgraded["cancelled_at"], upgraded["cancel_reason"], upgraded["note"]) == (
        "2026-11-20T17:32", "误点了开始", "")
    plain = _session("usual", 2, "")
    assert upgrade_old_session_row(plain) == plain  # stays without the columns
    new = {**old, "cancelled_at": None, "cancel_reason": ""}
    assert upgrade_old_session_row(new) == new  # a new-format row is taken as it is
