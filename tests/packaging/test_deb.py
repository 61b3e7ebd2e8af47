"""The .deb on this (Debian) machine: `dpkg -i`, the installed commands and
window, the machine-wide data folder, then `dpkg -r`, which keeps the data."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from program import Program, check_everyday_work, check_sync_round_trip

pytestmark = pytest.mark.packaging
DATA = Path("/var/lib/station-desk")
DESKTOP = Path("/usr/share/applications/station-desk.desktop")


def dpkg(*args: str) -> None:
    result = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=600,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(deb_file: Path) -> Iterator[Path]:
    if os.geteuid() != 0 or not shutil.which("dpkg"):
        pytest.fail("installing the .deb needs root and dpkg (CI runs as root on Debian)")
    if DATA.exists():
        pytest.fail(f"{DATA} exists: a real installation is here; not testing over it")
    dpkg("-i", str(deb_file))
    try:
        yield Path("/usr/bin")
    finally:
        dpkg("-r", "station-desk")
        shutil.rmtree(DATA, ignore_errors=True)  # made by this test only (checked above)


def test_installed_program_works(installed: Path, tmp_path: Path) -> None:
    program = Program(installed / "station-desk-cli", installed / "station-desk", tmp_path)
    assert program.ok("--version").startswith("station-desk ")
    check_everyday_work(program, tmp_path / "work")
    check_sync_round_trip(program, tmp_path / "sync")
    program.window_stays_up(tmp_path / "work" / "demo")


def test_desktop_entry_and_icon(installed: Path) -> None:
    entry = DESKTOP.read_text(encoding="utf-8")
    assert "Name[zh_CN]=便民服务站办件台账" in entry and "Icon=station-desk" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert os.access(exec_line.removeprefix("Exec="), os.X_OK)
    assert Path("/usr/share/icons/hicolor/256x256/apps/station-desk.png").is_file()


def test_the_machine_folder_is_the_default_and_survives_removal(
        installed: Path, tmp_path: Path, deb_file: Path) -> None:
    assert DATA.is_dir() and DATA.stat().st_mode & 0o7777 == 0o2775
    program = Program(installed / "station-desk-cli", installed / "station-desk", tmp_path)
    program.ok("demo")  # no --data-dir, no $STATION_DESK_HOME
    assert (DATA / "archive.db").is_file()
    dpkg("-r", "station-desk")
    try:
        assert not Path("/opt/station-desk").exists() and not (installed / "station-desk").exists()
        assert (DATA / "archive.db").is_file()  # the uninstall never touches the data
    finally:
        dpkg("-i", str(deb_file))  # the fixture removes it at the end
