"""设置 → 导入放假安排: the schedule is stored and the provisional dates re-dated in
the job runner, on a connection of its own; 取消 keeps nothing (one transaction)."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton
from stdnum.cn import ric

from station_desk.domain.cases import Applicant
from station_desk.domain.workdays import HolidayCalendar
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.services.sync import Cancelled
from station_desk.ui.jobs import wait_for
from station_desk.ui.settings import holidays_box
from station_desk.ui.settings.holidays_box import HolidaysBox

# New Year's Day off Friday 1 to Monday 4 January 2027 (made up for the test)
FAKE_2027 = {"year": 2027, "source": "测试用虚构安排", "workdays": [],
             "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02",
                                                  "2027-01-03", "2027-01-04"]}]}


@pytest.mark.skipif(HolidayCalendar().knows(2027), reason="needs a year the library lacks")
def test_the_schedule_is_imported_in_the_runner_and_a_cancel_keeps_nothing(
        qtbot, village: Desk, boxes, runs_in_job, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    village.session.sign_in("王建国", "123456")
    item = village.catalogue.item("08-05")  # 30 working days: into 2027, provisional
    body = "61092219650312004"
    case = village.cases.register(CaseInput(
        item=item.code, applicant=Applicant("王秀英", body + ric.calc_check_digit(body + "0")),
        received=tuple(m.name for m in item.materials),
        received_at=datetime(2026, 11, 20, 10).astimezone())).case
    assert case.deadline == date(2027, 1, 4) and case.extra["deadline_provisional"]
    schedule = tmp_path / "2027.json"
    schedule.write_text(json.dumps(FAKE_2027, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(holidays_box, "choose_schedule_file", lambda _parent: str(schedule))
    box = HolidaysBox(village)
    qtbot.addWidget(box)

    holidays = village.holidays
    real = holidays.import_holidays_file
    reached, go = threading.Event(), threading.Event()

    def held(path: Path, progress: Any) -> object:
        def hold(done: int, total: int) -> None:
            reached.set()  # the schedule is stored by now, inside the transaction
            assert go.wait(10)
            progress(done, total)
        return real(path, hold)

    monkeypatch.setattr(holidays, "import_holidays_file", held)
    seen = runs_in_job(village, holidays, "import_holidays_file")
    job = box.import_schedule()
    assert job is not None
    qtbot.waitUntil(reached.is_set)
    [dialog] = box.findChildren(QProgressDialog)
    [cancel] = dialog.findChildren(QPushButton)
    cancel.click()
    go.set()
    wait_for(job)
    assert seen == [True]
    assert isinstance(job.error, Cancelled) and not boxes.warnings and not boxes.said
    assert not village.calendar.current().knows(2027)
    assert village.cases.get(case.case_no).deadline == date(2027, 1, 4)

    monkeypatch.setattr(holidays, "import_holidays_file", real)
    assert wait_for(box.import_schedule()) == (2027, 1)
    assert "2027" in boxes.said[-1] and "1 件" in boxes.said[-1]
    fixed = village.cases.get(case.case_no)
    assert fixed.deadline == date(2027, 1, 5) and not fixed.extra["deadline_provisional"]


def test_a_clerk_is_refused_in_one_warning(qtbot, village: Desk, boxes, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    village.session.sign_in("张丽", "222222")
    schedule = tmp_path / "2027.json"
    schedule.write_text(json.dumps(FAKE_2027, ensure_ascii=False), "utf-8")
    monkeypatch.setattr(holidays_box, "choose_schedule_file", lambda _parent: str(schedule))
    box = HolidaysBox(village)
    qtbot.addWidget(box)
    assert wait_for(box.import_schedule()) is None
    assert len(boxes.warnings) == 1 and "站长" in boxes.warnings[0]
