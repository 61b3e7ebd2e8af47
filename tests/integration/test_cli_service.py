"""`station-desk appt …` and `after-hours …` against the demo station (made once
per module and copied for each test)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from cli import PENSION_CLAIM_MATERIALS, Station

from station_desk.domain.workdays import HolidayCalendar

CAL = HolidayCalendar()


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


def appointment(day: date, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "applicant": {"name": "王秀英", "phone": "13909151001", "address": "西沟村三组"},
        "item": "08-02", "at": f"{day.isoformat()}T10:30", "kind": "窗口", "channel": "电话",
        "staff": "张丽", "minutes": 30, "note": "电话预约"}
    data.update(changes)
    return data


# -- appointments --------------------------------------------------------------------


def test_appt_new_tells_the_materials(demo: Station) -> None:
    day = workday_after(workday_after(date.today()))
    out = demo.json("appt", "new", "-", data=appointment(day))
    assert out["appt_no"].startswith(f"610922101201-YY{day.year}-")
    assert out["materials_told"] == PENSION_CLAIM_MATERIALS
    assert out["status"] == "已预约" and out["staff"] == "张丽"
    assert out["at"].startswith(f"{day.isoformat()}T10:30")
    listed = demo.json("appt", "list", "--day", day.isoformat())
    assert out["appt_no"] in [a["appt_no"] for a in listed]


def test_appt_new_plain_output_and_warnings_on_stderr(demo: Station) -> None:
    day = workday_after(workday_after(date.today()))
    data = json.dumps(appointment(day, at=f"{day.isoformat()}T07:30"), ensure_ascii=False)
    result = demo.ok("appt", "new", "-", stdin=data)
    assert result.stdout.startswith("已预约：")
    assert "不在工作时间内" in result.stderr


def test_bad_appointment_exits_1_and_writes_nothing(demo: Station) -> None:
    before = demo.json("appt", "list")
    day = workday_after(date.today())
    bad = appointment(day, applicant={"name": "", "phone": ""}, kind="上门", item="没有这个")
    result = demo.run("appt", "new", "--json", "-", stdin=json.dumps(bad, ensure_ascii=False))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "姓名" in result.stderr and "地址" in result.stderr
    result = demo.run("appt", "new", "--json", "-", stdin="{not json")
    assert result.returncode == 1 and "JSON" in result.stderr
    result = demo.run("appt", "new", "--json", "-",
                      stdin=json.dumps(appointment(day, at="明天上午"), ensure_ascii=False))
    assert result.returncode == 1 and "at" in result.stderr
    assert demo.json("appt", "list") == before


def test_appt_list_for_a_day(demo: Station) -> None:
    coming = demo.json("appt", "list")  # the demo books two for the next working day
    day = next(a["at"][:10] for a in coming if a["applicant"]["name"] == "吴秀英")
    listed = demo.json("appt", "list", "--day", day)
    assert [(a["applicant"]["name"], a["kind"]) for a in listed] == [("吴秀英", "上门"),
                                                                     ("马建军", "窗口")]
    assert all(a["at"].startswith(day) for a in listed)
    assert demo.json("appt", "list", "--day", "2026-01-01") == []
    result = demo.run("appt", "list", "--day", "1月1日")
    assert result.returncode == 1 and "YYYY-MM-DD" in result.stderr


# -- after-hours ---------------------------------------------------------------------


def test_after_hours_new_counts_minutes(demo: Station) -> None:
    day = workday_before(workday_before(date.today()))
    out = demo.json("after-hours", "new", "-", data={
        "day": day.isoformat(), "closing": "17:30", "end": "18:45", "staff": ["王建国"],
        "served": 2, "note": "群众下班后来办"})
    assert out["minutes"] == 75 and out["served"] == 2 and out["staff"] == ["王建国"]
    assert out["closing"] == "17:30" and out["end"] == "18:45"
    month = demo.json("after-hours", "list", "--month", day.strftime("%Y-%m"))
    assert out["id"] in [s["id"] for s in month["list"]]
    assert month["minutes"] == sum(s["minutes"] for s in month["list"])


def test_after_hours_list_refuses_a_month_that_does_not_exist(demo: Station) -> None:
    for month in ("2026-13", "2026-00", "2026/05", "五月"):
        result = demo.run("after-hours", "list", "--month", month)
        assert result.returncode == 1, month
        assert "月份" in result.stderr and "YYYY-MM" in result.stderr, month
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_after_hours_ending_before_closing_is_refused(demo: Station) -> None:
    day = workday_before(workday_before(date.today()))
    before = demo.json("after-hours", "list", "--month", day.strftime("%Y-%m"))
    result = demo.run("after-hours", "new", "--json", "-", stdin=json.dumps({
        "day": day.isoformat(), "closing": "17:30", "end": "17:10", "staff": ["王建国"],
        "served": 1}))
    assert result.returncode == 1
    assert "结束时间应晚于下班时间" in result.stderr and result.stdout == ""
    assert demo.json("after-hours", "list", "--month", day.strftime("%Y-%m")) == before
