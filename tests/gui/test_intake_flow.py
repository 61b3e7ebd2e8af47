"""After saving an intake: the needed notices in one step, then the new case selected."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from tests.gui.test_cases_ui import register

from station_desk.domain.notices import NoticeKind
from station_desk.services.desk import Desk
from station_desk.ui.cases import page as cases_page
from station_desk.ui.cases.after_intake import AfterIntakeDialog
from station_desk.ui.cases.page import CasesPage
from station_desk.ui.jobs import wait_for
from station_desk.ui.notices import actions


@pytest.fixture
def desk(village: Desk) -> Desk:
    village.session.sign_in("张丽", "222222")
    return village


def test_proxy_walk_in_gets_one_time_and_entrust_in_one_step(
        qtbot, desk: Desk, boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(desk, "王秀英", proxy=True)
    result = type("R", (), {"case": desk.cases.get(case_no), "warnings": []})()
    shown: list[bytes] = []
    monkeypatch.setattr(actions, "show_pdf_preview",
                        lambda _p, pdf, _n, _i: shown.append(pdf))
    from station_desk.ui.cases import after_intake
    monkeypatch.setattr(after_intake, "show_pdf_preview",
                        lambda _p, pdf, _n, _i: shown.append(pdf))
    dialog = AfterIntakeDialog(desk, result, "已登记")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    assert list(dialog.boxes) == [NoticeKind.ONE_TIME, NoticeKind.ENTRUST]
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter prints what is ticked
    wait_for(dialog.making.job)  # made in the runner
    assert dialog.result() == 1 and len(shown) == 1
    assert len(PdfReader(io.BytesIO(shown[0])).pages) >= 2  # both, printed together
    kinds = {n.kind for n in desk.notices.for_case(case_no)}
    assert kinds == {NoticeKind.ONE_TIME.value, NoticeKind.ENTRUST.value}
    assert desk.notices.needed_now(case_no) == []


def test_supplement_offered_when_papers_are_missing(desk: Desk) -> None:
    case_no = register(desk, "陈德福", serial=5, complete=False)
    assert desk.notices.needed_now(case_no) == [NoticeKind.ONE_TIME, NoticeKind.SUPPLEMENT]


def test_enter_opens_the_selected_case(qtbot, desk: Desk,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(desk, "杨帆")
    page = CasesPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.land_on(case_no)
    opened: list[str] = []
    monkeypatch.setattr(cases_page, "open_detail", lambda _p, no: opened.append(no))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [case_no]
