"""Reading a command's input file (or standard input) as bytes, with a Chinese
message when it cannot be read; the schemas decode and validate it."""

from __future__ import annotations

import sys
from pathlib import Path

from ..domain.errors import UserError, os_message


def read_input(file: str) -> bytes | str:
    """`-` is standard input (bytes when it has them: the schemas check the encoding)."""
    if file == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        try:
            return buffer.read() if buffer is not None else sys.stdin.read()
        except UnicodeDecodeError:
            raise UserError("标准输入不是 UTF-8 编码的文字") from None
    try:
        return Path(file).read_bytes()
    except OSError as exc:
        raise UserError(f"读不到文件 {file}：{os_message(exc)}") from None
