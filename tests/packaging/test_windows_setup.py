"""The built installer on Windows (the CI runner, an administrator): while the
program runs a silent upgrade refuses with exit code 32 and changes nothing;
closed, it installs; the uninstaller removes the program and keeps the data."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from program import TIMEOUT, isolated_env

pytestmark = [pytest.mark.packaging,
              pytest.mark.skipif(sys.platform != "win32", reason="the Windows installer")]
PROGRAM_OPEN = 32  # EXIT_PROGRAM_OPEN in packaging/windows/station-desk.nsi


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          timeout=TIMEOUT * 5, check=False)


def test_silent_upgrade_waits_for_the_open_program(
        frozen_dir: Path, setup_file: Path, tmp_path: Path) -> None:
    target, data = tmp_path / "StationDesk", tmp_path / "data"
    env = isolated_env(tmp_path)
    subprocess.run([str(frozen_dir / "station-desk-cli.exe"), "--data-dir", str(data), "demo"],
                   env=env, capture_output=True, timeout=TIMEOUT, check=True)
    window = subprocess.Popen([str(frozen_dir / "station-desk.exe"), "--data-dir", str(data)],
                              env=env, stdin=subprocess.DEVNULL)
    try:
        time.sleep(5)
        assert window.poll() is None, "the window did not stay up"
        refused = run(setup_file, "/S", f"/D={target}")  # /D= last, unquoted (NSIS)
        assert refused.returncode == PROGRAM_OPEN, refused
        assert not (target / "station-desk.exe").exists()
    finally:
        window.terminate()
        window.wait(timeout=TIMEOUT)

    assert run(setup_file, "/S", f"/D={target}").returncode == 0
    version = run(target / "station-desk-cli.exe", "--version")
    assert version.stdout.startswith("station-desk "), version
    # `_?=` runs the uninstaller in place, so this waits until it has finished
    assert run(target / "uninstall.exe", "/S", f"_?={target}").returncode == 0
    assert not (target / "station-desk-cli.exe").exists()
    assert not (target / "_internal").exists()
    assert (Path(os.environ["ProgramData"]) / "StationDesk").is_dir()  # the data folder stays
