"""Stations for the integration tests: each is set up once per module and
copied for every test that uses it, so each test starts from the same archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli import VILLAGE_INIT, Station, copy_of


@pytest.fixture(scope="module")
def initialised(tmp_path_factory: pytest.TempPathFactory) -> tuple[Station, dict[str, Any]]:
    """The village station after one `init --json`, and what that printed."""
    station = Station(tmp_path_factory.mktemp("village"))
    return station, station.json(*VILLAGE_INIT)


@pytest.fixture
def station(initialised: tuple[Station, dict[str, Any]], tmp_path: Path) -> Station:
    """A copy of the initialised village station (only its head, 王建国)."""
    return copy_of(initialised[0], tmp_path)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Station:
    station = Station(tmp_path_factory.mktemp("demo"))
    station.ok("demo")
    return station


@pytest.fixture
def demo(demo_template: Station, tmp_path: Path) -> Station:
    """A copy of the demo station (`station-desk demo`)."""
    return copy_of(demo_template, tmp_path)
