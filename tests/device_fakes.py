"""Simulators for the window's devices, shared by the unit, gui and CLI tests:
a vendor's reader service on a loopback port and a SAM module on a socket."""

from __future__ import annotations

import base64
import io
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image

from station_desk.devices import sam


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (102, 126), (200, 170, 150)).save(out, "JPEG")
    return out.getvalue()


# a card as the 19196-style service returns it
SERVICE_CARD: dict[str, Any] = {
    "partyName": "王秀兰", "certNumber": "610922196503120046", "gender": "女",
    "nation": "汉", "bornDay": "19650312", "certAddress": "陕西省安康市石泉县城关镇西沟村三组",
    "certOrg": "石泉县公安局", "effDate": "20150601", "expDate": "长期",
    "identityPic": base64.b64encode(_photo()).decode(),
}
CARD_TEXT = {"name": "李国强", "sex": "1", "nation": "01", "birth": "19800215",
             "address": "陕西省安康市石泉县后柳镇中坝村二组", "id_number": "610922198002150035",
             "issuer": "石泉县公安局", "valid_from": "20160301", "valid_to": "20360301"}


class ReaderService:
    """The vendor's HTTP service: /OpenDevice, /readcard, /CloseDevice (and cgi-bin)."""

    def __init__(self) -> None:
        self.card: dict[str, Any] | None = dict(SERVICE_CARD)
        self.calls: list[str] = []
        self.status = 200
        self.body: bytes | None = None  # a raw answer instead of the card
        service = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                service.calls.append(self.path)
                if self.path == "/readcard":
                    answer: Any = ({"resultFlag": 0, "resultContent": service.card}
                                   if service.card else
                                   {"resultFlag": -1, "errorMsg": "寻卡失败，请放卡"})
                elif self.path == "/cgi-bin/readCard":
                    c = service.card or {}
                    answer = {"info": {"name": c.get("partyName"), "idCode": c.get("certNumber"),
                                       "sex": c.get("gender"), "nation": c.get("nation"),
                                       "birthday": c.get("bornDay"),
                                       "address": c.get("certAddress"),
                                       "department": c.get("certOrg"),
                                       "startDate": c.get("effDate"),
                                       "endDate": c.get("expDate")},
                              "result": {"resultFlag": 0, "errorMsg": ""}}
                else:
                    answer = {"resultFlag": 0, "errorMsg": ""}
                body = service.body if service.body is not None else \
                    json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(service.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = _answer
            do_POST = _answer

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> ReaderService:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()


class SamDevice:
    """A SAM module on a loopback socket, answering find/select/read frames."""

    def __init__(self) -> None:
        self.card: dict[str, str] | None = dict(CARD_TEXT)
        self.corrupt = False
        self.requests: list[bytes] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.url = f"socket://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _answer(self, cmd: bytes) -> bytes:
        if cmd == sam.FIND_CARD:
            return sam.response(sam.CARD_FOUND if self.card else sam.NO_CARD, bytes(4))
        if cmd == sam.SELECT_CARD:
            return sam.response(sam.OK, bytes(8))
        if cmd == sam.READ_BASE and self.card:
            data = sam.base_message(sam.encode_text(self.card), bytes(sam.PHOTO_BYTES))
            frame = sam.response(sam.OK, data)
            return frame[:-1] + bytes([frame[-1] ^ 0xFF]) if self.corrupt else frame
        return sam.response(0x21)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                buffer = b""
                while not self._stop.is_set():
                    try:
                        chunk = conn.recv(4096)
                    except (TimeoutError, OSError):
                        break
                    if not chunk:
                        break
                    buffer += chunk
                    while len(buffer) >= 7:
                        length = int.from_bytes(buffer[5:7], "big")
                        if len(buffer) < 7 + length:
                            break
                        frame, buffer = buffer[:7 + length], buffer[7 + length:]
                        cmd = sam.parse_request(frame)
                        self.requests.append(cmd)
                        conn.sendall(self._answer(cmd))

    def __enter__(self) -> SamDevice:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._listener.close()


@contextmanager
def reader_service() -> Iterator[ReaderService]:
    with ReaderService() as service:
        yield service


@contextmanager
def sam_device() -> Iterator[SamDevice]:
    with SamDevice() as device:
        yield device
