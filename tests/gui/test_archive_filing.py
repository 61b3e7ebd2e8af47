"""档案's filing and 查阅/复印 register: filing, a request, the head's decision, return."""

from __future__ import annotations

import pytest
from archive_helpers import page, register
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from station_desk.domain.archive import Borrowing, BorrowKind, Retention
from station_desk.ui.archive import models as archive_models
from station_desk.ui.archive import page as archive
from station_desk.ui.archive.dialogs import (
    BorrowDialog,
    BorrowInput,
    Decision,
    FilingDialog,
    FilingInput,
)
from station_desk.ui.archive.page import ArchivePage

__all__ = ["page"]  # fixtures, used by name


def cell(table: QTableView, row: int, column: int) -> str:
    return str(table.model().index(row, column).data() or "")


def test_filing_from_the_page(page: ArchivePage, boxes, qtmodeltester,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    case_no = register(page.desk, "08-02", serial=1)
    open_case = register(page.desk, "08-02", serial=2, finish=False)
    monkeypatch.setattr(archive, "ask_filing",
                        lambda _p: FilingInput(open_case, None, ""))
    assert page.file_case() is None and "还没有办结" in boxes.warnings[-1]
    monkeypatch.setattr(archive, "ask_filing",
                        lambda _p: FilingInput(case_no, Retention.PERMANENT, "档案柜1"))
    number = page.file_case()
    assert number is not None and number.endswith("-Y-0001")
    assert number in boxes.said[-1]
    assert page.files_table.model().rowCount() == 1
    assert cell(page.files_table, 0, 0) == number
    assert cell(page.files_table, 0, 6) == "档案柜1"
    qtmodeltester.check(page.files_model)
    page.search.setText("没有这个")
    page.refresh_files()
    assert page.files_table.model().rowCount() == 0


@pytest.fixture
def request_made(page: ArchivePage, monkeypatch: pytest.MonkeyPatch) -> Borrowing:
    number = page.desk.archive.file_case(register(page.desk, "08-02", serial=1)).archive_no
    page.refresh()
    page.tabs.show_tab(page.register_page)  # made when first shown
    page.files_table.selectRow(0)
    suggested: list[str] = []

    def ask(_p: object, archive_no: str) -> BorrowInput:
        suggested.append(archive_no)
        return BorrowInput(archive_no, "刘桂兰", "低保复核", BorrowKind.READ)

    monkeypatch.setattr(archive, "ask_borrow", ask)
    made = page.request_borrow()
    assert made is not None and suggested == [number]  # the selected file is suggested
    assert page.tabs.currentIndex() == 2
    assert page.selected_borrowing() == made
    return made


def test_clerk_cannot_approve(page: ArchivePage, request_made: Borrowing, boxes,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    page.desk.session.sign_in("张丽", "222222")
    monkeypatch.setattr(archive, "ask_decision",
                        lambda *_a: pytest.fail("a clerk is not asked to decide"))
    page.select_borrowing(request_made.id)
    assert page.decide() is None
    assert "只能由站长" in boxes.warnings[-1]
    assert page.desk.archive.borrowings(pending_only=True)[0].id == request_made.id


def test_head_approves_and_it_is_returned(page: ArchivePage, request_made: Borrowing, boxes,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "ask_decision", lambda *_a: Decision(True))
    done = page.decide()
    assert done is not None and done.state == "借阅中" and not boxes.warnings
    states = [cell(page.borrow_table, r, 5) for r in range(page.borrow_table.model().rowCount())]
    assert states == ["借阅中"]
    assert "王建国同意" in cell(page.borrow_table, 0, 6)
    assert page.decide() is None and "已经审批过了" in boxes.warnings[-1]
    back = page.mark_returned()
    assert back is not None and back.state == "已归还"
    assert cell(page.borrow_table, 0, 7)


def test_head_refuses_with_a_reason(page: ArchivePage, request_made: Borrowing, boxes,
                                    qtmodeltester, monkeypatch: pytest.MonkeyPatch) -> None:
    model = page.borrow_model
    assert model.is_marked(0, model.COL_STATE)  # waiting for the head: amber
    assert model.data(model.index(0, model.COL_STATE), Qt.ItemDataRole.ForegroundRole) \
        == archive_models.WAITING_BRUSH
    monkeypatch.setattr(archive, "ask_decision", lambda *_a: Decision(False, ""))
    assert page.decide() is None and "理由" in boxes.warnings[-1]
    monkeypatch.setattr(archive, "ask_decision", lambda *_a: Decision(False, "与本人无关"))
    done = page.decide()
    assert done is not None and done.state == "未批准"
    assert model.data(model.index(0, model.COL_STATE), Qt.ItemDataRole.ForegroundRole) \
        == archive_models.DANGER_BRUSH
    qtmodeltester.check(model)
    assert page.mark_returned() is None and "未经批准" in boxes.warnings[-1]
    page.pending_only.setChecked(True)
    assert page.borrow_table.model().rowCount() == 0


def test_nothing_selected_is_said(page: ArchivePage, boxes) -> None:
    assert page.mark_returned() is None
    assert "选中" in boxes.warnings[-1]


def test_dialogs_hand_back_enums(qtbot) -> None:
    filing = FilingDialog()
    qtbot.addWidget(filing)
    filing.case_no.setText(" 610922101201-2026-00001 ")
    assert filing.result_input() == FilingInput("610922101201-2026-00001", None, "")
    filing.retention.setCurrentIndex(filing.retention.findData("D10"))
    assert filing.result_input().retention is Retention.YEARS_10
    borrow = BorrowDialog("X-1")
    qtbot.addWidget(borrow)
    borrow.kind.setCurrentIndex(1)
    assert borrow.result_input().kind is BorrowKind.COPY
