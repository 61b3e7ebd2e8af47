"""A name with a character the print font lacks: warned at intake, printed with a
blank box for the pen and a note in the case history — never refused, never tofu."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from station_desk.domain.cases import Applicant
from station_desk.domain.notices import NoticeKind
from station_desk.print.fonts import missing_glyphs
from station_desk.print.notices.handwriting import HANDWRITE_BLANK, blank_out
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk

RARE = "\U0002A6A5"  # 𪚥, CJK Extension B
ID_NUMBER = "610922196503120046"


def test_the_font_really_lacks_it_and_the_blank_is_printable() -> None:
    assert missing_glyphs(RARE) == [RARE]
    assert missing_glyphs(HANDWRITE_BLANK) == []
    assert blank_out(f"王{RARE}兰") == (f"王{HANDWRITE_BLANK}兰", (RARE,))


@pytest.fixture
def registered(village: Desk) -> tuple[Desk, str, list[str]]:
    village.session.sign_in("张丽", "222222")
    item = village.catalogue.item("08-02")
    result = village.cases.register(CaseInput(
        item="08-02", applicant=Applicant(f"王{RARE}兰", ID_NUMBER, "13909151001", "西沟村三组"),
        received=tuple(m.name for m in item.materials),
        received_at=datetime.now().astimezone() - timedelta(minutes=5)))
    return village, result.case.case_no, result.warnings


def test_warned_at_intake(registered: tuple[Desk, str, list[str]]) -> None:
    _, _, warnings = registered
    assert any(RARE in w and "手写" in w for w in warnings)


def test_notice_printed_with_a_blank_box_and_a_note(registered: tuple[Desk, str, list[str]],
                                                    tmp_path: Path) -> None:
    desk, case_no, _ = registered
    assert desk.notices.check(case_no, NoticeKind.ACCEPTANCE) == []
    issued = desk.notices.issue(case_no, NoticeKind.ACCEPTANCE)
    notes = [e.text for e in desk.cases.timeline(desk.cases.get(case_no)) if e.kind == "生僻字"]
    assert len(notes) == 1 and RARE in notes[0] and "手写" in notes[0]
    assert desk.cases.get(case_no).applicant.name == f"王{RARE}兰"  # the ledger keeps it
    if shutil.which("pdftotext"):
        pdf = tmp_path / "n.pdf"
        pdf.write_bytes(issued.pdf)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "王［ ］兰" in text  # pdftotext gives the ideographic space as a plain one
        assert RARE not in text
