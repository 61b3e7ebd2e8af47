"""The PyInstaller folder as built: both executables, everyday work, the USB
sync between two stations, the window, and the footprint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from program import Program, check_everyday_work, check_sync_round_trip

from station_desk import __version__

pytestmark = pytest.mark.packaging
EXE = ".exe" if sys.platform == "win32" else ""
# The target (README, Footprint: 197 MB on Linux, with ICU's data cut
# to Chinese and English by packaging/icu_data.py).
MAX_FOLDER_MB = 200


@pytest.fixture
def program(frozen_dir: Path, tmp_path: Path) -> Program:
    return Program(frozen_dir / f"station-desk-cli{EXE}", frozen_dir / f"station-desk{EXE}",
                   tmp_path)


def test_both_executables_know_their_version(program: Program) -> None:
    assert program.ok("--version").strip() == f"station-desk {__version__}"
    window = Program(program.window, program.window, program.root)
    if sys.platform != "win32":  # a windowed .exe has no stdout to read
        assert window.ok("--version").strip() == f"station-desk {__version__}"


def test_demo_notice_and_report(program: Program, tmp_path: Path) -> None:
    check_everyday_work(program, tmp_path)


def test_usb_sync_round_trip(program: Program, tmp_path: Path) -> None:
    check_sync_round_trip(program, tmp_path)


def test_the_window_starts_offscreen(program: Program, tmp_path: Path) -> None:
    program.ok("--data-dir", str(tmp_path / "demo"), "demo")
    program.window_stays_up(tmp_path / "demo")


def test_the_traps_hold_frozen_too(program: Program, tmp_path: Path) -> None:
    result = program.run("--data-dir", str(tmp_path / "typo"), "case", "list")
    assert result.returncode == 1 and "不存在" in result.stderr
    assert not (tmp_path / "typo").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_every_library_loads(frozen_dir: Path) -> None:
    """Each shared library finds what it links, in the folder or on the system the
    .deb depends on, and is loadable: strip once broke Qt's FFmpeg libraries and a
    trim rule Qt Quick, which the camera's media plugin needs (no test has a camera)."""
    internal = frozen_dir / "_internal"
    broken = {}
    for library in internal.rglob("*.so*"):
        if library.is_symlink() or not library.is_file():
            continue
        result = subprocess.run(["ldd", str(library)], capture_output=True, text=True,
                                env={**os.environ, "LD_LIBRARY_PATH": str(internal)},
                                timeout=60, check=False)
        problems = [line.strip() for line in (result.stdout + result.stderr).splitlines()
                    if "not found" in line or "error while loading" in line]
        if problems:
            broken[str(library.relative_to(internal))] = problems
    assert not broken, broken
    plugin = internal / "PySide6" / "Qt" / "plugins" / "multimedia" / "libffmpegmediaplugin.so"
    assert plugin.is_file()


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()
               and not p.is_symlink()) / 1e6


def test_footprint(frozen_dir: Path) -> None:
    assert folder_mb(frozen_dir) <= MAX_FOLDER_MB, f"{folder_mb(frozen_dir):.1f} MB"
    names = {p.name for p in frozen_dir.rglob("*")}
    for unused in ("libQt6VirtualKeyboard.so.6", "Qt6VirtualKeyboard.dll", "libqgtk3.so",
                   "opengl32sw.dll", "QtDBus.abi3.so", "libpulse.so.0", "libreadline.so.8",
                   "qt_de.qm", "mypy", "hypothesis"):
        assert unused not in names, unused
    assert not [name for name in names if name.startswith("readline.")]
    for icu in frozen_dir.rglob("libicudata.so.*"):  # Linux: the cut one (32 MB in full)
        assert icu.stat().st_size < 15e6, f"{icu}: {icu.stat().st_size / 1e6:.1f} MB"
    assert {"qtbase_zh_CN.qm", "NotoSansSC-Regular.ttf", "station-desk.png"} <= names
