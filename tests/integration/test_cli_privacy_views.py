"""The command line's share of least exposure (issue 15 item 7): `retention list`
(read only, for the head's review) and ID numbers masked in text meant for a
person, while `--json` keeps the full number (CLI.md: keys stable)."""

from __future__ import annotations

import getpass
import json
from datetime import date

from audit_reads import given_out
from cli import Station

from station_desk.db import cases_repo
from station_desk.domain.actor import Actor
from station_desk.services.desk import Desk

KEYS = {"case_no", "applicant", "item", "status", "ended_on", "year", "retention",
        "retention_ended_on", "archive_no", "review", "decision"}


def test_retention_list_names_the_cases_past_their_period(demo: Station) -> None:
    assert demo.json("retention", "list", "--today", "2020-01-01") == []
    assert "没有保管期限已满" in demo.ok("retention", "list", "--today", "2020-01-01").stdout
    far = demo.json("retention", "list", "--today", "2100-01-01")
    finished = [c for c in demo.cases() if c["status"] in ("已办结", "不予受理", "已退回",
                                                            "已撤回")]
    assert far and {r["case_no"] for r in far} == {c["case_no"] for c in finished}
    assert all(set(r) == KEYS for r in far)
    ten = [r for r in far if r["retention"] == "10年"]
    first_day = f"{ten[0]['year'] + 11}-01-01"
    assert {r["case_no"] for r in demo.json("retention", "list", "--today", first_day)} \
        == {r["case_no"] for r in ten}
    text = demo.ok("retention", "list", "--today", first_day).stdout
    assert len(text.splitlines()) == len(ten) and "期满" in text
    # listing deleted nothing
    assert len(demo.cases()) >= len(far)
    assert "YYYY-MM-DD" in demo.refused("retention", "list", "--today", "明年")


def test_text_output_masks_the_number_json_keeps_it(demo: Station) -> None:
    case = demo.cases("--status", "已受理")[0]
    number = case["applicant"]["id_number"]
    assert len(number) == 18
    shown = demo.json("case", "show", case["case_no"])
    assert shown["applicant"]["id_number"] == number
    assert number not in demo.ok("case", "show", case["case_no"]).stdout
    # a corrected number: the history's text masks both, its JSON keeps both
    other = next(c["applicant"]["id_number"] for c in demo.cases()
                 if c["applicant"]["id_number"] not in ("", number))
    demo.json("case", "edit", case["case_no"], "-",
              data={"applicant": {"id_number": other}, "reason": "登记时抄错"})
    text = demo.ok("case", "history", case["case_no"]).stdout
    assert number not in text and other not in text
    assert number[:3] + "*" * 11 + number[-4:] in text
    [row] = [r for r in demo.json("case", "history", case["case_no"])
             if r["field"] == "applicant.id_number"]
    assert (row["before"], row["after"]) == (number, other)
    assert number not in demo.ok("case", "show", case["case_no"]).stdout


def test_a_json_read_without_sign_in_names_the_os_account(demo: Station) -> None:
    case = demo.cases("--status", "已受理")[0]  # signed in as the head (demo's --as)
    before = given_out(demo)
    demo.json("case", "show", case["case_no"], who=False)
    [(who, command, details)] = given_out(demo)[len(before):]
    account = getpass.getuser()
    assert command == "case show" and account in who and "未登录" in who
    assert details == {"command": "case show", "cases": [case["case_no"]], "count": 1,
                       "signed_in": False, "os_account": account}
    # the text for a person carries no full number: nothing to record
    demo.ok("case", "show", case["case_no"], who=False)
    demo.ok("case", "list", who=False)
    assert len(given_out(demo)) == len(before) + 1


def test_a_json_list_is_one_entry_naming_every_case_and_the_person(demo: Station) -> None:
    before = len(given_out(demo))
    listed = demo.json("case", "list", who=("李明", "111111"))
    with_number = sorted(c["case_no"] for c in listed if c["applicant"]["id_number"])
    assert len(with_number) > 1
    [(who, command, details)] = given_out(demo)[before:]
    assert (who, command) == ("李明", "case list")
    assert details["cases"] == with_number and details["count"] == len(with_number)
    assert details["signed_in"] is True


def test_a_corrected_number_read_from_the_history_is_recorded(demo: Station) -> None:
    case = demo.cases("--status", "已受理")[0]
    demo.json("case", "history", case["case_no"])
    other = next(c["applicant"]["id_number"] for c in demo.cases()
                 if c["applicant"]["id_number"] not in ("", case["applicant"]["id_number"]))
    before = len(given_out(demo))
    edited = demo.ok("case", "edit", case["case_no"], "-", stdin=json.dumps(
        {"applicant": {"id_number": other}, "reason": "登记时抄错"}, ensure_ascii=False))
    assert other not in edited.stdout and "*" * 11 in edited.stdout  # text: masked
    assert len(given_out(demo)) == before
    demo.json("case", "history", case["case_no"])
    [(_who, command, details)] = given_out(demo)[before:]
    assert command == "case history" and details["cases"] == [case["case_no"]]


def _age(st: Station, count: int) -> list[str]:
    """`count` of the demo's finished cases made old: ended in 1990, so their
    period (10 or 30 years from 1991) is over."""
    desk = Desk.open(st.data)
    try:
        done = [c for c in desk.cases.page(desk.cases.make_filter(), limit=10_000)
                if not c.status.is_open][:count]
        for case in done:
            cases_repo.update_case(desk.db, case.id, {"completed_at": "1990-06-01T10:00:00"},
                                   Actor.system("测试"))
    finally:
        desk.close()
    assert len(done) == count
    return [c.case_no for c in done]


def test_the_head_decides_on_the_command_line_and_the_list_shows_it(demo: Station) -> None:
    kept, gone, other = _age(demo, 3)
    assert "站长" in demo.refused("retention", "decide", kept, "--keep-years", "5",
                                "--reason", "有纠纷", who=("李明", "111111"))
    assert "须写明是谁" in demo.refused("retention", "decide", kept, "--destroy",
                                    "--reason", "无价值", who=False)
    assert "--destroy" in demo.refused("retention", "decide", kept, "--reason", "x")
    assert "审核意见" in demo.refused("retention", "decide", kept, "--destroy")
    [row] = demo.json("retention", "decide", kept, "--keep-years", "5", "--reason", "有纠纷")
    assert row["review"] == "继续保存" and row["decision"]["by"] == "王建国"
    assert row["decision"]["kept_through"] == date.today().year + 5
    both = demo.json("retention", "decide", gone, other, "--destroy", "--reason",
                     "经鉴定无保存价值")
    assert [r["review"] for r in both] == ["同意销毁", "同意销毁"]
    listed = {r["case_no"]: r for r in demo.json("retention", "list", who=False)}
    assert (listed[kept]["review"], listed[gone]["review"]) == ("继续保存", "同意销毁")
    assert listed[gone]["decision"]["reason"] == "经鉴定无保存价值"
    text = demo.ok("retention", "list", who=False).stdout
    assert "同意销毁（王建国" in text and "继续保存至" in text
    assert "已由王建国" in demo.refused("retention", "decide", gone, "--keep-years", "1",
                                    "--reason", "再议")
    # nothing deleted: each case still shows
    for case_no in (kept, gone, other):
        assert demo.json("case", "show", case_no)["case_no"] == case_no
