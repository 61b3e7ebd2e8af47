"""The vendor's local reader service: HTTP on 127.0.0.1, JSON back.

Most 二代证 readers ship a small Windows service that owns the (32-bit) DLL
and answers on a loopback port. Services differ only in their paths and JSON
names, so each is one row of `VENDOR_SERVICES`; a new vendor is a new row.
The row is chosen by the path in the reader address (none: the first row).

The address must be on this PC: an ID card's contents are never sent over
the network, and the system proxy is bypassed.
"""

from __future__ import annotations

import base64
import binascii
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .idcard import IdCard, NoCard, ReaderError, build_card, split_validity

LOOPBACK = ("127.0.0.1", "localhost", "::1")
MESSAGE_KEYS = ("errorMsg", "message", "msg", "resultMsg", "error")
NO_CARD_HINTS = ("寻卡", "找卡", "无卡", "未放", "没有卡", "请放", "no card")


@dataclass(frozen=True)
class VendorService:
    label: str
    read_path: str
    fields: dict[str, str]          # IdCard field -> the vendor's JSON name
    open_path: str | None = None
    close_path: str | None = None
    method: str = "GET"
    photo: str | None = None        # base64 JPEG/BMP, when the service decodes it
    validity: str | None = None     # one field "20200101-20400101" instead of two


VENDOR_SERVICES: tuple[VendorService, ...] = (
    # e.g. http://127.0.0.1:19196 — the common OpenDevice/readcard/CloseDevice service
    VendorService(
        label="读卡服务（OpenDevice/readcard）", read_path="/readcard",
        open_path="/OpenDevice", close_path="/CloseDevice",
        fields={"name": "partyName", "id_number": "certNumber", "sex": "gender",
                "nation": "nation", "birth": "bornDay", "address": "certAddress",
                "issuer": "certOrg", "valid_from": "effDate", "valid_to": "expDate"},
        photo="identityPic"),
    # e.g. http://127.0.0.1:8000/cgi-bin/readCard — POST, fields under "info"
    VendorService(
        label="读卡服务（cgi-bin/readCard）", read_path="/cgi-bin/readCard", method="POST",
        fields={"name": "name", "id_number": "idCode", "sex": "sex", "nation": "nation",
                "birth": "birthday", "address": "address", "issuer": "department",
                "valid_from": "startDate", "valid_to": "endDate"},
        photo="Photo"),
)


def service_for(path: str) -> VendorService:
    wanted = path.rstrip("/").lower()
    for service in VENDOR_SERVICES:
        if wanted in ("", service.read_path.lower()):
            return service
    known = "、".join(s.read_path for s in VENDOR_SERVICES)
    raise ReaderError(f"不认识读卡服务的路径“{path}”（已知：{known}）")


def _record(answer: Any, name_key: str) -> dict[str, Any] | None:
    """The JSON object holding the card: the answer itself or one level down."""
    if not isinstance(answer, dict):
        return None
    if name_key in answer:
        return answer
    for value in answer.values():
        if isinstance(value, dict) and name_key in value:
            return value
    return None


def _message(answer: Any) -> str:
    if not isinstance(answer, dict):
        return ""
    for scope in (answer, *(v for v in answer.values() if isinstance(v, dict))):
        for key in MESSAGE_KEYS:
            if scope.get(key):
                return str(scope[key])
    return ""


def _photo(value: Any) -> bytes | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value.split(",", 1)[-1], validate=False) or None
    except (binascii.Error, ValueError):
        return None


def card_from_answer(service: VendorService, answer: Any) -> IdCard:
    """Map one service answer to an IdCard, or say why it holds none."""
    record = _record(answer, service.fields["name"])
    if record is None or not record.get(service.fields["name"]):
        message = _message(answer)
        if not message or any(h in message.lower() for h in NO_CARD_HINTS):
            raise NoCard()
        raise ReaderError(f"读卡服务报告：{message}")
    fields = {ours: record.get(theirs, "") for ours, theirs in service.fields.items()}
    if service.validity and record.get(service.validity):
        fields["valid_from"], fields["valid_to"] = split_validity(str(record[service.validity]))
    photo = _photo(record.get(service.photo)) if service.photo else None
    return build_card(fields, photo=photo)


class HttpCardReader:
    def __init__(self, url: str, *, timeout: float = 3.0) -> None:
        parts = urlsplit(url.strip())
        if (parts.hostname or "") not in LOOPBACK:
            raise ReaderError("读卡服务只能在本机（127.0.0.1）：身份证信息不经网络传送")
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.service = service_for(parts.path)
        self.timeout = timeout
        self._http = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _call(self, path: str, method: str = "GET") -> Any:
        request = urllib.request.Request(self.base + path, method=method,
                                         data=b"" if method == "POST" else None)
        try:
            with self._http.open(request, timeout=self.timeout) as reply:
                body = reply.read()
        except urllib.error.HTTPError as exc:
            raise ReaderError(f"读卡服务出错（HTTP {exc.code}），请重启读卡服务") from None
        except (urllib.error.URLError, OSError):
            raise ReaderError(f"连不上读卡服务 {self.base}：请确认读卡器已插好、"
                              "厂家读卡服务已启动（可手工填写）") from None
        try:
            return json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            try:
                return json.loads(body.decode("gbk"))  # older services answer in GBK
            except (UnicodeDecodeError, ValueError):
                raise ReaderError("读卡服务的回答无法识别，请确认读卡器地址") from None

    def read(self) -> IdCard:
        service = self.service
        if service.open_path:
            self._call(service.open_path)
        try:
            return card_from_answer(service, self._call(service.read_path, service.method))
        finally:
            if service.close_path:
                try:
                    self._call(service.close_path)
                except ReaderError:
                    pass  # the card is read; a failed close changes nothing for the clerk
