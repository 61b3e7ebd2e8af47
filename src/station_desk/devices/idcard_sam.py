"""The reader's SAM module over a serial line (or any pyserial URL).

find card → select card → read base message, as the protocol asks. The SAM
stores the photo WLT-compressed; only the vendor's library decodes it, so
this backend gives no photo (the HTTP services do).
"""

from __future__ import annotations

from typing import Any

import serial

from . import sam
from .idcard import IdCard, NoCard, ReaderError, build_card

BAUD = 115200


def port_url(address: str) -> str:
    """`serial:COM3` → `COM3`; pyserial URLs (`socket://…`, `loop://`) as they are."""
    text = address.strip()
    return text[len("serial:"):] if text.lower().startswith("serial:") else text


class SamCardReader:
    def __init__(self, address: str, *, timeout: float = 3.0) -> None:
        self.url = port_url(address)
        if not self.url:
            raise ReaderError("请填写读卡器的串口，如 serial:COM3")
        self.timeout = timeout

    def _open(self) -> Any:
        try:
            return serial.serial_for_url(self.url, baudrate=BAUD, timeout=self.timeout)
        except (serial.SerialException, ValueError, OSError):
            raise ReaderError(f"打不开读卡器串口 {self.url}：请确认读卡器已插好、"
                              "端口号正确（可手工填写）") from None

    def _exchange(self, port: Any, cmd_para: bytes) -> sam.Answer:
        try:
            port.reset_input_buffer()
            port.write(sam.command(cmd_para))
            head = port.read(len(sam.PREAMBLE) + 2)
            if len(head) < len(sam.PREAMBLE) + 2:
                raise ReaderError("读卡器没有应答：请确认串口和读卡器电源")
            length = int.from_bytes(head[-2:], "big")
            rest = port.read(length)
        except serial.SerialException:
            raise ReaderError("读卡器连接中断，请重新插好读卡器") from None
        try:
            return sam.parse_response(head + rest)
        except sam.FrameError as exc:
            raise ReaderError(f"读卡器应答有误（{exc}），请重新读卡") from None

    def read(self) -> IdCard:
        port = self._open()
        try:
            found = self._exchange(port, sam.FIND_CARD)
            if found.status == sam.NO_CARD:
                raise NoCard()
            self._expect(found, sam.CARD_FOUND)
            selected = self._exchange(port, sam.SELECT_CARD)
            if selected.status == sam.SELECT_FAILED:
                raise NoCard()
            self._expect(selected, sam.OK)
            answer = self._exchange(port, sam.READ_BASE)
            self._expect(answer, sam.OK)
            try:
                fields, _wlt_photo = sam.split_base_message(answer.data)
            except sam.FrameError as exc:
                raise ReaderError(f"读到的证件信息不完整（{exc}），请重新读卡") from None
            return build_card(fields)
        finally:
            port.close()

    @staticmethod
    def _expect(answer: sam.Answer, wanted: int) -> None:
        if answer.status != wanted:
            what = sam.STATUS_TEXT.get(answer.status, "未知状态")
            raise ReaderError(f"读卡失败：{what}（状态码 {answer.status:02X}），请重新放卡")
