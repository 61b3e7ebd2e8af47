"""The quick checks of bundle text agree with the rules they stand in for: the
regular expression of plainly clean characters lets through nothing the
character-by-character rule refuses (and what it does not let through gets the
rule's own message); JSON read without the per-number hooks and the depth walk
is still refused for the same reasons; a row read from a short line is never
too big when written out (so its size need not be worked out)."""

from __future__ import annotations

import json

import pytest

from station_desk.domain.errors import UserError
from station_desk.schemas.base import (
    CLEAN_LINE,
    CLEAN_TEXT,
    bad_character,
    parse_json,
    scan_characters,
)
from station_desk.schemas.records import JSON_GROWTH, MAX_RECORD_BYTES, row_problem


@pytest.mark.parametrize("multiline", [False, True])
def test_every_character_the_quick_check_passes_is_clean(multiline: bool) -> None:
    quick = CLEAN_TEXT if multiline else CLEAN_LINE
    passed = [chr(c) for c in range(0x110000) if quick.fullmatch(chr(c))]
    assert len(passed) > 27_000  # ASCII, CJK and their punctuation at least
    assert [hex(ord(ch)) for ch in passed if scan_characters(ch, multiline=multiline)] == []


@pytest.mark.parametrize(("text", "multiline", "problem"), [
    ("王\u202e英", False, "含有改变文字方向的隐藏字符（U+202E）"),
    ("第一行\n第二行", False, "含有控制字符（U+000A）"),
    ("软\u00ad连字符", True, "含有不可见或未定义的字符（U+00AD）"),
    ("私用\ue000区", True, "含有不可见或未定义的字符（U+E000）"),
    ("第一行\n第二行\t完", True, None),
    ("㐂 𠀀 ①", False, None),  # outside the quick set, clean by the rule
])
def test_the_message_is_the_rules_own(text: str, multiline: bool, problem: str | None) -> None:
    assert bad_character(text, multiline=multiline) == problem
    assert scan_characters(text, multiline=multiline) == problem


@pytest.mark.parametrize(("text", "problem"), [
    ('{"a": [[[1]]]}', None),  # five levels (the number inside is one)
    ('{"a": [[[[1]]]]}', "嵌套太深"),  # six
    ('{"a": "[[[[[[[[[[", "b": "{{{{{{{"}', None),  # brackets inside text are text
    ('[[[[[]]]], {}, [[[{}]]]]', None),  # empty containers are a level, not two
    ('[[[[["x"]]]]]', "嵌套太深"),  # a value inside the fifth container is the sixth
    ('{"id": "BENCH000000000000000000001", "n": [1234567890123456789]}', "太大的数"),
    ('{"n": 1234567890123456789}', "太大的数"),
    ('{"n": "1234567890123456789"}', None),
    ('{"n": NaN}', "NaN"),
    ('{"n": "NaN or Infinity"}', None),
    ('{"n": 1e999}', "NaN/Infinity"),
    ('{"n": 1.5, "m": -12}', None),
    ('{"n": ', "不是有效的 JSON"),
])
def test_json_within_limits(text: str, problem: str | None) -> None:
    if problem is None:
        assert parse_json(text.encode(), "记录", max_depth=5) == json.loads(text)
    else:
        with pytest.raises(UserError) as exc:
            parse_json(text.encode(), "记录", max_depth=5)
        assert problem in exc.value.message


@pytest.mark.parametrize("line", [
    b'{"a":1e15,"b":9e15,"c":1e9,"d":1E1,"e":0e0,"f":-1e-5,"g":1e5}',  # numbers grow most
    b'{"a":[1,2,3],"b":{"c":{"d":[]}},"e":true,"f":null}',  # separators gain a space
    '{"名":"王秀英","\\\\":"\\"\\n\\u0001","x":"\\u4e00\\ud83d\\ude00"}'.encode(),  # escapes
    b'{"a":"\\t\\b\\f\\r\\u001f\\u007f\\u2028"}',
])
def test_a_row_written_out_grows_at_most_json_growth_times_its_line(line: bytes) -> None:
    row = json.loads(line)
    assert len(json.dumps(row, ensure_ascii=False, default=str)) <= JSON_GROWTH * len(line)


def test_a_long_line_still_gets_its_size_worked_out() -> None:
    row = {"id": "x", "note": "字" * MAX_RECORD_BYTES}
    line = json.dumps(row, ensure_ascii=False).encode()
    assert row_problem("cases", row, line_bytes=len(line)).startswith("记录太大")
    assert row_problem("cases", {"id": "x"}, line_bytes=40) == ""
