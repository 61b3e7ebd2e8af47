"""Where things live: the data directory and the shipped resources.

One archive per station PC, not per login: by default the data lives in a
machine-wide folder every local user writes (Windows: C:\\ProgramData\\StationDesk,
made writable for all users by the installer). On Linux platformdirs' site data
dir (/usr/local/share/…) is read-only for users and meant for static files, so
the machine folder is /var/lib/station-desk, which the .deb creates; without it
(a source checkout) the per-user folder is used, as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
ENV_HOME = "STATION_DESK_HOME"
LINUX_MACHINE_DIR = Path("/var/lib/station-desk")


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, else $STATION_DESK_HOME, else the default (see `default_data_dir`)."""
    if override:
        return Path(override).expanduser().resolve()
    if os.environ.get(ENV_HOME):
        return Path(os.environ[ENV_HOME]).expanduser().resolve()
    return default_data_dir()


def machine_data_dir() -> Path:
    """The PC's one data folder, shared by every login."""
    if sys.platform.startswith("linux"):
        return LINUX_MACHINE_DIR
    return Path(platformdirs.site_data_dir(APP_NAME, appauthor=False))


def user_data_dir() -> Path:
    """Where earlier versions kept the data: one folder per login."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    """Windows: always the machine folder. Elsewhere the machine folder when it
    exists (an installed package made it), else the per-user folder."""
    machine = machine_data_dir()
    if sys.platform == "win32" or machine.is_dir():
        return machine
    return user_data_dir()


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
