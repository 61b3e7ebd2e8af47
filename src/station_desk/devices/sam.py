"""The SAM module's serial frames (GA 467 身份证阅读器 protocol), no I/O here.

Host → SAM:  AA AA AA 96 69 | LEN(2, big-endian) | CMD PARA | data | XOR
SAM → host:  AA AA AA 96 69 | LEN(2) | SW1 SW2 SW3 | data | XOR
LEN counts everything after itself, the XOR byte included; the XOR runs
over LEN and everything up to the checksum.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce

PREAMBLE = bytes.fromhex("AAAAAA9669")

FIND_CARD = bytes.fromhex("2001")
SELECT_CARD = bytes.fromhex("2002")
READ_BASE = bytes.fromhex("3001")

OK = 0x90
CARD_FOUND = 0x9F
# SW3 codes a clerk can act on; anything else is shown with its number
NO_CARD = 0x80
SELECT_FAILED = 0x81
STATUS_TEXT = {
    0x10: "校验和错", 0x11: "长度错", 0x21: "命令错", 0x23: "越权操作", 0x24: "无法识别的错误",
    0x31: "卡认证机具失败", 0x32: "机具认证卡失败", 0x33: "信息验证错误", 0x40: "无法识别的卡类型",
    0x41: "读卡操作失败", 0x47: "取随机数失败", 0x60: "SAM 自检失败", 0x66: "SAM 未经授权",
    NO_CARD: "寻卡未成功", SELECT_FAILED: "选卡未成功", 0x91: "无内容",
}

TEXT_BYTES = 256  # the base message: UCS-2LE text, fixed widths below
PHOTO_BYTES = 1024  # WLT-compressed photo: decoding it needs the vendor's library
# (field, characters) in the order the card stores them
TEXT_LAYOUT = (("name", 15), ("sex", 1), ("nation", 2), ("birth", 8), ("address", 35),
               ("id_number", 18), ("issuer", 15), ("valid_from", 8), ("valid_to", 8))


class FrameError(ValueError):
    """Bytes that are not a well-formed SAM frame."""


def checksum(body: bytes) -> int:
    return reduce(lambda a, b: a ^ b, body, 0)


def command(cmd_para: bytes, data: bytes = b"") -> bytes:
    body = (len(cmd_para) + len(data) + 1).to_bytes(2, "big") + cmd_para + data
    return PREAMBLE + body + bytes([checksum(body)])


def response(sw3: int, data: bytes = b"") -> bytes:
    """A SAM answer (the fake device in the tests speaks through this)."""
    body = (3 + len(data) + 1).to_bytes(2, "big") + bytes([0, 0, sw3]) + data
    return PREAMBLE + body + bytes([checksum(body)])


@dataclass(frozen=True)
class Answer:
    status: int
    data: bytes


def parse_response(frame: bytes) -> Answer:
    if not frame.startswith(PREAMBLE) or len(frame) < len(PREAMBLE) + 2 + 4:
        raise FrameError("不是身份证模块的应答")
    body = frame[len(PREAMBLE):-1]
    length = int.from_bytes(body[:2], "big")
    if length != len(body) - 2 + 1:
        raise FrameError("应答长度不符")
    if checksum(body) != frame[-1]:
        raise FrameError("应答校验和不符")
    return Answer(status=body[4], data=body[5:])


def parse_request(frame: bytes) -> bytes:
    """The CMD PARA of a host frame (for the fake device)."""
    body = frame[len(PREAMBLE):-1]
    if not frame.startswith(PREAMBLE) or checksum(body) != frame[-1]:
        raise FrameError("命令帧错误")
    return body[2:4]


def base_message(text: bytes, photo: bytes = b"") -> bytes:
    """The data of a READ_BASE answer: text length, photo length, text, photo."""
    return (len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big") + text + photo)


def split_base_message(data: bytes) -> tuple[dict[str, str], bytes]:
    """The text fields (still raw codes: sex "1", nation "01") and the WLT photo."""
    if len(data) < 4:
        raise FrameError("基本信息太短")
    text_len = int.from_bytes(data[:2], "big")
    photo_len = int.from_bytes(data[2:4], "big")
    text = data[4:4 + text_len]
    photo = data[4 + text_len:4 + text_len + photo_len]
    if len(text) != text_len or text_len < 2 * sum(n for _, n in TEXT_LAYOUT):
        raise FrameError("基本信息长度不符")
    fields: dict[str, str] = {}
    at = 0
    for name, chars in TEXT_LAYOUT:
        raw = text[at:at + 2 * chars]
        at += 2 * chars
        fields[name] = raw.decode("utf-16-le", errors="replace").replace("\x00", "").strip()
    return fields, photo


def encode_text(fields: dict[str, str]) -> bytes:
    """Fields laid out as a card stores them, padded with spaces (for the fake device)."""
    out = b""
    for name, chars in TEXT_LAYOUT:
        value = fields.get(name, "")[:chars].ljust(chars)
        out += value.encode("utf-16-le")
    return out + " ".encode("utf-16-le") * ((TEXT_BYTES - len(out)) // 2)
