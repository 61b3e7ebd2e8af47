"""A wrong PIN five times throttles, each miss is in the audit trail, and closing
the program does not reset the pause."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import cast

import pytest

from station_desk.domain.errors import UserError
from station_desk.domain.throttle import FREE_TRIES, pause_after
from station_desk.services.desk import Desk


def _misses(desk: Desk) -> int:
    return int(desk.db.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'sign_in' "
                               "AND action = 'pin_failed'").fetchone()[0])


def test_the_pause_starts_after_five_misses_and_doubles() -> None:
    assert [pause_after(n) for n in range(FREE_TRIES)] == [timedelta(0)] * FREE_TRIES
    assert pause_after(5) == timedelta(seconds=30)
    assert pause_after(6) == timedelta(seconds=60)
    assert pause_after(50) == timedelta(minutes=30)


def test_five_wrong_pins_throttle_even_the_right_one_and_survive_a_restart(
        village: Desk, data_dir: Path) -> None:
    for n in range(1, 5):
        with pytest.raises(UserError, match=f"连续输错 {n} 次）.*重新输入"):
            village.session.sign_in("王建国", "9999")
    with pytest.raises(UserError, match="连续输错 5 次）.*30 秒后再试"):
        village.session.sign_in("王建国", "9999")
    with pytest.raises(UserError, match="秒后再试"):
        village.session.sign_in("王建国", "123456")  # the right PIN waits too
    assert village.session.signed_in is None
    assert _misses(village) == 5
    village.close()
    again = Desk.open(data_dir)
    try:
        with pytest.raises(UserError, match="已连续输错 5 次"):
            again.session.sign_in("王建国", "123456")
        again.session.sign_in("李明", "111111")  # another person is not held up
    finally:
        again.close()


def test_a_good_sign_in_starts_the_count_again(village: Desk) -> None:
    for _ in range(4):
        with pytest.raises(UserError):
            village.session.sign_in("王建国", "9999")
    village.session.sign_in("王建国", "123456")
    with pytest.raises(UserError, match="连续输错 1 次）"):
        village.session.sign_in("王建国", "9999")


def _refusals(desk: Desk) -> list[tuple[str, str, dict[str, object]]]:
    rows = desk.db.execute(
        "SELECT actor_name, record_id, after FROM audit_log WHERE table_name = 'sign_in' "
        "AND action = 'refused_in_pause' ORDER BY id").fetchall()
    return [(name, record, json.loads(after)) for name, record, after in rows]


def test_a_try_during_the_pause_is_audited_but_does_not_lengthen_it(
        village: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(FREE_TRIES):
        with pytest.raises(UserError):
            village.session.sign_in("王建国", "999999")
    for _ in range(3):  # somebody keeps pressing 登录 during the pause
        with pytest.raises(UserError, match="已连续输错 5 次"):
            village.session.sign_in("王建国", "123456", where="命令行")
    head = village.station.staff_named("王建国")
    assert head is not None
    refusals = _refusals(village)
    assert len(refusals) == 3
    assert all(name == "王建国" and record == head.id for name, record, _ in refusals)
    assert all(details["where"] == "命令行" and details["misses"] == 5
               and 0 < int(str(details["seconds_left"])) <= 30
               for _, _, details in refusals)
    assert _misses(village) == 5  # not counted as misses
    with pytest.raises(UserError, match="已连续输错 5 次"):
        village.session.sign_in("王建国", "123456")  # the window's sign-in dialog
    assert _refusals(village)[-1][2]["where"] == "窗口"

    later = datetime.now().astimezone() + timedelta(seconds=31)

    class _Later(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> _Later:  # type: ignore[override]
            return cast(_Later, later)

    # 31 s after the fifth miss the pause is over, however many tries were refused
    monkeypatch.setattr("station_desk.services.session.datetime", _Later)
    assert village.session.sign_in("王建国", "123456").name == "王建国"
