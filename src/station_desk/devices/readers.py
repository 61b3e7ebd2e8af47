"""Choosing the reader backend from the address in 设置 → 窗口设备 (kept apart from
`idcard`, which both backends build on)."""

from __future__ import annotations

from .idcard import CardReader, ReaderError
from .idcard_http import HttpCardReader
from .idcard_sam import SamCardReader


def open_reader(url: str, *, timeout: float = 3.0) -> CardReader:
    """The backend for a reader address; a clear message for one it does not know."""
    address = url.strip()
    if not address:
        raise ReaderError("还没有设置身份证读卡器：请到“设置 → 窗口设备”选择读卡器")
    if address.lower().startswith(("http://", "https://")):
        return HttpCardReader(address, timeout=timeout)
    if address.lower().startswith(("serial:", "socket://", "rfc2217://", "loop://")):
        return SamCardReader(address, timeout=timeout)
    raise ReaderError(f"读卡器地址“{address}”无法识别：应为 http://127.0.0.1:端口（读卡服务）"
                      "或 serial:COM3（串口读卡器）")
