"""JSON piped into `case new -`, `appt new -`, `after-hours new -` with a wrong type
is refused naming the key, never a traceback. These are the inputs hypothesis
found crashing the commands (tests/unit/test_fuzz_inputs.py keeps fuzzing them)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cli import Station


@pytest.fixture(scope="module")
def desk_station(demo_template: Station) -> Station:
    """One demo station for every example (nothing here is saved)."""
    return demo_template


@pytest.mark.parametrize(("entry", "key"), [
    ({"first_ask": ["李明"]}, "first_ask"),  # was a traceback
    ({"received": None, "first_ask": {"name": "李明"}}, "first_ask"),
    ({"received": "居民身份证或户口簿"}, "received"),
    ({"applicant": {"groups": [1]}}, "groups"),
    ({"proxy": "false"}, "proxy"),  # was read as true
])
def test_a_wrong_type_is_refused_naming_the_key(desk_station: Station, entry: dict[str, Any],
                                                key: str) -> None:
    err = desk_station.refused("case", "new", "-", stdin=json.dumps(entry, ensure_ascii=False))
    assert key in err


@pytest.mark.parametrize("argv", [["appt", "new", "-"], ["after-hours", "new", "-"]])
def test_absurd_numbers_are_refused(desk_station: Station, argv: list[str]) -> None:
    for number in ("1e400", "9" * 5000):  # infinity; past Python's int-from-text limit
        key = "minutes" if argv[0] == "appt" else "served"
        desk_station.refused(*argv, stdin=f'{{"{key}": {number}, "day": "2026-11-20",'
                                           f' "at": "2026-12-01T09:30"}}')
