"""The Windows installer script compiles (Debian's makensis) against the frozen
folder, with what county IT relies on: per-machine, Chinese shortcuts, silent
switches, and an uninstaller that leaves the data alone."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from station_desk import __version__

pytestmark = pytest.mark.packaging
SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "station-desk.nsi"
MAX_INSTALLER_MB = 90


def test_the_installer_compiles(frozen_dir: Path, tmp_path: Path) -> None:
    makensis = shutil.which("makensis")
    assert makensis, "makensis missing: .ci/run installs Debian's nsis"
    out = tmp_path / "StationDesk-setup.exe"
    # zlib: minutes faster than the release's LZMA, and a larger file, so the
    # size bound below holds for the real installer too.
    result = subprocess.run(
        [makensis, "-V2", f"-DVERSION={__version__}", f"-DSOURCE={frozen_dir}",
         f"-DOUTFILE={out}", "-DCOMPRESSOR=zlib", str(SCRIPT)],
        capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.stat().st_size / 1e6 <= MAX_INSTALLER_MB
    assert out.read_bytes()[:2] == b"MZ"


def test_the_uninstaller_never_touches_the_data() -> None:
    script = SCRIPT.read_text(encoding="utf-8")
    uninstall = script[script.index('Section "Uninstall"'):]
    assert "$APPDATA" not in uninstall and "ProgramData\\StationDesk" in uninstall
    assert not re.search(r'RMDir /r "\$INSTDIR"\s', uninstall)  # only known files go
    assert "RequestExecutionLevel admin" in script and "SetShellVarContext all" in script
    assert "QuietUninstallString" in script and '"$DESKTOP\\${APP_NAME}.lnk"' in script
    assert '!define APP_NAME "便民服务站办件台账"' in script
