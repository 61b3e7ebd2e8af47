"""Keystrokes for a walk-in's applicant fields, typed by hand and with the reader.

    .venv/bin/python benchmarks/intake_keystrokes.py

Typed by hand: full pinyin for every Chinese character plus one key to pick
each character from the input method (names and village groups are rarely in
its phrase list), every digit of the ID number and phone, and one Tab between
fields. With the reader: the card fills name, ID number and address; the clerk
clicks 读卡 (nothing with auto-read), clicks into the phone field and types it.
The address typed by hand is the short 村组 a clerk writes; the card fills the
full 户籍 address, which by hand would cost far more.
"""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

NAME, ID_NUMBER, PHONE = "王秀兰", "610922196503120046", "13909151001"
SHORT_ADDRESS = "西沟村三组"
CARD_ADDRESS = "陕西省安康市石泉县城关镇西沟村三组"


def typed_chinese(text: str) -> int:
    return sum(len(p) + 1 for p in lazy_pinyin(text, style=Style.NORMAL))


def main() -> None:
    fields = {"姓名": typed_chinese(NAME), "身份证号": len(ID_NUMBER),
              "联系电话": len(PHONE), "住址/村组": typed_chinese(SHORT_ADDRESS)}
    tabs = len(fields) - 1
    by_hand = sum(fields.values()) + tabs
    with_button = 1 + 1 + len(PHONE)  # 读卡, click into 联系电话, the phone
    with_auto = with_button - 1
    print("by hand: " + ", ".join(f"{k} {v}" for k, v in fields.items())
          + f", Tab {tabs} → {by_hand} keys")
    print(f"full card address by hand would add {typed_chinese(CARD_ADDRESS) - fields['住址/村组']}"
          " more")
    print(f"with the reader: {with_button} (读卡 button), {with_auto} (auto-read); "
          f"{by_hand - with_auto} fewer, and no ID digit typed by hand")


if __name__ == "__main__":
    main()
