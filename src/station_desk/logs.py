"""One named logger per subsystem, all into a rotating file in the user log dir."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from .paths import log_dir


def setup_logging() -> None:
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            folder / "station-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()  # a read-only profile must not stop the program
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root = logging.getLogger("station_desk")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
