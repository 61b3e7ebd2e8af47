"""The recovery code: the archive key written for people, with a check.

A sheet in the archive cabinet (the manual's "纸质、电子各一套") carries it, so a
backup opens on a new PC that has lost this station's `keys/` folder. It is
the 32-byte archive key plus two check bytes in base32 (55 letters and digits,
in groups of five); letters the eye confuses with digits are read as the digit's
look-alike, spaces and dashes are ignored.
"""

from __future__ import annotations

import base64
import hashlib

from .errors import UserError

KEY_BYTES = 32
_CHECK_BYTES = 2
_GROUP = 5
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B", "9": "G"})


def _check(key: bytes) -> bytes:
    return hashlib.sha256(b"station-desk recovery v1\0" + key).digest()[:_CHECK_BYTES]


def encode(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("archive key must be 32 bytes")
    text = base64.b32encode(key + _check(key)).decode("ascii").rstrip("=")
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


def decode(code: str) -> bytes:
    """The archive key in `code`, or a UserError saying what is wrong with it."""
    text = "".join(ch for ch in code.upper() if ch not in " -\t\n").translate(_LOOKALIKES)
    expected = len(encode(bytes(KEY_BYTES)).replace("-", ""))
    if len(text) != expected:
        raise UserError(f"恢复码长度不对：应为 {expected} 个字母和数字，实际 {len(text)} 个")
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        raise UserError("恢复码中有不认识的字符（只有字母 A–Z 和数字 2–7）") from None
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _check(key) != check:
        raise UserError("恢复码不对：校验不符，请逐组核对恢复单上的字符")
    return key
