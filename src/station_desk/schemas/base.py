"""Reading JSON within limits, the field types every schema shares, and
pydantic's errors in Chinese."""

from __future__ import annotations

import codecs
import json
import math
import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StrictStr,
    ValidationError,
)

from ..domain.errors import UserError

MAX_INPUT_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 12
MAX_INT_DIGITS = 18
# bidi embeddings/overrides/isolates and marks: they make "a‮gnp.exe" show as "aexe.png"
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")

M = TypeVar("M", bound=BaseModel)


class Strict(BaseModel):
    """No unknown fields; a number is never taken as a name, nor text as a number."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Lenient(Strict):
    """Unknown fields ignored (records from another program version may carry more)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, frozen=True)


# Text made only of these is clean (no control, format, private-use, unassigned or
# bidi character: tests/unit/test_quick_checks.py checks every one), so the
# per-character walk below runs only for the rest: ASCII, Latin-1 but the soft
# hyphen, general punctuation without the bidi marks, CJK punctuation and
# ideographs, full-width forms.
_CLEAN = ("\x20-\x7e\xa0-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u3000-\u303f"
          "\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e")
CLEAN_LINE = re.compile(f"[{_CLEAN}]*")
CLEAN_TEXT = re.compile(f"[\t\n\r{_CLEAN}]*")


def bad_character(text: str, *, multiline: bool) -> str | None:
    """What is wrong with a character of `text` (None if nothing)."""
    if (CLEAN_TEXT if multiline else CLEAN_LINE).fullmatch(text):
        return None
    return scan_characters(text, multiline=multiline)


def scan_characters(text: str, *, multiline: bool) -> str | None:
    """`bad_character` one character at a time (the rule itself)."""
    for ch in text:
        if ch in BIDI:
            return f"含有改变文字方向的隐藏字符（U+{ord(ch):04X}）"
        category = unicodedata.category(ch)
        if category == "Cs":
            return "含有无效的字符（孤立的代理码位）"
        if category == "Cc" and not (multiline and ch in "\n\t\r"):
            return f"含有控制字符（U+{ord(ch):04X}）"
        if category in ("Cf", "Co", "Cn") and ch not in "\u200d":
            return f"含有不可见或未定义的字符（U+{ord(ch):04X}）"
    return None


def _one_line(text: str) -> str:
    if CLEAN_LINE.fullmatch(text):  # (called for every text field of every row)
        return text
    problem = scan_characters(text, multiline=False)
    if problem:
        raise ValueError(problem)
    return text


def _multi_line(text: str) -> str:
    if CLEAN_TEXT.fullmatch(text):
        return text
    problem = scan_characters(text, multiline=True)
    if problem:
        raise ValueError(problem)
    return text


def _date_text(text: str) -> str:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError("日期格式不对，应为 YYYY-MM-DD") from None
    if not 2000 <= day.year <= 2100:
        raise ValueError("日期应在 2000 年到 2100 年之间")
    return text


def _datetime_text(text: str) -> str:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("时间格式不对，应如 2026-11-26T09:30:00") from None
    if not 2000 <= when.year <= 2100:
        raise ValueError("时间应在 2000 年到 2100 年之间")
    return text


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("不是有限的数")
    return value


Name = Annotated[StrictStr, Field(max_length=40), AfterValidator(_one_line)]
Line = Annotated[StrictStr, Field(max_length=200), AfterValidator(_one_line)]
Code = Annotated[StrictStr, Field(max_length=64), AfterValidator(_one_line)]
Text = Annotated[StrictStr, Field(max_length=4000), AfterValidator(_multi_line)]
DateText = Annotated[StrictStr, Field(max_length=10), AfterValidator(_date_text)]
DateTimeText = Annotated[StrictStr, Field(max_length=40), AfterValidator(_datetime_text)]
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000_000)]
SmallInt = Annotated[StrictInt, Field(ge=-1_000_000, le=1_000_000)]
Bit = Annotated[StrictInt, Field(ge=0, le=1)]
Money = Annotated[float, Field(ge=0, le=1e9), AfterValidator(_finite)]


# -- reading --------------------------------------------------------------------

def decode_text(raw: bytes, what: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is refused."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise UserError(f"{what}不是 UTF-8 编码的文字（可能是 GBK）。请用记事本“另存为”，"
                        "编码选 UTF-8 后重试") from None


def _constant(text: str) -> Any:
    raise ValueError(f"{text} is not allowed")


def _depth(value: Any, limit: int) -> int:
    """Nesting depth (a scalar inside a container is a level too), stopping early
    past `limit`; only containers are walked. An integer of more than
    MAX_INT_DIGITS digits raises ValueError."""
    if type(value) is int and not -_INT_BOUND < value < _INT_BOUND:
        raise ValueError("number too large")
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > limit:
            return deepest
        children = item.values() if isinstance(item, dict) else item \
            if isinstance(item, list) else ()
        if children:
            deepest = max(deepest, level + 1)
        for child in children:
            kind = type(child)
            if kind is dict or kind is list:
                stack.append((child, level + 1))
            elif kind is int and not -_INT_BOUND < child < _INT_BOUND:
                raise ValueError("number too large")
    return deepest


_INT_BOUND = 10**MAX_INT_DIGITS


def parse_json(raw: bytes | str, what: str, *, max_bytes: int = MAX_INPUT_BYTES,
               max_depth: int = MAX_DEPTH) -> Any:
    """JSON within limits: size, nesting, integer digits, no NaN/Infinity."""
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise UserError(f"{what}太大（{size // 1024} KB，最多 {max_bytes // 1024} KB）")
    text = decode_text(raw, what) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    try:
        # ints parsed whole and then bounded by `_depth` (Python's own 4,300-digit
        # limit keeps the parse itself linear)
        data = json.loads(text, parse_constant=_constant,
                          parse_float=lambda s: _finite(float(s)))
        deep = _depth(data, max_depth) > max_depth
    except RecursionError:
        raise UserError(f"{what}嵌套太深") from None
    except json.JSONDecodeError as exc:
        raise UserError(f"{what}不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）") from None
    except ValueError:
        raise UserError(f"{what}里有太大的数或 NaN/Infinity，不能读取") from None
    if deep:
        raise UserError(f"{what}嵌套太深（最多 {max_depth} 层）")
    return data


def validate(model: type[M], data: Any, what: str, *, labels: dict[str, str] | None = None,
             where: str = "") -> M:
    """`data` as `model`, or a UserError naming the field in Chinese."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise UserError(where + chinese_errors(exc, what, labels or {}),
                        field=_first_field(exc)) from None


def _first_field(exc: ValidationError) -> str | None:
    errors = exc.errors()
    if not errors or not errors[0]["loc"]:
        return None
    return str(errors[0]["loc"][0])


_REASONS = {
    "missing": "必须填写",
    "extra_forbidden": "是不认识的字段",
    "string_type": "应为文字（带引号）",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "float_type": "应为数字",
    "bool_type": "应为 true 或 false",
    "list_type": "应为列表 [...]",
    "tuple_type": "应为列表 [...]",
    "dict_type": "应为对象 {...}",
    "model_type": "应为对象 {...}",
    "model_attributes_type": "应为对象 {...}",
    "finite_number": "不是有限的数",
    "union_tag_invalid": "类型不对",
}


def _reason(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in _REASONS:
        return _REASONS[kind]
    if kind == "string_too_long":
        return f"太长（最多 {ctx.get('max_length')} 个字）"
    if kind == "string_too_short":
        return "不能为空"
    if kind == "too_long":
        return f"项数太多（最多 {ctx.get('max_length')} 项）"
    if kind in ("less_than_equal", "less_than"):
        return f"不能大于 {ctx.get('le', ctx.get('lt'))}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"不能小于 {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("literal_error", "enum"):
        return f"应为其中之一：{ctx.get('expected', '')}"
    if kind == "value_error":
        return str(ctx.get("error", "不对"))
    if kind.startswith("int") or kind.startswith("float"):
        return "应为数字"
    return "格式不对"


def chinese_errors(exc: ValidationError, what: str, labels: dict[str, str]) -> str:
    parts = []
    for error in exc.errors()[:5]:
        loc = [str(p) for p in error["loc"] if not str(p).startswith(("function-", "json-"))]
        names = [labels.get(p, p) if not p.isdigit() else f"第 {int(p) + 1} 项" for p in loc]
        field = "·".join(names) or what
        parts.append(f"{field}{_reason(error)}")
    more = len(exc.errors()) - 5
    text = f"{what}有误：" + "；".join(parts)
    return text + (f"；还有 {more} 处" if more > 0 else "")
