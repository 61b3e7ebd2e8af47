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


def _by_station(rows: list[Any]) -> dict[str, tuple[Any, ...]]:
    """{station_code: the rest of its row} from rows that start with the code."""
    return {str(r[0]): tuple(r[1:]) for r in rows}


def _grouped(db: Database, column: str, where: str, params: list[Any]
             ) -> dict[str, dict[str, int]]:
    """{station: {value of `column`: count}}, most frequent first."""
    out: dict[str, dict[str, int]] = {}
    for code, key, n in db.execute(
            f"SELECT station_code, {column}, COUNT(*) FROM cases WHERE {where} "
            f"GROUP BY station_code, {column} ORDER BY COUNT(*) DESC", params).fetchall():
        out.setdefault(str(code), {})[str(key)] = int(n)
    return out


def _n(row: tuple[Any, ...] | None, at: int) -> int:
    return int(row[at] or 0) if row is not None else 0


def case_counts_by_station(db: Database, first: date, last: date,
                           station: str | None = None) -> dict[str, Counts]:
    """The case figures of every station in the archive (or only `station`), each
    query grouped by station: as many statements for thirty villages as for one."""
    start, end = _bounds(first, last)
    where, params = _within(first, last, "received_at", station)
    one = _by_station(db.execute(
        f"""SELECT station_code, COUNT(*),
              SUM(case_type = '即办件' AND status NOT IN ('不予受理', '已退回', '已撤回')),
              SUM(case_type = '即办件' AND status = '已办结'
                  AND substr(completed_at, 1, 10) = substr(received_at, 1, 10)),
              SUM(proxy)
            FROM cases WHERE {where} GROUP BY station_code""", params).fetchall())
    done_where, done_params = _within(first, last, "completed_at", station)
    done_where += " AND case_type IN ('承诺件', '联办件')"
    done = _by_station(db.execute(
        f"SELECT station_code, COUNT(*), SUM(substr(completed_at, 1, 10) <= deadline) "
        f"FROM cases WHERE {done_where} GROUP BY station_code", done_params).fetchall())
    open_where = "sort_key >= '0' AND sort_key < '1'" + (" AND station_code = ?" if station
                                                         else "")
    open_params: list[Any] = [station] if station else []
    # overdue as the case list counts it: the promised date is before the day
    # (a case due on `last` is not late yet; a future `last` means today)
    as_of = min(last, date.today())
    overdue = _by_station(db.execute(
        f"SELECT station_code, COUNT(*), SUM(proxy) FROM cases WHERE {open_where} "
        "AND deadline < ? GROUP BY station_code",
        [*open_params, as_of.isoformat()]).fetchall())
    proxy_open = _by_station(db.execute(
        f"SELECT station_code, COUNT(*) FROM cases WHERE {open_where} AND proxy = 1 "
        "GROUP BY station_code", open_params).fetchall())
    delivered = _by_station(db.execute(
        "SELECT c.station_code, COUNT(DISTINCT e.case_id) FROM case_events e "
        "JOIN cases c ON c.id = e.case_id "
        "WHERE e.kind = '代办' AND e.text LIKE '已送达申请人%' AND e.at >= ? AND e.at < ?"
        + (" AND c.station_code = ?" if station else "") + " GROUP BY c.station_code",
        [start, end, *([station] if station else [])]).fetchall())
    by_category = _grouped(db, "category", where, params)
    by_type = _grouped(db, "case_type", where, params)
    by_status = _grouped(db, "status", where, params)
    codes = {*one, *done, *overdue, *proxy_open, *delivered}
    return {code: _case_row(code, one, done, overdue, proxy_open, delivered,
                            by_category, by_type, by_status) for code in codes}


def _case_row(code: str, one: dict[str, tuple[Any, ...]], done: dict[str, tuple[Any, ...]],
              overdue: dict[str, tuple[Any, ...]], proxy_open: dict[str, tuple[Any, ...]],
              delivered: dict[str, tuple[Any, ...]], by_category: dict[str, dict[str, int]],
              by_type: dict[str, dict[str, int]], by_status: dict[str, dict[str, int]]
              ) -> Counts:
    """One station's case counts from the grouped rows (zeros where it has none)."""
    return {
        "received": _n(one.get(code), 0), "immediate": _n(one.get(code), 1),
        "immediate_on_spot": _n(one.get(code), 2), "proxy_received": _n(one.get(code), 3),
        "promised_done": _n(done.get(code), 0), "promised_on_time": _n(done.get(code), 1),
        "overdue_open": _n(overdue.get(code), 0), "proxy_open": _n(proxy_open.get(code), 0),
        "proxy_delivered": _n(delivered.get(code), 0),
        "by_category": by_category.get(code, {}), "by_type": by_type.get(code, {}),
        "by_status": by_status.get(code, {}),
    }


def service_counts_by_station(db: Database, first: date, last: date,
                              station: str | None = None) -> dict[str, Counts]:
    """Appointments, after-hours service, complaints and ratings of every station
    in the archive (or only `station`), each query grouped by station."""
    start, end = _bounds(first, last)
    mine = " AND station_code = ?" if station else ""
    by: list[Any] = [station] if station else []
    appts: dict[str, dict[str, int]] = {}
    for code, state, n in db.execute(
            "SELECT station_code, status, COUNT(*) FROM appointments WHERE at >= ? AND at < ?"
            f"{mine} GROUP BY station_code, status", [start, end, *by]).fetchall():
        appts.setdefault(str(code), {})[str(state)] = int(n)
    hours = _by_station(db.execute(
        "SELECT station_code, COUNT(*), COALESCE(SUM(served), 0), COALESCE(SUM("
        "(CAST(substr(end_time, 1, 2) AS INTEGER) * 60 + CAST(substr(end_time, 4, 2) AS INTEGER))"
        " - (CAST(substr(closing, 1, 2) AS INTEGER) * 60 + CAST(substr(closing, 4, 2) AS INTEGER))"
        "), 0) FROM after_hours WHERE day >= ? AND day <= ? AND end_time IS NOT NULL"
        " AND cancelled_at IS NULL" + mine  # a withdrawn session does not count
        + " GROUP BY station_code",
        [first.isoformat(), last.isoformat(), *by]).fetchall())
    complaints = _by_station(db.execute(
        "SELECT station_code, SUM(received_at >= ? AND received_at < ?), "
        "SUM(closed_at >= ? AND closed_at < ?), "
        "SUM(status NOT IN ('办结', '不予受理') AND received_at < ?) FROM complaints"
        + (" WHERE station_code = ?" if station else "") + " GROUP BY station_code",
        [start, end, start, end, end, *by]).fetchall())
    ratings = _by_station(db.execute(
        f"SELECT c.station_code, COUNT(*), SUM({COUNTED_LEVEL} IN {SATISFIED}) FROM ratings r "
        f"JOIN cases c ON c.id = r.case_id WHERE r.rated_at >= ? AND r.rated_at < ? AND {COUNTS}"
        + (" AND c.station_code = ?" if station else "") + " GROUP BY c.station_code",
        [start, end, *by]).fetchall())
    codes = {*appts, *hours, *complaints, *ratings}
    return {code: _service_row(code, appts, hours, complaints, ratings) for code in codes}


def _service_row(code: str, appts: dict[str, dict[str, int]],
                 hours: dict[str, tuple[Any, ...]], complaints: dict[str, tuple[Any, ...]],
                 ratings: dict[str, tuple[Any, ...]]) -> Counts:
    """One station's service counts from the grouped rows (zeros where it has none)."""
    return {
        "appts_served": appts.get(code, {}).get("已服务", 0),
        "appts_missed": appts.get(code, {}).get("未到", 0),
        "appts_cancelled": appts.get(code, {}).get("已取消", 0),
        "after_hours_sessions": _n(hours.get(code), 0),
        "after_hours_served": _n(hours.get(code), 1),
        "after_hours_minutes": _n(hours.get(code), 2),
        "complaints_received": _n(complaints.get(code), 0),
        "complaints_closed": _n(complaints.get(code), 1),
        "complaints_open": _n(complaints.get(code), 2),
        "ratings": _n(ratings.get(code), 0), "ratings_satisfied": _n(ratings.get(code), 1),
    }


CASE_ZEROS: Counts = _case_row("", {}, {}, {}, {}, {}, {}, {}, {})
SERVICE_ZEROS: Counts = _service_row("", {}, {}, {}, {})


def station_counts(by_station: dict[str, Counts], station: str | None,
                   zeros: Counts) -> Counts:
    """One station's counts out of `…_by_station` (`zeros` when it has none), or
    (None) every station's added up, the grouped figures most frequent first again."""
    if station:
        return _copy(by_station.get(station, zeros))
    total = _copy(zeros)
    for counts in by_station.values():
        for key, value in counts.items():
            if isinstance(value, dict):
                for k, n in value.items():
                    total[key][k] = total[key].get(k, 0) + n
            else:
                total[key] += value
    for key, value in total.items():
        if isinstance(value, dict):
            total[key] = dict(sorted(value.items(), key=lambda kv: -kv[1]))
    return total


def _copy(counts: Counts) -> Counts:
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in counts.items()}


def case_counts(db: Database, first: date, last: date, station: str | None) -> Counts:
    """One station's case figures (or every station's together: None)."""
    return station_counts(case_counts_by_station(db, first, last, station), station,
                          CASE_ZEROS)


def service_counts(db: Database, first: date, last: date, station: str | None) -> Counts:
    """One station's service figures (or every station's together: None)."""
    return station_counts(service_counts_by_station(db, first, last, station), station,
                          SERVICE_ZEROS)
