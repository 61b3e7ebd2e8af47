"""The questions 今日, 待补正 warnings, reports and export ask of a big archive are
answered from an index, never a scan of every case (EXPLAIN QUERY PLAN)."""

from __future__ import annotations

import pytest

from station_desk.domain.cases import Status
from station_desk.services.desk import Desk


def plan(desk: Desk, sql: str, params: list[object]) -> str:
    rows = desk.db.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " | ".join(str(r[-1]) for r in rows)


@pytest.mark.parametrize(("sql", "params", "index"), [
    ("SELECT * FROM cases WHERE status = ? AND station_code = ?",
     [Status.SUPPLEMENT.value, "x"], "cases_status"),
    ("SELECT * FROM cases WHERE status = ? AND supplement_notice_at IS NULL "
     "AND supplement_due <= ? AND station_code = ? ORDER BY supplement_due",
     [Status.SUPPLEMENT.value, "2026-12-01", "x"], "cases_status"),
    ("SELECT COUNT(*) FROM cases WHERE completed_at >= ? AND completed_at < ?",
     ["2026-11-01", "2026-12-01"], "cases_completed"),
    ("SELECT COUNT(*) FROM cases WHERE received_at >= ? AND received_at < ? "
     "AND station_code = ?", ["2026-12-01", "2026-12-01~", "x"], "INDEX"),
    # 今日's open, overdue and due-soon counts: index only, no case row read (each
    # row read is a page decrypted)
    ("SELECT COUNT(*) FROM cases WHERE sort_key >= '0' AND sort_key < '1' "
     "AND station_code = ?", ["x"], "COVERING INDEX cases_station_open"),
    ("SELECT MIN(seq), MAX(seq) FROM change_log WHERE seq BETWEEN ? AND ? "
     "AND table_name IN ('cases', 'case_events') GROUP BY table_name, record_id",
     [1, 100], "INDEX"),
])
def test_key_queries_use_an_index(village: Desk, sql: str, params: list[object],
                                  index: str) -> None:
    village.db.execute("ANALYZE")  # statistics as a real archive has after a while
    found = plan(village, sql, params)
    assert index in found, found
    assert "SCAN cases" not in found or "USING" in found, found


def test_todays_counts_take_the_narrow_index_without_statistics(village: Desk) -> None:
    # nothing in the program runs ANALYZE: the plans must not depend on it
    received = plan(village, "SELECT COUNT(*), SUM(status = ?), SUM(proxy) FROM cases "
                    "WHERE received_at >= ? AND received_at < ? AND +station_code = ?",
                    ["已办结", "2026-12-01", "2026-12-01~", "x"])
    assert "cases_received" in received, received
    open_now = plan(village, "SELECT COUNT(*) FROM cases WHERE station_code = ? "
                    "AND sort_key >= '0' AND sort_key < ?", ["x", "1"])
    assert "COVERING INDEX cases_station_open" in open_now, open_now
    waiting = plan(village, "SELECT * FROM cases WHERE status = ? AND station_code = ?",
                   [Status.SUPPLEMENT.value, "x"])
    assert "cases_status_station" in waiting, waiting
