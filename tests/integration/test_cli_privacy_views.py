"""The command line's share of least exposure (issue 15 item 7): `retention list`
(read only, for the head's review) and ID numbers masked in text meant for a
person, while `--json` keeps the full number (CLI.md: keys stable)."""

from __future__ import annotations

import getpass
import json

from audit_reads import given_out
from cli import Station

KEYS = {"case_no", "applicant", "item", "status", "ended_on", "year", "retention",
        "retention_ended_on", "archive_no"}


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
