"""Every JSON command, fed anything: it answers 0 or 1 with a Chinese message,
never a traceback, and nothing it stores carries control or bidi characters
or a number where a name belongs."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from station_desk.cli.main import main
from station_desk.schemas.base import BIDI
from station_desk.services.desk import Desk

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**40), max_value=10**40)
           | st.floats(allow_nan=False, allow_infinity=False)
           | st.text(max_size=30)
           | st.sampled_from(["\u202e", "\x00", "a\u202egnp.exe", "0001-01-01", "9999-12-31",
                              "2026-11-26T09:30:00", "08-02", "王秀英", "李明", "x" * 5000]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                           max_leaves=12)


def shaped(fields: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Objects with the command's own keys, each a valid value or anything."""
    return st.fixed_dictionaries({}, optional={k: st.just(v) | json_values
                                               for k, v in fields.items()})


CASE = {"item": "08-02", "channel": "来访", "first_ask": "李明",
        "applicant": {"name": "王秀英", "id_number": "", "phone": "13800138000"},
        "received": ["居民身份证或户口簿"], "proxy": False, "done": False,
        "received_at": "2026-11-26T09:30:00", "groups": [], "departments": [], "note": ""}
APPT = {"applicant": {"name": "王秀英", "phone": "13800138000"}, "item": "08-02",
        "at": "2026-12-01T09:30:00", "kind": "窗口", "channel": "电话", "minutes": 30,
        "staff": "李明", "note": ""}
AFTER_HOURS = {"day": "2026-11-20", "closing": "17:30", "end": "18:30", "staff": ["李明"],
               "served": 2, "note": ""}
COMPLAINT = {"complainant": "王秀英", "phone": "13800138000", "matter": "窗口无人",
             "concerning": "综合窗口", "channel": "电话", "severity": "一般"}
HOLIDAYS = {"year": 2099, "source": "测试", "holidays": [{"name": "国庆节",
                                                         "dates": ["2099-10-01"]}],
            "workdays": ["2099-09-26"]}

COMMANDS = {
    "case": (["case", "new", "--json", "-"], CASE),
    "appt": (["appt", "new", "--json", "-"], APPT),
    "after-hours": (["after-hours", "new", "--json", "-"], AFTER_HOURS),
    "complaint": (["complaint", "new", "--json", "-"], COMPLAINT),
}

RAW = [b"", b"\xff\xfe{\x00}\x00", "{\"item\": \"王\"}".encode("gbk"), b"[" * 100_000,
       b"{\"a\":" * 50_000, b"1" * 5000, b"{\"note\": \"\\ud800\"}", b"NaN", b"[1e999]",
       "\ufeff{}".encode(), b"\x00\x01\x02"]


@pytest.fixture
def station(village: Desk, data_dir: Path) -> Iterator[Path]:
    village.close()
    yield data_dir


def _run(data_dir: Path, argv: list[str], stdin: bytes, capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    monkeypatch.setenv("STATION_DESK_PIN", "123456")  # signed in: the input itself is tried
    code = main(["--data-dir", str(data_dir), "--as", "王建国", *argv])
    err = capsys.readouterr().err
    assert code in (0, 1)
    if code == 1:
        assert err.strip() and "Traceback" not in err
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err), err
    return code, err


def _stored_text_is_clean(data_dir: Path) -> None:
    desk = Desk.open(data_dir)
    try:
        for table, column in (("cases", "applicant_name"), ("cases", "note"),
                              ("appointments", "applicant_name"), ("complaints", "complainant"),
                              ("complaints", "matter"), ("after_hours", "note")):
            for (value,) in desk.db.execute(f"SELECT [{column}] FROM [{table}]"):
                assert isinstance(value, str), (table, column, value)
                assert len(value) <= 4000
                assert not any(ch in BIDI or (unicodedata.category(ch) == "Cc"
                                              and ch not in "\n\t\r") for ch in value)
    finally:
        desk.close()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_commands_never_raise_on_shaped_input(
        station: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    argv, fields = COMMANDS[command]

    @FUZZ
    @given(shaped(fields))
    def run(data: Any) -> None:
        _run(station, argv, json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass"),
             capsys, monkeypatch)

    run()
    _stored_text_is_clean(station)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_json_commands_never_raise_on_anything(
        station: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    argv, _ = COMMANDS[command]

    @FUZZ
    @given(json_values | st.lists(json_values, max_size=3) | st.binary(max_size=200)
           | st.sampled_from(RAW))
    def run(data: Any) -> None:
        raw = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
        _run(station, argv, raw, capsys, monkeypatch)

    run()
    _stored_text_is_clean(station)


@pytest.mark.parametrize("command", ["keys-trust", "import", "holidays"])
def test_file_commands_never_raise(station: Path, tmp_path: Path, command: str,
                                   capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "input.json"
    argv = {"keys-trust": ["keys", "trust", str(target)],
            "import": ["import", "--json", str(target)],
            "holidays": ["holidays", "import", str(target)]}[command]
    fields = HOLIDAYS if command == "holidays" else {
        "format": "station-desk-identity", "version": 1, "code": "610922101000",
        "name": "城关镇", "kind": "town1", "verify_key": "A" * 43 + "=",
        "box_key": "A" * 43 + "=", "signature": "A" * 86 + "==", "fingerprint": "1"}

    @FUZZ
    @given(shaped(fields) | json_values | st.binary(max_size=300) | st.sampled_from(RAW))
    def run(data: Any) -> None:
        raw = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
        target.write_bytes(raw)
        _run(station, argv, b"", capsys, monkeypatch)

    run()
    assert main(["--data-dir", str(station), "--as", "王建国", "keys", "trust",
                 str(tmp_path / "missing.json")]) == 1


def test_a_number_is_never_taken_as_a_name(station: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    entry = {**CASE, "applicant": {**CASE["applicant"], "name": 12345}}
    code, err = _run(station, COMMANDS["case"][0], json.dumps(entry).encode(), capsys,
                     monkeypatch)
    assert code == 1 and "姓名" in err and "文字" in err
    entry = {**CASE, "applicant": {**CASE["applicant"], "name": "王\u202e秀英"}}
    code, err = _run(station, COMMANDS["case"][0], json.dumps(entry).encode(), capsys,
                     monkeypatch)
    assert code == 1 and "方向" in err

