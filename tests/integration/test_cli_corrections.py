"""`case edit`, `case receive`, `case history`, `notice --reissue`, `notice list`."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from cli import Station


def open_case(demo: Station, status: str) -> dict:
    return demo.cases("--status", status)[0]


def test_edit_keeps_the_old_value_in_the_history(demo: Station) -> None:
    case = open_case(demo, "已受理")
    old = case["applicant"]["phone"]
    out = demo.json("case", "edit", case["case_no"], "-",
                    data={"applicant": {"phone": "13909150000"}, "reason": "电话录错"})
    assert out["changes"] == [{"field": "applicant.phone", "before": old,
                               "after": "13909150000"}]
    history = demo.json("case", "history", case["case_no"])
    assert set(history[-1]) == {"at", "who", "field", "before", "after", "reason"}
    assert history[-1]["before"] == old and history[-1]["reason"] == "电话录错"


def test_edit_refusals(demo: Station) -> None:
    case = open_case(demo, "已受理")
    err = demo.refused("case", "edit", case["case_no"], "-",
                       stdin='{"applicant": {"phone": "13909150000"}}')
    assert "原因" in err
    err = demo.refused("case", "edit", case["case_no"], "-",
                       stdin='{"channel": "飞鸽", "reason": "x"}')
    assert "来源渠道" in err
    done = open_case(demo, "已办结")
    err = demo.refused("case", "edit", done["case_no"], "-",
                       stdin='{"applicant": {"name": "李四"}, "reason": "x"}')
    assert "不能再改" in err


def test_receive_part_of_a_supplement(demo: Station) -> None:
    case = open_case(demo, "待补正")
    missing = case["missing"]
    out = demo.json("case", "receive", case["case_no"], "--material", missing[0])
    assert out["missing"] == missing[1:]
    assert "不在待补正" in demo.refused("case", "receive", case["case_no"],
                                        "--material", "户口本原件（假）")


def test_reissue_is_a_new_version_and_list_shows_both(demo: Station, tmp_path: Path) -> None:
    case = open_case(demo, "已受理")
    first = demo.json("notice", case["case_no"], "--kind", "one-time",
                      "--out", str(tmp_path / "a.pdf"))
    demo.ok("case", "edit", case["case_no"], "-",
            stdin='{"applicant": {"address": "西沟村五组"}, "reason": "住址录错"}')
    second = demo.json("notice", case["case_no"], "--kind", "one-time", "--reissue",
                       "--out", str(tmp_path / "b.pdf"))
    assert not second["reprint"] and second["notice_no"] != first["notice_no"]
    listed = [n for n in demo.json("notice", "list", case["case_no"])
              if n["kind"] == "one-time"]
    assert [n["version"] for n in listed] == [1, 2]
    assert {"kind", "version", "at", "who", "sha256"} <= set(listed[0])
    assert (tmp_path / "a.pdf").read_bytes() != (tmp_path / "b.pdf").read_bytes()


def test_the_last_material_received_at_dates_the_acceptance(demo: Station) -> None:
    case = open_case(demo, "待补正")
    materials = [arg for m in case["missing"] for arg in ("--material", m)]
    assert "早于收件时间" in demo.refused("case", "receive", case["case_no"], *materials,
                                          "--at", "2000-01-01T09:00")
    received = datetime.fromisoformat(case["received_at"])
    brought = received + timedelta(hours=2)
    if brought > datetime.now(brought.tzinfo):  # a case of the last two hours
        brought = received + timedelta(minutes=1)
    at = brought.replace(second=0, microsecond=0).isoformat(timespec="minutes")
    out = demo.json("case", "receive", case["case_no"], "--at", at, *materials)
    assert out["status"] == "已受理" and out["missing"] == []
    shown = demo.json("case", "show", case["case_no"])
    accepted = datetime.fromisoformat(shown["accepted_at"])
    assert accepted.replace(tzinfo=None) == datetime.fromisoformat(at).replace(tzinfo=None)
