"""Shared fixtures. Qt runs headless; every test gets its own data directory."""

from __future__ import annotations

import os
import shutil
import sys
import time
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

from argon2 import PasswordHasher  # noqa: E402

from station_desk.domain import pin  # noqa: E402
from station_desk.domain.station import Role, StationKind  # noqa: E402
from station_desk.services.desk import Desk, StaffInput  # noqa: E402

# Tests hash PINs hundreds of times: the cheapest Argon2id, never the ~0.7 s of the
# program (domain/pin.PRODUCTION_HASHER). Programs the tests start as processes keep
# the real cost, so a test PIN hash is upgraded there like any old hash.
TEST_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(scope="session", autouse=True)
def _cheap_pin_hashes() -> Iterator[None]:
    previous = pin.use_hasher(TEST_HASHER)
    yield
    pin.use_hasher(previous)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user data dir or QSettings."""
    monkeypatch.setenv("STATION_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("STATION_DESK_NO_KEYRING", "1")  # never the developer's own keyring
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "station"


def _set_up_village(desk: Desk) -> None:
    desk.station.setup(
        kind=StationKind.VILLAGE, code="610922101201", name="西沟村便民服务站",
        town_code="610922101000", town_name="城关镇便民服务中心",
        staff=[StaffInput("王建国", Role.HEAD, "123456", "综合窗口"),
               StaffInput("李明", Role.AGENT, "111111", "帮办代办窗口"),
               StaffInput("张丽", Role.CLERK, "222222", "综合窗口")],
    )


# What one instance leaves next to the archive while it runs, not part of a station.
_INSTANCE_FILES = shutil.ignore_patterns("*.lock", "*.open", "*-wal", "*-shm")


@pytest.fixture(scope="session")
def _station_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An empty archive and the village station, each made once through the real
    create-migrate-setup path and closed; tests get copies. Migrating and hashing
    three PINs (argon2) for every test cost most of the suite's time."""
    root = tmp_path_factory.mktemp("templates")
    with pytest.MonkeyPatch.context() as env:
        for var in ("STATION_DESK_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME",
                    "XDG_STATE_HOME"):
            env.setenv(var, str(root / var.lower()))
        templates = {"empty": root / "empty", "village": root / "village"}
        Desk.open(templates["empty"]).close()
        village = Desk.open(templates["village"])
        _set_up_village(village)
        village.close()
    return templates


@pytest.fixture
def desk(request: pytest.FixtureRequest, data_dir: Path,
         _station_templates: dict[str, Path]) -> Iterator[Desk]:
    """A copy of the empty, migrated archive, opened. When the test also uses
    `village`, a copy of the set-up village instead (the same desk object)."""
    template = "village" if "village" in request.fixturenames else "empty"
    shutil.copytree(_station_templates[template], data_dir, ignore=_INSTANCE_FILES)
    d = Desk.open(data_dir)
    yield d
    # a job the test started may still run, or wait to run, on a connection of its
    # own (a window's 今日 counts): closing the archive under it crashed a test
    # process once. The window waits the same way before it closes (ui/app.py).
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:
        qt_core.QThreadPool.globalInstance().waitForDone(30_000)
    deadline = time.monotonic() + 30
    while d.store.jobs_running and time.monotonic() < deadline:  # any other thread's
        time.sleep(0.01)
    d.close()


@pytest.fixture
def village(desk: Desk) -> Desk:
    """A set-up village station with a head (PIN 1234), an agent and a clerk."""
    assert desk.station.is_set_up
    return desk
