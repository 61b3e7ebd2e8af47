"""Without a display (or without Qt's xcb libraries) the window says so in one
line instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from station_desk.ui import display_check
from station_desk.ui.display_check import display_problem


def test_no_display_is_one_line() -> None:
    problem = display_problem({}, "linux")
    assert problem is not None and "DISPLAY" in problem and "\n" not in problem


@pytest.mark.parametrize("env", [{"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "w-0"}])
def test_other_platforms_are_left_to_qt(env: dict[str, str]) -> None:
    assert display_problem(env, "linux") is None


def test_windows_is_never_checked() -> None:
    assert display_problem({}, "win32") is None


def test_missing_xcb_libraries_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(display_check, "_loadable", lambda soname: "icccm" not in soname)
    problem = display_problem({"DISPLAY": ":0"}, "linux")
    assert problem is not None and "apt-get install libxcb-icccm4" in problem


def test_the_run_command_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "station_desk", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, env=env, timeout=120,
                            stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [display_problem({}, "linux")]
