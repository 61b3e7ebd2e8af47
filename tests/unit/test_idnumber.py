"""ID number checks (domain/idnumber.py).

Check digits are computed here with the GB 11643-1999 weights, independently of
python-stdnum, so a slip in either shows up.
"""

from __future__ import annotations

from datetime import date

import pytest

from station_desk.domain.errors import UserError
from station_desk.domain.idnumber import (
    IdNumber,
    InvalidIdNumber,
    mask_id_number,
    parse_id_number,
)

TODAY = date(2025, 6, 1)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def check_digit(body: str) -> str:
    """GB 11643-1999 MOD 11-2 check character for 17 digits."""
    total = sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def with_check(body: str) -> str:
    return body + check_digit(body)


def wrong_check(body: str) -> str:
    right = check_digit(body)
    return body + ("0" if right != "0" else "1")


def refusal(text: str) -> str:
    with pytest.raises(InvalidIdNumber) as e:
        parse_id_number(text, today=TODAY)
    assert e.value.field == "id_number"
    assert isinstance(e.value, UserError)
    return e.value.message


def test_published_example() -> None:
    """The standard's own example, 北京市朝阳区 1949-12-31, female."""
    assert check_digit("11010519491231002") == "X"
    n = parse_id_number("11010519491231002X", today=TODAY)
    assert n == IdNumber("11010519491231002X", "110105", date(1949, 12, 31), "女")


def test_lowercase_x_and_spaces() -> None:
    n = parse_id_number(" 110105 19491231 002x ", today=TODAY)
    assert n.value == "11010519491231002X"


def test_full_width_input() -> None:
    """A Chinese IME in full-width mode types １１０… and Ｘ."""
    assert parse_id_number("１１０１０５１９４９１２３１００２ｘ", today=TODAY).value == (
        "11010519491231002X"
    )


def test_male() -> None:
    number = with_check("44030419900307001")
    n = parse_id_number(number, today=TODAY)
    assert n.sex == "男"
    assert n.birth_date == date(1990, 3, 7)


def test_retired_county_code_accepted() -> None:
    """610922 石泉县 born 1965: stdnum's own table refuses it, we must not."""
    number = with_check("61092219650412123")
    from stdnum.cn import ric

    assert not ric.is_valid(number)  # why validate()/is_valid() are not used
    n = parse_id_number(number, today=TODAY)
    assert n.area_code == "610922"
    assert n.birth_date == date(1965, 4, 12)


def test_unknown_county_accepted() -> None:
    assert parse_id_number(with_check("61099919800101001"), today=TODAY).area_code == "610999"


def test_wrong_check_digit() -> None:
    body = "61092219650412123"
    message = refusal(wrong_check(body))
    assert message == "身份证号有一位抄错了（校验不通过），请对照身份证逐位核对"
    assert check_digit(body) not in message  # the digit is never named
    assert "X" not in refusal("110105194912310021")


@pytest.mark.parametrize(("text", "count"), [("11010519491231002", 17), ("1101051949123100211", 19),
                                             ("", 0)])
def test_wrong_length(text: str, count: int) -> None:
    assert refusal(text) == f"身份证号应为 18 位，现在是 {count} 位"


@pytest.mark.parametrize(
    "text",
    ["1101051949123100AX", "11010519491231002Y", "ＡＢ0105194912310021",
     "11010519491231002-", "11010519491231002٣"],
)
def test_letters_refused(text: str) -> None:
    message = refusal(text)
    assert "只能是数字" in message


def test_impossible_birth_date() -> None:
    message = refusal(with_check("61092219990230123"))
    assert "出生日期 19990230 不是真实存在的日期" in message


def test_future_birth_date() -> None:
    assert "在今天之后" in refusal(with_check("61092220250602123"))
    # Born today is fine (a newborn registered the same day).
    assert parse_id_number(with_check("61092220250601123"), today=TODAY).birth_date == TODAY


def test_before_1900() -> None:
    assert "早于 1900 年" in refusal(with_check("61092218991231123"))


@pytest.mark.parametrize("province", ["00", "10", "24", "47", "60", "72", "84", "90", "99"])
def test_bad_province(province: str) -> None:
    message = refusal(with_check(province + "092219650412123"))
    assert f"前两位 {province} 不是有效的省份代码" in message


@pytest.mark.parametrize("province", ["11", "15", "46", "50", "54", "65", "71", "81", "82", "83",
                                      "91"])
def test_permissive_provinces(province: str) -> None:
    parse_id_number(with_check(province + "010519800101001"), today=TODAY)


def test_mask() -> None:
    assert mask_id_number("610922196504121234") == "610***********1234"
    assert mask_id_number("11010519491231002x") == "110***********002X"
    assert mask_id_number("12345") == "*****"
    assert parse_id_number("11010519491231002X", today=TODAY).masked() == "110***********002X"
