"""PRC citizen ID numbers (公民身份号码, GB 11643-1999).

Checked for what a clerk can mis-copy: length, digits, birth date and the
MOD 11-2 check digit. The county code (digits 1-6) is deliberately NOT looked
up in a table: codes are retired when counties merge or move, but people keep
the number they were given (e.g. 610922 石泉县 for people born before 2000), so
only the province (digits 1-2) must be a plausible GB/T 2260 code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from stdnum.cn.ric import calc_check_digit

from station_desk.domain.errors import UserError

FIELD = "id_number"
OLDEST_BIRTH_YEAR = 1900

# GB/T 2260 provinces, plus 71 台湾, 81 香港, 82 澳门 and 83 (台湾居民居住证).
# 91-96: the 2023 foreigners' permanent residence ID (外国人永久居留身份证) is
# built the same way, with 9 before the issuing province's first digit.
_PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
     41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
     71, 81, 82, 83, 91, 92, 93, 94, 95, 96}
)


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-character ID number and what it says about its holder."""

    value: str
    area_code: str
    birth_date: date
    sex: str

    def masked(self) -> str:
        """The number with the middle hidden, for screens and logs."""
        return mask_id_number(self.value)


class InvalidIdNumber(UserError):
    """An ID number that cannot be right as typed."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field=FIELD)


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Check a typed ID number and split it; InvalidIdNumber says what is wrong.

    Spaces are ignored, full-width characters (Chinese input methods) are read
    as their ASCII forms and a lowercase x as X. `today` bounds the birth date
    (defaults to the real date; tests pass their own).
    """
    value = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if len(value) != 18:
        raise InvalidIdNumber(f"身份证号应为 18 位，现在是 {len(value)} 位")
    body, last = value[:17], value[17]
    if not (body.isascii() and body.isdigit()):
        raise InvalidIdNumber("身份证号前 17 位只能是数字，请核对")
    if not (last.isascii() and (last.isdigit() or last == "X")):
        raise InvalidIdNumber("身份证号最后一位只能是数字或 X，请核对")
    if int(value[:2]) not in _PROVINCES:
        raise InvalidIdNumber(f"身份证号前两位 {value[:2]} 不是有效的省份代码，请核对")

    raw_birth = value[6:14]
    try:
        birth = date(int(raw_birth[:4]), int(raw_birth[4:6]), int(raw_birth[6:]))
    except ValueError:
        raise InvalidIdNumber(
            f"身份证号中的出生日期 {raw_birth} 不是真实存在的日期，请核对"
        ) from None
    if birth.year < OLDEST_BIRTH_YEAR:
        raise InvalidIdNumber(f"身份证号中的出生日期 {raw_birth} 早于 1900 年，请核对")
    if birth > (today or date.today()):
        raise InvalidIdNumber(f"身份证号中的出生日期 {raw_birth} 在今天之后，请核对")

    # calc_check_digit ignores the last character of what it is given.
    expected = calc_check_digit(value)
    if last != expected:
        # never name the digit: a clerk told "it should be 7" writes 7 over a real typo
        raise InvalidIdNumber("身份证号有一位抄错了（校验不通过），请对照身份证逐位核对")

    return IdNumber(
        value=value,
        area_code=value[:6],
        birth_date=birth,
        sex="男" if int(value[16]) % 2 else "女",
    )


# The masking rule (docs/privacy.md): the first 3 and the last 4 characters stay,
# the rest is starred: "610***********123X". The birth date (7-14) and the county
# (4-6) never show; the last 4 with the name are enough for a clerk to tell two
# people apart and to match a paper.
MASK_HEAD = 3
MASK_TAIL = 4

# an 18-character number inside free text (a history line, an old note)
_NUMBER_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")


def mask_id_number(value: str) -> str:
    """Keep the first 3 and last 4 characters, star the rest ("610***********1234").

    Short or odd input is starred whole rather than shown, since it goes to logs.
    """
    value = "".join(value.split()).upper()
    if len(value) <= MASK_HEAD + MASK_TAIL + 3:
        return "*" * len(value)
    return value[:MASK_HEAD] + "*" * (len(value) - MASK_HEAD - MASK_TAIL) + value[-MASK_TAIL:]


def mask_id_numbers_in(text: str) -> str:
    """Free text with every 18-character ID number in it masked."""
    return _NUMBER_IN_TEXT.sub(lambda m: mask_id_number(m.group(0)), text)
