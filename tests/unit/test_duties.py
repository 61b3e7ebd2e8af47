"""The day's duties: the bundle to the town, the town's results to bring in, the
return bundles the town owes, the copy off this disk — each late, due or a note."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from tests.town_stations import TOWN, exchange, open_station, register

from station_desk.domain.duties import Level, backup_duty, report_duty
from station_desk.domain.station import StationKind
from station_desk.services import backups as backup_service
from station_desk.services.desk import Desk


def test_report_is_due_on_the_last_day_and_late_after_it() -> None:
    assert report_duty(3, 5, 7) is None
    assert report_duty(6, 5, 7) == Level.DUE
    assert report_duty(7, 5, 7) == Level.DUE
    assert report_duty(8, 5, 7) == Level.LATE
    assert report_duty(None, 5, 7) == Level.LATE  # never reported
    assert report_duty(30, 0, 7) is None  # nothing to send


def test_backup_is_late_when_the_warning_period_has_run_out() -> None:
    assert backup_duty(2, 7) is None
    assert backup_duty(6, 7) == Level.DUE
    assert backup_duty(7, 7) == Level.LATE
    assert backup_duty(None, 7) == Level.LATE


def levels(desk: Desk, day: date | None = None) -> dict[str, Level]:
    return {d.text.split("：")[0]: d.level for d in desk.duties.today(day)}


def test_a_village_is_told_to_report_bring_results_in_and_back_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    village = open_station(tmp_path / "v", StationKind.VILLAGE, "610922101201",
                           "西沟村便民服务站", TOWN)
    town = open_station(tmp_path / "t", StationKind.TOWN1, TOWN, "城关镇便民服务中心")
    desk = village.desk
    desk.session.sign_in("王建国", "123456")
    # no town trusted yet: the bundle cannot go anywhere
    assert any("还没有信任镇中心" in d.text for d in desk.duties.today())
    assert levels(desk)["备份到U盘"] == Level.LATE  # never copied off this disk
    stick = tmp_path / "stick"
    exchange(village, town, stick)
    register(village, 1)
    assert levels(desk)["报送同步包"] == Level.LATE  # never reported, changes waiting
    desk.sync.export_to(stick)
    today = date.today()
    now = levels(desk)
    assert "报送同步包" not in now  # just reported
    assert now["导入镇中心回传包"] == Level.NOTE  # sent, not yet confirmed
    register(village, 2)
    week = levels(desk, today + timedelta(days=7))
    assert week["报送同步包"] == Level.DUE and week["导入镇中心回传包"] == Level.DUE
    assert levels(desk, today + timedelta(days=9))["报送同步包"] == Level.LATE
    (tmp_path / "U盘").mkdir()
    monkeypatch.setattr(backup_service, "_off_this_disk", lambda _copy, _data: True)  # a stick
    desk.backups.backup_to(tmp_path / "U盘")
    assert "备份到U盘" not in levels(desk)
    # the town's return bundle confirms what it received
    town.desk.session.sign_in("王建国", "123456")
    for bundle in stick.glob("*.sdsync"):
        town.desk.sync.import_bundle(bundle)
    assert "生成回传包" in levels(town.desk)  # the town owes the village its results
    [back] = town.desk.sync.export_returns(tmp_path / "back")
    assert "生成回传包" not in levels(town.desk)
    desk.sync.import_bundle(back.path)
    assert "导入镇中心回传包" not in levels(desk)
