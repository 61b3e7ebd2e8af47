"""Staff PINs: 6–12 digits, stored only as an Argon2id hash.

PINs set before the 6-digit rule (4 or 5 digits) still sign in, but the person
must choose a new one at that sign-in (`must_change`).
"""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher, Type, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import ARGON2_VERSION

from .errors import UserError

MIN_DIGITS = 6
MAX_DIGITS = 12
RULE_TEXT = f"{MIN_DIGITS} 到 {MAX_DIGITS} 位数字"

# One guess costs ≥ 0.5 s on the project's 2-core test PC (~0.73 s measured, see
# docs/privacy.md and benchmarks/pin_hash_cost.py), so trying all million 6-digit
# PINs offline takes about a week of one core. 256 MiB is memory-hard and still
# fits a 4 GB village PC.
PRODUCTION_HASHER = PasswordHasher(time_cost=3, memory_cost=256 * 1024, parallelism=1)
_hasher = PRODUCTION_HASHER


def use_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Tests only (tests/conftest.py): a cheap cost so the suite stays fast.
    Returns the hasher that was in use."""
    global _hasher
    previous, _hasher = _hasher, hasher
    return previous


def typed(pin: str) -> str:
    """The PIN as compared: full-width digits (a Chinese input method left on,
    １２３４５６) are the same keys as 123456, in the window and on the terminal."""
    return unicodedata.normalize("NFKC", pin).strip()


def check_pin(pin: str) -> str:
    """A PIN being set now (new person, reset, own change)."""
    pin = typed(pin)
    if not (pin.isascii() and pin.isdigit()):
        raise UserError(f"密码只能是数字（{RULE_TEXT}）", field="pin")
    if len(pin) < MIN_DIGITS:
        raise UserError(f"密码至少 {MIN_DIGITS} 位数字（现在是 {len(pin)} 位）", field="pin")
    if len(pin) > MAX_DIGITS:
        raise UserError(f"密码最多 {MAX_DIGITS} 位数字", field="pin")
    return pin


def must_change(pin: str) -> bool:
    """A PIN from before the 6-digit rule: it signs in once more, then must be replaced."""
    return len(typed(pin)) < MIN_DIGITS


def hash_pin(pin: str) -> str:
    return _hasher.hash(check_pin(pin))


def verify_pin(stored_hash: str | None, pin: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, typed(pin))
    except (VerificationError, InvalidHashError):
        return False


def upgraded_hash(stored_hash: str, pin: str) -> str | None:
    """After a good sign-in: a new hash at today's cost when the stored one is
    cheaper (made before the cost was raised), else None; never a cheaper one.
    The length rule is not applied: an old short PIN works until it is changed."""
    try:
        old = extract_parameters(stored_hash)
    except InvalidHashError:
        return None
    cheaper = (old.type != Type.ID or old.version < ARGON2_VERSION
               or old.time_cost < _hasher.time_cost or old.memory_cost < _hasher.memory_cost)
    return _hasher.hash(typed(pin)) if cheaper else None
