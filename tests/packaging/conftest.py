"""The built program, as `make test-package` (and so .ci/run) hands it over:
STATION_DESK_FROZEN names the PyInstaller folder, STATION_DESK_DEB the .deb
(the Windows workflow: STATION_DESK_SETUP the installer).
Without them (a plain `make test`) these tests are skipped, saying so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FROZEN_ENV, DEB_ENV = "STATION_DESK_FROZEN", "STATION_DESK_DEB"
SETUP_ENV = "STATION_DESK_SETUP"  # the Windows installer (.github/workflows/windows.yml)


def _given(name: str, what: str) -> Path:
    value = os.environ.get(name)
    if not value:
        pytest.skip(f"{what}: run by `make test-package` (.ci/run), which sets ${name}")
    path = Path(value).resolve()
    assert path.exists(), f"${name} names {path}, which does not exist"
    return path


@pytest.fixture(scope="session")
def frozen_dir() -> Path:
    folder = _given(FROZEN_ENV, "the frozen build")
    for exe in ("station-desk", "station-desk-cli"):
        assert (folder / exe).is_file() or (folder / f"{exe}.exe").is_file(), exe
    return folder


@pytest.fixture(scope="session")
def deb_file() -> Path:
    return _given(DEB_ENV, "the .deb")


@pytest.fixture(scope="session")
def setup_file() -> Path:
    return _given(SETUP_ENV, "the Windows installer")
