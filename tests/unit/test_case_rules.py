"""Case rules (domain/cases.py): the status machine, proxy steps, case numbers,
the attention order and the status a new case starts in. No Qt, no database."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest

from station_desk.domain.cases import (
    NEEDS_REASON,
    OPEN_STATUSES,
    PROXY_ORDER,
    TRANSITIONS,
    ProxyStep,
    Status,
    attention_key,
    check_proxy_step,
    check_transition,
    format_case_no,
    initial_status,
    next_proxy_step,
    parse_case_no,
    parse_status,
)
from station_desk.domain.catalogue import CaseType
from station_desk.domain.errors import UserError

ALL_PAIRS = list(itertools.product(Status, Status))
TZ = timezone(timedelta(hours=8))


def _id(pair: tuple[Status, Status]) -> str:
    return f"{pair[0].name}->{pair[1].name}"


# --- the status machine ----------------------------------------------------


def test_every_pair_is_covered() -> None:
    assert len(ALL_PAIRS) == 49
    assert set(TRANSITIONS) == set(Status)


@pytest.mark.parametrize(("current", "target"), ALL_PAIRS, ids=[_id(p) for p in ALL_PAIRS])
def test_transition_allowed_iff_listed(current: Status, target: Status) -> None:
    allowed = target in TRANSITIONS[current]
    if allowed:
        check_transition(current, target, "申请人书面申请撤回，已存档")
        if target in NEEDS_REASON:
            for blank in ("", "   ", "\n"):
                with pytest.raises(UserError) as exc:
                    check_transition(current, target, blank)
                assert exc.value.field == "reason"
                assert target.value in exc.value.message
                assert "理由" in exc.value.message
        else:
            check_transition(current, target, "")
    else:
        for reason in ("", "有理由也不行"):
            with pytest.raises(UserError) as exc:
                check_transition(current, target, reason)
            assert exc.value.field == "status"
            message = exc.value.message
            assert current.value in message and target.value in message
            # the refusal lists what is possible instead
            if TRANSITIONS[current]:
                assert all(s.value in message for s in TRANSITIONS[current])
            else:
                assert "已结束" in message


def test_finished_statuses_are_final_and_open_ones_are_not() -> None:
    for status in Status:
        assert status.is_open == (status in OPEN_STATUSES)
        assert bool(TRANSITIONS[status]) == status.is_open
    # no open status may move back into 待补正
    assert all(Status.SUPPLEMENT not in targets for targets in TRANSITIONS.values())


def test_reason_statuses_are_the_refusals() -> None:
    assert NEEDS_REASON == {Status.NOT_ACCEPTED, Status.RETURNED, Status.WITHDRAWN}


@pytest.mark.parametrize("status", list(Status))
def test_parse_status_by_value_and_name(status: Status) -> None:
    assert parse_status(status.value) is status
    assert parse_status(status.name.lower()) is status


def test_parse_status_unknown_lists_choices() -> None:
    with pytest.raises(UserError) as exc:
        parse_status("办好了")
    assert exc.value.field == "status"
    assert all(s.value in exc.value.message for s in Status)


# --- proxy steps -----------------------------------------------------------

PROXY_FROM: list[ProxyStep | None] = [None, *PROXY_ORDER]


def test_proxy_order_is_the_full_process() -> None:
    assert PROXY_ORDER == [ProxyStep.ENTRUSTED, ProxyStep.COLLECTED, ProxyStep.SUBMITTED,
                           ProxyStep.RESULT_BACK, ProxyStep.DELIVERED, ProxyStep.CALLED_BACK]
    assert next_proxy_step(None) is ProxyStep.ENTRUSTED
    assert next_proxy_step(ProxyStep.CALLED_BACK) is None


def test_proxy_steps_in_order_are_accepted() -> None:
    current: ProxyStep | None = None
    for step in PROXY_ORDER:
        check_proxy_step(current, step)
        current = step
    assert current is ProxyStep.CALLED_BACK


@pytest.mark.parametrize(
    ("current", "target"),
    [(c, t) for c in PROXY_FROM for t in ProxyStep if t is not next_proxy_step(c)],
    ids=lambda v: v.name if isinstance(v, ProxyStep) else "NONE",
)
def test_every_proxy_skip_or_repeat_is_refused(current: ProxyStep | None,
                                               target: ProxyStep) -> None:
    with pytest.raises(UserError) as exc:
        check_proxy_step(current, target)
    assert exc.value.field == "proxy_step"
    message = exc.value.message
    assert target.value in message
    expected = next_proxy_step(current)
    assert (expected.value if expected else "已全部完成") in message
    assert (current.value if current else "尚未委托") in message


def test_number_of_refused_proxy_moves() -> None:
    refused = [(c, t) for c in PROXY_FROM for t in ProxyStep if t is not next_proxy_step(c)]
    # 7 positions × 6 steps, minus the 6 legal next steps
    assert len(refused) == 7 * 6 - 6


# --- case numbers ----------------------------------------------------------


@pytest.mark.parametrize("seq", [1, 2, 99, 12345, 99999, 100000, 1234567])
def test_case_no_round_trip(seq: int) -> None:
    text = format_case_no("610922101201", 2026, seq)
    assert parse_case_no(text) == ("610922101201", 2026, seq)
    assert parse_case_no(f"  {text}\n") == ("610922101201", 2026, seq)


def test_case_no_format() -> None:
    assert format_case_no("610922101201", 2026, 1) == "610922101201-2026-00001"
    assert format_case_no("610922101201", 2026, 123456) == "610922101201-2026-123456"


@pytest.mark.parametrize("text", [
    "", "610922101201", "610922101201-2026", "61092210120-2026-00001",
    "6109221012011-2026-00001", "610922101201-26-00001", "610922101201-2026-0001",
    "610922101201-2026-00001x", "610922101201/2026/00001", "王秀英",
])
def test_case_no_garbage_is_none(text: str) -> None:
    assert parse_case_no(text) is None


def test_case_numbers_sort_by_sequence_within_a_year() -> None:
    numbers = [format_case_no("610922101201", 2026, s) for s in range(1, 1001)]
    assert sorted(numbers) == numbers


# --- attention order -------------------------------------------------------


def test_attention_order() -> None:
    today = date(2026, 11, 27)
    t = datetime(2026, 11, 1, 9, 0, tzinfo=TZ)
    rows = {
        "overdue-old": attention_key(Status.ACCEPTED, today - timedelta(days=10), t),
        "overdue": attention_key(Status.IN_PROGRESS, today - timedelta(days=1), t),
        "due-today": attention_key(Status.SUPPLEMENT, today, t),
        "due-soon": attention_key(Status.ACCEPTED, today + timedelta(days=2), t),
        "later": attention_key(Status.IN_PROGRESS, today + timedelta(days=40), t),
        "much-later": attention_key(Status.ACCEPTED, date(2099, 1, 1), t),
        "no-deadline": attention_key(Status.SUPPLEMENT, None, t),
        "done-newest": attention_key(Status.COMPLETED, today, t + timedelta(days=20)),
        "done-middle": attention_key(Status.RETURNED, None, t + timedelta(days=5)),
        "done-oldest": attention_key(Status.WITHDRAWN, today - timedelta(days=100),
                                     t - timedelta(days=300)),
    }
    assert sorted(rows, key=rows.__getitem__) == list(rows)


def test_attention_same_deadline_earlier_receipt_first() -> None:
    d = date(2026, 12, 1)
    first = attention_key(Status.ACCEPTED, d, datetime(2026, 11, 1, 9, 0, 0, tzinfo=TZ))
    second = attention_key(Status.ACCEPTED, d, datetime(2026, 11, 1, 9, 0, 1, tzinfo=TZ))
    assert first < second


def test_every_open_case_before_every_finished_one() -> None:
    early = datetime(2000, 1, 1, tzinfo=TZ)
    late = datetime(2099, 12, 31, 23, 59, 59, tzinfo=TZ)
    open_keys = [attention_key(s, d, r) for s in OPEN_STATUSES
                 for d in (None, date(2000, 1, 1), date(2099, 12, 31)) for r in (early, late)]
    done_keys = [attention_key(s, d, r) for s in set(Status) - OPEN_STATUSES
                 for d in (None, date(2000, 1, 1)) for r in (early, late)]
    assert max(open_keys) < min(done_keys)


def test_finished_newest_first_ignores_deadline() -> None:
    newer = attention_key(Status.COMPLETED, date(2000, 1, 1),
                          datetime(2026, 11, 2, tzinfo=TZ))
    older = attention_key(Status.COMPLETED, date(2099, 1, 1),
                          datetime(2026, 11, 1, tzinfo=TZ))
    assert newer < older


# --- the status a new case starts in ---------------------------------------


@pytest.mark.parametrize(("case_type", "missing", "done", "expected"), [
    (CaseType.IMMEDIATE, [], True, Status.COMPLETED),
    (CaseType.IMMEDIATE, [], False, Status.ACCEPTED),
    (CaseType.IMMEDIATE, ["户口簿"], True, Status.SUPPLEMENT),
    (CaseType.IMMEDIATE, ["户口簿"], False, Status.SUPPLEMENT),
    (CaseType.PROMISED, [], False, Status.ACCEPTED),
    (CaseType.PROMISED, [], True, Status.ACCEPTED),  # only 即办件 finish on the spot
    (CaseType.PROMISED, ["户口簿", "结婚证"], False, Status.SUPPLEMENT),
    (CaseType.JOINT, [], False, Status.ACCEPTED),
    (CaseType.JOINT, [], True, Status.ACCEPTED),
    (CaseType.JOINT, ["申请书"], False, Status.SUPPLEMENT),
    (CaseType.RETURNED, [], False, Status.RETURNED),
    (CaseType.RETURNED, [], True, Status.RETURNED),
    (CaseType.RETURNED, ["户口簿"], False, Status.RETURNED),
])
def test_initial_status(case_type: CaseType, missing: list[str], done: bool,
                        expected: Status) -> None:
    assert initial_status(case_type, missing, done) is expected
