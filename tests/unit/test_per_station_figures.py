"""The town's per-station statistics: each count one query grouped by station, so
the number of statements does not grow with the villages (issue 12: a query per
station took 3.9 s at 200,000 cases on every date change), and every station's row
is what its own figures say."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from station_desk.domain.cases import Status
from station_desk.domain.station import StationKind
from town_stations import Place, exchange, open_station, register, town_with_villages

FIRST, LAST = date(2026, 11, 1), date(2026, 11, 30)  # when town_stations registers


@pytest.fixture
def town(tmp_path: Path) -> Iterator[tuple[Place, list[Place], Path]]:
    town, villages, stick = town_with_villages(tmp_path)
    a, b, _silent = villages
    register(a, 1)
    done = register(a, 2, "陈德福", proxy=False)
    a.desk.cases.advance(done, Status.COMPLETED)
    a.desk.after_hours.record(date(2026, 11, 3), "17:30", "18:20", ["李明"], 2)
    register(b, 3, "赵小红")
    for village in (a, b):
        town.desk.sync.import_bundle(village.desk.sync.export_to(stick).path)
    register(town, 4, "孙大伟")
    yield town, villages, stick
    for place in (town, *villages):
        place.desk.close()


def statements(place: Place, run: object) -> list[str]:
    said: list[str] = []
    conn = place.desk.db.conn
    conn.set_trace_callback(said.append)
    try:
        assert callable(run)
        run()
    finally:
        conn.set_trace_callback(None)
    return said


def test_the_statements_do_not_grow_with_the_villages(
        town: tuple[Place, list[Place], Path], tmp_path: Path) -> None:
    centre, villages, stick = town
    with_three = statements(centre, lambda: centre.desk.reports.per_station(FIRST, LAST))
    fourth = open_station(tmp_path / "610922101204", StationKind.VILLAGE, "610922101204",
                          "北塬村便民服务站", centre.code)
    exchange(fourth, centre, stick)
    rows = centre.desk.reports.per_station(FIRST, LAST)
    with_four = statements(centre, lambda: centre.desk.reports.per_station(FIRST, LAST))
    fourth.desk.close()
    assert len(rows) == 6  # the centre, four villages, 合计
    assert len(with_four) == len(with_three)
    counts = [s for s in with_four if "FROM cases" in s]
    assert counts and all("GROUP BY" in s for s in counts)


def test_each_row_is_the_stations_own_figures(town: tuple[Place, list[Place], Path]) -> None:
    centre, villages, _stick = town
    reports = centre.desk.reports
    *rows, total = reports.per_station(FIRST, LAST)
    codes = [centre.code, *sorted(v.code for v in villages)]
    for code, row in zip(codes, rows, strict=True):
        assert row == reports.figures(FIRST, LAST, code)
    assert total == reports.total(FIRST, LAST)
    assert [r.received for r in rows] == [1, 2, 1, 0]
    assert total.received == 4 and total.after_hours_served == 2
    assert sum(total.by_status.values()) == 4
    assert list(total.by_status.values()) == sorted(total.by_status.values(), reverse=True)
    assert not rows[-1].reported and rows[1].reported
