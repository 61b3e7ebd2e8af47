"""`station-desk case …`, `deadline` and `holidays import`.

One station is set up per module (init + staff add) and copied for each test,
so each test starts from the same clean archive. Any 2027 or 2099 holiday
schedule here is made-up test data, not a real State Council notice.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli import PENSION_CLAIM_MATERIALS, Station, copy_of
from stdnum.cn import ric

from station_desk.domain.workdays import HolidayCalendar

CAL = HolidayCalendar()

needs_unknown_2027 = pytest.mark.skipif(
    HolidayCalendar().knows(2027),
    reason="chinese_calendar now ships 2027; these tests need a year it lacks",
)

FAKE_2099: dict[str, Any] = {
    "year": 2099,
    "source": "测试用虚构安排",
    "holidays": [{"name": "国庆节", "dates": [f"2099-10-0{d}" for d in range(1, 8)]}],
    "workdays": ["2099-09-26", "2099-10-10"],
}


def id_number(n: int = 4) -> str:
    base = f"61092219650312{n:03d}"
    return base + ric.calc_check_digit(base + "0")


def bad_id_number(n: int = 4) -> str:
    good = id_number(n)
    return good[:17] + ("0" if good[17] != "0" else "1")


def entry(name: str = "王秀英", *, n: int = 4, **changes: Any) -> dict[str, Any]:
    """A case in the shape CLI.md documents for `case new --json -`."""
    data: dict[str, Any] = {
        "item": "08-02", "channel": "来访",
        "applicant": {"name": name, "id_number": id_number(n), "phone": "13800138000"},
        "proxy": True, "first_ask": "李明", "received": list(PENSION_CLAIM_MATERIALS),
        "received_at": "2026-11-26T09:30:00",
    }
    data.update(changes)
    return data


@pytest.fixture(scope="module")
def template(initialised: tuple[Station, dict[str, Any]],
             tmp_path_factory: pytest.TempPathFactory) -> Station:
    st = copy_of(initialised[0], tmp_path_factory.mktemp("template"))
    st.ok("staff", "add", "--name", "李明", "--role", "agent",
         env={"STATION_DESK_NEW_PIN": "111111"})
    return st


@pytest.fixture
def st(template: Station, tmp_path: Path) -> Station:
    return copy_of(template, tmp_path)


# --- case new ----------------------------------------------------------------


@pytest.mark.end_to_end
def test_case_new_single(st: Station) -> None:
    result = st.ok("case", "new", "--json", "-", stdin=json.dumps(entry(), ensure_ascii=False),
                   process=True)
    out = json.loads(result.stdout)
    assert {"case_no", "id", "deadline"} <= set(out)
    assert out["case_no"] == "610922101201-2026-00001"
    assert out["deadline"] == CAL.add_working_days(date(2026, 11, 26), 10).isoformat()
    assert out["status"] == "已受理"
    [case] = st.cases()
    assert case["case_no"] == out["case_no"] and case["id"] == out["id"]
    assert case["applicant"]["name"] == "王秀英"
    assert case["first_ask"] == "李明" and case["proxy"] is True
    assert case["proxy_step"] == "已委托"


def test_case_new_array_is_all_or_nothing(st: Station) -> None:
    batch = [entry("王秀英", n=1), entry("王芳", n=2),
             entry("李秀兰", applicant={"name": "李秀兰", "id_number": bad_id_number(3)})]
    result = st.run("case", "new", "--json", "-", stdin=json.dumps(batch, ensure_ascii=False))
    assert result.returncode == 1
    assert "第 3 件" in result.stderr and "身份证" in result.stderr
    assert result.stdout == ""
    assert st.cases() == []

    good = st.new(*batch[:2])
    assert [c["case_no"] for c in good] == ["610922101201-2026-00001",
                                            "610922101201-2026-00002"]


def test_case_new_reports_every_fault(st: Station) -> None:
    bad = entry(item="99-99", applicant={"name": "", "id_number": "123", "phone": "12345"})
    result = st.run("case", "new", "-", stdin=json.dumps(bad, ensure_ascii=False))
    assert result.returncode == 1
    for text in ("姓名", "身份证", "12345", "99-99"):
        assert text in result.stderr


@pytest.mark.parametrize("text", ["{", "{'item': '08-02'}"])
def test_case_new_bad_json(st: Station, text: str) -> None:
    result = st.run("case", "new", "--json", "-", stdin=text)
    assert result.returncode == 1
    assert "JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_case_new_not_an_object(st: Station) -> None:
    result = st.run("case", "new", "-", stdin='[{"item": "08-02"}, 5]')
    assert result.returncode == 1
    assert "第 2 件" in result.stderr and "Traceback" not in result.stderr


# --- show and list -----------------------------------------------------------


FILLED = [
    entry("王秀英", n=1),  # accepted, due 2026-12-10
    entry("王芳", n=2, proxy=False, received=["居民身份证或户口簿"]),  # supplement
    entry("李秀兰", n=3, proxy=False, received_at="2025-09-30T10:00:00"),  # long overdue
]


@pytest.fixture(scope="module")
def filled(template: Station, tmp_path_factory: pytest.TempPathFactory) -> Station:
    """Three cases; only for tests that change nothing."""
    st = copy_of(template, tmp_path_factory.mktemp("filled"))
    result = st.ok("case", "new", "-", stdin=json.dumps(FILLED, ensure_ascii=False))
    # the supplement case's warning goes to stderr, naming every missing material
    assert "610922101201-2026-00002" in result.stderr
    assert "社会保障卡或银行卡" in result.stderr and "待补正" in result.stdout
    return st


@pytest.fixture
def filled_copy(filled: Station, tmp_path: Path) -> Station:
    return copy_of(filled, tmp_path)


def test_case_show_has_timeline(filled: Station) -> None:
    case = filled.json("case", "show", "610922101201-2026-00001")
    assert case["case_no"] == "610922101201-2026-00001"
    assert case["applicant"]["name"] == "王秀英"
    kinds = [e["kind"] for e in case["timeline"]]
    assert kinds == ["登记", "代办"]
    assert all(e["who"] and e["at"] for e in case["timeline"])
    assert "首问责任人 李明" in case["timeline"][0]["text"]

    plain = filled.ok("case", "show", "610922101201-2026-00001").stdout
    assert "王秀英" in plain and "登记" in plain


def test_case_show_unknown(filled: Station) -> None:
    result = filled.run("case", "show", "610922101201-2026-09999")
    assert result.returncode == 1 and "没有找到" in result.stderr


def test_case_list_filters(filled: Station) -> None:
    everything = filled.cases()
    assert [c["applicant"]["name"] for c in everything] == ["李秀兰", "王芳", "王秀英"]
    assert [c["applicant"]["name"] for c in filled.cases("--search", "王秀英")] == ["王秀英"]
    assert [c["applicant"]["name"] for c in filled.cases("--status", "待补正")] == ["王芳"]
    # 李秀兰 (due 2025-10-21) is overdue; the others once their dates pass
    today = date.today().isoformat()
    overdue = [c["applicant"]["name"] for c in everything
               if (c["deadline"] or c["supplement_due"]) < today]
    assert overdue[0] == "李秀兰"
    assert [c["applicant"]["name"] for c in filled.cases("--overdue")] == overdue
    assert [c["case_no"] for c in filled.cases("--limit", "1")] == [everything[0]["case_no"]]

    plain = filled.ok("case", "list", "--status", "待补正").stdout.splitlines()
    assert len(plain) == 1 and "王芳" in plain[0]


def test_case_list_unknown_status(filled: Station) -> None:
    result = filled.run("case", "list", "--status", "办好了")
    assert result.returncode == 1 and "已办结" in result.stderr


# --- advance -----------------------------------------------------------------


def test_case_advance(filled_copy: Station) -> None:
    filled = filled_copy
    no = "610922101201-2026-00002"  # 王芳, 待补正
    missing = filled.json("case", "show", no)["missing"]
    assert missing
    refused = filled.run("case", "advance", no, "--to", "已受理")
    assert refused.returncode == 1
    assert all(m in refused.stderr for m in missing)
    assert f"case receive {no} --material" in refused.stderr and "收到补正材料…" in refused.stderr
    still = filled.json("case", "show", no)
    assert still["status"] == "待补正" and still["missing"] == missing
    assert not any(m["received"] for m in still["materials"] if m["name"] in missing)

    received = [arg for m in missing for arg in ("--material", m)]
    filled.ok("case", "receive", no, *received)
    accepted = filled.json("case", "show", no)
    assert accepted["status"] == "已受理" and accepted["missing"] == []
    assert accepted["deadline"] is not None

    refused = filled.run("case", "advance", no, "--to", "已退回")
    assert refused.returncode == 1 and "理由" in refused.stderr

    filled.ok("case", "advance", no, "--to", "已退回", "--note", "户籍不在本村，依政策退回")
    case = filled.json("case", "show", no)
    assert case["status"] == "已退回" and case["reason"] == "户籍不在本村，依政策退回"
    assert "户籍不在本村" in case["timeline"][-1]["text"]


def test_case_advance_illegal_lists_allowed(filled: Station) -> None:
    no = "610922101201-2026-00002"  # 待补正
    result = filled.run("case", "advance", no, "--to", "已办结")
    assert result.returncode == 1
    assert "待补正" in result.stderr and "已办结" in result.stderr
    for allowed in ("已受理", "不予受理", "已撤回"):
        assert allowed in result.stderr

    unknown = filled.run("case", "advance", no, "--to", "办好了")
    assert unknown.returncode == 1 and "不认识" in unknown.stderr


# --- deadline ----------------------------------------------------------------


def test_deadline_over_national_day_2025(st: Station) -> None:
    out = st.json("deadline", "--from", "2025-09-30", "--days", "3")
    assert out["deadline"] == "2025-10-11"  # a make-up Saturday
    assert out["provisional"] is False and out["missing_years"] == []


def test_deadline_spring_festival_2026(st: Station) -> None:
    one = st.ok("deadline", "--from", "2026-02-13", "--days", "1").stdout.strip()
    assert one == CAL.add_working_days(date(2026, 2, 13), 1).isoformat()
    two = st.ok("deadline", "--from", "2026-02-13", "--days", "2").stdout.strip()
    assert two == CAL.add_working_days(date(2026, 2, 13), 2).isoformat()
    assert date.fromisoformat(two) > date(2026, 2, 23)  # after the festival


def test_deadline_without_a_station(tmp_path: Path) -> None:
    bare = Station(tmp_path)
    out = bare.json("deadline", "--from", "2025-09-30", "--days", "3")
    assert out["deadline"] == "2025-10-11"


@needs_unknown_2027
def test_deadline_into_an_unknown_year_is_provisional(st: Station) -> None:
    result = st.ok("deadline", "--from", "2026-12-30", "--days", "5", "--json")
    out = json.loads(result.stdout)
    assert out["provisional"] is True and out["missing_years"] == [2027]
    assert "2027" in out["warning"] and "2027" in result.stderr
    # 31 Dec, then 4, 5, 6, 7 Jan: 1 Jan is the statutory 元旦 even before the notice
    assert out["deadline"] == "2027-01-07"


def test_deadline_bad_input(st: Station) -> None:
    result = st.run("deadline", "--from", "2026-13-01", "--days", "3")
    assert result.returncode == 1 and "YYYY-MM-DD" in result.stderr


# --- holidays import ---------------------------------------------------------


def test_holidays_import_bad_file(st: Station, tmp_path: Path) -> None:
    path = tmp_path / "2099.json"
    path.write_text(json.dumps(dict(FAKE_2099, workdays=["2099-10-12"])), encoding="utf-8")
    result = st.run("holidays", "import", str(path))
    assert result.returncode == 1
    assert "节假日安排文件有误" in result.stderr and "不是周末" in result.stderr

    result = st.run("holidays", "import", str(tmp_path / "没有这个文件.json"))
    assert result.returncode == 1 and "读不到文件" in result.stderr
    assert "Traceback" not in result.stderr


def test_holidays_import_good_file(st: Station, tmp_path: Path) -> None:
    path = tmp_path / "2099.json"
    path.write_text("\ufeff" + json.dumps(FAKE_2099, ensure_ascii=False), encoding="utf-8")
    assert st.json("holidays", "import", str(path)) == {"year": 2099, "cases_redated": 0}
    out = st.json("deadline", "--from", "2099-09-30", "--days", "1")
    assert out["deadline"] == "2099-10-08" and out["provisional"] is False


@needs_unknown_2027
def test_holidays_import_redates_provisional_case(st: Station, tmp_path: Path) -> None:
    new = st.run("case", "new", "--json", "-", stdin=json.dumps(entry(
        item="08-05", received=["居民身份证或户口簿", "转入地户籍证明",
                                "《城乡居民基本养老保险关系转入申请表》"],
        received_at="2026-11-20T10:00:00"), ensure_ascii=False))
    assert new.returncode == 0, new.stderr
    out = json.loads(new.stdout)
    assert out["deadline"] == "2027-01-04" and "2027" in new.stderr

    path = tmp_path / "2027.json"
    path.write_text(json.dumps({
        "year": 2027, "source": "测试用虚构安排",
        "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03",
                                             "2027-01-04"]}],
        "workdays": []}, ensure_ascii=False), encoding="utf-8")
    assert st.json("holidays", "import", str(path)) == {"year": 2027, "cases_redated": 1}
    case = st.json("case", "show", out["case_no"])
    assert case["deadline"] == "2027-01-05" and case["deadline_provisional"] is False
    assert case["timeline"][-1]["kind"] == "期限"


# --- legal clock: show, extend, notify -----------------------------------------


def test_case_show_gives_every_date_with_its_rule(st: Station) -> None:
    [case] = st.new(entry())
    shown = st.json("case", "show", case["case_no"])
    labels = [d["label"] for d in shown["clock"]]
    assert labels == ["受理日期", "承诺办结日期"]
    assert shown["clock"][1]["date"] == shown["deadline"]
    assert "承诺时限 10 个工作日" in shown["clock"][1]["rule"]
    assert shown["deemed_accepted"] is False and shown["extensions"] == []
    assert shown["suspensions"] == []


def test_case_extend_needs_consent_and_writes_the_notice(st: Station, tmp_path: Path) -> None:
    [case] = st.new(entry())
    no = case["case_no"]
    refused = st.run("case", "extend", no, "--days", "5", "--reason", "待县局复核")
    assert refused.returncode == 1 and "申请人同意" in refused.stderr
    pdf = tmp_path / "延期告知书.pdf"
    out = st.json("case", "extend", no, "--days", "5", "--reason", "待县局复核",
                  "--consent", "电话同意", "--out", str(pdf))
    assert out["notice_no"] == f"{no}-YQ" and pdf.read_bytes().startswith(b"%PDF")
    assert out["deadline"] == CAL.add_working_days(date(2026, 11, 26), 15).isoformat()
    assert out["extensions"][0]["approved_by"] == "王建国"  # the head signed in with --as
    clerk = st.refused("case", "extend", no, "--days", "1", "--reason", "再核", "--consent", "同意",
                       who=("李明", "111111"))
    assert "只能由站长" in clerk


def test_case_notify_records_and_prints_the_wording(st: Station) -> None:
    [case] = st.new(entry())
    no = case["case_no"]
    st.ok("case", "advance", no, "--to", "已办结")
    words = st.ok("case", "notify", no, "--purpose", "办结", "--wording").stdout
    assert "王秀英您好" in words and no in words
    refused = st.run("case", "notify", no, "--purpose", "办结", who=None)
    assert refused.returncode == 1 and "--as" in refused.stderr
    told = st.json("case", "notify", no, "--purpose", "办结", "--channel", "短信",
                   who=("李明", "111111"))  # who told is who signed in
    assert (told["channel"], told["told_by"], told["result"]) == ("短信", "李明", "已告知")
    shown = st.json("case", "show", no)
    assert shown["told"][0]["told"] is True
