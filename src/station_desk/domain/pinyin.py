"""Pinyin keys so clerks can type `ylbx` for 养老保险.

pypinyin resolves polyphones from phrases (严重 → yanzhong, 银行 → yinhang).
Keys are computed once when a record is written and stored beside it.
"""

from __future__ import annotations

import re

_LATIN_QUERY = re.compile(r"^[a-zA-Z]+$")


def initials(text: str) -> str:
    """First letters of each syllable, lower case: 养老保险 → ylbx."""
    from pypinyin import Style, lazy_pinyin  # 0.5 s and 54 MB: only once a key is made
    return "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore") if p)


def full(text: str) -> str:
    """Toneless pinyin run together: 养老 → yanglao."""
    from pypinyin import lazy_pinyin
    return "".join(lazy_pinyin(text, errors="ignore"))


def is_pinyin_query(query: str) -> bool:
    """A query of Latin letters only is read as pinyin (initials or full)."""
    return bool(_LATIN_QUERY.match(query.strip()))


def matches(query: str, text: str, text_initials: str, text_full: str) -> bool:
    """Chinese substring, pinyin initials substring, or full pinyin substring."""
    q = query.strip()
    if not q:
        return True
    if is_pinyin_query(q):
        q = q.lower()
        return q in text_initials or q in text_full
    return q in text
