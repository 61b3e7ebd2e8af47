"""The JSON a script pipes in (CLI.md), read with each key's type checked, so a
wrong type is refused in Chinese naming the key, never a traceback."""

from __future__ import annotations

import json
from typing import Any

from ..domain.errors import UserError


def parse(raw: str) -> Any:
    try:
        return json.loads(raw.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise UserError(f"输入不是有效的 JSON（第 {exc.lineno} 行）") from None
    except (ValueError, RecursionError):  # absurdly long numbers or deep nesting
        raise UserError("输入不是有效的 JSON") from None


def obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UserError(f"{what}应为一个 JSON 对象")
    return value


def text(data: dict[str, Any], key: str, default: str = "", where: str = "") -> str:
    """A string (a number is taken as written, e.g. a phone); missing or null: `default`."""
    value = data.get(key)
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise UserError(f"{where}{key} 应为文字")


def optional_text(data: dict[str, Any], key: str, where: str = "") -> str | None:
    return text(data, key, where=where) or None


def texts(data: dict[str, Any], key: str, where: str = "") -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserError(f"{where}{key} 应为文字列表，如 [\"…\"]")
    return tuple(value)


def flag(data: dict[str, Any], key: str, where: str = "") -> bool:
    value = data.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise UserError(f"{where}{key} 应为 true 或 false")
    return value


def integer(data: dict[str, Any], key: str, default: int, what: str) -> int:
    value = data.get(key, default)
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        raise UserError(f"{what} {key} 应为整数") from None
