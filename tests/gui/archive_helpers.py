"""What the 档案 GUI tests share: finished cases, small PNG and PDF scans, and the
head's 档案 page.
"""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from reportlab.pdfgen.canvas import Canvas
from stdnum.cn import ric

from station_desk.domain.cases import Applicant, Status
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.archive.page import ArchivePage


def png_bytes(width: int = 40, height: int = 30) -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x30\x60\x90" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.rect(80, 400, 400, 250, fill=1)
    canvas.save()
    return buf.getvalue()


def register(desk: Desk, code: str = "08-01", *, serial: int = 1, finish: bool = True) -> str:
    base = f"61092219650312{serial:03d}"
    item = desk.catalogue.item(code)
    case = desk.cases.register(CaseInput(
        item=code, applicant=Applicant(f"村民{serial}", base + ric.calc_check_digit(base + "0")),
        received=tuple(m.name for m in item.materials),
        done_on_spot=finish and item.time_limit_days == 0)).case
    if finish and case.status.is_open:
        desk.cases.advance(case.case_no, Status.COMPLETED)
    return case.case_no


@pytest.fixture
def page(qtbot, village: Desk) -> ArchivePage:
    village.session.sign_in("王建国", "123456")
    p = ArchivePage(village)
    qtbot.addWidget(p)
    p.refresh()
    return p
