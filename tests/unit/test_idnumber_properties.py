"""Properties of ID number parsing (domain/idnumber.py), over generated numbers.

The check digit is computed here from GB 11643-1999 (MOD 11-2), independently of
python-stdnum that the program uses.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from station_desk.domain.idnumber import InvalidIdNumber, mask_id_number, parse_id_number

TODAY = date(2026, 12, 1)
PROVINCES = ["11", "31", "44", "61", "65", "71", "81", "91"]
WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # 7, 9, 10, 5, 8, 4, 2, 1, 6, …
DIGITS = "0123456789"
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def check_digit(body: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS, strict=True)) % 11]


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    """A valid number: province, county, a real birth date up to TODAY, order code."""
    county = draw(st.text(DIGITS, min_size=4, max_size=4))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    order = draw(st.text(DIGITS, min_size=3, max_size=3))
    body = f"{draw(st.sampled_from(PROVINCES))}{county}{born:%Y%m%d}{order}"
    return body + check_digit(body)


@given(id_numbers())
def test_a_valid_number_parses_and_says_what_it_encodes(number: str) -> None:
    parsed = parse_id_number(number, today=TODAY)
    assert parsed.value == number
    assert parsed.area_code == number[:6]
    assert parsed.birth_date.strftime("%Y%m%d") == number[6:14]
    assert parsed.sex == ("男" if int(number[16]) % 2 else "女")


@given(id_numbers(), st.data())
def test_how_it_was_typed_does_not_matter(number: str, data: st.DataObject) -> None:
    """Spaces, full-width characters from a Chinese input method, a lowercase x."""
    typed = number.translate(FULL_WIDTH) if data.draw(st.booleans()) else number
    typed = typed.lower() if data.draw(st.booleans()) else typed
    cuts = sorted(data.draw(st.lists(st.integers(0, 18), max_size=4)))
    for at in reversed(cuts):
        typed = typed[:at] + data.draw(st.sampled_from([" ", "\u3000", "\t"])) + typed[at:]
    assert parse_id_number(typed, today=TODAY).value == number


@given(id_numbers(), st.integers(0, 16), st.integers(1, 9))
def test_any_single_wrong_digit_is_refused(number: str, at: int, shift: int) -> None:
    wrong = str((int(number[at]) + shift) % 10)
    try:
        parse_id_number(number[:at] + wrong + number[at + 1:], today=TODAY)
    except InvalidIdNumber:
        return
    raise AssertionError(f"accepted {number} with digit {at + 1} changed to {wrong}")


@given(id_numbers(), st.integers(0, 15))
def test_two_swapped_neighbours_are_refused(number: str, at: int) -> None:
    assume(number[at] != number[at + 1])
    swapped = number[:at] + number[at + 1] + number[at] + number[at + 2:]
    try:
        parse_id_number(swapped, today=TODAY)
    except InvalidIdNumber:
        return
    raise AssertionError(f"accepted {number} with digits {at + 1} and {at + 2} swapped")


@given(id_numbers())
def test_a_birth_date_after_today_is_refused(number: str) -> None:
    born = parse_id_number(number, today=TODAY).birth_date
    try:
        parse_id_number(number, today=born - timedelta(days=1))
    except InvalidIdNumber as exc:
        assert "今天之后" in exc.message
        return
    raise AssertionError(f"accepted {number} before its holder was born")


@given(st.text())
def test_any_text_is_parsed_or_refused_in_chinese(text: str) -> None:
    try:
        parse_id_number(text, today=TODAY)
    except InvalidIdNumber as exc:
        assert exc.field == "id_number" and "身份证号" in exc.message


@given(st.text(alphabet="0123456789Xx", max_size=30))
def test_masking_shows_at_most_the_first_three_and_last_four(text: str) -> None:
    masked = mask_id_number(text)
    assert len(masked) == len(text)
    if len(text) <= 10:
        assert masked == "*" * len(text)
    else:
        assert masked == text[:3].upper() + "*" * (len(text) - 7) + text[-4:].upper()
