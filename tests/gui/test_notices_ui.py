"""Notices from the window: issue from a case, preview, print through QPrinter."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from stdnum.cn import ric

from station_desk.domain.cases import Applicant
from station_desk.domain.notices import NoticeKind
from station_desk.services.cases import CaseInput
from station_desk.services.desk import Desk
from station_desk.ui.jobs import wait_for
from station_desk.ui.notices import actions as notice_actions
from station_desk.ui.notices import preview as notice_preview
from station_desk.ui.notices.preview import NoticePreview
from station_desk.ui.notices.printing import print_pdf

BASE = "61092219650312004"
ID_NUMBER = BASE + ric.calc_check_digit(BASE + "0")


@pytest.fixture
def case_no(village: Desk) -> str:
    village.session.sign_in("李明", "111111")
    return village.cases.register(CaseInput(
        item="城乡居民养老保险待遇申领", applicant=Applicant("王秀英", ID_NUMBER),
        received=("居民身份证或户口簿",), proxy=True)).case.case_no


def test_issue_from_case_opens_preview_and_reprint_is_the_archive(
        qtbot, village: Desk, case_no: str, boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = []
    monkeypatch.setattr(notice_actions, "show_preview", lambda _p, issued: shown.append(issued))
    parent = QWidget()
    qtbot.addWidget(parent)
    making = notice_actions.issue_and_preview(parent, village, case_no, NoticeKind.SUPPLEMENT)
    # a second click while it is made (in the runner) issues nothing more
    assert notice_actions.issue_and_preview(parent, village, case_no,
                                            NoticeKind.SUPPLEMENT) is None
    first = wait_for(making)
    again = wait_for(notice_actions.issue_and_preview(parent, village, case_no,
                                                      NoticeKind.SUPPLEMENT))
    assert first is not None and again is not None and not boxes.warnings
    assert not first.reprint and again.reprint and first.pdf == again.pdf
    assert [s.notice.notice_no for s in shown] == [first.notice.notice_no] * 2
    # issuing the supplement notice records it on the case
    assert village.cases.get(case_no).supplement_notice_at is not None


def test_refused_notice_is_explained(qtbot, village: Desk, case_no: str, boxes,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notice_actions, "show_preview", lambda *_a: pytest.fail("no preview"))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert notice_actions.issue_and_preview(parent, village, case_no,
                                            NoticeKind.RECEIPT) is None
    assert "办结后" in boxes.warnings[-1]


def test_print_through_qprinter_to_a_pdf_file(qtbot, village: Desk, case_no: str,
                                              tmp_path: Path) -> None:
    issued = village.notices.issue(case_no, NoticeKind.ONE_TIME)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    pages = print_pdf(issued.pdf, printer)
    assert pages >= 1
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert re.search(rf"^Pages:\s+{pages}$", info, re.M), info


def test_preview_prints_with_the_dialog_choice(qtbot, village: Desk, case_no: str, boxes,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    issued = village.notices.issue(case_no, NoticeKind.ENTRUST)
    out = tmp_path / "from-dialog.pdf"

    def choose(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(notice_preview, "ask_printer", choose)
    preview = NoticePreview(issued)
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 1
    preview.print_notice()
    assert not boxes.warnings and out.exists()
    saved = tmp_path / "copy.pdf"
    monkeypatch.setattr(notice_preview, "ask_save_path", lambda *_a: str(saved))
    preview.save_copy()
    assert saved.read_bytes() == issued.pdf


def test_rules_board_from_settings(qtbot, village: Desk, boxes,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from station_desk.ui.settings import page as settings

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(settings, "show_pdf", lambda _p, pdf, name: shown.append((pdf, name)))
    page = settings.SettingsPage(village)
    qtbot.addWidget(page)
    page.refresh()
    page.tabs.show_tab(page.board_page)  # made when first shown
    page.board_size.setCurrentText("A3")
    making = page.print_board()
    assert page.print_board() is None  # a second click while it is made: nothing more
    wait_for(making)
    assert not boxes.warnings
    pdf, name = shown[0]
    assert pdf.startswith(b"%PDF") and name.endswith("A3")
    if shutil.which("pdfinfo"):
        out = Path(village.data_dir) / "board.pdf"
        out.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        assert re.search(r"^Pages:\s+3$", info, re.M)  # a village: 3 rules, one per page
