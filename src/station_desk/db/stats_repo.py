"""Counting queries for reports: one pass per table, grouped in SQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from .ratings_repo import COUNTED_LEVEL, COUNTS, SATISFIED

Counts = dict[str, Any]


def _bounds(first: date, last: date) -> tuple[str, str]:
    return first.isoformat(), (last + timedelta(days=1)).isoformat()


def _within(first: date, last: date, column: str,
            station: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause (and its values) for cases whose `column` falls in the
    period, at one station or (None) at all."""
    start, end = _bounds(first, last)
    where = f"{column} >= ? AND {column} < ?"
    params: list[Any] = [start, end]
    if station:
        where += " AND station_code = ?"
        params.append(station)
    return where, params


def _grouped(db: Database, column: str, where: str, params: list[Any]) -> dict[str, int]:
    return {str(k): int(n) for k, n in db.execute(
        f"SELECT {column}, COUNT(*) FROM cases WHERE {where} GROUP BY {column} "
        f"ORDER BY COUNT(*) DESC", params).fetchall()}


def case_counts(db: Database, first: date, last: date, station: str | None) -> Counts:
    start, end = _bounds(first, last)
    where, params = _within(first, last, "received_at", station)
    one = db.execute(
        f"""SELECT COUNT(*),
              SUM(case_type = '即办件' AND status NOT IN ('不予受理', '已退回', '已撤回')),
              SUM(case_type = '即办件' AND status = '已办结'
                  AND substr(completed_at, 1, 10) = substr(received_at, 1, 10)),
              SUM(proxy)
            FROM cases WHERE {where}""", params).fetchone()
    done_where, done_params = _within(first, last, "completed_at", station)
    done_where += " AND case_type IN ('承诺件', '联办件')"
    done = db.execute(
        f"SELECT COUNT(*), SUM(substr(completed_at, 1, 10) <= deadline) FROM cases "
        f"WHERE {done_where}", done_params).fetchone()
    open_where = "sort_key >= '0' AND sort_key < '1'" + (" AND station_code = ?" if station
                                                         else "")
    open_params: list[Any] = [station] if station else []
    # overdue as the case list counts it: the promised date is before the day
    # (a case due on `last` is not late yet; a future `last` means today)
    as_of = min(last, date.today())
    overdue = db.execute(
        f"SELECT COUNT(*), SUM(proxy) FROM cases WHERE {open_where} AND deadline < ?",
        [*open_params, as_of.isoformat()]).fetchone()
    proxy_open = db.execute(f"SELECT COUNT(*) FROM cases WHERE {open_where} AND proxy = 1",
                            open_params).fetchone()
    delivered = db.execute(
        "SELECT COUNT(DISTINCT e.case_id) FROM case_events e JOIN cases c ON c.id = e.case_id "
        "WHERE e.kind = '代办' AND e.text LIKE '已送达申请人%' AND e.at >= ? AND e.at < ?"
        + (" AND c.station_code = ?" if station else ""),
        [start, end, *([station] if station else [])]).fetchone()
    return {
        "received": int(one[0] or 0), "immediate": int(one[1] or 0),
        "immediate_on_spot": int(one[2] or 0), "proxy_received": int(one[3] or 0),
        "promised_done": int(done[0] or 0), "promised_on_time": int(done[1] or 0),
        "overdue_open": int(overdue[0] or 0), "proxy_open": int(proxy_open[0] or 0),
        "proxy_delivered": int(delivered[0] or 0),
        "by_category": _grouped(db, "category", where, params),
        "by_type": _grouped(db, "case_type", where, params),
        "by_status": _grouped(db, "status", where, params),
    }


def service_counts(db: Database, first: date, last: date, station: str | None) -> Counts:
    """Appointments, after-hours service, complaints and ratings of one station
    (or of every station in the archive: None)."""
    start, end = _bounds(first, last)
    mine = " AND station_code = ?" if station else ""
    by: list[Any] = [station] if station else []
    appts = dict(db.execute("SELECT status, COUNT(*) FROM appointments WHERE at >= ? AND at < ?"
                            f"{mine} GROUP BY status", [start, end, *by]).fetchall())
    hours = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(served), 0), COALESCE(SUM("
        "(CAST(substr(end_time, 1, 2) AS INTEGER) * 60 + CAST(substr(end_time, 4, 2) AS INTEGER))"
        " - (CAST(substr(closing, 1, 2) AS INTEGER) * 60 + CAST(substr(closing, 4, 2) AS INTEGER))"
        "), 0) FROM after_hours WHERE day >= ? AND day <= ? AND end_time IS NOT NULL"
        " AND cancelled_at IS NULL" + mine,  # a withdrawn session does not count
        [first.isoformat(), last.isoformat(), *by]).fetchone()
    complaints = db.execute(
        "SELECT SUM(received_at >= ? AND received_at < ?), "
        "SUM(closed_at >= ? AND closed_at < ?), "
        "SUM(status NOT IN ('办结', '不予受理') AND received_at < ?) FROM complaints"
        + (" WHERE station_code = ?" if station else ""),
        [start, end, start, end, end, *by]).fetchone()
    ratings = db.execute(
        f"SELECT COUNT(*), SUM({COUNTED_LEVEL} IN {SATISFIED}) FROM ratings r "
        f"JOIN cases c ON c.id = r.case_id WHERE r.rated_at >= ? AND r.rated_at < ? AND {COUNTS}"
        + (" AND c.station_code = ?" if station else ""), [start, end, *by]).fetchone()
    return {
        "appts_served": int(appts.get("已服务", 0)), "appts_missed": int(appts.get("未到", 0)),
        "appts_cancelled": int(appts.get("已取消", 0)),
        "after_hours_sessions": int(hours[0] or 0), "after_hours_served": int(hours[1] or 0),
        "after_hours_minutes": int(hours[2] or 0),
        "complaints_received": int(complaints[0] or 0),
        "complaints_closed": int(complaints[1] or 0),
        "complaints_open": int(complaints[2] or 0),
        "ratings": int(ratings[0] or 0), "ratings_satisfied": int(ratings[1] or 0),
    }
