"""PINs: 6 digits or more when set, a short old PIN signs in once more and must be
changed, and hashes made at an older cost are upgraded at the next good sign-in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError

from station_desk.db import station_repo
from station_desk.domain import pin
from station_desk.domain.actor import Actor
from station_desk.domain.errors import NotAllowed, UserError
from station_desk.domain.station import Role
from station_desk.services.desk import Desk, StaffInput


def _store_hash(desk: Desk, name: str, pin_hash: str) -> str:
    person = desk.station.staff_named(name)
    assert person is not None
    station_repo.update_staff(desk.db, person.id, {"pin_hash": pin_hash}, Actor.system())
    return person.id


@pytest.mark.parametrize(("typed", "problem"), [
    ("1234", "至少 6 位数字（现在是 4 位）"), ("12345", "至少 6 位"),
    ("12345a", "只能是数字"), ("1234567890123", "最多 12 位"),
    ("١٢٣٤٥٦", "只能是数字")])  # digits, but not keys on a Chinese PC's keyboard
def test_a_new_pin_needs_six_to_twelve_digits(typed: str, problem: str) -> None:
    with pytest.raises(UserError, match=problem):
        pin.check_pin(typed)
    assert pin.check_pin(" 246810 ") == "246810"


def test_full_width_digits_are_the_same_pin_as_plain_ones() -> None:
    # an input method left in full-width mode types １２３４５６ for 123456
    assert pin.check_pin("２４６８１０") == "246810"
    assert pin.verify_pin(pin.hash_pin("246810"), "２４６８１０")
    assert pin.verify_pin(pin.hash_pin("２４６８１０"), "246810")
    assert not pin.must_change("２４６８１０")


def test_a_four_digit_pin_is_refused_for_new_staff_and_resets(village: Desk) -> None:
    with pytest.raises(UserError, match="至少 6 位"):
        village.station.add_staff(StaffInput("赵强", Role.AGENT, "5678"))
    with pytest.raises(UserError, match="至少 6 位"):
        village.station.reset_pin("李明", "4321")
    assert village.session.sign_in("李明", "111111")  # unchanged


def test_an_old_short_pin_signs_in_but_must_be_changed(village: Desk) -> None:
    old = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("1111")
    _store_hash(village, "李明", old)
    village.session.sign_in("李明", "1111")
    assert village.session.pin_change_due
    with pytest.raises(UserError, match="至少 6 位"):
        village.station.change_own_pin("2222")
    assert village.session.pin_change_due
    village.station.change_own_pin("135790")
    assert not village.session.pin_change_due
    village.session.sign_out()
    village.session.sign_in("李明", "135790")
    assert not village.session.pin_change_due


def test_changing_ones_own_pin_needs_a_sign_in(village: Desk) -> None:
    with pytest.raises(NotAllowed, match="请先登录"):
        village.station.change_own_pin("135790")


@pytest.fixture
def raised_cost() -> Iterator[PasswordHasher]:
    """Today's cost above the one the stored hashes were made at (the tests' cheapest)."""
    raised = PasswordHasher(time_cost=2, memory_cost=64, parallelism=1)
    previous = pin.use_hasher(raised)
    yield raised
    pin.use_hasher(previous)


def test_a_hash_at_an_older_cost_is_upgraded_at_the_next_good_sign_in(
        village: Desk, raised_cost: PasswordHasher) -> None:
    cheaper = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("111111")
    staff_id = _store_hash(village, "李明", cheaper)
    with pytest.raises(UserError):
        village.session.sign_in("李明", "999999")
    assert station_repo.pin_hash(village.db, staff_id) == cheaper  # a miss changes nothing
    village.session.sign_in("李明", "111111")
    upgraded = station_repo.pin_hash(village.db, staff_id)
    assert upgraded is not None and upgraded != cheaper
    assert not pin.upgraded_hash(upgraded, "111111")  # now at today's cost
    params = extract_parameters(upgraded)
    assert (params.type, params.time_cost, params.memory_cost) == (Type.ID, 2, 64)
    village.session.sign_out()
    village.session.sign_in("李明", "111111")  # and the upgraded hash signs in


def test_the_program_hashes_with_argon2id_at_a_real_cost() -> None:
    """The figure behind docs/privacy.md (≥ 0.5 s a guess here; benchmarks/pin_hash_cost.py)."""
    production = pin.PRODUCTION_HASHER
    assert production.type == Type.ID
    assert production.memory_cost >= 256 * 1024 and production.time_cost >= 3
    with pytest.raises(InvalidHashError):
        production.verify("not a hash", "123456")


def test_a_costlier_hash_is_never_replaced_by_a_cheaper_one() -> None:
    costlier = PasswordHasher(time_cost=2, memory_cost=64, parallelism=1).hash("111111")
    assert pin.upgraded_hash(costlier, "111111") is None  # the tests' own cost is lower
    assert pin.upgraded_hash("not a hash", "111111") is None
