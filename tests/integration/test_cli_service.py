"""`station-desk appt …` and `after-hours …` run as a real process against the
demo station (made once per module and copied for each test)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from station_desk.domain.workdays import HolidayCalendar

CAL = HolidayCalendar()
PENSION_CLAIM_MATERIALS = ["居民身份证或户口簿", "《城乡居民基本养老保险待遇申领表》",
                           "社会保障卡或银行卡"]


def is_workday(d: date) -> bool:
    return CAL.is_workday(d) if CAL.knows(d.year) else d.weekday() < 5


def workday_after(d: date) -> date:
    d += timedelta(days=1)
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def workday_before(d: date) -> date:
    d -= timedelta(days=1)
    while not is_workday(d):
        d -= timedelta(days=1)
    return d


class Station:
    def __init__(self, root: Path) -> None:
        self.data = root / "station"
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
                    "STATION_DESK_HOME": str(root / "home"),
                    "XDG_CONFIG_HOME": str(root / "config"),
                    "XDG_DATA_HOME": str(root / "xdg-data"),
                    "XDG_STATE_HOME": str(root / "state"),
                    "XDG_CACHE_HOME": str(root / "cache")}

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "station_desk", "--data-dir", str(self.data), *args],
            input=stdin, capture_output=True, text=True, encoding="utf-8", env=self.env,
            timeout=60, check=False)

    def ok(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        result = self.run(*args, stdin=stdin)
        assert result.returncode == 0, result.stderr
        return result

    def json(self, *args: str, data: Any = None) -> Any:
        stdin = "" if data is None else json.dumps(data, ensure_ascii=False)
        return json.loads(self.ok(*args, "--json", stdin=stdin).stdout)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    st = Station(tmp_path_factory.mktemp("template"))
    st.ok("demo")
    return st.data


@pytest.fixture
def st(template: Path, tmp_path: Path) -> Station:
    station = Station(tmp_path)
    shutil.copytree(template, station.data)
    return station


def appointment(day: date, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "applicant": {"name": "王秀英", "phone": "13909151001", "address": "西沟村三组"},
        "item": "08-02", "at": f"{day.isoformat()}T10:30", "kind": "窗口", "channel": "电话",
        "staff": "张丽", "minutes": 30, "note": "电话预约"}
    data.update(changes)
    return data


# -- appointments --------------------------------------------------------------------


def test_appt_new_tells_the_materials(st: Station) -> None:
    day = workday_after(workday_after(date.today()))
    out = st.json("appt", "new", "-", data=appointment(day))
    assert out["appt_no"].startswith(f"610922101201-YY{day.year}-")
    assert out["materials_told"] == PENSION_CLAIM_MATERIALS
    assert out["status"] == "已预约" and out["staff"] == "张丽"
    assert out["at"].startswith(f"{day.isoformat()}T10:30")
    listed = st.json("appt", "list", "--day", day.isoformat())
    assert out["appt_no"] in [a["appt_no"] for a in listed]


def test_appt_new_plain_output_and_warnings_on_stderr(st: Station) -> None:
    day = workday_after(workday_after(date.today()))
    data = json.dumps(appointment(day, at=f"{day.isoformat()}T07:30"), ensure_ascii=False)
    result = st.ok("appt", "new", "-", stdin=data)
    assert result.stdout.startswith("已预约：")
    assert "不在工作时间内" in result.stderr


def test_bad_appointment_exits_1_and_writes_nothing(st: Station) -> None:
    before = st.json("appt", "list")
    day = workday_after(date.today())
    bad = appointment(day, applicant={"name": "", "phone": ""}, kind="上门", item="没有这个")
    result = st.run("appt", "new", "--json", "-", stdin=json.dumps(bad, ensure_ascii=False))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "姓名" in result.stderr and "地址" in result.stderr
    result = st.run("appt", "new", "--json", "-", stdin="{not json")
    assert result.returncode == 1 and "JSON" in result.stderr
    result = st.run("appt", "new", "--json", "-",
                    stdin=json.dumps(appointment(day, at="明天上午"), ensure_ascii=False))
    assert result.returncode == 1 and "at" in result.stderr
    assert st.json("appt", "list") == before


def test_appt_list_for_a_day(st: Station) -> None:
    coming = st.json("appt", "list")  # the demo books two for the next working day
    day = next(a["at"][:10] for a in coming if a["applicant"]["name"] == "吴秀英")
    listed = st.json("appt", "list", "--day", day)
    assert [(a["applicant"]["name"], a["kind"]) for a in listed] == [("吴秀英", "上门"),
                                                                     ("马建军", "窗口")]
    assert all(a["at"].startswith(day) for a in listed)
    assert st.json("appt", "list", "--day", "2026-01-01") == []
    result = st.run("appt", "list", "--day", "1月1日")
    assert result.returncode == 1 and "YYYY-MM-DD" in result.stderr


# -- after-hours ---------------------------------------------------------------------


def test_after_hours_new_counts_minutes(st: Station) -> None:
    day = workday_before(workday_before(date.today()))
    out = st.json("after-hours", "new", "-", data={
        "day": day.isoformat(), "closing": "17:30", "end": "18:45", "staff": ["王建国"],
        "served": 2, "note": "群众下班后来办"})
    assert out["minutes"] == 75 and out["served"] == 2 and out["staff"] == ["王建国"]
    assert out["closing"] == "17:30" and out["end"] == "18:45"
    month = st.json("after-hours", "list", "--month", day.strftime("%Y-%m"))
    assert out["id"] in [s["id"] for s in month["list"]]
    assert month["minutes"] == sum(s["minutes"] for s in month["list"])


def test_after_hours_ending_before_closing_is_refused(st: Station) -> None:
    day = workday_before(workday_before(date.today()))
    before = st.json("after-hours", "list", "--month", day.strftime("%Y-%m"))
    result = st.run("after-hours", "new", "--json", "-", stdin=json.dumps({
        "day": day.isoformat(), "closing": "17:30", "end": "17:10", "staff": ["王建国"],
        "served": 1}))
    assert result.returncode == 1
    assert "结束时间应晚于下班时间" in result.stderr and result.stdout == ""
    assert st.json("after-hours", "list", "--month", day.strftime("%Y-%m")) == before
