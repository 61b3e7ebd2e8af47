"""Shared fixtures. Qt runs headless; every test gets its own data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: no per-example time limit (the machines are shared, timings vary);
# CI (CI=true) runs the same examples every time, so a red build can be rerun.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

from station_desk.domain.station import Role, StationKind  # noqa: E402
from station_desk.services.desk import Desk, StaffInput  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data dir or QSettings."""
    monkeypatch.setenv("STATION_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "station"


@pytest.fixture
def desk(data_dir: Path) -> Iterator[Desk]:
    """An empty archive opened through the real open-and-migrate path."""
    d = Desk.open(data_dir)
    yield d
    d.close()


@pytest.fixture
def village(desk: Desk) -> Desk:
    """A set-up village station with a head (PIN 1234), an agent and a clerk."""
    desk.station.setup(
        kind=StationKind.VILLAGE, code="610922101201", name="西沟村便民服务站",
        town_code="610922101000", town_name="城关镇便民服务中心",
        staff=[StaffInput("王建国", Role.HEAD, "1234", "综合窗口"),
               StaffInput("李明", Role.AGENT, "1111", "帮办代办窗口"),
               StaffInput("张丽", Role.CLERK, "2222", "综合窗口")],
    )
    return desk
