"""With a second monitor connected the rating screen opens full screen on it.

Qt's offscreen platform can pretend to have two screens (a config file), but
only when the process starts, so this runs in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
from stdnum.cn import ric
from station_desk.domain.cases import Applicant
from station_desk.domain.station import Role, StationKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk, StaffInput
from station_desk.ui.devices.rating_screen import show_rating_screen

desk = Desk.open(Path(sys.argv[1]))
desk.station.setup(kind=StationKind.VILLAGE, code="610922101201", name="西沟村便民服务站",
           staff=[StaffInput("张丽", Role.HEAD, "222222", "综合窗口")])
desk.session.sign_in("张丽", "222222")
item = desk.catalogue.item("01-01")
base = "61092219650312004"
case_no = desk.cases.register(CaseInput(
    item="01-01", applicant=Applicant("王秀兰", base + ric.calc_check_digit(base + "0"),
                                      "13909151001", ""),
    received=tuple(m.name for m in item.materials), done_on_spot=True)).case.case_no
clerk = QWidget()
clerk.setGeometry(100, 100, 800, 600)  # on the clerk's screen
clerk.show()
screen = show_rating_screen(desk, case_no, clerk)
app.processEvents()
print(screen.screen().name(), screen.isFullScreen(), screen.geometry().x())
"""


def test_rating_screen_goes_full_screen_on_the_applicants_monitor(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screen = {"x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [
        {**screen, "name": "clerk"}, {**screen, "name": "applicant", "x": 1366}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "station")],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["applicant", "True", "1366"]
