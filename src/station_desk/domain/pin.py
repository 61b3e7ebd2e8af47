"""Staff PINs: 4–8 digits, stored only as an Argon2id hash."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .errors import UserError

# Lighter than the library default: a shared village PC, a 4–8 digit PIN and
# sign-ins many times a day. Still memory-hard against offline guessing.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def check_pin(pin: str) -> str:
    pin = pin.strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise UserError("PIN 应为 4 到 8 位数字", field="pin")
    return pin


def hash_pin(pin: str) -> str:
    return _hasher.hash(check_pin(pin))


def verify_pin(stored_hash: str | None, pin: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, pin.strip())
    except (VerificationError, InvalidHashError):
        return False
