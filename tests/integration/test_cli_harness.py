"""The in-process runner behaves like a fresh process each call: whatever one call
sets (environment, streams, log handlers) is gone before the next."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from cli import Station


def test_calls_leave_nothing_behind(station: Station) -> None:
    env = dict(os.environ)
    streams = (sys.stdin, sys.stdout, sys.stderr)
    handlers = (list(logging.getLogger().handlers),
                list(logging.getLogger("station_desk").handlers))

    assert station.json("staff", "list")[0]["name"] == "王建国"
    assert "岗位“boss”不认识" in station.refused("staff", "add", "--name", "赵强", "--role", "boss")
    assert station.run("staff").returncode == 2  # argparse's sys.exit(2) caught
    assert station.run("--version").stdout.startswith("station-desk ")

    assert dict(os.environ) == env
    assert (sys.stdin, sys.stdout, sys.stderr) == streams
    assert (logging.getLogger().handlers, logging.getLogger("station_desk").handlers) == handlers


def test_each_call_sees_only_its_own_environment(tmp_path: Path) -> None:
    """`STATION_DESK_HOME` given to one call does not reach the next."""
    first, second = Station(tmp_path / "a"), Station(tmp_path / "b")
    first.ok("demo", data_dir=False)
    assert (tmp_path / "a" / "home" / "archive.db").exists()
    err = second.refused("staff", "list", data_dir=False)
    assert str(tmp_path / "b" / "home") in err
