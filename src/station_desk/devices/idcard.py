"""What a 二代证 reader gives: one card's fields, checked, whatever the backend.

A reader is anything with `read() -> IdCard`; `readers.open_reader(url)` picks the
backend from the address the clerk set in the settings:

- `http://127.0.0.1:PORT` — the vendor's local reader service (`idcard_http`);
- `serial:COM3` or any pyserial URL (`socket://`, `rfc2217://`, `loop://`) —
  the reader's SAM module protocol (`idcard_sam`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from ..domain.errors import UserError
from ..domain.idnumber import parse_id_number
from .nations import nation_name

LONG_TERM = "长期"  # 有效期限 of a card that never expires (holders 46 and over)


class ReaderError(UserError):
    """The reader is missing, busy or answered nonsense; typing by hand still works."""


class NoCard(ReaderError):
    """The reader works but no card lies on it (auto-read stays quiet about this)."""

    def __init__(self) -> None:
        super().__init__("读卡器上没有身份证，请把证件平放在读卡区")


@dataclass(frozen=True)
class IdCard:
    name: str
    id_number: str
    sex: str          # 男 / 女
    nation: str       # 汉, 回, ...
    birth: date
    address: str
    issuer: str       # 签发机关
    valid_from: date | None
    valid_to: date | None  # None: 长期
    photo: bytes | None = None  # only when the vendor's service decodes it (JPEG/BMP)

    def expired(self, today: date) -> bool:
        return self.valid_to is not None and self.valid_to < today

    def validity_text(self) -> str:
        start = f"{self.valid_from:%Y.%m.%d}" if self.valid_from else "?"
        end = f"{self.valid_to:%Y.%m.%d}" if self.valid_to else LONG_TERM
        return f"{start}-{end}"

    def to_json(self) -> dict[str, str]:
        """The keys of `station-desk idcard read --json` (CLI contract)."""
        return {"name": self.name, "id_number": self.id_number, "sex": self.sex,
                "nation": self.nation, "birth": self.birth.isoformat(),
                "address": self.address, "issuer": self.issuer,
                "valid_from": self.valid_from.isoformat() if self.valid_from else "",
                "valid_to": self.valid_to.isoformat() if self.valid_to else LONG_TERM}


class CardReader(Protocol):
    def read(self) -> IdCard: ...


# -- turning what a device says into an IdCard --------------------------------------

def parse_card_date(text: str, what: str) -> date | None:
    """"20200101", "2020.01.01", "2020-01-01" → date; "长期" → None."""
    value = text.strip()
    if value in (LONG_TERM, ""):
        return None
    digits = re.sub(r"\D", "", value)
    try:
        if len(digits) != 8:
            raise ValueError
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ReaderError(f"读卡器给出的{what}“{value}”不是日期，请重新读卡或手工填写") from None


_VALIDITY = re.compile(r"^\s*(\d{4}\D?\d{2}\D?\d{2})\s*[-~至]\s*(\d{4}\D?\d{2}\D?\d{2}|长期)\s*$")


def split_validity(text: str) -> tuple[str, str]:
    """"20200101-20400101" or "2020.01.01-长期" → the two ends ("", "" if neither)."""
    found = _VALIDITY.match(text)
    return (found.group(1), found.group(2)) if found else ("", "")


def sex_name(value: str) -> str:
    text = value.strip()
    return {"1": "男", "2": "女", "0": "未知", "9": "未说明"}.get(text, text)


def build_card(fields: dict[str, Any], *, photo: bytes | None = None,
               today: date | None = None) -> IdCard:
    """An IdCard from the mapped text fields; refuses a read that cannot be right."""
    text = {k: str(v).strip() if v is not None else "" for k, v in fields.items()}
    if not text.get("name") or not text.get("id_number"):
        raise ReaderError("读卡器没有返回姓名或身份证号，请重新读卡或手工填写")
    try:
        number = parse_id_number(text["id_number"], today=today)
    except UserError as exc:
        raise ReaderError("读到的身份证号有误（" + exc.message + "），请重新读卡") from None
    birth = parse_card_date(text.get("birth", ""), "出生日期") or number.birth_date
    return IdCard(
        name=text["name"], id_number=number.value,
        sex=sex_name(text.get("sex", "")) or number.sex,
        nation=nation_name(text.get("nation", "")), birth=birth,
        address=text.get("address", ""), issuer=text.get("issuer", ""),
        valid_from=parse_card_date(text.get("valid_from", ""), "有效期起始日期"),
        valid_to=parse_card_date(text.get("valid_to", ""), "有效期截止日期"),
        photo=photo)
