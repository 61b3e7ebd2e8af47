"""Where things live: the data directory and the shipped resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
ENV_HOME = "STATION_DESK_HOME"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, else $STATION_DESK_HOME, else the platform's user data dir."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def resources_dir() -> Path:
    """`resources/` of the checkout, or of a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
