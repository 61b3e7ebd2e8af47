"""Start-up stays light: the window's modules load no PDF or pinyin library until
a notice, report, attachment or search key needs one (reportlab 0.3 s, pypinyin
0.5 s/54 MB, pypdf 0.4 s)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
HEAVY = ("reportlab", "pypinyin", "openpyxl", "pypdf")  # pypdf 0.4 s


def test_the_main_window_imports_no_heavy_library() -> None:
    probe = ("import sys, station_desk.ui.app, station_desk.ui.main_window\n"
             f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.strip() == ""


def test_pinyin_keys_still_work_when_loaded_late() -> None:
    from station_desk.domain import pinyin

    assert pinyin.initials("养老保险") == "ylbx" and pinyin.full("养老") == "yanglao"
